"""GOV.UK's error pattern on every form: the summary of linked errors, "Error: " titles, no browser pop-ups, and
required or optional said in words."""

import re
from http import HTTPStatus

import pytest
from django import forms
from django.template import Context, Template
from django.urls import reverse

from objectives import roles
from tests.factories import AimFactory, BusinessPlanFactory, ObjectiveFactory, UserFactory
from tests.reviews.factories import ReviewFactory
from tests.training.factories import CourseFactory, TrainingSessionFactory
from training.roles import TRAINING_ADMINS


class MeetingForm(forms.Form):
    title = forms.CharField(label="Title")
    held_on = forms.DateField(label="Held on")
    notes = forms.CharField(label="Notes", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self):
        raise forms.ValidationError("Someone else changed this meeting.")


def summary_of(*sources) -> str:
    return Template("{% load core_forms %}{% error_summary form formset %}").render(
        Context({"form": sources[0], "formset": sources[1] if len(sources) > 1 else None})
    )


def test_the_summary_lists_the_form_error_first_then_each_field_error_linked_to_its_field():
    form = MeetingForm(data={"held_on": "31/02/2026"})

    html = summary_of(form)

    assert '<h2 id="error-summary-title" class="h5">There is a problem</h2>' in html
    items = re.findall(r"<li>(.*?)</li>", html)
    assert items == [
        "Someone else changed this meeting.",
        '<a href="#id_title" class="alert-link">Title: This field is required.</a>',
        '<a href="#id_held_on" class="alert-link">Held on: Enter a valid date.</a>',
    ]


def test_the_summary_takes_the_focus_without_announcing_itself_and_says_nothing_when_all_is_well():
    html = summary_of(MeetingForm(data={"held_on": "31/02/2026"}))

    assert 'data-error-summary tabindex="-1"' in html
    assert 'role="alert"' not in html
    assert summary_of(MeetingForm()).strip() == ""


def test_a_hidden_field_error_is_listed_without_a_link_to_a_box_nobody_can_see():
    form = MeetingForm(data={"title": "AGM", "held_on": "2026-03-01", "version": "x"})

    html = summary_of(form)

    assert "<li>Enter a whole number.</li>" in html
    assert "#id_version" not in html


def test_a_formset_errors_are_listed_after_the_form_and_link_to_each_row():
    formset_class = forms.formset_factory(MeetingForm, extra=0)
    formset = formset_class(data={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-held_on": "2026-03-01"})

    html = summary_of(MeetingForm(data={"title": "AGM", "held_on": "2026-03-01"}), formset)

    assert html.index("Someone else changed this meeting.") < html.index('href="#id_form-0-title"')


@pytest.fixture
def everyone_client(client, db):
    client.force_login(UserFactory(roles=[roles.BOARD_MANAGERS, TRAINING_ADMINS]))
    return client


def test_a_form_page_with_errors_opens_on_the_summary_and_its_title_says_error(everyone_client):
    url = reverse("reviews:review_create")

    page = everyone_client.get(url).content.decode()
    response = everyone_client.post(url, {})

    content = response.content.decode()
    assert "<title>Error: " not in page
    assert response.status_code == HTTPStatus.OK
    assert re.search(r"<title>Error: \S", content)
    assert '<a href="#id_name" class="alert-link">' in content
    assert "Please correct the problems marked below" not in content


def test_the_summary_is_shown_once_with_the_form_error_not_again_inside_the_form(client, db):
    UserFactory(username="sam", password="right-password-123")

    response = client.post(reverse("login"), {"username": "sam", "password": "wrong"})

    content = response.content.decode()
    assert content.count("Please enter a correct username and password") == 1


def test_a_wrong_password_is_announced_at_once(client, db):
    UserFactory(username="sam", password="right-password-123")

    response = client.post(reverse("login"), {"username": "sam", "password": "wrong"})

    content = response.content.decode()
    summary = re.search(r"<div [^>]*data-error-summary[^>]*>", content).group(0)
    assert 'role="alert"' in summary
    assert "<title>Error: Sign in" in content


def form_page_urls() -> list[str]:
    plan = BusinessPlanFactory()
    aim = AimFactory(plan=plan)
    objective = ObjectiveFactory(aim=aim)
    review = ReviewFactory()
    course = CourseFactory()
    session = TrainingSessionFactory(course=course)
    return [
        reverse("objectives:plan_create"),
        reverse("objectives:plan_update", args=[plan.pk]),
        reverse("objectives:aim_create", args=[plan.pk]),
        reverse("objectives:objective_create", args=[aim.pk]),
        reverse("objectives:action_create", args=[objective.pk]),
        reverse("objectives:round_create", args=[plan.pk]),
        reverse("objectives:action_list"),
        reverse("objectives:person_create"),
        reverse("objectives:agency_create"),
        reverse("objectives:scale_create"),
        reverse("objectives:plan_scale_change", args=[plan.pk]),
        reverse("objectives:import_upload"),
        reverse("reviews:review_list"),
        reverse("reviews:review_create"),
        reverse("reviews:review_import_upload", args=[review.pk]),
        reverse("reviews:cdop_create"),
        reverse("training:course_create"),
        reverse("training:session_create", args=[course.pk]),
        reverse("training:registration_create", args=[session.pk]),
        reverse("training:charges"),
        reverse("training:uptake"),
    ]


def test_no_form_lets_the_browser_stop_a_submit_with_its_own_pop_up(everyone_client):
    for url in form_page_urls():
        response = everyone_client.get(url)

        assert response.status_code == HTTPStatus.OK, url
        tags = re.findall(r"<form\b[^>]*>", response.content.decode())
        assert len(tags) >= 2, url  # the page's own form and the sign-out button's
        assert all("novalidate" in tag for tag in tags), (url, tags)


@pytest.mark.parametrize("name", ["login", "password_reset"])
def test_the_signed_out_forms_leave_checking_to_the_server_too(client, db, name):
    response = client.get(reverse(name))

    tags = re.findall(r"<form\b[^>]*>", response.content.decode())
    assert tags
    assert all("novalidate" in tag for tag in tags)


def test_an_optional_field_says_so_in_words_and_no_field_carries_a_bare_asterisk(everyone_client):
    response = everyone_client.get(reverse("reviews:cdop_create"))

    content = response.content.decode()
    assert 'class="field-optional">(optional)</span>' in content
    assert re.search(r"Summary\s*<span class=\"field-optional\">\(optional\)</span>", content)
    assert re.search(r"Year ends\s*</label>", content)
    assert "asteriskField" not in content
    assert "*</span>" not in content
