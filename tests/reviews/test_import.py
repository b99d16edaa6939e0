"""Importing a review's recommendations and actions from CSV or XLSX: the checks, the command and the pages."""

import io
import zipfile
from datetime import date, datetime
from http import HTTPStatus
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from core.models import StagedUpload
from objectives import roles
from objectives.importing.cells import SheetRow
from objectives.models import Action
from reviews.importing.applying import apply_changes
from reviews.importing.checking import check_rows
from reviews.models import Recommendation, RecommendationAction
from reviews.services import add_recommendation_action
from tests.factories import AgencyFactory, BusinessPlanFactory, UserFactory
from tests.import_pages import confirm
from tests.objectives.import_files import write_csv
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

HEADER = [
    "recommendation",
    "recommendation_text",
    "recommendation_agencies",
    "action",
    "lead_agency",
    "target_date",
    "plan",
]
SHARE = "Agencies share information about a child at risk on the day they learn it."
TRAIN = "All staff who meet children are trained to recognise neglect."


def row(**cells) -> list:
    """A row in HEADER's order; the cells not named are empty."""
    return [cells.get(column, "") for column in HEADER]


def good_rows() -> list[list]:
    return [
        row(
            recommendation="1",
            recommendation_text=SHARE,
            recommendation_agencies="Police; Health",
            action="Set up a daily information-sharing call",
            lead_agency="Police",
            target_date="March 2026",
        ),
        row(recommendation="1", action="Audit ten referrals for same-day sharing", lead_agency="Health; Police"),
        row(
            recommendation="2",
            recommendation_text=TRAIN,
            action="Run neglect training for front-line staff",
            lead_agency="Fenbridge Community Health",
            target_date="2026-01-31",
        ),
    ]


def sheet(*rows, header=HEADER) -> list[SheetRow]:
    """Rows as the readers give them: the header is row 1."""
    return [SheetRow(number, tuple(cells)) for number, cells in enumerate([header, *rows], start=1)]


def errors_of(review, *rows, header=HEADER) -> list[str]:
    return [str(error) for error in check_rows(sheet(*rows, header=header), review=review).errors]


def run(path, *options, review="Child S") -> str:
    output = StringIO()
    call_command("import_review_actions", str(path), "--review", review, *options, stdout=output, stderr=output)
    return output.getvalue()


def import_errors(path, *options, review="Child S") -> str:
    with pytest.raises(CommandError) as raised:
        run(path, *options, review=review)
    return str(raised.value)


def write_xlsx(path, rows, header=HEADER):
    workbook = Workbook()
    worksheet = workbook.active
    worksheet.append(header)
    for cells in rows:
        worksheet.append(cells)
    workbook.save(path)
    return path


def refs(review) -> list[str]:
    return sorted(
        Action.objects.filter(recommendation_link__recommendation__review=review).values_list("ref", flat=True)
    )


