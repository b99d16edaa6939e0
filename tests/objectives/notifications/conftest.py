"""A small board for the notification tests: one round, two agencies' actions, their contributors, two managers.

The role fixtures (board_manager, contributor in lead_agency, other_contributor) come from tests/conftest.py.
"""

import smtplib
from datetime import date

import pytest
from django.core.mail.backends.base import BaseEmailBackend

from objectives import roles
from objectives.models import ProgressUpdate
from tests.factories import ActionFactory, ObjectiveFactory, ProgressRoundFactory, ProgressUpdateFactory, UserFactory

State = ProgressUpdate.State
SITE = "https://board.example.org"
BOARD = "Fenbridge Safeguarding Children Partnership"


class RefusingBackend(BaseEmailBackend):
    """The outside world's mail server, refusing every message."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE
    settings.BOARD_NAME = BOARD


@pytest.fixture
def objective(db):
    return ObjectiveFactory(ref="1.1", aim__number=1)


@pytest.fixture
def police_action(objective, lead_agency):
    return ActionFactory(objective=objective, ref="1.1.1", text="Audit repeat referrals", lead_agencies=[lead_agency])


@pytest.fixture
def health_action(objective, other_agency):
    return ActionFactory(objective=objective, ref="1.1.2", text="Train school nurses", lead_agencies=[other_agency])


@pytest.fixture
def progress_round(objective):
    return ProgressRoundFactory(plan=objective.plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


@pytest.fixture
def second_manager(db):
    return UserFactory(username="deputy", first_name="Dee", last_name="Deputy", roles=[roles.BOARD_MANAGERS])


@pytest.fixture
def colleague(lead_agency):
    """A second contributor at the police, who did not write the update."""
    user = UserFactory(
        username="colleague", first_name="Chris", last_name="Colleague", roles=[roles.AGENCY_CONTRIBUTORS]
    )
    lead_agency.members.add(user)
    return user


@pytest.fixture
def submitted(police_action, progress_round, contributor):
    return ProgressUpdateFactory(
        action=police_action,
        round=progress_round,
        state=State.SUBMITTED,
        author=contributor,
        submitted_by=contributor,
        rag="amber",
        progress="Audit half done.",
        impact="",
    )


def addressed_to(outbox) -> list[list[str]]:
    return sorted(message.to for message in outbox)
