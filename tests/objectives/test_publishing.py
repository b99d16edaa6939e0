"""Publishing a round's report: frozen files and data, change marks, and the board's record."""

import hashlib
from datetime import date
from http import HTTPStatus
from io import BytesIO

import pytest
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import timezone
from docx import Document

from objectives.models import Action, ProgressUpdate, PublishedReport
from objectives.paper.build import build_paper
from objectives.paper.pdf import render_pdf
from objectives.paper.snapshot import from_snapshot, to_snapshot
from objectives.paper.word import render_word
from objectives.services.publishing import publish_report
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.objectives.paper_reading import plan_tables

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26")


@pytest.fixture
def september(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 9, 30))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))


@pytest.fixture
def objective(plan):
    return ObjectiveFactory(aim=AimFactory(plan=plan, number=1, title="Children are safe"), ref="1.1")


@pytest.fixture
def actions(objective, september):
    """Three actions with September's progress: amber, green and red."""
    rags = [ProgressUpdate.Rag.AMBER, ProgressUpdate.Rag.GREEN, ProgressUpdate.Rag.RED]
    made = []
    for number, rag in enumerate(rags, start=1):
        action = ActionFactory(objective=objective, ref=f"1.1.{number}", text=f"Action {number}")
        ProgressUpdateFactory(action=action, round=september, rag=rag, progress=f"September progress {number}.")
        made.append(action)
    return made


def _rows_by_ref(published):
    return {row.ref: row for row in from_snapshot(published.snapshot).rows}


# The service


def test_publishing_stores_the_report_files_and_their_fingerprints(board_manager, september, actions):
    published = publish_report(progress_round=september, published_by=board_manager)

    published.refresh_from_db()
    assert published.title == "Business plan 2025/26: Progress report September 2025"
    assert (published.plan, published.round, published.published_by) == (september.plan, september, board_manager)
    assert bytes(published.pdf).startswith(b"%PDF-")
    assert bytes(published.docx).startswith(b"PK")
    assert published.pdf_sha256 == hashlib.sha256(bytes(published.pdf)).hexdigest()
    assert published.docx_sha256 == hashlib.sha256(bytes(published.docx)).hexdigest()
    assert "September progress 3." in published.html


def test_publishing_keeps_the_data_behind_the_files(board_manager, september, actions):
    published = publish_report(progress_round=september, published_by=board_manager)

    published.refresh_from_db()
    rows = _rows_by_ref(published)
    assert list(rows) == ["1.1.1", "1.1.2", "1.1.3"]
    assert (rows["1.1.3"].text, rows["1.1.3"].rag_label, rows["1.1.3"].progress) == (
        "Action 3",
        "Red",
        "September progress 3.",
    )
    assert published.snapshot["author"] == "Morgan Manager"
    assert published.snapshot["round_label"] == "Progress report September 2025"


def test_published_files_are_made_from_the_stored_snapshot(board_manager, september, actions):
    published = publish_report(progress_round=september, published_by=board_manager)

    published.refresh_from_db()
    paper = from_snapshot(published.snapshot)
    assert render_pdf(paper) == bytes(published.pdf)
    assert render_word(paper) == bytes(published.docx)


def test_a_snapshot_reads_back_as_the_same_paper(september, actions):
    paper = build_paper(progress_round=september, author="Alex Marlowe")

    assert from_snapshot(to_snapshot(paper)) == paper


# A publication stored before the snapshot was read from the dataclasses, exactly as it was saved.
_STORED_ROW = {
    "action_id": 7,
    "ref": "1.1.1",
    "text": "Audit referrals",
    "lead_agencies": ["Police"],
    "target": "March 2026",
    "status": "",
    "rag": "green",
    "rag_label": "Green",
    "progress": "Done",
    "impact": "",
    "earlier_round": "",
    "changes": ["New action"],
}
_STORED_SNAPSHOT = {
    "schema": 1,
    "board_name": "Fenbridge LSCB",
    "committee_name": "Children's Scrutiny Committee",
    "plan_title": "2025/26",
    "round_label": "Progress report September 2025",
    "as_of": "2025-09-30",
    "produced_on": "2025-10-03",
    "author": "",
    "changes": {"since": "2025-06-30", "new_actions": 1, "rag_changes": 0, "new_progress": 1},
    "aims": [
        {"number": 1, "title": "Aim", "objectives": [{"ref": "1.1", "title": "Objective", "rows": [_STORED_ROW]}]}
    ],
    "sections": [{"kind": "cdop", "title": "Child Death Overview Panel", "data": {"action_groups": []}}],
}


