from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from objectives import services
from objectives.models import Action, ProgressUpdate
from tests.factories import ActionFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

pytestmark = pytest.mark.django_db


def record(action, progress_round, author, rag=ProgressUpdate.Rag.GREEN, progress="Done a lot.", impact=""):
    return services.record_progress(
        action=action, progress_round=progress_round, author=author, rag=rag, progress=progress, impact=impact
    )


def test_record_progress_creates_an_update_for_the_action_and_round():
    action = ActionFactory()
    progress_round = ProgressRoundFactory(plan=action.plan)
    author = UserFactory()

    update = record(action, progress_round, author, progress="Audit finished.", impact="Repeat referrals down to 17%.")

    update.refresh_from_db()
    assert (update.action, update.round, update.author) == (action, progress_round, author)
    assert (update.rag, update.progress, update.impact) == ("green", "Audit finished.", "Repeat referrals down to 17%.")


def test_recording_again_updates_the_same_row_rather_than_adding_one():
    action = ActionFactory()
    progress_round = ProgressRoundFactory(plan=action.plan)
    author = UserFactory()
    first = record(action, progress_round, author, rag=ProgressUpdate.Rag.AMBER, progress="Started.")

    second = record(action, progress_round, author, rag=ProgressUpdate.Rag.GREEN, progress="Nearly there.")

    assert second.pk == first.pk
    assert ProgressUpdate.objects.filter(action=action).count() == 1
    assert ProgressUpdate.objects.get().progress == "Nearly there."


def test_rewriting_someone_elses_progress_keeps_them_as_author():
    update = ProgressUpdateFactory(author=UserFactory(username="officer"))
    manager = UserFactory(username="editor")

    record(update.action, update.round, manager, progress="Edited by the board manager.")

    update.refresh_from_db()
    assert update.author.username == "officer"


def test_complete_rag_marks_the_action_completed_today():
    action = ActionFactory()
    progress_round = ProgressRoundFactory(plan=action.plan)

    record(action, progress_round, UserFactory(), rag=ProgressUpdate.Rag.COMPLETE)

    action.refresh_from_db()
    assert action.status == Action.Status.COMPLETED
    assert action.completed_on == timezone.localdate()


def test_complete_rag_keeps_the_date_an_action_was_already_completed():
    action = ActionFactory(status=Action.Status.COMPLETED, completed_on=date(2025, 9, 1))
    progress_round = ProgressRoundFactory(plan=action.plan)

    record(action, progress_round, UserFactory(), rag=ProgressUpdate.Rag.COMPLETE)

    action.refresh_from_db()
    assert action.completed_on == date(2025, 9, 1)


def test_other_rags_leave_the_action_open():
    action = ActionFactory()
    progress_round = ProgressRoundFactory(plan=action.plan)

    record(action, progress_round, UserFactory(), rag=ProgressUpdate.Rag.RED)

    action.refresh_from_db()
    assert action.status == Action.Status.OPEN


def test_a_round_of_another_plan_is_refused_and_nothing_is_saved():
    action = ActionFactory()
    other_round = ProgressRoundFactory()

    with pytest.raises(ValidationError, match="another plan"):
        record(action, other_round, UserFactory(), rag=ProgressUpdate.Rag.COMPLETE)

    action.refresh_from_db()
    assert not ProgressUpdate.objects.exists()
    assert action.status == Action.Status.OPEN


def test_an_unknown_rag_is_refused():
    action = ActionFactory()
    progress_round = ProgressRoundFactory(plan=action.plan)

    with pytest.raises(ValidationError, match="rag"):
        record(action, progress_round, UserFactory(), rag="purple")
