"""How progress that came in through an import is credited on the action's page."""

import pytest

from objectives.models import Action
from tests.factories import ProgressUpdateFactory, UserFactory
from tests.objectives.import_files import plan_row, run_import, write_csv

pytestmark = pytest.mark.django_db


def test_action_page_says_imported_progress_came_from_a_file(manager_client, tmp_path):
    path = write_csv(
        tmp_path / "plan.csv", [plan_row(action="1.1.1", progress_date="December 2025", progress="Done", rag="Green")]
    )
    run_import(path)
    action = Action.objects.get(ref="1.1.1")

    content = manager_client.get(action.get_absolute_url()).content.decode()

    assert "Imported from a file, last changed" in content
    assert "Written by" not in content


def test_progress_whose_writer_was_removed_is_not_called_imported(manager_client):
    update = ProgressUpdateFactory(author=None, accepted_by=UserFactory())

    content = manager_client.get(update.action.get_absolute_url()).content.decode()

    assert not update.was_imported
    assert "Written by someone whose account has been removed" in content
    assert "Imported from a file" not in content
