"""Other apps tell the action page where an action comes from through registered sources."""

from types import SimpleNamespace

import pytest

from objectives import action_sources
from objectives.action_sources import ActionSource


@pytest.fixture
def empty_registry(monkeypatch):
    # A registry of the test's own, so the apps' real sources are untouched whatever happens here.
    monkeypatch.setattr(action_sources, "_REGISTERED", [])


def source_naming(label, asked=None):
    """A source that knows every action it is asked about, and notes each call in `asked`."""

    def source(actions, *, user):
        if asked is not None:
            asked.append([action.pk for action in actions])
        return {action.pk: (label, f"/{label}/") for action in actions}

    return source


ACTIONS = [SimpleNamespace(pk=1), SimpleNamespace(pk=2)]


def test_each_action_gets_the_answer_of_the_first_source_that_knows_it(empty_registry):
    def knows_only_the_second(actions, *, user):
        return {2: ("Child S, recommendation 2", "/reviews/1/#recommendation-2")}

    action_sources.register(knows_only_the_second)
    action_sources.register(source_naming("fallback"))

    found = action_sources.sources_of(ACTIONS, user=None)

    assert found == {
        1: ActionSource("fallback", "/fallback/"),
        2: ActionSource("Child S, recommendation 2", "/reviews/1/#recommendation-2"),
    }
    assert found[2].label == "Child S, recommendation 2"


def test_a_source_registered_twice_is_asked_once(empty_registry):
    asked = []
    source = source_naming("review", asked)
    action_sources.register(source)
    action_sources.register(source)

    action_sources.sources_of(ACTIONS, user=None)

    assert asked == [[1, 2]]


def test_an_unregistered_source_is_no_longer_asked(empty_registry):
    asked = []
    source = source_naming("review", asked)
    action_sources.register(source)
    action_sources.unregister(source)
    action_sources.unregister(source)  # twice: harmless

    assert action_sources.source_of(ACTIONS[0], user=None) is None
    assert asked == []


def test_no_actions_asks_no_source(empty_registry):
    asked = []
    action_sources.register(source_naming("review", asked))

    assert action_sources.sources_of([], user=None) == {}
    assert asked == []


def test_the_user_is_passed_on_so_sources_show_only_what_they_may_see(empty_registry):
    def only_for_readers(actions, *, user):
        return {action.pk: ("Child S, recommendation 1", "/reviews/1/") for action in actions} if user.reads else {}

    action_sources.register(only_for_readers)

    assert action_sources.source_of(ACTIONS[0], user=SimpleNamespace(reads=True)) is not None
    assert action_sources.source_of(ACTIONS[0], user=SimpleNamespace(reads=False)) is None
