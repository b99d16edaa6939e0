"""Stub: replaced by the action sources."""


def register_action_sources() -> None:
    pass