@pytest.fixture
def plan(db):
    BusinessPlanFactory(title="2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def review(plan, lead_agency, other_agency):
    return ReviewFactory(name="Child S", code="CS")


# The happy paths


def test_a_csv_file_creates_the_recommendations_and_their_actions(review, plan, lead_agency, other_agency, tmp_path):
    path = write_csv(tmp_path / "child-s.csv", good_rows(), header=HEADER)

    output = run(path)

    first, second = Recommendation.objects.filter(review=review).order_by("number")
    assert (first.number, first.text, set(first.agencies.all())) == (1, SHARE, {lead_agency, other_agency})
    assert (second.number, second.text, list(second.agencies.all())) == (2, TRAIN, [])
    assert refs(review) == ["CS-1.1", "CS-1.2", "CS-2.1"]
    daily = Action.objects.get(ref="CS-1.1")
    assert daily.text == "Set up a daily information-sharing call"
    assert (daily.plan, daily.objective, daily.recommendation_link.recommendation) == (plan, None, first)
    assert (daily.target_on, daily.target_is_month) == (date(2026, 3, 31), True)
    assert list(daily.lead_agencies.all()) == [lead_agency]
    assert set(Action.objects.get(ref="CS-1.2").lead_agencies.all()) == {lead_agency, other_agency}
    training = Action.objects.get(ref="CS-2.1")
    assert (training.target_on, training.target_is_month) == (date(2026, 1, 31), False)
    assert list(training.lead_agencies.all()) == [other_agency]
    assert "Created CS-1.1: Set up a daily information-sharing call" in output
    assert output.endswith("Child S: 2 new recommendations, 3 new actions.\n")
    assert daily.history.first().history_change_reason == "Imported from child-s.csv"


def test_an_xlsx_file_with_numbers_and_dates_as_excel_keeps_them(review, lead_agency, tmp_path):
    rows = [
        [1, SHARE, "", "Set up a daily information-sharing call", "Police", datetime(2026, 3, 31), ""],
        [1.0, "", "", "Audit ten referrals", "Police", "2026-02", "2024/25"],
    ]
    path = write_xlsx(tmp_path / "child-s.xlsx", rows)

    run(path)

    # Both are CS-1.1, in different plans: order by their dates, as the ref alone leaves the order to the database.
    daily, audit = Action.objects.order_by("-target_on")
    assert (daily.ref, daily.target_on, daily.target_is_month, daily.plan.title) == (
        "CS-1.1",
        date(2026, 3, 31),
        False,
        "2025/26",
    )
    assert (audit.ref, audit.target_on, audit.target_is_month, audit.plan.title) == (
        "CS-1.1",
        date(2026, 2, 28),
        True,
        "2024/25",
    )
    assert Recommendation.objects.get().text == SHARE


def test_headings_may_be_written_as_people_write_them(review, lead_agency):
    header = ["Recommendation", "Recommendation text", "Lead-Agency", "ACTION"]

    changes = check_rows(sheet(["1", SHARE, "Police", "Set up a call"], header=header), review=review)

    assert changes.errors == []
    assert [action.ref for action in changes.new_actions] == ["CS-1.1"]


def test_agencies_may_be_separated_by_commas_and_a_name_may_hold_one(review, lead_agency, other_agency):
    council = AgencyFactory(name="Fenbridge Council, Children's Services", short_name="")
    rows = [
        row(recommendation="1", recommendation_text=SHARE, action="A", lead_agency="police, health"),
        row(recommendation="1", action="B", lead_agency="Fenbridge Council, Children's Services; Police"),
    ]

    changes = check_rows(sheet(*rows), review=review)

    assert changes.errors == []
    assert [set(action.lead_agencies) for action in changes.new_actions] == [
        {lead_agency, other_agency},
        {council, lead_agency},
    ]


def test_actions_of_a_recommendation_the_review_has_join_it_without_changing_its_text(review, plan, lead_agency):
    recommendation = RecommendationFactory(review=review, number=2, text=TRAIN)
    add_recommendation_action(recommendation, plan=plan, text="An earlier action", lead_agencies=[lead_agency])
    rows = [
        row(recommendation="2", recommendation_text=f"  {TRAIN.upper()} ", action="A new action", lead_agency="Police")
    ]

    changes = check_rows(sheet(*rows), review=review)

    assert changes.errors == []
    assert changes.new_recommendations == []
    # Numbered after the action the recommendation has.
    assert [(action.ref, action.recommendation) for action in changes.new_actions] == [("CS-2.2", recommendation)]


def test_agencies_named_for_a_recommendation_are_added_and_none_taken_away(
    review, plan, lead_agency, other_agency, tmp_path
):
    recommendation = RecommendationFactory(review=review, number=1, text=SHARE, agencies=[lead_agency])
    rows = [row(recommendation="1", recommendation_agencies="Health", action="New", lead_agency="Health")]

    output = run(write_csv(tmp_path / "file.csv", rows, header=HEADER))

    assert set(recommendation.agencies.all()) == {lead_agency, other_agency}
    recommendation.refresh_from_db()
    assert recommendation.version == 2
    assert "Recommendation 1: added Fenbridge Community Health." in output


def test_the_text_of_an_action_that_looks_like_an_nhs_number_warns_but_imports(review, lead_agency, tmp_path):
    rows = [
        row(recommendation="1", recommendation_text=SHARE, action="Check 943 476 5919 is gone", lead_agency="Police")
    ]

    output = run(write_csv(tmp_path / "file.csv", rows, header=HEADER))

    assert "The action on row 2 holds “943 476 5919”, which looks like an NHS number." in output
    assert refs(review) == ["CS-1.1"]


# Bad rows: each is named by row and column, in the users' words


@pytest.mark.parametrize(
    ("cells", "message"),
    [
        (
            {"recommendation": ""},
            "Row 2, recommendation: is empty; every row needs its recommendation’s number, such as 2.",
        ),
        (
            {"recommendation": "R2"},
            "Row 2, recommendation: “R2” is not a recommendation number; write a whole number such as 2.",
        ),
        (
            {"recommendation": "99999999999"},
            "Row 2, recommendation: “99999999999” is not a recommendation number; write a whole number such as 2.",
        ),
        ({"action": "  "}, "Row 2, action: is empty; every row needs the action’s text."),
        (
            {"lead_agency": ""},
            "Row 2, lead_agency: is empty; every row needs the agency or agencies that lead the action, "
            "such as Police; Health.",
        ),
        (
            {"lead_agency": "Polise"},
            "Row 2, lead_agency: “Polise” is not an agency’s name or short name. Did you mean Police? "
            "Check the spelling, or add the agency before importing.",
        ),
        (
            {"recommendation_agencies": "Health; Fire service"},
            "Row 2, recommendation_agencies: “Fire service” is not an agency’s name or short name. "
            "Check the spelling, or add the agency before importing.",
        ),
        (
            {"target_date": "soon"},
            "Row 2, target_date: 'soon' is not a date: write 2026-03-31, 2026-03 or March 2026.",
        ),
        (
            {"plan": "2030/31"},
            "Row 2, plan: “2030/31” is not a business plan; the plans are 2025/26, 2024/25. "
            "Leave it empty for the latest.",
        ),
        (
            {"recommendation_text": ""},
            "Row 2, recommendation_text: is empty; Child S has no recommendation 1 yet, so give its text.",
        ),
        (
            {"action": "Fine", "recommendation_text": "Line\x00break"},
            "Row 2, recommendation_text: contains a null character (byte 0x00), which cannot be stored; remove it.",
        ),
    ],
    ids=[
        "no recommendation",
        "not a number",
        "too big a number",
        "no action",
        "no lead agency",
        "unknown lead agency",
        "unknown recommendation agency",
        "bad date",
        "unknown plan",
        "new recommendation without text",
        "null character",
    ],
)
def test_a_bad_cell_is_named_by_row_and_column(review, cells, message):
    good = {"recommendation": "1", "recommendation_text": SHARE, "action": "Set up a call", "lead_agency": "Police"}

    assert errors_of(review, row(**(good | cells))) == [message]


def test_a_short_name_of_two_agencies_must_be_written_in_full(review):
    AgencyFactory(name="Fenbridge Police Service", short_name="Police")

    errors = errors_of(review, row(recommendation="1", recommendation_text=SHARE, action="A", lead_agency="police"))

    assert errors == [
        "Row 2, lead_agency: “police” is the short name of Fenbridge Police, Fenbridge Police Service; "
        "write the full name."
    ]


def test_rows_of_one_recommendation_must_agree_on_its_text_and_agencies(review):
    rows = [
        row(
            recommendation="1",
            recommendation_text=SHARE,
            recommendation_agencies="Police",
            action="A",
            lead_agency="Police",
        ),
        row(recommendation="1", recommendation_text="Something else", action="B", lead_agency="Police"),
        row(recommendation="1", recommendation_agencies="Health", action="C", lead_agency="Police"),
    ]

    assert errors_of(review, *rows) == [
        f"Row 3, recommendation_text: differs from row 2, which gives recommendation 1 the text “{SHARE[:59]}…”; "
        "leave it empty or write the same.",
        "Row 4, recommendation_agencies: differs from row 2, which says recommendation 1 is for “Fenbridge Police”; "
        "leave it empty or write the same.",
    ]


def test_a_different_text_for_a_recommendation_the_review_has_is_refused(review):
    RecommendationFactory(review=review, number=1, text=SHARE)

    errors = errors_of(
        review, row(recommendation="1", recommendation_text="A new wording", action="A", lead_agency="Police")
    )

    assert errors == [
        f"Row 2, recommendation_text: differs from recommendation 1 of Child S, “{SHARE[:59]}…”. The import never "
        "changes a recommendation’s text: leave the cell empty or write the same, and change the text on the "
        "recommendation’s page if it must change."
    ]


def test_the_same_action_twice_in_a_recommendation_is_refused(review):
    rows = [
        row(recommendation="1", recommendation_text=SHARE, action="Set up a call", lead_agency="Police"),
        row(recommendation="2", recommendation_text=TRAIN, action="Set up a call", lead_agency="Police"),
        row(recommendation="1", action="set up  a CALL", lead_agency="Health"),
    ]

    assert errors_of(review, *rows) == [
        "Row 4, action: is the same as row 2’s action for recommendation 1; remove one of the two rows."
    ]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            [*HEADER, "owner"],
            "Row 1, “owner”: is not a column of a review’s action plan. The columns are recommendation, action, "
            "lead_agency and (optional) recommendation_text, recommendation_agencies, target_date, plan.",
        ),
        (
            [column for column in HEADER if column != "lead_agency"],
            "Row 1, lead_agency: column missing; add a column with this heading.",
        ),
        (
            ["recommendation", "action", "lead_agency", "Action"],
            "Row 1, action: is the heading of two columns, B and D.",
        ),
    ],
    ids=["unknown", "missing", "twice"],
)
def test_a_bad_header_is_named(review, header, message):
    assert message in errors_of(review, ["1"] * len(header), header=header)