def test_a_snapshot_stored_before_still_reads_back():
    paper = from_snapshot(_STORED_SNAPSHOT)

    assert paper.changes.since == date(2025, 6, 30)
    assert paper.rows[0].action_id == 7
    assert paper.rows[0].lead_agencies == ("Police",)
    assert paper.rows[0].changes == ("New action",)
    assert paper.sections[0].data == {"action_groups": []}
    # Read with today's defaults for what it lacks (a tree, Aim / Objective / Action, three columns, the RAG key).
    assert (paper.shape, paper.aim_name, paper.columns, paper.key) == (
        "tree",
        "Aim",
        ("ref", "action", "progress"),
        None,
    )
    assert from_snapshot(to_snapshot(paper)) == paper


def test_a_snapshot_of_an_unknown_shape_is_refused(september, actions):
    snapshot = {**to_snapshot(build_paper(progress_round=september, author="")), "schema": 99}

    with pytest.raises(ValueError, match="Cannot read a report snapshot of schema 99"):
        from_snapshot(snapshot)


def test_a_published_report_stays_byte_for_byte_the_same_after_the_plan_changes(
    board_manager, plan, september, objective, actions
):
    published = publish_report(progress_round=september, published_by=board_manager)
    published.refresh_from_db()
    before = (bytes(published.pdf), bytes(published.docx), published.html, published.snapshot)
    hashes = (published.pdf_sha256, published.docx_sha256)

    plan.title = "2025/26 (revised)"
    plan.save()
    objective.title = "A new objective title"
    objective.save()
    actions[0].text = "Rewritten action text"
    actions[0].save()
    actions[1].is_deleted = True
    actions[1].save()
    update = ProgressUpdate.objects.get(action=actions[2], round=september)
    update.progress, update.rag = "Rewritten September progress.", ProgressUpdate.Rag.GREEN
    update.save()
    ActionFactory(objective=objective, ref="1.1.4", text="A brand new action")

    published.refresh_from_db()
    assert (bytes(published.pdf), bytes(published.docx), published.html, published.snapshot) == before
    assert (published.pdf_sha256, published.docx_sha256) == hashes
    assert hashlib.sha256(bytes(published.pdf)).hexdigest() == hashes[0]
    live = build_paper(progress_round=september, author="")
    assert [row.text for row in live.rows] == ["Rewritten action text", "Action 3", "A brand new action"]


# Change marks


def test_the_first_publication_marks_nothing(board_manager, september, actions):
    published = publish_report(progress_round=september, published_by=board_manager)

    assert published.snapshot["changes"] is None
    assert all(row.changes == () for row in _rows_by_ref(published).values())


def test_a_later_publication_marks_new_actions_rag_changes_and_new_progress(
    board_manager, september, december, objective, actions
):
    first = publish_report(progress_round=september, published_by=board_manager)
    ProgressUpdateFactory(action=actions[0], round=december, rag=ProgressUpdate.Rag.GREEN, progress="Done more.")
    ProgressUpdateFactory(action=actions[1], round=december, rag=ProgressUpdate.Rag.GREEN, progress="New words.")
    ActionFactory(objective=objective, ref="1.1.4", text="A brand new action")

    published = publish_report(progress_round=december, published_by=board_manager)

    rows = _rows_by_ref(published)
    assert rows["1.1.1"].changes == ("RAG changed from Amber to Green", "New progress")
    assert rows["1.1.2"].changes == ("New progress",)
    assert rows["1.1.3"].changes == ()
    assert rows["1.1.4"].changes == ("New action",)
    since = timezone.localdate(first.published_at)
    assert from_snapshot(published.snapshot).changes.sentence == (
        f"Since the report published on {since.day} {since:%B %Y}: 1 new action, 1 RAG change, 2 new progress texts."
    )


