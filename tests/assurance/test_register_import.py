"""Importing recommendations into the register: the staged upload (upload, check, confirm) and the command; all or
nothing, every problem named with its row; only managers may import."""

from datetime import date
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from assurance.models import AssuranceRecommendation, RecommendationSource
from core.models.decisions import Decision
from tests.factories import BusinessPlanFactory, RecommendationSourceFactory
from tests.import_pages import confirm

pytestmark = pytest.mark.django_db

HEADER = "source,kind,code,report_date,number,recommendation,agencies,decision,reasons,decided_by,meeting,decided_on\n"
GOOD = (
    HEADER
    + "Ofsted inspection 2026,Ofsted inspection,OF26,2026-03-01,1,Review the front door.,Fenbridge Police,"
    + 'not accepted,Reviewed in 2025.,The board,"Board, 12 March 2026",2026-03-12\n'
    + "Ofsted inspection 2026,,,,2,Train on neglect.,Fenbridge Police; Fenbridge Community Health,,,,,\n"
)
BAD = (
    HEADER
    + "Ofsted inspection 2026,Ofsted inspection,OF26,,1,Review the front door.,Nowhere Trust,,,,,\n"
    + "Ofsted inspection 2026,,,,2,Train on neglect.,,partly accepted,,,,2026-03-12\n"
    + "Peer review,Peer review,,,1,Act.,,,,,,\n"
)


@pytest.fixture
def plan(lead_agency, other_agency):
    return BusinessPlanFactory(title="Register plan")


def upload(client, content: str, name="recommendations.csv"):
    file = SimpleUploadedFile(name, content.encode(), content_type="text/csv")
    return client.post(reverse("assurance:register_import"), {"file": file})


def test_a_good_file_is_previewed_then_imported(manager_client, plan):
    response = upload(manager_client, GOOD)
    preview = manager_client.get(response.url)

    assert "1 new source, 2 recommendations" in preview.content.decode()
    assert not AssuranceRecommendation.objects.exists()

    confirm(manager_client, response.url)

    source = RecommendationSource.objects.get()
    assert (source.title, source.kind, source.code, source.plan) == ("Ofsted inspection 2026", "ofsted", "OF26", plan)
    first, second = AssuranceRecommendation.objects.order_by("number")
    assert (first.decision, first.decision_reasons, first.decision_meeting, first.decided_on) == (
        Decision.NOT_ACCEPTED,
        "Reviewed in 2025.",
        "Board, 12 March 2026",
        date(2026, 3, 12),
    )
    assert second.decision == Decision.AWAITING
    assert sorted(agency.name for agency in second.agencies.all()) == ["Fenbridge Community Health", "Fenbridge Police"]


def test_a_bad_file_names_every_problem_and_imports_nothing(manager_client, plan):
    response = upload(manager_client, BAD)
    page = manager_client.get(response.url).content.decode()

    assert "“Nowhere Trust”: no such agency" in page
    assert "a recommendation partly accepted needs them" in page
    assert "This field cannot be blank." in page  # the peer review's code
    assert "Import into the register" not in page

    manager_client.post(response.url)
    assert not RecommendationSource.objects.exists()
    assert not AssuranceRecommendation.objects.exists()


def test_a_recommendation_already_in_the_register_is_refused(manager_client, plan):
    RecommendationSourceFactory(title="Ofsted inspection 2026", code="OF26")
    response = upload(manager_client, HEADER + "Ofsted inspection 2026,,,,1,Again.,,,,,,\n")

    manager_client.get(response.url)
    assert RecommendationSource.objects.count() == 1  # matched by title, not made again


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_upload(manager_client, plan):
    response = upload(manager_client, "hello", name="notes.txt")

    assert response.status_code == HTTPStatus.OK
    [message] = response.context["form"].errors["file"]
    assert "notes.txt" in message
    assert message in response.content.decode()


def test_readers_may_not_import(reader_client, plan):
    assert upload(reader_client, GOOD).status_code == HTTPStatus.FORBIDDEN
    assert not RecommendationSource.objects.exists()


def test_the_command_imports_a_good_file(tmp_path, plan, capsys):
    path = tmp_path / "recommendations.csv"
    path.write_text(GOOD, encoding="utf-8")

    call_command("import_recommendations", str(path))

    assert AssuranceRecommendation.objects.count() == 2
    assert "Imported: 1 new source, 2 recommendations." in capsys.readouterr().out


def test_the_command_refuses_a_bad_file_whole(tmp_path, plan):
    path = tmp_path / "recommendations.csv"
    path.write_text(BAD, encoding="utf-8")

    with pytest.raises(CommandError) as refusal:
        call_command("import_recommendations", str(path))

    assert "recommendations.csv has 3 problems; nothing was imported." in str(refusal.value)
    assert "Row 2, agencies" in str(refusal.value)
    assert not RecommendationSource.objects.exists()


def test_the_commands_dry_run_saves_nothing(tmp_path, plan):
    path = tmp_path / "recommendations.csv"
    path.write_text(GOOD, encoding="utf-8")

    call_command("import_recommendations", str(path), "--dry-run")

    assert not AssuranceRecommendation.objects.exists()


def test_a_source_added_since_the_preview_stops_the_old_preview_applying(manager_client, plan):
    preview_url = upload(manager_client, GOOD).url
    shown = manager_client.get(preview_url).context["preview"].fingerprint
    # Meanwhile another manager enters the inspection by hand: the file's recommendations would now join it.
    RecommendationSourceFactory(title="Ofsted inspection 2026", kind="ofsted", code="OF26", plan=plan)

    response = manager_client.post(preview_url, {"fingerprint": shown})

    assert "The register changed since you checked this file: here is the new preview." in response.content.decode()
    assert not AssuranceRecommendation.objects.exists()
