"""Erasing a training attendee (UK GDPR Article 17): their name and address are gone from every table, while every
uptake figure stays exactly as it was; and the copy of their records (Article 15)."""

import json
from io import BytesIO

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.db import models
from openpyxl import Workbook

from core.models import StagedUpload
from objectives.models import EmailKind, EmailLog
from tests.factories import UserFactory
from tests.training.factories import EvaluationFactory
from tests.training.uptake_samples import YEAR, hand_counted_world
from training import selectors
from training.erasure import ERASED_NAME, anonymise_registrations, erase_address, records_of
from training.models import Evaluation, EvaluationLink, Registration

pytestmark = pytest.mark.django_db

NAME = "Jane Quillfeather"
ADDRESS = "e3@example.org"  # booked once as "E3@example.org": the same person
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.BinaryField)


def _register_file(*rows) -> bytes:
    return ("name,email,agency,attended\n" + "".join(f"{row}\n" for row in rows)).encode()


@pytest.fixture
def world():
    world = hand_counted_world()
    theirs = list(Registration.objects.filter(email__iexact=ADDRESS))
    for registration in theirs:
        registration.attendee_name = NAME
        registration.job_role = "Health visitor"
        registration.save()  # a history row naming them
    Evaluation.objects.filter(registration__in=theirs).update(
        will_do_differently=f"I, {NAME}, will ask the school first.", example=f"Write to me at {ADDRESS.upper()}."
    )
    EvaluationLink.objects.create(registration=theirs[0], kind=Evaluation.Kind.AFTER_SESSION)
    EmailLog.objects.create(
        address="E3@example.org", kind=EmailKind.REMINDER, subject=f"Your evaluation, {NAME}", body=f"Dear {NAME}"
    )
    uploader = UserFactory()
    for token, content in [
        ("theirs", _register_file(f"{NAME},{ADDRESS},Yewtree Health,yes", "Other Person,e4@example.org,Y,no")),
        ("others", _register_file("Other Person,e4@example.org,Yewtree Health,no")),
    ]:
        StagedUpload.objects.create(
            kind="training_register", token=token, uploaded_by=uploader, file_name="register.csv", content=content
        )
    LogEntry.objects.log_actions(
        user_id=uploader.pk, queryset=Registration.objects.filter(pk=theirs[0].pk), action_flag=CHANGE
    )
    return world


def _uptake() -> tuple:
    period = selectors.Period(*YEAR)
    everyone = Registration.objects.all()
    return (
        selectors.course_uptake(period, everyone),
        [uptake for _, uptake in selectors.session_uptake(period, everyone)],
        selectors.agency_uptake(period, everyone),
        selectors.overall_uptake(period, everyone),
        selectors.charges_by_agency(everyone, *YEAR),
        selectors.confidence_gains(until=YEAR[1]),
    )


def _text_everywhere() -> str:
    """Every text, JSON and binary value of every row of every model, casefolded, as one string to search."""
    found = []
    for model in apps.get_models():
        names = [field.attname for field in model._meta.concrete_fields if isinstance(field, TEXT_FIELDS)]
        for row in model._default_manager.values_list(*names) if names else []:
            found += [
                bytes(value).decode("utf-8", "replace") if isinstance(value, memoryview | bytes) else str(value)
                for value in row
            ]
    return "\n".join(found).casefold()


def test_erasing_leaves_their_name_and_address_nowhere(world):
    assert NAME.casefold() in _text_everywhere()

    erase_address("E3@Example.org")

    everywhere = _text_everywhere()
    assert NAME.casefold() not in everywhere
    assert "quillfeather" not in everywhere
    assert ADDRESS not in everywhere


def test_erasing_changes_no_uptake_figure(world):
    before = _uptake()

    erase_address(ADDRESS)

    assert _uptake() == before


def test_erasing_keeps_the_registrations_and_evaluations_under_one_placeholder(world):
    pks = set(Registration.objects.filter(email__iexact=ADDRESS).values_list("pk", flat=True))

    result = erase_address(ADDRESS)

    erased = Registration.objects.filter(pk__in=pks)
    assert set(result.registrations) == pks
    assert {registration.attendee_name for registration in erased} == {ERASED_NAME}
    assert {registration.job_role for registration in erased} == {""}
    assert len({registration.email for registration in erased}) == 1
    for registration in erased:
        registration.full_clean()  # the placeholder is still a valid address
    evaluation = Evaluation.objects.get(registration__in=pks)
    assert evaluation.will_do_differently == "I, [erased], will ask the school first."
    assert evaluation.example == "Write to me at [erased]."
    assert (evaluation.relevance, evaluation.confidence_after) == (4, 4)


def test_erasing_deletes_only_the_register_files_naming_them_and_empties_their_emails(world):
    result = erase_address(ADDRESS)

    assert list(StagedUpload.objects.values_list("token", flat=True)) == ["others"]
    log = EmailLog.objects.get()
    assert (log.subject, log.body, log.kind) == ("Erased", "", EmailKind.REMINDER)
    assert (result.uploads, result.emails, result.admin_entries) == (1, 1, 1)
    assert result.history_rows >= 4


