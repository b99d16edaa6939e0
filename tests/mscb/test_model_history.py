"""Every model of our apps keeps its history (django-simple-history), so what a paper or a deadline said, and who
changed it, can be traced; or it sits in EXEMPT with the reason it changes neither (issue 16)."""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from simple_history.models import registered_models

from reviews.models import BankHoliday, CdopCategory, Subgroup

EXEMPT = {
    "core.StagedUpload": "a queue: an uploaded file waiting for its preview to be confirmed, deleted once done",
    "objectives.ReminderLog": "a log: when each reminder was sent, written once",
    "objectives.NotificationPreference": "a person's own choice of e-mails, which no paper or deadline shows",
    "objectives.EmailLog": "a log: each e-mail sent and whether it went, written by the sending",
    "objectives.DigestItem": "a queue: news waiting for the next digest e-mail",
    "training.EvaluationLink": "a log of the one-use links sent, so nobody is sent the same form twice",
    "mscb.RetentionRemoval": "itself the log of what the retention rules removed",
    "mscb.PasswordResetRequest": "a counter: reset requests of the last hour, for the rate limit",
    "core.GeneratedFile": "a cache: a PDF or Word file made from content with history of its own",
    "audit.SecurityEvent": "itself the log: written once and never changed (its save refuses an update)",
    "core.ContentVersion": "a counter the database raises on every change, which the changes' own history records",
    "core.VersionedKey": "a cache: which content hash a content version was found to hold",
}


def our_models() -> list:
    """The concrete models of the apps in this repository: no many-to-many tables, no historical models."""
    base = Path(settings.BASE_DIR).resolve()
    return [
        model
        for config in apps.get_app_configs()
        # Installed packages may live in the checkout too (make install's .venv), but are not ours.
        if Path(config.path).resolve().is_relative_to(base) and "site-packages" not in Path(config.path).parts
        for model in config.get_models()
        # simple_history's historical models know the model they copy as instance_type.
        if not (model._meta.proxy or model._meta.auto_created or hasattr(model, "instance_type"))
    ]


def test_every_model_of_ours_keeps_history_or_says_why_not():
    tracked = set(registered_models.values())

    untracked = {model._meta.label for model in our_models() if model not in tracked}

    assert untracked == set(EXEMPT)


def test_each_exemption_names_a_model_of_ours():
    assert set(EXEMPT) <= {model._meta.label for model in our_models()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "values"),
    [
        (BankHoliday, {"on": "2031-05-06", "name": "A coronation"}),
        (Subgroup, {"name": "Learning and improvement"}),
        (CdopCategory, {"name": "Sudden unexpected death", "position": 11}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_changing_an_admin_kept_list_records_who_changed_it(model, values, admin_client, admin_user):
    name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    admin_client.post(reverse(f"{name}_add"), values)
    row = model.objects.get(name=values["name"])

    admin_client.post(reverse(f"{name}_change", args=[row.pk]), {**values, "name": f"{values['name']} (renamed)"})

    versions = list(row.history.order_by("history_date"))
    assert [version.history_type for version in versions] == ["+", "~"]
    assert {version.history_user for version in versions} == {admin_user}