def test_a_file_of_only_a_header_is_refused(review):
    assert errors_of(review) == ["Row 1, header: is the only row; add a row for each action below it."]


def test_without_any_business_plan_nothing_can_be_imported(lead_agency):
    review = ReviewFactory(name="Child S", code="CS")

    errors = errors_of(review, row(recommendation="1", recommendation_text=SHARE, action="A", lead_agency="Police"))

    assert errors == [
        "Row 1, plan: There is no business plan yet; add one, as review actions report in a plan’s progress rounds."
    ]


def test_a_formula_in_a_workbook_is_reported_not_imported(review, tmp_path):
    rows = [[1, SHARE, "", '=CONCAT("a","b")', "Police", "", ""]]

    message = import_errors(write_xlsx(tmp_path / "file.xlsx", rows))

    assert 'Row 2, action: holds a formula (=CONCAT("a","b")); copy the cells and paste them as values.' in message


def test_every_problem_is_reported_and_nothing_is_written(review, plan, lead_agency, tmp_path):
    RecommendationFactory(review=review, number=3, text="Kept as it is")
    rows = [
        *good_rows(),
        row(recommendation="3", action="Fine on its own", lead_agency="Police"),
        row(recommendation="x", action="A", lead_agency="Police"),
        row(recommendation="1", action="B", lead_agency="Nobody", target_date="someday"),
    ]

    message = import_errors(write_csv(tmp_path / "file.csv", rows, header=HEADER))

    assert message.splitlines() == [
        "file.csv has 3 problems; nothing was imported.",
        "Row 6, recommendation: “x” is not a recommendation number; write a whole number such as 2.",
        "Row 7, lead_agency: “Nobody” is not an agency’s name or short name. "
        "Check the spelling, or add the agency before importing.",
        "Row 7, target_date: 'someday' is not a date: write 2026-03-31, 2026-03 or March 2026.",
    ]
    assert list(Recommendation.objects.values_list("number", flat=True)) == [3]
    assert not Action.objects.exists()
    assert not RecommendationAction.objects.exists()


