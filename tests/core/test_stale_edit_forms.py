"""Plans, rounds, agencies, aims, objectives, and training's courses, sessions and bookings refuse a stale save as
actions do:
the second of two people editing at once sees what the first saved, keeps their own text, and can save after merging."""

from datetime import datetime
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse

from objectives import roles
from objectives.models import Agency, Aim, BusinessPlan, Objective, ProgressRound
from tests.factories import (
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    UserFactory,
)
from tests.training.factories import CourseFactory, RegistrationFactory, TrainingSessionFactory
from training.models import Course, Registration, TrainingSession
from training.roles import TRAINING_ADMINS

# (edit page, factory, role allowed to edit, text field, heading of the conflict panel)
FORMS = {
    "plan": ("objectives:plan_update", BusinessPlanFactory, roles.BOARD_MANAGERS, "title", "this plan"),
    "agency": ("objectives:agency_update", AgencyFactory, roles.BOARD_MANAGERS, "short_name", "this agency"),
    "aim": ("objectives:aim_update", AimFactory, roles.BOARD_MANAGERS, "title", "this aim"),
    "objective": ("objectives:objective_update", ObjectiveFactory, roles.BOARD_MANAGERS, "title", "this objective"),
    "course": ("training:course_update", CourseFactory, TRAINING_ADMINS, "description", "this course"),
    "session": ("training:session_update", TrainingSessionFactory, TRAINING_ADMINS, "trainer", "this session"),
    "registration": (
        "training:registration_update",
        RegistrationFactory,
        TRAINING_ADMINS,
        "job_role",
        "this registration",
    ),
}
MODELS = {
    "plan": BusinessPlan,
    "agency": Agency,
    "aim": Aim,
    "objective": Objective,
    "course": Course,
    "session": TrainingSession,
    "registration": Registration,
}


def signed_in(role: str, username: str, first_name: str) -> Client:
    client = Client()
    client.force_login(UserFactory(username=username, first_name=first_name, last_name="Editor", roles=[role]))
    return client


def browser_value(value) -> str:
    """A value as the browser sends it back: blank for none, a datetime as its datetime-local box writes it."""
    if value is None:
        return ""
    return value.strftime("%Y-%m-%dT%H:%M") if isinstance(value, datetime) else value


def form_data(response, **changes) -> dict:
    """What the browser would send back: the loaded form's values, with this person's changes."""
    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {key: browser_value(value) for key, value in {**data, **changes}.items()}


def two_editors(kind):
    url_name, factory, role, field, _ = FORMS[kind]
    row = factory()
    url = reverse(url_name, args=[row.pk])
    alex, sam = signed_in(role, "alex", "Alex"), signed_in(role, "sam", "Sam")
    return row, url, field, alex, sam


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORMS)
def test_the_second_of_two_saves_is_refused_and_shows_what_the_first_saved(kind):
    row, url, field, alex, sam = two_editors(kind)
    alex_form, sam_form = alex.get(url), sam.get(url)

    first = alex.post(url, form_data(alex_form, **{field: "Alex wrote this"}))
    second = sam.post(url, form_data(sam_form, **{field: "Sam wrote that"}))

    content = second.content.decode()
    assert 'name="version" value="1"' in sam_form.content.decode()
    assert first.status_code == HTTPStatus.FOUND
    assert second.status_code == HTTPStatus.OK
    assert f"Alex Editor saved {FORMS[kind][4]} while you were editing it" in content
    assert "Alex wrote this" in content
    assert 'value="Sam wrote that"' in content or "Sam wrote that</textarea>" in content
    assert getattr(MODELS[kind].objects.get(pk=row.pk), field) == "Alex wrote this"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORMS)
def test_after_a_refused_save_the_merged_text_saves(kind):
    row, url, field, alex, sam = two_editors(kind)
    alex_form, sam_form = alex.get(url), sam.get(url)
    alex.post(url, form_data(alex_form, **{field: "Alex wrote this"}))
    refused = sam.post(url, form_data(sam_form, **{field: "Sam wrote that"}))

    merged = sam.post(url, form_data(refused, **{field: "Alex wrote this and Sam wrote that"}))

    assert merged.status_code == HTTPStatus.FOUND
    saved = MODELS[kind].objects.get(pk=row.pk)
    assert getattr(saved, field) == "Alex wrote this and Sam wrote that"
    assert saved.version == 3


@pytest.mark.django_db
@pytest.mark.parametrize("kind", FORMS)
def test_one_person_saving_twice_in_turn_is_not_refused(kind):
    row, url, field, alex, _ = two_editors(kind)
    alex.post(url, form_data(alex.get(url), **{field: "First"}))

    again = alex.post(url, form_data(alex.get(url), **{field: "Second"}))

    assert again.status_code == HTTPStatus.FOUND
    assert getattr(MODELS[kind].objects.get(pk=row.pk), field) == "Second"


@pytest.mark.django_db
def test_a_rounds_second_change_of_dates_is_refused_and_shows_the_first():
    progress_round = ProgressRoundFactory()
    url = reverse("objectives:round_update", args=[progress_round.pk])
    alex, sam = signed_in(roles.BOARD_MANAGERS, "alex", "Alex"), signed_in(roles.BOARD_MANAGERS, "sam", "Sam")
    alex_form, sam_form = alex.get(url), sam.get(url)

    alex.post(url, form_data(alex_form, deadline="2025-12-19"))
    second = sam.post(url, form_data(sam_form, deadline="2025-12-05"))

    content = second.content.decode()
    assert "Alex Editor saved this round while you were editing it" in content
    assert "19 December 2025" in content
    assert 'value="2025-12-05"' in content
    assert str(ProgressRound.objects.get(pk=progress_round.pk).deadline) == "2025-12-19"