def test_change_marks_appear_in_the_published_files(board_manager, september, december, objective, actions):
    publish_report(progress_round=september, published_by=board_manager)
    ProgressUpdateFactory(action=actions[2], round=december, rag=ProgressUpdate.Rag.AMBER, progress="Better.")

    published = publish_report(progress_round=december, published_by=board_manager)

    assert "<li>RAG changed from Red to Amber</li><li>New progress</li>" in published.html
    # Ref, Action, Responsibility or lead, Target, then progress
    table = plan_tables(Document(BytesIO(bytes(published.docx))).tables)[0]
    progress_cells = [row.cells[4] for row in table.rows[2:]]
    assert progress_cells[2].paragraphs[0].text == "RAG changed from Red to Amber; New progress"


def test_publishing_a_round_again_compares_with_its_own_earlier_publication(board_manager, september, actions):
    publish_report(progress_round=september, published_by=board_manager)
    update = ProgressUpdate.objects.get(action=actions[0], round=september)
    update.progress = "Corrected September progress."
    update.save()

    published = publish_report(progress_round=september, published_by=board_manager)

    assert _rows_by_ref(published)["1.1.1"].changes == ("New progress",)
    assert [row.changes for ref, row in _rows_by_ref(published).items() if ref != "1.1.1"] == [(), ()]


def test_an_earlier_round_is_never_compared_with_a_later_ones_publication(
    board_manager, september, december, objective, actions
):
    ProgressUpdateFactory(action=actions[0], round=december, rag=ProgressUpdate.Rag.COMPLETE)
    publish_report(progress_round=december, published_by=board_manager)

    published = publish_report(progress_round=september, published_by=board_manager)

    assert published.snapshot["changes"] is None


def test_a_deleted_action_leaves_the_next_publication(board_manager, september, actions):
    publish_report(progress_round=september, published_by=board_manager)
    actions[1].is_deleted = True
    actions[1].save()

    published = publish_report(progress_round=september, published_by=board_manager)

    assert list(_rows_by_ref(published)) == ["1.1.1", "1.1.3"]


# The publish page


def _publish_url(progress_round):
    return reverse("objectives:report_publish", args=[progress_round.plan_id, progress_round.pk])


def test_publish_page_asks_the_manager_to_confirm_the_first_publication(manager_client, september, actions):
    response = manager_client.get(_publish_url(september))

    assert response.status_code == HTTPStatus.OK
    content = response.content.decode()
    assert "Publish Business plan 2025/26: Progress report September 2025" in content
    assert "3 actions; 3 with progress accepted for Progress report September 2025." in content
    assert "This is the plan's first published report, so nothing is marked as changed." in content
    assert '<button type="submit" class="btn btn-primary">Publish report</button>' in content
    assert not PublishedReport.objects.exists()


def test_publish_page_lists_what_will_be_marked_as_changed(manager_client, board_manager, september, december, actions):
    publish_report(progress_round=september, published_by=board_manager)
    ProgressUpdateFactory(action=actions[0], round=december, rag=ProgressUpdate.Rag.GREEN)

    response = manager_client.get(_publish_url(december))

    content = response.content.decode()
    assert "1 RAG change, 1 new progress text." in content
    assert '<tr><th scope="row">1.1.1</th><td>RAG changed from Amber to Green; New progress</td></tr>' in content
    assert "This round is still open" in content


def test_manager_publishes_and_lands_on_the_published_report(manager_client, september, actions):
    response = manager_client.post(_publish_url(september), follow=True)

    published = PublishedReport.objects.get()
    assert response.redirect_chain == [(published.get_absolute_url(), HTTPStatus.FOUND)]
    assert "Published Business plan 2025/26: Progress report September 2025." in response.content.decode()
    assert published.published_by.username == "manager"