def test_a_clash_found_while_writing_undoes_the_whole_import(review, plan, lead_agency):
    changes = check_rows(sheet(*good_rows()), review=review)
    # After the check, another manager adds recommendation 2 by hand.
    RecommendationFactory(review=review, number=2, text=TRAIN)

    with pytest.raises(ValidationError):
        apply_changes(changes, reason="Imported from file.csv")

    assert list(Recommendation.objects.values_list("number", flat=True)) == [2]
    assert not Action.objects.exists()


# Importing again


def test_importing_the_same_file_again_adds_nothing(review, tmp_path):
    path = write_csv(tmp_path / "file.csv", good_rows(), header=HEADER)
    run(path)

    output = run(path)

    assert refs(review) == ["CS-1.1", "CS-1.2", "CS-2.1"]
    assert Recommendation.objects.count() == 2
    assert "Already there (row 2), left as it is: CS-1.1: Set up a daily information-sharing call" in output
    assert output.endswith("Child S: 0 new recommendations, 0 new actions, 3 actions already there.\n")


def test_a_file_with_one_more_row_adds_only_that_action(review, lead_agency, tmp_path):
    run(write_csv(tmp_path / "first.csv", good_rows(), header=HEADER))
    rows = [
        *good_rows(),
        row(recommendation="2", action="Check the training reached night staff", lead_agency="Police"),
    ]

    output = run(write_csv(tmp_path / "second.csv", rows, header=HEADER))

    assert refs(review) == ["CS-1.1", "CS-1.2", "CS-2.1", "CS-2.2"]
    assert output.endswith("Child S: 0 new recommendations, 1 new action, 3 actions already there.\n")


