import io
from datetime import timedelta
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from core.models import StagedUpload
from tests.training.factories import RegistrationFactory, TrainingSessionFactory
from training.models import Registration

Status = Registration.Status
HEADER = "name,email,agency,job_role,attended\n"


@pytest.fixture
def session(lead_agency):
    starts = timezone.now() - timedelta(days=1)
    session = TrainingSessionFactory(starts_at=starts, ends_at=starts + timedelta(hours=3))
    RegistrationFactory(session=session, attendee_name="Ann Booked", email="ann@example.org", agency=lead_agency)
    return session


def upload(client, session, text, name="register.csv"):
    file = SimpleUploadedFile(name, text.encode() if isinstance(text, str) else text)
    return client.post(reverse("training:register_import", args=[session.pk]), {"file": file})


def statuses(session):
    return dict(session.registrations.values_list("email", "status"))


def test_import_marks_the_registered_and_adds_walk_ins(training_admin_client, session):
    text = HEADER + "Ann Booked,ANN@example.org,fenbridge police,,yes\nBen Walkin,ben@example.org,police,Nurse,no\n"

    response = upload(training_admin_client, session, text)

    assert response.status_code == HTTPStatus.FOUND
    assert statuses(session) == {"ann@example.org": Status.ATTENDED, "ben@example.org": Status.DID_NOT_ATTEND}


def test_import_reads_xlsx(training_admin_client, session):
    workbook = Workbook()
    workbook.active.append(["Name", "Email", "Agency", "Job role", "Attended"])
    workbook.active.append(["Ann Booked", "ann@example.org", "Police", "Officer", "Yes"])
    data = io.BytesIO()
    workbook.save(data)

    upload(training_admin_client, session, data.getvalue(), name="register.xlsx")

    assert statuses(session) == {"ann@example.org": Status.ATTENDED}


def test_importing_the_same_file_again_changes_nothing(training_admin_client, session):
    text = HEADER + "Ann Booked,ann@example.org,Police,,yes\nBen Walkin,ben@example.org,Police,,no\n"
    upload(training_admin_client, session, text)
    before = list(session.registrations.values_list("pk", "status", "updated_at"))

    response = upload(training_admin_client, session, text)

    assert list(session.registrations.values_list("pk", "status", "updated_at")) == before
    assert (
        "0 attendance marks changed, 0 people added, 2 unchanged"
        in training_admin_client.get(response.url).content.decode()
    )


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (",x@example.org,Police,,yes", "Row 3, column A (name): is empty."),
        ("Cy,not-an-email,Police,,yes", "Row 3, column B (email): “not-an-email” is not an e-mail address."),
        ("Cy,ann@example.org,Police,,yes", "Row 3, column B (email): ann@example.org is also in row 2."),
        ("Cy,cy@example.org,Nowhere Trust,,yes", "Row 3, column C (agency): “Nowhere Trust” is not an agency’s name"),
        ("Cy,cy@example.org,Police,,maybe", "Row 3, column E (attended): “maybe” is not yes or no."),
        ("Cy,cy@example.org,Police,,", "Row 3, column E (attended): is empty."),
    ],
)
def test_a_bad_row_is_reported_and_nothing_is_imported(training_admin_client, session, row, problem):
    text = HEADER + "Ann Booked,ann@example.org,Police,,yes\n" + row + "\n"

    response = upload(training_admin_client, session, text)

    assert problem in response.content.decode()
    assert statuses(session) == {"ann@example.org": Status.BOOKED}


def test_every_bad_row_is_reported(training_admin_client, session):
    text = HEADER + "Cy,cy@example.org,Nowhere,,yes\nDi,di@example.org,Police,,perhaps\n"

    problems = upload(training_admin_client, session, text).context["problems"]

    assert [(problem.row, problem.column[0]) for problem in problems] == [(2, "C"), (3, "E")]


def test_a_missing_column_is_named(training_admin_client, session):
    response = upload(training_admin_client, session, "name,email,agency\nCy,cy@example.org,Police\n")

    assert "there is no “attended” column" in response.content.decode()


def test_a_file_of_another_kind_is_refused(training_admin_client, session):
    response = upload(training_admin_client, session, b"%PDF-1.4", name="register.pdf")

    assert "register.pdf is not a .csv or .xlsx file" in response.content.decode()


def test_a_formula_in_a_cell_is_refused(training_admin_client, session):
    workbook = Workbook()
    workbook.active.append(["name", "email", "agency", "attended"])
    workbook.active.append(["Ann Booked", "ann@example.org", "Police", '=IF(1,"yes","no")'])
    data = io.BytesIO()
    workbook.save(data)

    response = upload(training_admin_client, session, data.getvalue(), name="register.xlsx")

    assert "Row 2, column D (attended): holds a formula" in response.content.decode()


def test_the_register_cannot_be_imported_before_the_session(training_admin_client):
    session = TrainingSessionFactory()

    response = upload(training_admin_client, session, HEADER + "Ann,ann@example.org,Police,,yes\n")

    assert "The session has not started yet" in response.content.decode()
    assert not session.registrations.exists()


def test_reader_may_not_import_a_register(reader_client, session):
    response = upload(reader_client, session, HEADER)

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_an_imported_register_is_kept_as_an_applied_upload(training_admin_client, training_admin, session):
    upload(training_admin_client, session, HEADER + "Ann Booked,ann@example.org,Police,,yes\n")

    staged = StagedUpload.objects.get()
    assert (staged.kind, staged.target_id, staged.uploaded_by, staged.file_name) == (
        "training_register",
        session.pk,
        training_admin,
        "register.csv",
    )
    assert staged.is_applied


def test_a_refused_register_keeps_nothing_not_even_the_file(training_admin_client, session):
    upload(training_admin_client, session, HEADER + "Cy,cy@example.org,Nowhere Trust,,yes\n")

    assert not StagedUpload.objects.exists()