@pytest.mark.parametrize("persona_client", ["reader_client", "contributor_client"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_only_the_board_manager_may_publish(persona_client, method, request, september, actions):
    client = request.getfixturevalue(persona_client)

    response = getattr(client, method)(_publish_url(september))

    assert response.status_code == HTTPStatus.FORBIDDEN
    assert not PublishedReport.objects.exists()


def test_publishing_a_round_of_another_plan_is_not_found(manager_client, september):
    other_plan = BusinessPlanFactory()

    response = manager_client.post(reverse("objectives:report_publish", args=[other_plan.pk, september.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND
    assert not PublishedReport.objects.exists()


# The board's record


@pytest.fixture
def published(board_manager, september, actions):
    return publish_report(progress_round=september, published_by=board_manager)


def test_reader_sees_the_list_of_published_reports(reader_client, published):
    response = reader_client.get(reverse("objectives:published_list"))

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert f'<a href="{published.get_absolute_url()}">{published.title}</a>' in content
    assert "<td>Morgan Manager</td>" in content
    assert reverse("objectives:published_file", args=[published.pk, "pdf"]) in content
    assert reverse("objectives:published_file", args=[published.pk, "docx"]) in content


@pytest.mark.parametrize("publications", [2, 6])
def test_published_list_queries_do_not_grow_with_publications(
    reader_client, board_manager, september, actions, publications, django_assert_num_queries
):
    for _ in range(publications):
        publish_report(progress_round=september, published_by=board_manager)

    # session, user, the user's own and their groups' permissions, the count for the pager,
    # and one page of publications with their plans, rounds and publishers
    with django_assert_num_queries(5):
        response = reader_client.get(reverse("objectives:published_list"))

    assert response.content.decode().count('<th scope="row">') == publications


def test_published_list_is_forbidden_without_a_role(client, published):
    client.force_login(UserFactory(username="no.role"))

    response = client.get(reverse("objectives:published_list"))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_published_report_shows_the_paper_as_it_was_published(reader_client, published, actions):
    actions[0].text = "Rewritten after publication"
    actions[0].save()

    response = reader_client.get(published.get_absolute_url())

    content = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert '<p class="report-board">' in content
    assert "<p>Action 1</p>" in content
    assert "Rewritten after publication" not in content
    assert (
        f'href="{reverse("objectives:published_file", args=[published.pk, "pdf"])}" download>Download PDF</a>'
        in content
    )


@pytest.mark.parametrize("file_format", ["pdf", "docx", "html"])
def test_reader_downloads_the_stored_bytes_exactly(reader_client, published, actions, file_format):
    stored = {"pdf": bytes(published.pdf), "docx": bytes(published.docx), "html": published.html.encode()}
    actions[0].text = "Rewritten after publication"
    actions[0].save()

    response = reader_client.get(reverse("objectives:published_file", args=[published.pk, file_format]))

    assert response.status_code == HTTPStatus.OK
    assert response.content == stored[file_format]
    assert response["Content-Disposition"] == (
        f'attachment; filename="2025-26 progress report September 2025.{file_format}"'
    )


def test_a_published_file_in_another_format_is_not_found(reader_client, published):
    response = reader_client.get(reverse("objectives:published_file", args=[published.pk, "odt"]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_published_file_is_forbidden_without_a_role(client, published):
    client.force_login(UserFactory(username="no.role"))

    response = client.get(reverse("objectives:published_file", args=[published.pk, "pdf"]))

    assert response.status_code == HTTPStatus.FORBIDDEN


# The admin shows the record and changes nothing


def test_admin_lists_published_reports(admin_client, published):
    response = admin_client.get(reverse("admin:objectives_publishedreport_changelist"))

    assert response.status_code == HTTPStatus.OK
    assert published.title in response.content.decode()


def test_admin_shows_a_published_report_read_only(admin_client, published):
    response = admin_client.get(reverse("admin:objectives_publishedreport_change", args=[published.pk]))

    assert response.status_code == HTTPStatus.OK
    assert 'name="_save"' not in response.content.decode()


def test_admin_cannot_change_a_published_report(admin_client, published):
    response = admin_client.post(
        reverse("admin:objectives_publishedreport_change", args=[published.pk]), {"title": "Changed"}
    )

    published.refresh_from_db()
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert published.title == "Business plan 2025/26: Progress report September 2025"


@pytest.mark.parametrize("url_name", ["add", "delete"])
def test_admin_cannot_add_or_delete_published_reports(admin_client, published, url_name):
    args = [] if url_name == "add" else [published.pk]

    response = admin_client.get(reverse(f"admin:objectives_publishedreport_{url_name}", args=args))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_a_plan_with_published_reports_cannot_be_deleted(published):
    with pytest.raises(ProtectedError):
        published.plan.delete()

    assert Action.objects.exists()
