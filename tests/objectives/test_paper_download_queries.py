"""A second download of an unchanged committee paper finds its file by the paper's hash: a fixed number of queries
however long the paper, and the stored file's source data (a whole paper) is left in the database."""

from datetime import date
from http import HTTPStatus

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.background_tasks import run_worker
from tests.factories import ActionFactory, AimFactory, ObjectiveFactory, ProgressRoundFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db


def round_of(action_count: int):
    progress_round = ProgressRoundFactory(plan__title="2025/26", as_of=date(2025, 12, 31))
    objective = ObjectiveFactory(aim=AimFactory(plan=progress_round.plan, number=1), ref="1.1")
    for number in range(1, action_count + 1):
        ProgressUpdateFactory(action=ActionFactory(objective=objective, ref=f"1.1.{number}"), round=progress_round)
    return progress_round


def made_already(client, queue, progress_round) -> str:
    url = reverse("objectives:report_docx", args=[progress_round.plan_id, progress_round.pk])
    assert client.get(url).status_code == HTTPStatus.ACCEPTED
    run_worker(queue)
    return url


@pytest.mark.parametrize("action_count", [2, 12])
def test_a_second_download_takes_the_same_queries_however_many_actions(
    reader_client, queue_only, action_count, django_assert_num_queries
):
    url = made_already(reader_client, queue_only, round_of(action_count))

    # The report page's 26 (tests/objectives/test_report.py), one for the file, found by its hash, and one to record
    # the download in the audit log.
    with django_assert_num_queries(27):
        response = reader_client.get(url)

    assert response.status_code == HTTPStatus.OK
    assert response.content.startswith(b"PK")
    assert not queue_only.results


def test_a_second_download_leaves_what_the_file_was_made_from_in_the_database(reader_client, queue_only):
    url = made_already(reader_client, queue_only, round_of(2))

    with CaptureQueriesContext(connection) as queries:
        reader_client.get(url)

    [lookup] = [query["sql"] for query in queries if "core_generatedfile" in query["sql"]]
    assert '"content"' in lookup
    assert '"source"' not in lookup
