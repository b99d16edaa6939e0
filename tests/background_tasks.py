"""Running the task worker in a test: the `queue_only` fixture (tests/conftest.py) keeps the tasks until then."""

from datetime import date

from tests.factories import ActionFactory, AimFactory, ObjectiveFactory, ProgressRoundFactory


def run_worker(queue) -> None:
    """What `manage.py db_worker` does with each queued task."""
    for result in list(queue.results):
        result.task.call(*result.args, **result.kwargs)
    queue.clear()


def round_with_an_action(as_of: date, **plan_fields):
    """A progress round of a new plan with one action, the least a committee paper is made from."""
    progress_round = ProgressRoundFactory(plan__title="2025/26", as_of=as_of, **plan_fields)
    aim = AimFactory(plan=progress_round.plan, number=1)
    ActionFactory(objective=ObjectiveFactory(aim=aim, ref="1.1"), ref="1.1.1")
    return progress_round
