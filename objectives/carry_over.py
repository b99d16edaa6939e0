"""What else follows an action into next year's plan: a case review's recommendation, a CDOP year.

objectives never imports the apps that link actions to such things: they register a listener from their
AppConfig.ready():

    register(link_carried_action)

A listener is a callable `listener(old, new)`, called inside the rollover's transaction for each action carried
over, with the action it continues and the new one; whatever it raises undoes the whole rollover.
"""

from collections.abc import Callable

Listener = Callable[..., None]

_REGISTERED: list[Listener] = []


def register(listener: Listener) -> None:
    """Tell `listener` about every carried action from now on; registering it again changes nothing."""
    if listener not in _REGISTERED:
        _REGISTERED.append(listener)


def unregister(listener: Listener) -> None:
    if listener in _REGISTERED:
        _REGISTERED.remove(listener)


def carried(old, new) -> None:
    """Tell every listener that `new` continues `old` in another plan."""
    for listener in _REGISTERED:
        listener(old, new)
