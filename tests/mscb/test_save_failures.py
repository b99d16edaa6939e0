"""A database or disk failure while saving gets a 503 page that says so and shows back what was typed.

The database failure is real as far as the view can tell: Django's own execute_wrapper hook (documented for
instrumenting queries) makes the UPDATE fail as a locked SQLite database does. The disk failure is Django's
reading back of an upload it wrote to a temporary file (TemporaryUploadedFile.read, which the upload form
calls) raising the OSError a failing disk gives.
"""

import errno
from http import HTTPStatus

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.db import OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse

from mscb.save_failures import DATABASE, failure_of, failure_page
from objectives.models import Action

pytestmark = pytest.mark.django_db


def locked_on(statement: str):
    """An execute wrapper under which any SQL starting with `statement` fails as a locked database's does."""

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(statement):
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    return wrapper


def action_form(client, action) -> dict:
    form = client.get(reverse("objectives:action_update", args=[action.pk])).context["form"]
    data = {name: form[name].value() for name in form.fields}
    return {key: "" if value is None else value for key, value in data.items()}


def test_a_database_failure_while_saving_shows_the_typed_text_to_copy(manager_client, led_action):
    data = {**action_form(manager_client, led_action), "text": "Audit every plan by March.", "csrfmiddlewaretoken": "x"}

    with connection.execute_wrapper(locked_on("UPDATE")):
        response = manager_client.post(reverse("objectives:action_update", args=[led_action.pk]), data)

    content = response.content.decode()
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "Your changes could not be saved" in content
    assert DATABASE in content
    assert "readonly>Audit every plan by March.</textarea>" in content
    assert 'name="csrfmiddlewaretoken"' not in content
    assert Action.objects.get(pk=led_action.pk).text != "Audit every plan by March."


def test_a_disk_failure_while_uploading_keeps_the_other_fields(manager_client, monkeypatch, settings):
    def failing_disk(self):
        raise OSError(errno.EIO, "Input/output error")

    # The upload is written to a temporary file on disk, whose reading back then fails.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    monkeypatch.setattr(TemporaryUploadedFile, "read", property(failing_disk))
    upload = SimpleUploadedFile("plan.csv", b"ref,action\n1.1.1,Audit\n")

    response = manager_client.post(
        reverse("objectives:import_upload"), {"file": upload, "plan": "", "new_title": "Plan for 2026 to 2027"}
    )

    content = response.content.decode()
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "could not write to its disk" in content
    assert "readonly>Plan for 2026 to 2027</textarea>" in content
    assert "1.1.1,Audit" not in content


def test_a_database_failure_on_a_get_is_left_to_the_ordinary_error_page(manager_client, led_action):
    url = reverse("objectives:action_update", args=[led_action.pk])

    with connection.execute_wrapper(locked_on("SELECT")), pytest.raises(OperationalError):
        manager_client.get(url)


def test_passwords_tokens_and_hidden_machinery_are_never_shown_back():
    posted = {
        "title": "Neglect strategy",
        "new_password1": "correct horse",
        "otp_token": "123456",
        "csrfmiddlewaretoken": "abc",
        "version": "4",
        "notes": "  ",
    }
    request = RequestFactory().post("/", posted)

    content = failure_page(request, DATABASE).content.decode()

    assert "Neglect strategy</textarea>" in content
    for hidden in ("correct horse", "123456", "abc", ">4<", "Notes"):
        assert hidden not in content


def test_the_page_is_drawn_without_a_query(django_assert_num_queries):
    request = RequestFactory().post("/", {"title": "Neglect strategy"})

    with django_assert_num_queries(0):
        response = failure_page(request, DATABASE)

    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize(
    ("exception", "handled"),
    [
        (OperationalError("database is locked"), True),
        (OSError(errno.ENOSPC, "No space left on device"), True),
        (ConnectionRefusedError(), False),
        (ValueError(), False),
    ],
)
def test_only_database_and_disk_failures_get_the_page(exception, handled):
    assert (failure_of(exception) is not None) is handled
