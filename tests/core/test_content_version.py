"""The content version (core.content_version): every table a paper may read raises it, however it is written,
and nothing else does."""

import threading
import time

import pytest
from django.apps import apps
from django.db import connection, connections, transaction

from core import content_version
from core.models import GeneratedFile
from objectives import roles
from objectives.models import Agency, ProgressUpdate
from objectives.services import progress
from tests.factories import ActionFactory, AgencyFactory, ProgressRoundFactory, UserFactory


def test_every_table_of_our_apps_is_watched_or_excluded_with_a_reason(db):
    """A new model's table is watched after `migrate` (core.apps installs its trigger); if no paper reads it and
    it is written often, name it in content_version.EXCLUDED with the reason instead."""
    ours = {
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in content_version.WATCHED_APPS and model._meta.managed and not model._meta.proxy
    }

    assert content_version.triggered_tables(connection) == ours - content_version.EXCLUDED.keys()
    # An excluded name that is no longer a table is a mistake waiting to hide a new one.
    assert content_version.EXCLUDED.keys() <= ours


def test_installing_again_adds_nothing(db):
    before = content_version.triggered_tables(connection)

    content_version.install(connection)

    assert content_version.triggered_tables(connection) == before


pytestmark_committed = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytestmark_committed
def test_a_save_an_update_and_a_delete_each_raise_it():
    agency = AgencyFactory()
    seen = [content_version.current()]

    agency.name = "Saved"
    agency.save()
    seen.append(content_version.current())
    Agency.objects.filter(pk=agency.pk).update(name="Updated")
    seen.append(content_version.current())
    Agency.objects.filter(pk=agency.pk).delete()
    seen.append(content_version.current())

    assert seen == sorted(set(seen))


@pytestmark_committed
def test_a_bulk_insert_raises_it():
    before = content_version.current()

    with transaction.atomic():
        Agency.objects.bulk_create([Agency(name=f"Agency {n}", short_name=f"A{n}") for n in range(50)])

    after = content_version.current()
    # Once per transaction on PostgreSQL (at commit); once per row on SQLite, which has no deferred triggers.
    assert after == before + (1 if connection.vendor == "postgresql" else 50)


@pytestmark_committed
def test_making_a_file_and_signing_in_leave_it_alone(client):
    user = UserFactory()
    before = content_version.current()

    GeneratedFile.objects.create(kind="test", key="k", source_label="x")
    GeneratedFile.objects.filter(kind="test").update(status=GeneratedFile.Status.READY, content=b"made")
    client.force_login(user)  # writes the user's last_login

    assert content_version.current() == before


@pytestmark_committed
def test_a_users_name_raises_it():
    user = UserFactory()
    before = content_version.current()

    user.last_name = "Renamed"
    user.save(update_fields=["last_name"])

    assert content_version.current() > before


def _progress_fields():
    action = ActionFactory()
    return {"action": action, "progress_round": ProgressRoundFactory(plan=action.plan), "rag": "green", "impact": ""}


@pytestmark_committed
def test_drafts_saved_submitted_returned_and_deleted_leave_it_alone():
    """No paper shows progress that is not accepted, and officers save drafts all round long."""
    officer = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS])
    manager = UserFactory(roles=[roles.BOARD_MANAGERS])
    fields = _progress_fields()
    before = content_version.current()

    update = progress.save_progress(author=officer, progress="Draft.", expected_version=None, **fields)
    update = progress.submit_progress(author=officer, progress="Sent.", expected_version=update.version, **fields)
    progress.return_progress(update=update, manager=manager, comment="Add figures.", expected_version=update.version)
    ProgressUpdate.objects.get(pk=update.pk).delete()

    assert content_version.current() == before


@pytestmark_committed
def test_accepting_editing_and_deleting_accepted_progress_each_raise_it():
    officer = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS])
    manager = UserFactory(roles=[roles.BOARD_MANAGERS])
    fields = _progress_fields()
    update = progress.submit_progress(author=officer, progress="Sent.", expected_version=None, **fields)
    seen = [content_version.current()]

    progress.accept_progress(
        update=update, manager=manager, rag="amber", progress="Accepted.", impact="", expected_version=update.version
    )
    seen.append(content_version.current())
    ProgressUpdate.objects.filter(pk=update.pk).update(progress="Edited after acceptance.")
    seen.append(content_version.current())
    ProgressUpdate.objects.filter(pk=update.pk).update(state=ProgressUpdate.State.RETURNED)  # no longer shown
    seen.append(content_version.current())
    ProgressUpdate.objects.filter(pk=update.pk).update(state=ProgressUpdate.State.ACCEPTED)
    seen.append(content_version.current())
    ProgressUpdate.objects.filter(pk=update.pk).delete()
    seen.append(content_version.current())

    assert seen == sorted(set(seen))


@pytestmark_committed
def test_a_trigger_of_an_earlier_release_that_fired_on_every_row_is_dropped():
    """Before WATCHED_ROWS, progress updates had an unconditional trigger; the next migrate drops it."""
    if connection.vendor == "postgresql":
        old = (
            'CREATE CONSTRAINT TRIGGER "cv_objectives_progressupdate" AFTER INSERT OR UPDATE OR DELETE '
            'ON "objectives_progressupdate" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW '
            "EXECUTE FUNCTION core_bump_content_version()"
        )
    else:
        old = (
            'CREATE TRIGGER "cv_objectives_progressupdate_u" AFTER UPDATE ON "objectives_progressupdate" '
            f"BEGIN {content_version._BUMP_SQLITE}; END"
        )
    with connection.cursor() as cursor:
        cursor.execute(old)
    content_version.install(connection)
    officer = UserFactory(roles=[roles.AGENCY_CONTRIBUTORS])
    fields = _progress_fields()
    update = progress.save_progress(author=officer, progress="Draft.", expected_version=None, **fields)
    before = content_version.current()

    progress.save_progress(author=officer, progress="Draft again.", expected_version=update.version, **fields)

    assert content_version.current() == before


@pytestmark_committed
def test_concurrent_writers_do_not_deadlock():
    """The first writer changes A and then B; the second changes B and commits. Had the counter been raised as
    each row was written, the first would hold the counter while waiting for B and the second would hold B while
    waiting for the counter: a deadlock. Raised at commit, the first simply waits for B.
    PostgreSQL only: SQLite lets one writer in at a time."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers")
    a, b = AgencyFactory(name="A"), AgencyFactory(name="B")
    before = content_version.current()
    first_wrote_a, second_wrote_b = threading.Event(), threading.Event()
    errors = []

    def first():
        try:
            with transaction.atomic():
                Agency.objects.filter(pk=a.pk).update(short_name="A1")
                first_wrote_a.set()
                second_wrote_b.wait(10)
                Agency.objects.filter(pk=b.pk).update(short_name="B1")  # waits for the second to commit
        except Exception as error:  # whatever went wrong is the test's answer
            errors.append(error)
        finally:
            connections.close_all()

    def second():
        try:
            first_wrote_a.wait(10)
            with transaction.atomic():
                Agency.objects.filter(pk=b.pk).update(short_name="B2")
                second_wrote_b.set()
                time.sleep(0.3)  # so the first is waiting for B when this commits
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert Agency.objects.get(pk=b.pk).short_name == "B1"
    assert content_version.current() == before + 2