def test_an_action_already_there_is_not_changed_by_other_cells(review, plan, lead_agency, other_agency):
    recommendation = RecommendationFactory(review=review, number=1, text=SHARE)
    action = add_recommendation_action(recommendation, plan=plan, text="Set up a call", lead_agencies=[lead_agency])

    changes = check_rows(
        sheet(row(recommendation="1", action="Set up a call", lead_agency="Health", target_date="2026-06")),
        review=review,
    )

    assert changes.new_actions == []
    assert [(kept.action, kept.differs) for kept in changes.kept_actions] == [(action, True)]
    assert not changes.has_changes


# The command


def test_the_review_is_found_by_its_name_whatever_the_case(review, tmp_path):
    run(write_csv(tmp_path / "file.csv", good_rows(), header=HEADER), review="  child s ")

    assert refs(review) == ["CS-1.1", "CS-1.2", "CS-2.1"]


def test_an_unknown_review_is_refused_with_the_names_there_are(review, tmp_path):
    ReviewFactory(name="Child T", code="CT")

    message = import_errors(write_csv(tmp_path / "file.csv", good_rows(), header=HEADER), review="Child Z")

    assert message == "There is no review “Child Z”. The reviews are: “Child S”, “Child T”."


def test_a_dry_run_says_what_would_be_made_and_writes_nothing(review, tmp_path):
    output = run(write_csv(tmp_path / "file.csv", good_rows(), header=HEADER), "--dry-run")

    assert output.startswith("Dry run: nothing was saved.\nWould create recommendation 1.\n")
    assert "Would create CS-2.1: Run neglect training for front-line staff" in output
    assert output.endswith("Child S: 2 new recommendations, 3 new actions (dry run).\n")
    assert not Recommendation.objects.exists()
    assert not Action.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.docx", b"PK", "plan.docx is a Word document; a review’s actions are imported from a spreadsheet."),
        ("plan.pdf", b"%PDF", "plan.pdf is not a .csv or .xlsx file (.pdf). Save the action plan as one of those."),
        ("plan.xlsx", b"recommendation,action\n", "plan.xlsx is not an Excel workbook (it is not a ZIP file)."),
    ],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused(review, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    assert message in import_errors(path)


def test_a_missing_file_is_refused(review, tmp_path):
    assert import_errors(tmp_path / "nowhere.csv").startswith("Cannot open ")


# In the browser


def upload_url(review) -> str:
    return reverse("reviews:review_import_upload", args=[review.pk])


def confirm_url(upload: StagedUpload) -> str:
    return reverse("reviews:review_import_confirm", args=[upload.target_id, upload.token])


def csv_upload(tmp_path, rows, name="child-s.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, write_csv(tmp_path / "upload.csv", rows, header=HEADER).read_bytes())


def uploaded(client, review, tmp_path, rows) -> StagedUpload:
    response = client.post(upload_url(review), {"file": csv_upload(tmp_path, rows)})
    assert response.status_code == HTTPStatus.FOUND, response.context["form"].errors
    return StagedUpload.objects.get()


def test_the_upload_page_explains_the_columns(manager_client, review):
    response = manager_client.get(upload_url(review))

    assertTemplateUsed(response, "reviews/review_import_upload.html")
    assertContains(response, 'enctype="multipart/form-data"')
    assertContains(response, "<code>recommendation_text</code>", html=True)
    assertContains(response, "the import never changes a recommendation’s text")
    assertContains(response, "so importing the same file again adds nothing")


def test_an_upload_is_kept_for_its_preview_and_nothing_is_imported_yet(manager_client, board_manager, review, tmp_path):
    response = manager_client.post(upload_url(review), {"file": csv_upload(tmp_path, good_rows())})

    upload = StagedUpload.objects.get()
    assert response.url == confirm_url(upload)
    assert (upload.target_id, upload.uploaded_by, upload.file_name, upload.applied_at) == (
        review.pk,
        board_manager,
        "child-s.csv",
        None,
    )
    assert len(upload.token) >= 40
    assert not Recommendation.objects.exists()


def test_the_preview_shows_what_would_be_created_and_already_there(manager_client, review, plan, lead_agency, tmp_path):
    recommendation = RecommendationFactory(review=review, number=1, text=SHARE)
    add_recommendation_action(
        recommendation, plan=plan, text="Set up a daily information-sharing call", lead_agencies=[lead_agency]
    )
    upload = uploaded(manager_client, review, tmp_path, good_rows())

    response = manager_client.get(confirm_url(upload))

    assertTemplateUsed(response, "reviews/review_import_preview.html")
    assertContains(
        response,
        "Into Child S: 1 new recommendation, 2 new actions, agencies added to 1 recommendation, "
        "1 action already there.",
    )
    assertContains(response, "<li>Recommendation 1: Police, Health (row 2)</li>", html=True)
    assertContains(response, f'<tr><th scope="row">2</th><td>{TRAIN}</td><td></td><td>4</td></tr>', html=True)
    assertContains(
        response,
        '<tr><th scope="row">CS-1.2</th><td>Audit ten referrals for same-day sharing</td><td>Health, Police</td>'
        "<td>None given</td><td>Business plan 2025/26</td><td>3</td></tr>",
        html=True,
    )
    assertContains(response, "Row 2: <a")
    assertContains(response, "Import into Child S</button>")
    assert Action.objects.count() == 1


def test_the_preview_lists_every_problem_and_offers_no_import(manager_client, review, tmp_path):
    rows = [*good_rows(), row(recommendation="1", action="More", lead_agency="Nobody")]
    upload = uploaded(manager_client, review, tmp_path, rows)

    response = manager_client.get(confirm_url(upload))

    assertContains(response, "1 problem: nothing can be imported")
    assertContains(response, '<th scope="row">Row 5</th>', html=True)
    assertContains(response, "“Nobody” is not an agency’s name or short name.")
    assertNotContains(response, "Import into Child S</button>")


def test_confirming_imports_the_file_and_returns_to_the_review(manager_client, review, tmp_path):
    upload = uploaded(manager_client, review, tmp_path, good_rows())

    response = confirm(manager_client, confirm_url(upload))

    assert response.url == review.get_absolute_url()
    assert refs(review) == ["CS-1.1", "CS-1.2", "CS-2.1"]
    upload.refresh_from_db()
    assert upload.applied_at is not None
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages == ["Imported child-s.csv into Child S: 2 new recommendations, 3 new actions."]


def test_confirming_twice_imports_once(manager_client, review, tmp_path):
    upload = uploaded(manager_client, review, tmp_path, good_rows())
    confirm(manager_client, confirm_url(upload))

    response = confirm(manager_client, confirm_url(upload), follow=False)
    page = manager_client.get(confirm_url(upload))

    assert response.url == review.get_absolute_url()
    assert Action.objects.count() == 3
    assertContains(page, "child-s.csv was imported on")


def test_a_file_that_no_longer_fits_the_review_imports_nothing(manager_client, review, tmp_path):
    upload = uploaded(manager_client, review, tmp_path, good_rows())
    # Between the preview and the confirmation, another manager adds recommendation 2 in other words.
    RecommendationFactory(review=review, number=2, text="Different words")

    response = confirm(manager_client, confirm_url(upload))

    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Nothing was imported: the file no longer fits the review as it is now.")
    assertContains(response, "differs from recommendation 2 of Child S")
    assert not Action.objects.exists()
    upload.refresh_from_db()
    assert upload.applied_at is None


def test_identifier_warnings_are_shown_before_and_after_the_import(manager_client, review, tmp_path):
    rows = [row(recommendation="1", recommendation_text="DOB: 03/05/2019 noted", action="Act", lead_agency="Police")]
    upload = uploaded(manager_client, review, tmp_path, rows)

    preview = manager_client.get(confirm_url(upload))
    response = confirm(manager_client, confirm_url(upload))

    warning = "The recommendation text on row 2 holds “DOB: 03/05/2019”, which looks like a date of birth."
    assertContains(preview, warning)
    assert any(warning in str(message) for message in response.wsgi_request._messages)


@pytest.mark.parametrize("persona", ["reader_client", "contributor_client"])
def test_only_board_managers_may_import(request, persona, review, board_manager, tmp_path):
    client = request.getfixturevalue(persona)
    upload = StagedUpload.objects.create(
        kind="review_actions",
        target_id=review.pk,
        token="t" * 43,
        uploaded_by=board_manager,
        file_name="a.csv",
        content=b"x",
    )

    responses = [
        client.get(upload_url(review)),
        client.post(upload_url(review), {"file": csv_upload(tmp_path, good_rows())}),
        client.get(confirm_url(upload)),
        client.post(confirm_url(upload)),
    ]

    assert [response.status_code for response in responses] == [HTTPStatus.FORBIDDEN] * 4
    assert StagedUpload.objects.count() == 1
    assert not Action.objects.exists()


def test_another_managers_upload_cannot_be_seen_or_confirmed(client, review, tmp_path):
    owner = UserFactory(username="first.manager", roles=[roles.BOARD_MANAGERS])
    client.force_login(owner)
    upload = uploaded(client, review, tmp_path, good_rows())
    client.force_login(UserFactory(username="second.manager", roles=[roles.BOARD_MANAGERS]))

    responses = [client.get(confirm_url(upload)), client.post(confirm_url(upload))]

    assert [response.status_code for response in responses] == [HTTPStatus.NOT_FOUND] * 2
    assert not Action.objects.exists()


def test_an_upload_is_found_only_under_its_own_review(manager_client, review, tmp_path):
    upload = uploaded(manager_client, review, tmp_path, good_rows())
    other = ReviewFactory(name="Child T", code="CT")

    response = manager_client.get(reverse("reviews:review_import_confirm", args=[other.pk, upload.token]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_an_unknown_review_is_not_found(manager_client, review):
    response = manager_client.get(reverse("reviews:review_import_upload", args=[review.pk + 100]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message(manager_client, review, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("actions.csv", b"recommendation\n" + b"1\n" * (700 * 1024))

    response = manager_client.post(upload_url(review), {"file": big})

    assertContains(response, "actions.csv is 1.4 MB; the import takes files of up to 1.0 MB.")
    assert not StagedUpload.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("actions.xlsx", b"\x00\x01garbage" * 50, "actions.xlsx is not an Excel workbook (it is not a ZIP file)."),
        ("actions.csv", b"%PDF-1.7\n" + bytes(64), "actions.csv is a PDF file, not a CSV file."),
        ("actions.csv", bytes(range(256)) * 8, "actions.csv is not a CSV file: it holds binary data, not text."),
        ("actions.docx", b"PK\x03\x04", "actions.docx is a Word document; a review’s actions are imported from"),
        ("actions.csv", b"", "The submitted file is empty."),
    ],
)
def test_a_garbage_file_is_refused_with_a_message(manager_client, review, name, content, message):
    response = manager_client.post(upload_url(review), {"file": SimpleUploadedFile(name, content)})

    assert response.status_code == HTTPStatus.OK
    assertContains(response, message)
    assert not StagedUpload.objects.exists()


def test_a_zip_bomb_is_refused(manager_client, review):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", bytes(60 * 1024 * 1024))

    response = manager_client.post(upload_url(review), {"file": SimpleUploadedFile("a.xlsx", output.getvalue())})

    assertContains(response, "so it may be a zip bomb and was not opened.")
    assert not StagedUpload.objects.exists()


@pytest.mark.parametrize("existing", [1, 5])
def test_the_preview_queries_do_not_grow_with_rows(
    manager_client, review, plan, lead_agency, other_agency, tmp_path, existing, django_assert_num_queries
):
    for number in range(1, existing + 1):
        recommendation = RecommendationFactory(review=review, number=number, agencies=[lead_agency])
        add_recommendation_action(recommendation, plan=plan, text="Already there", lead_agencies=[lead_agency])
    new_rows = [
        row(
            recommendation=str(number),
            recommendation_text=f"New {number}",
            action=f"Act {number}",
            lead_agency="Police",
        )
        for number in range(existing + 1, 2 * existing + 1)
    ]
    kept_rows = [
        row(recommendation=str(number), action="Already there", lead_agency="Police; Health")
        for number in range(1, existing + 1)
    ]
    rows = new_rows + kept_rows
    upload = uploaded(manager_client, review, tmp_path, rows)

    # session, user, the user's permissions (1), the review, the upload (its target is a plain id, so not joined),
    # then the check: agencies, plans, recommendations with their agencies (2), their actions with lead agencies (2),
    # the review's refs
    with django_assert_num_queries(12):
        response = manager_client.get(confirm_url(upload))

    changes = response.context["preview"].changes
    assert (len(changes.new_actions), len(changes.kept_actions), changes.errors) == (existing, existing, [])
