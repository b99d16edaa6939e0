"""Every PDF the product makes is tagged (PDF/UA-1): public bodies must publish accessible documents."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from objectives.services.publishing import publish_report
from tests.factories import ActionFactory, ProgressUpdateFactory


def _pdf_info(content: bytes, tmp_path) -> dict[str, str]:
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (apt-get install poppler-utils) is needed to read the PDF's structure")
    path = tmp_path / "paper.pdf"
    path.write_bytes(content)
    lines = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()
    return {name.strip(): value.strip() for name, _, value in (line.partition(":") for line in lines)}


@pytest.fixture
def reported_round(march, objective):
    ProgressUpdateFactory(action=ActionFactory(objective=objective, ref="1.1.1"), round=march, progress="Done.")
    return march


def test_the_committee_report_pdf_is_tagged_and_titled(reader_client, reported_round, tmp_path):
    response = reader_client.get(reverse("objectives:report_pdf", args=[reported_round.plan_id, reported_round.pk]))

    info = _pdf_info(response.content, tmp_path)
    assert info["Tagged"] == "yes"
    assert info["Title"] == f"Business plan {reported_round.plan.title}: {reported_round.label}"


def test_a_published_reports_pdf_is_tagged(reader_client, board_manager, reported_round, tmp_path):
    published = publish_report(progress_round=reported_round, published_by=board_manager)

    response = reader_client.get(reverse("objectives:published_file", args=[published.pk, "pdf"]))

    assert _pdf_info(response.content, tmp_path)["Tagged"] == "yes"
