"""Importing a plan in the browser: the upload page, the preview, and the confirmation."""

import io
import zipfile
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from core.models import StagedUpload
from objectives import roles
from objectives.models import Action, Agency, BusinessPlan, ProgressUpdate
from objectives.views.imports import PlanTarget
from tests.factories import ActionFactory, AgencyFactory, BusinessPlanFactory, UserFactory
from tests.import_pages import confirm
from tests.objectives.import_files import plan_row, write_csv

pytestmark = pytest.mark.django_db

UPLOAD_URL = reverse("objectives:import_upload")


def csv_file(tmp_path, rows, name="plan.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, write_csv(tmp_path / "file.csv", rows).read_bytes())


def upload(client, file, **data):
    return client.post(UPLOAD_URL, {"file": file, "plan": "", "new_title": "2026/27", **data})


def confirm_url(plan_import: StagedUpload) -> str:
    return reverse("objectives:import_confirm", args=[plan_import.token])


def uploaded(client, tmp_path, rows, **data) -> StagedUpload:
    response = upload(client, csv_file(tmp_path, rows), **data)
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    return StagedUpload.objects.get()


def test_the_upload_page_asks_for_a_file_and_a_plan(manager_client):
    BusinessPlanFactory(title="2025/26")

    response = manager_client.get(UPLOAD_URL)

    assertTemplateUsed(response, "objectives/import_upload.html")
    assertContains(response, 'enctype="multipart/form-data"')
    assertContains(response, '<option value="" selected>A new business plan</option>', html=True)
    assertContains(response, "Business plan 2025/26</option>")
    assertContains(response, "New plan’s title")


@pytest.mark.parametrize("persona", ["reader_client", "contributor_client"])
def test_only_board_managers_may_upload(request, persona, tmp_path):
    client = request.getfixturevalue(persona)

    get = client.get(UPLOAD_URL)
    post = upload(client, csv_file(tmp_path, [plan_row()]))

    assert (get.status_code, post.status_code) == (HTTPStatus.FORBIDDEN, HTTPStatus.FORBIDDEN)
    assert not StagedUpload.objects.exists()


def test_an_upload_is_kept_for_its_preview_and_nothing_is_imported_yet(manager_client, board_manager, tmp_path):
    file = csv_file(tmp_path, [plan_row()])

    response = upload(manager_client, file)

    plan_import = StagedUpload.objects.get()
    assert response.url == confirm_url(plan_import)
    assert len(plan_import.token) >= 40
    assert (plan_import.uploaded_by, plan_import.file_name, PlanTarget.from_name(plan_import.target_name)) == (
        board_manager,
        "plan.csv",
        PlanTarget("2026/27"),
    )
    assert bytes(plan_import.content) == (tmp_path / "file.csv").read_bytes()
    assert plan_import.applied_at is None
    assert not BusinessPlan.objects.exists()


def test_an_existing_plan_can_be_chosen(manager_client, tmp_path):
    plan = BusinessPlanFactory(title="Neglect strategy")

    upload(manager_client, csv_file(tmp_path, [plan_row()]), plan=plan.pk, new_title="")

    # An existing plan keeps its own shape and scale, whatever the form's selects say.
    assert PlanTarget.from_name(StagedUpload.objects.get().target_name) == PlanTarget("Neglect strategy")


@pytest.mark.parametrize(
    ("plan", "new_title", "message"),
    [
        (True, "2026/27", "Choose an existing plan or give a new plan’s title, not both."),
        (False, "", "Give the new plan’s title, or choose an existing plan to import into."),
        (False, "Neglect strategy", "“Neglect strategy” is not a financial year such as 2026/27"),
    ],
    ids=["both", "neither", "not a financial year"],
)
def test_the_plan_must_be_chosen_or_named_as_a_financial_year(manager_client, tmp_path, plan, new_title, message):
    existing = BusinessPlanFactory(title="2025/26")

    response = upload(
        manager_client, csv_file(tmp_path, [plan_row()]), plan=existing.pk if plan else "", new_title=new_title
    )

    assertContains(response, message)
    assert not StagedUpload.objects.exists()


def test_a_new_title_that_names_an_existing_plan_imports_into_it(manager_client, tmp_path):
    BusinessPlanFactory(title="2025/26")

    upload(manager_client, csv_file(tmp_path, [plan_row()]), new_title="2025/26")

    assert PlanTarget.from_name(StagedUpload.objects.get().target_name).title == "2025/26"


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message(manager_client, tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("plan.csv", b"aim\n" + b"1\n" * (700 * 1024))

    response = upload(manager_client, big)

    assertContains(response, "plan.csv is 1.4 MB; the import takes files of up to 1.0 MB.")
    assert not StagedUpload.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.xlsx", b"aim,aim_title\n1,Safe\n", "plan.xlsx is not an Excel workbook (it is not a ZIP file)."),
        ("plan.docx", b"aim,aim_title\n1,Safe\n", "plan.docx is not a Word document (it is not a ZIP file)."),
        ("plan.csv", b"%PDF-1.7\n" + bytes(64), "plan.csv is a PDF file, not a CSV file."),
        ("plan.pdf", b"%PDF-1.7\n", "plan.pdf is not a .csv, .xlsx or .docx file (.pdf)."),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(manager_client, name, content, message):
    response = upload(manager_client, SimpleUploadedFile(name, content))

    assertContains(response, message)
    assert not StagedUpload.objects.exists()


def test_a_zip_bomb_is_refused(manager_client):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", bytes(60 * 1024 * 1024))

    response = upload(manager_client, SimpleUploadedFile("plan.xlsx", output.getvalue()))

    assertContains(response, "so it may be a zip bomb and was not opened.")
    assert not StagedUpload.objects.exists()


def test_the_preview_counts_and_lists_what_would_be_created(manager_client, tmp_path):
    AgencyFactory(name="Police", short_name="")
    rows = [
        plan_row(
            action="1.1.1", lead_agency="Police; Youth Offending Service", progress_date="2026-12", progress="Done"
        ),
        plan_row(action="1.1.2"),
    ]
    plan_import = uploaded(manager_client, tmp_path, rows)

    response = manager_client.get(confirm_url(plan_import))

    assertTemplateUsed(response, "objectives/import_preview.html")
    assertContains(
        response,
        "Into Business plan 2026/27, a new plan from 1 April 2026 to 31 March 2027: "
        "laid out as “Aims, objectives and actions”, rated on “RAG: Red, Amber, Green, with Not started and Complete”.",
    )
    assertContains(response, '<tr><th scope="row">Actions</th><td>2</td><td>0</td></tr>', html=True)
    assertContains(response, '<tr><th scope="row">Agencies</th><td>1</td><td>0</td></tr>', html=True)
    assertContains(response, "<li>Youth Offending Service</li>", html=True)
    assertContains(response, "<li>Action 1.1.2: Extend the multi-agency audit programme</li>", html=True)
    assertContains(response, "<li>Action 1.1.1 – Progress report December 2026</li>", html=True)
    assertContains(response, "Import into Business plan 2026/27</button>")
    assert not BusinessPlan.objects.exists()


def test_the_preview_lists_what_would_change_and_how(manager_client, tmp_path):
    action = ActionFactory(ref="1.1.1", text="Old text", objective__ref="1.1", objective__aim__number=1)
    plan_import = uploaded(
        manager_client, tmp_path, [plan_row(action_text="New text", aim_title="")], plan=action.plan.pk, new_title=""
    )

    response = manager_client.get(confirm_url(plan_import))

    assertContains(response, '<tr><th scope="row">Actions</th><td>0</td><td>1</td></tr>', html=True)
    assertContains(response, "<li>Action 1.1.1: action</li>", html=True)
    action.refresh_from_db()
    assert action.text == "Old text"


def test_the_preview_shows_every_bad_row_and_no_confirm_button(manager_client, tmp_path):
    rows = [
        plan_row(action="1.1.1", progress_date="2025-12", rag="Purple"),
        plan_row(action="1.1.2", target_date="2026-13"),
    ]
    plan_import = uploaded(manager_client, tmp_path, rows)

    response = manager_client.get(confirm_url(plan_import))

    assertContains(response, "2 problems: nothing can be imported")
    assertContains(
        response,
        "<tr><th scope='row'>Row 2</th><td>rating</td><td>“Purple” is not a rating on this plan’s scale (RAG: Red, "
        "Amber, Green, with Not started and Complete); write red, amber, green, complete or not_started, "
        "or leave it empty.</td></tr>",
        html=True,
    )
    assertContains(response, "<th scope='row'>Row 3</th><td>target_date</td>", html=True)
    assertNotContains(response, "Import into")


def test_a_file_that_changes_nothing_has_no_confirm_button(manager_client, tmp_path):
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number=1)
    plan_import = uploaded(
        manager_client,
        tmp_path,
        [plan_row(aim_title="", objective_title="", action_text="")],
        plan=action.plan.pk,
        new_title="",
    )

    response = manager_client.get(confirm_url(plan_import))

    assertContains(response, "Nothing: the plan already says everything the file says.")
    assertNotContains(response, "Import into")


def test_confirming_imports_the_plan_and_goes_to_it(manager_client, tmp_path):
    plan_import = uploaded(manager_client, tmp_path, [plan_row(progress_date="2026-12", progress="Done")])

    response = confirm(manager_client, confirm_url(plan_import), follow=True)

    plan = BusinessPlan.objects.get(title="2026/27")
    assert response.redirect_chain == [(plan.get_absolute_url(), HTTPStatus.FOUND)]
    assertContains(response, "Imported plan.csv into Business plan 2026/27. Aims: 1 created, 0 updated;")
    assert list(plan.actions.values_list("ref", flat=True)) == ["1.1.1"]
    assert ProgressUpdate.objects.get().history.get().history_change_reason == "Imported from plan.csv"
    plan_import.refresh_from_db()
    assert plan_import.applied_at is not None


def test_confirming_twice_writes_nothing_twice(manager_client, tmp_path):
    plan_import = uploaded(manager_client, tmp_path, [plan_row(lead_agency="Police")])
    confirm(manager_client, confirm_url(plan_import))
    history = (Action.history.count(), Agency.history.count())

    response = confirm(manager_client, confirm_url(plan_import), follow=True)

    assertContains(response, "plan.csv was imported already; nothing was imported again.")
    assert (Action.history.count(), Agency.history.count()) == history
    assert Action.objects.count() == 1


def test_an_imported_upload_says_so_and_offers_no_confirm_button(manager_client, tmp_path):
    plan_import = uploaded(manager_client, tmp_path, [plan_row()])
    confirm(manager_client, confirm_url(plan_import))

    response = manager_client.get(confirm_url(plan_import))

    assertContains(response, "plan.csv was imported on")
    assertContains(
        response,
        f'<a class="alert-link" href="{BusinessPlan.objects.get().get_absolute_url()}">Go to the plan</a>',
        html=True,
    )
    assertNotContains(response, "Import into")


def test_confirming_checks_the_file_again_against_the_plan_as_it_is_now(manager_client, tmp_path):
    AgencyFactory(name="Fenbridge Community Health", short_name="Health")
    plan_import = uploaded(manager_client, tmp_path, [plan_row(lead_agency="Health")])
    # Meanwhile a second agency takes the same short name, so "Health" no longer says which one.
    AgencyFactory(name="Fenbridge Mental Health Trust", short_name="Health")

    response = confirm(manager_client, confirm_url(plan_import))

    assertContains(response, "Nothing was imported: the file no longer fits the plan as it is now.")
    assertContains(response, "“Health” is the short name of Fenbridge Community Health, Fenbridge Mental Health Trust")
    assert not BusinessPlan.objects.exists()
    plan_import.refresh_from_db()
    assert plan_import.applied_at is None


def test_a_file_the_import_can_no_longer_read_says_why(manager_client, tmp_path, settings):
    plan_import = uploaded(manager_client, tmp_path, [plan_row()])
    settings.IMPORT_MAX_BYTES = 10

    response = manager_client.get(confirm_url(plan_import))

    assertContains(response, "The file cannot be imported")
    assertContains(response, "the import takes files of up to 0.0 MB")
    assertNotContains(response, "Import into")


def test_another_manager_cannot_see_or_confirm_an_upload(client, tmp_path, manager_client):
    plan_import = uploaded(manager_client, tmp_path, [plan_row()])
    client.force_login(UserFactory(username="second.manager", roles=[roles.BOARD_MANAGERS]))

    responses = [client.get(confirm_url(plan_import)), client.post(confirm_url(plan_import))]

    assert [response.status_code for response in responses] == [HTTPStatus.NOT_FOUND, HTTPStatus.NOT_FOUND]
    assert not BusinessPlan.objects.exists()


def test_an_unknown_token_is_not_found(manager_client):
    response = manager_client.get(reverse("objectives:import_confirm", args=["no-such-token"]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_reader_may_not_see_the_preview(reader_client, board_manager):
    plan_import = StagedUpload.objects.create(
        kind="plan", token="t", uploaded_by=board_manager, file_name="plan.csv", content=b"aim\n", target_name="2026/27"
    )

    response = reader_client.get(confirm_url(plan_import))

    assert response.status_code == HTTPStatus.FORBIDDEN


LIST_HEADER = ["action", "action_text", "responsibility", "progress_date", "progress", "rating"]


def test_a_new_list_plan_takes_the_scale_and_shape_chosen(manager_client, tmp_path):
    rows = [
        ["1", "Review the threshold document", "Chair / DCS", "2026-12", "Presented to Committee Dec 2026", "2"],
        ["2", "Train every school", "Training Sub-Group", "2026-12", "Half done", "Slipped"],
    ]
    file = SimpleUploadedFile("plan.csv", write_csv(tmp_path / "file.csv", rows, header=LIST_HEADER).read_bytes())
    upload(manager_client, file, shape="list", scale="four-point")

    preview = manager_client.get(confirm_url(StagedUpload.objects.get()))
    confirm(manager_client, confirm_url(StagedUpload.objects.get()))

    assertContains(preview, "laid out as “A numbered list”, rated on “Four-point: 1 Achieved to 4 Not achieved”")
    assertContains(preview, '<tr><th scope="row">Recommendations</th><td>2</td><td>0</td></tr>', html=True)
    assertContains(preview, "<li>Recommendation 1: Review the threshold document</li>", html=True)
    assertNotContains(preview, "Aims")
    assertNotContains(preview, "Objectives")
    plan = BusinessPlan.objects.get(title="2026/27")
    assert (plan.shape, plan.rating_scale.name, plan.action_name) == ("list", "four-point", "Recommendation")
    assert list(ProgressUpdate.objects.order_by("action__sort_key").values_list("action__ref", "rag")) == [
        ("1", "2"),
        ("2", "3"),
    ]
    assert Action.objects.get(ref="1").responsibility == "Chair / DCS"


def test_the_upload_page_asks_a_new_plans_shape_and_scale(manager_client):
    response = manager_client.get(UPLOAD_URL)

    assertContains(response, "New plan’s layout")
    assertContains(response, '<option value="list">A numbered list</option>', html=True)
    assertContains(response, "New plan’s rating scale")
    assertContains(response, "Four-point: 1 Achieved to 4 Not achieved</option>")


def test_an_existing_plan_keeps_its_shape_whatever_the_form_says(manager_client, tmp_path):
    action = ActionFactory(ref="1.1.1", objective__ref="1.1", objective__aim__number="1")
    plan_import = uploaded(
        manager_client, tmp_path, [plan_row(action_text="New text")], plan=action.plan.pk, new_title="", shape="list"
    )

    response = manager_client.get(confirm_url(plan_import))

    assertContains(response, "laid out as “Aims, objectives and actions”")
    assertContains(response, '<tr><th scope="row">Actions</th><td>0</td><td>1</td></tr>', html=True)
