"""Where an action comes from when that is not an objective of the plan: a case review's recommendation, a CDOP report.

objectives never imports the apps that make such actions: they register a source from their AppConfig.ready():

    register(recommendation_sources)

A source is a callable `source(actions, *, user)` that returns {action id: ActionSource(label, url)} for the
actions it knows, read in one query (or none), and only what `user` may see.
"""

from collections.abc import Callable, Iterable
from typing import NamedTuple


class ActionSource(NamedTuple):
    label: str  # "Child S, recommendation 2"
    url: str


Source = Callable[..., dict[int, ActionSource]]

_REGISTERED: list[Source] = []


def register(source: Source) -> None:
    """Ask `source` about every action from now on; registering it again changes nothing."""
    if source not in _REGISTERED:
        _REGISTERED.append(source)


def unregister(source: Source) -> None:
    if source in _REGISTERED:
        _REGISTERED.remove(source)


def sources_of(actions: Iterable, *, user) -> dict[int, ActionSource]:
    """Where each of these actions comes from, for those a source knows; the first source registered wins."""
    actions = list(actions)
    found: dict[int, ActionSource] = {}
    if not actions:
        return found
    for source in _REGISTERED:
        for action_id, (label, url) in source(actions, user=user).items():
            found.setdefault(action_id, ActionSource(label, url))
    return found


def source_of(action, *, user) -> ActionSource | None:
    return sources_of([action], user=user).get(action.pk)
