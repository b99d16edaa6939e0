"""The plan page's objectives and tables of actions, drawn in Python (objectives.plan_rows): the same rows the
templates drew, every typed text escaped, links under the request's script prefix."""

import re
from datetime import date, timedelta

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.template import engines
from django.test import RequestFactory
from django.urls import reverse, set_script_prefix
from django.utils import timezone

from core.models import RatingScale
from objectives.models import Action
from objectives.plan_rows import rows_html, url_for_each
from tests.factories import ActionFactory, AgencyFactory, ObjectiveFactory, ProgressUpdateFactory

pytestmark = pytest.mark.django_db

TYPED = "<script>alert(1)</script> & Co"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"

# The row as `_plan_actions.html` drew it before, through the include the action list and round page still use.
TEMPLATE_ROW = (
    "{% load objectives_tags core_rating %}"
    '<tr>{% include "objectives/_action_cells.html" with leads=action.lead_agency_list %}'
    '<td>{% action_target action %}{% if action.timescale %}<div class="small">{{ action.timescale }}</div>'
    "{% endif %}</td>"
    '{% if not scale.is_none %}<td>{% rating_badge scale action.latest_rag|default_if_none:"none" %}</td>'
    "{% endif %}</tr>"
)


def tight(html: str) -> str:
    return re.sub(r">\s+<", "><", str(html)).strip()


@pytest.fixture
def prefix_reset():
    """A request under a script prefix leaves it set for the thread; put the root back for the next test."""
    yield
    set_script_prefix("/")


def listed(action: Action, leads, latest_rag) -> Action:
    action.lead_agency_list = leads
    action.latest_rag = latest_rag
    return action


def row_cases(objective):
    police = AgencyFactory(name="Fenbridge Police", short_name="Police")
    health = AgencyFactory(name="Fenbridge Community Health", short_name="")
    long_text = " ".join(f"word{number}" for number in range(30))
    past = timezone.localdate() - timedelta(days=40)
    return [
        listed(ActionFactory(objective=objective, text=long_text, target_on=past), [police, health], "green"),
        listed(ActionFactory(objective=objective, target_on=date(2030, 3, 1), target_is_month=True), [], None),
        listed(ActionFactory(objective=objective, target_on=None, timescale="Across 2026/27"), [health], ""),
        listed(ActionFactory(objective=objective, target_on=past, status=Action.Status.COMPLETED), [police], "red"),
    ]


@pytest.mark.parametrize("scale_name", ["rag", "none"])
def test_each_row_is_what_the_template_drew(objective, scale_name):
    scale = RatingScale.objects.get(name=scale_name).as_scale()
    actions = row_cases(objective)
    template = engines["django"].from_string(TEMPLATE_ROW)

    drawn = [tight(row) for row in rows_html(actions, scale).split("\n")]

    assert drawn == [tight(template.render({"action": action, "scale": scale})) for action in actions]
    assert "word19 …</a>" in drawn[0]
    assert "Overdue" in drawn[0]
    assert "Overdue" not in drawn[3]
    assert ">—</td>" in drawn[1]


def test_every_typed_text_on_the_page_is_escaped(manager_client, objective):
    objective.title = TYPED
    objective.save()
    agency = AgencyFactory(name=TYPED, short_name="")
    action = ActionFactory(objective=objective, text=TYPED, timescale=TYPED, lead_agencies=[agency])
    ProgressUpdateFactory(action=action)

    content = manager_client.get(objective.plan.get_absolute_url()).content.decode()

    assert "<script>alert" not in content
    # The objective's title, the action's text, its lead agency and its timescale.
    assert content.count(ESCAPED) == 4


def test_each_action_lists_its_own_lead_agencies_in_the_agencies_order(manager_client, objective):
    police = AgencyFactory(name="Fenbridge Police", short_name="Police")
    health = AgencyFactory(name="Fenbridge Community Health", short_name="Health")
    ActionFactory(objective=objective, ref="1.1.1", lead_agencies=[police, health])
    ActionFactory(objective=objective, ref="1.1.2", lead_agencies=[police])
    ActionFactory(objective=objective, ref="1.1.3")

    content = manager_client.get(objective.plan.get_absolute_url()).content.decode()

    leads = re.findall(r'data-label="Lead agencies">([^<]*)</td>', content)
    assert leads == ["Health, Police", "Police", "—"]


def test_a_reader_gets_no_links_to_edit_or_add(reader_client, objective):
    ActionFactory(objective=objective)

    content = reader_client.get(objective.plan.get_absolute_url()).content.decode()

    assert reverse("objectives:objective_update", args=[objective.pk]) not in content
    assert reverse("objectives:action_create", args=[objective.pk]) not in content


def test_an_objective_without_actions_says_so(manager_client, objective):
    ObjectiveFactory(aim=objective.aim, ref="1.2")

    content = manager_client.get(objective.plan.get_absolute_url()).content.decode()

    assert content.count("<p>No actions yet.</p>") == 2


def test_a_url_for_each_key_is_the_one_reverse_gives():
    action_url = url_for_each("objectives:action_detail")

    assert [action_url(pk) for pk in (1, 42, 10**9)] == [
        reverse("objectives:action_detail", args=[pk]) for pk in (1, 42, 10**9)
    ]


def served(client, path: str, script_name: str) -> str:
    """The page as Django's WSGI handler serves it under `script_name` (the test client never sets the prefix)."""
    environ = RequestFactory().get(path).environ
    environ.update(SCRIPT_NAME=script_name, HTTP_COOKIE=client.cookies.output(header="", sep=";"))
    # As the test client does: the test's transaction holds the connection, so no request may close it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        response = WSGIHandler()(environ, lambda status, headers: None)
        return b"".join(response).decode()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_links_carry_the_servers_script_prefix_and_only_on_its_requests(manager_client, objective, prefix_reset):
    action = ActionFactory(objective=objective)
    page = objective.plan.get_absolute_url()
    action_url = reverse("objectives:action_detail", args=[action.pk])
    edit_url = reverse("objectives:objective_update", args=[objective.pk])

    under_prefix = served(manager_client, page, "/partnership")
    at_root = served(manager_client, page, "")

    assert f'href="/partnership{action_url}"' in under_prefix
    assert f'href="/partnership{edit_url}"' in under_prefix
    assert f'href="{action_url}"' in at_root
    assert "/partnership/" not in at_root


def test_links_carry_a_forced_script_name(manager_client, objective, settings, prefix_reset):
    action = ActionFactory(objective=objective)
    page = objective.plan.get_absolute_url()
    action_url = reverse("objectives:action_detail", args=[action.pk])
    settings.FORCE_SCRIPT_NAME = "/scp"

    content = served(manager_client, page, "")

    assert f'href="/scp{action_url}"' in content