def test_emails_to_a_user_account_are_not_theirs_to_erase(world):
    user = UserFactory(email=ADDRESS)
    EmailLog.objects.create(recipient=user, address=ADDRESS, kind=EmailKind.REMINDER, subject="Progress due")

    erase_address(ADDRESS)

    assert EmailLog.objects.filter(recipient=user, address=ADDRESS, subject="Progress due").exists()


def test_other_people_are_untouched(world):
    others = list(Registration.objects.exclude(email__iexact=ADDRESS).values_list("attendee_name", "email"))

    erase_address(ADDRESS)

    assert list(Registration.objects.exclude(attendee_name=ERASED_NAME).values_list("attendee_name", "email")) == others


def test_anonymising_some_of_their_registrations_keeps_emails_their_others_still_need(world):
    first = Registration.objects.filter(email__iexact=ADDRESS).order_by("session__starts_at").first()

    result = anonymise_registrations(Registration.objects.filter(pk=first.pk))

    assert result.count == 1
    assert result.emails == 0
    assert EmailLog.objects.get().address == "E3@example.org"
    assert Registration.objects.filter(email__iexact=ADDRESS).count() == 1


def test_anonymising_twice_changes_nothing_more(world):
    erase_address(ADDRESS)

    again = anonymise_registrations(Registration.objects.filter(attendee_name=ERASED_NAME))

    assert again.count == 0


def test_their_records_hold_every_registration_evaluation_and_email(world):
    records = json.loads(json.dumps(records_of("E3@EXAMPLE.ORG")))

    registrations = records["training_registrations"]
    assert [row["course"] for row in registrations] == ["Neglect: recognising and responding", "Child exploitation"]
    assert {row["name"] for row in registrations} == {NAME}
    assert registrations[0]["status"] == "Attended"
    assert registrations[0]["agency"] == "Yewtree Health"
    assert registrations[0]["session_starts"].startswith("2025-05-10T10:00")
    assert registrations[0]["evaluations"][0]["what_I_will_do_differently"].startswith("I, Jane")
    assert registrations[0]["evaluation_links_sent"][0]["form"] == "After the session"
    assert [email["subject"] for email in records["emails_sent"]] == [f"Your evaluation, {NAME}"]


def test_nobody_is_held_under_an_unknown_address(world):
    records = records_of("nobody@example.org")

    assert (records["training_registrations"], records["emails_sent"]) == ([], [])


def test_the_evaluation_scores_feed_the_same_results_after_erasure(world):
    EvaluationFactory(registration=Registration.objects.filter(email__iexact=ADDRESS).last(), kind="follow_up")
    before = selectors.evaluation_results(Evaluation.objects.all(), Registration.objects.all())

    erase_address(ADDRESS)

    assert selectors.evaluation_results(Evaluation.objects.all(), Registration.objects.all()) == before


def test_an_erased_placeholder_is_unique_to_one_person(world):
    erase_address(ADDRESS)
    erase_address("e1@example.org")

    placeholders = set(Registration.objects.filter(attendee_name=ERASED_NAME).values_list("email", flat=True))

    assert len(placeholders) == 2


def test_a_name_too_short_to_search_for_deletes_no_one_elses_register(world):
    Registration.objects.filter(email__iexact=ADDRESS).update(attendee_name="Al")

    erase_address(ADDRESS)

    # "Al" is inside "Yewtree Health" in the other file; only the file with their address goes.
    assert list(StagedUpload.objects.values_list("token", flat=True)) == ["others"]


def test_a_spreadsheet_register_naming_them_is_deleted(world):
    book = Workbook()
    for row in (["name", "email", "agency", "attended"], ["Someone", ADDRESS.upper(), "Yewtree Health", "yes"]):
        book.active.append(row)
    content = BytesIO()
    book.save(content)
    StagedUpload.objects.create(
        kind="training_register",
        token="spreadsheet",
        uploaded_by=UserFactory(),
        file_name="register.xlsx",
        content=content.getvalue(),
    )

    erase_address(ADDRESS)

    assert not StagedUpload.objects.filter(token="spreadsheet").exists()


def test_the_history_of_a_registration_since_deleted_is_erased_too(world):
    deleted = Registration.objects.filter(email__iexact=ADDRESS).first()
    Evaluation.objects.filter(registration=deleted).delete()
    deleted.delete()

    erase_address(ADDRESS)

    assert NAME.casefold() not in _text_everywhere()


def test_the_history_of_their_evaluations_is_erased_too(world):
    evaluation = Evaluation.objects.filter(registration__email__iexact=ADDRESS).first()
    evaluation.example = f"Ask {NAME} how it went."
    evaluation.save()  # a history row naming them, beside the row as it stands

    erase_address(ADDRESS)

    versions = Evaluation.history.filter(id=evaluation.pk)
    assert versions.exists()
    assert not any("quillfeather" in version.example.casefold() for version in versions)
    assert NAME.casefold() not in _text_everywhere()
