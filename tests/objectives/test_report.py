from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone

from objectives.models import Action, ProgressUpdate
from objectives.paper.build import build_paper
from objectives.paper.html import page_margin_css
from objectives.selectors.report import build_progress_report
from objectives.services.publishing import publish_report
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26")


@pytest.fixture
def june(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))


@pytest.fixture
def march(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2026, 3, 31))


@pytest.fixture
def objective(plan):
    return ObjectiveFactory(aim=AimFactory(plan=plan, number=1, title="Partners' work keeps children safe"), ref="1.1")


def _only_row(report):
    return report.aims[0].objectives[0].rows[0]


def _report_url(progress_round):
    return reverse("objectives:report", args=[progress_round.plan_id, progress_round.pk])


# Building the report


def test_report_lists_actions_in_natural_ref_order(plan, december, objective):
    for ref in ["1.1.10", "1.1.2", "1.1.9", "1.1.1"]:
        ActionFactory(objective=objective, ref=ref)

    report = build_progress_report(plan=plan, progress_round=december)

    assert [row.action.ref for row in report.aims[0].objectives[0].rows] == ["1.1.1", "1.1.2", "1.1.9", "1.1.10"]


def test_report_lists_aims_by_number_and_objectives_in_natural_order(plan, december):
    aim_two = AimFactory(plan=plan, number=2)
    aim_one = AimFactory(plan=plan, number=1)
    for ref in ["1.10", "1.2"]:
        ObjectiveFactory(aim=aim_one, ref=ref)

    report = build_progress_report(plan=plan, progress_round=december)

    assert [report_aim.aim for report_aim in report.aims] == [aim_one, aim_two]
    assert [item.objective.ref for item in report.aims[0].objectives] == ["1.2", "1.10"]


def test_report_shows_this_rounds_update(plan, june, december, objective):
    action = ActionFactory(objective=objective)
    ProgressUpdateFactory(action=action, round=june)
    current = ProgressUpdateFactory(action=action, round=december)

    row = _only_row(build_progress_report(plan=plan, progress_round=december))

    assert row.update == current
    assert not row.is_from_earlier_round


def test_report_falls_back_to_the_latest_earlier_rounds_update(plan, december, objective):
    action = ActionFactory(objective=objective)
    ProgressUpdateFactory(action=action, round=ProgressRoundFactory(plan=plan, as_of=date(2025, 3, 31)))
    june_update = ProgressUpdateFactory(action=action, round=ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30)))

    row = _only_row(build_progress_report(plan=plan, progress_round=december))

    assert row.update == june_update
    assert row.is_from_earlier_round


def test_report_ignores_updates_from_later_rounds(plan, december, march, objective):
    action = ActionFactory(objective=objective)
    ProgressUpdateFactory(action=action, round=march)

    row = _only_row(build_progress_report(plan=plan, progress_round=december))

    assert row.update is None


def test_report_keeps_aims_without_objectives_and_objectives_without_actions(plan, december, objective):
    empty_aim = AimFactory(plan=plan, number=2)

    report = build_progress_report(plan=plan, progress_round=december)

    assert [report_aim.aim for report_aim in report.aims] == [objective.aim, empty_aim]
    assert report.aims[0].objectives[0].rows == []
    assert report.aims[1].objectives == []


def test_report_leaves_out_other_plans(plan, december, objective):
    ActionFactory(objective=objective, ref="1.1.1")
    ActionFactory(ref="1.1.2")

    report = build_progress_report(plan=plan, progress_round=december)

    assert report.action_count == 1


def test_page_margin_css_cannot_break_out_of_its_string_or_style(plan, december, settings):
    settings.BOARD_NAME = 'Board "X" </style><script>'

    css = page_margin_css(build_paper(progress_round=december, author=""))

    assert "</style>" not in css
    assert "<script>" not in css
    assert 'content: "Board \\22 X\\22  \\3c \\2f style\\3e \\3c script\\3e ";' in css


# The report page


def test_report_page_shows_the_cover(manager_client, plan, december, settings):
    settings.BOARD_NAME = "Northshire Safeguarding Children Partnership"
    settings.COMMITTEE_NAME = "Children's Scrutiny Committee"

    response = manager_client.get(_report_url(december))

    assert response.status_code == HTTPStatus.OK
    assert "objectives/report.html" in [template.name for template in response.templates]
    content = response.content.decode()
    assert "Northshire Safeguarding Children Partnership" in content
    assert "Report to the Children&#x27;s Scrutiny Committee" in content
    assert "Business plan 2025/26: Progress report December 2025" in content
    assert "<title>Committee report: Progress report December 2025 – Business plan 2025/26 –" in content
    assert "31 December 2025" in content
    today = timezone.localdate()
    produced = f'<dt>Produced</dt> <dd><time datetime="{today:%Y-%m-%d}">{today.day} {today:%B %Y}</time>'
    assert produced in " ".join(content.split())


def test_report_page_shows_aims_objectives_and_column_headers(manager_client, december, objective):
    ActionFactory(objective=objective, ref="1.1.1", text="Extend the quality assurance framework")

    response = manager_client.get(_report_url(december))

    assert '<h2 id="report-aim-1">Aim 1: Partners&#x27; work keeps children safe</h2>' in response.content.decode()
    assert '<td id="report-objective-1.1-ref">Obj 1.1</td>' in response.content.decode()
    # Ref, Action, Responsibility or lead, Target, Progress and Rating: the default columns.
    assert f'colspan="5">{objective.title}</td>' in response.content.decode()
    assert '<th scope="col">Progress report December 2025</th>' in response.content.decode()
    assert "Extend the quality assurance framework" in response.content.decode()


def test_report_page_shows_lead_agencies_target_and_status(manager_client, december, objective):
    action = ActionFactory(
        objective=objective,
        lead_agencies=[AgencyFactory(name="Northshire Constabulary")],
        target_on=date(2026, 3, 31),
        target_is_month=True,
        status=Action.Status.WITHDRAWN,
    )

    response = manager_client.get(_report_url(december))

    assert action.ref in response.content.decode()
    assert '<td class="report-lead"><p>Northshire Constabulary</p></td>' in response.content.decode()
    assert '<td class="report-target">March 2026</td>' in response.content.decode()
    assert "Status: Withdrawn" in response.content.decode()


def test_report_page_shows_progress_rag_and_evidence_of_impact(manager_client, december, objective):
    ProgressUpdateFactory(
        action=ActionFactory(objective=objective),
        round=december,
        progress="Audits done.",
        impact="Repeat referrals down from 24% to 17%.",
        rag=ProgressUpdate.Rag.AMBER,
    )

    response = manager_client.get(_report_url(december))

    content = response.content.decode()
    assert '<span class="rag rag-amber">Amber</span>' in content
    assert "<p>Audits done.</p>" in content
    assert '<p class="report-label">Evidence of impact</p>' in content
    assert "<p>Repeat referrals down from 24% to 17%.</p>" in content


def test_report_page_leaves_out_the_impact_label_when_there_is_none(manager_client, december, objective):
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december, impact="")

    response = manager_client.get(_report_url(december))

    assert "Evidence of impact" not in response.content.decode()


def test_report_page_keeps_paragraphs_and_bullets_in_full(manager_client, december, objective):
    long_paragraph = "Training reached every locality. " * 40
    progress = f"First paragraph.\n\n- one bullet\n- another bullet\n\n{long_paragraph}"
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december, progress=progress)

    response = manager_client.get(_report_url(december))

    content = response.content.decode()
    assert "<p>First paragraph.</p>" in content
    assert "<ul><li>one bullet</li><li>another bullet</li></ul>" in content
    assert f"<p>{long_paragraph.strip()}</p>" in content


def test_report_page_labels_progress_from_an_earlier_round(manager_client, june, december, objective):
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=june, progress="June work.")

    response = manager_client.get(_report_url(december))

    assert "From Progress report June 2025" in response.content.decode()
    assert "<p>June work.</p>" in response.content.decode()


def test_report_page_ignores_later_rounds(manager_client, december, march, objective):
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=march, progress="Written in March.")

    response = manager_client.get(_report_url(december))

    assert "Written in March." not in response.content.decode()
    assert '<td class="report-rating"><span class="rag rag-none">No update</span></td>' in response.content.decode()


def test_report_page_says_when_an_objective_has_no_actions_or_an_aim_no_objectives(manager_client, plan, december):
    ObjectiveFactory(aim=AimFactory(plan=plan, number=1), ref="1.1")
    AimFactory(plan=plan, number=2)

    response = manager_client.get(_report_url(december))

    assert '<td colspan="6" class="report-empty">No actions</td>' in response.content.decode()
    assert '<p class="report-empty">No objectives</p>' in response.content.decode()


def test_report_page_shows_typed_html_as_text(manager_client, december, objective):
    ProgressUpdateFactory(
        action=ActionFactory(objective=objective), round=december, progress="<script>alert('x')</script>"
    )

    response = manager_client.get(_report_url(december))

    assert "<script>alert" not in response.content.decode()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in response.content.decode()


def test_report_page_links_the_print_stylesheet_and_script_without_inline_script(manager_client, december):
    response = manager_client.get(_report_url(december))

    content = response.content.decode()
    assert 'href="/static/css/report.css"' in content
    assert '@bottom-left { content: "Report to the ' in content
    assert '<script src="/static/js/report.js" defer></script>' in content
    assert "window.print" not in content
    assert '<button type="button" class="btn btn-primary" data-report-print hidden>Print</button>' in content


def test_report_page_is_not_found_for_a_round_of_another_plan(manager_client, plan):
    other_round = ProgressRoundFactory(plan=BusinessPlanFactory())

    response = manager_client.get(reverse("objectives:report", args=[plan.pk, other_round.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_report_page_requires_login(client, december):
    response = client.get(_report_url(december))

    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("action_count", [5, 100])
def test_report_page_queries_do_not_grow_with_actions(
    manager_client, plan, june, december, action_count, django_assert_num_queries
):
    agencies = AgencyFactory.create_batch(2)
    objectives = [
        ObjectiveFactory(aim=aim, ref=f"{aim.number}.{number}")
        for aim in (AimFactory(plan=plan, number=1), AimFactory(plan=plan, number=2))
        for number in (1, 2)
    ]
    for index in range(action_count):
        action = ActionFactory(objective=objectives[index % len(objectives)], lead_agencies=agencies)
        ProgressUpdateFactory(action=action, round=june)
        # Half show December's progress, half fall back to June's (and name June's round).
        if index % 2:
            ProgressUpdateFactory(action=action, round=december)

    # session, user, the user's own and their groups' permissions, the round with its plan, aims,
    # objectives, actions, their lead agencies, every update up to this round with its round,
    # the latest publication to mark changes against, the open case reviews and the CDOP years
    # (the reviews app's sections, with none here), and the round's chosen training start, the training
    # courses with a session in the period and the recorded training figures in it (the Training section, which
    # has none here); the plan's rating scale comes with the round, and its levels in one more
    # and one for the round's covering report (none here), and one for the plan's indicators with their values
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(25):
        response = manager_client.get(_report_url(december))

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count('<td class="report-ref">') == action_count


def test_report_page_queries_stay_the_same_after_a_publication(
    manager_client, board_manager, plan, december, objective, django_assert_num_queries
):
    for number in range(1, 6):
        ProgressUpdateFactory(action=ActionFactory(objective=objective, ref=f"1.1.{number}"), round=december)
    publish_report(progress_round=december, published_by=board_manager)

    # session, user, permissions (own and groups'), the round, aims, objectives, actions, lead agencies,
    # updates, the latest publication's snapshot, the open case reviews, the CDOP years, and the round's chosen
    # training start, the training courses with a session in the period and the recorded training figures; the
    # levels of the plan's rating scale
    # and one for the round's covering report (none here), and one for the plan's indicators with their values
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(25):
        response = manager_client.get(_report_url(december))

    assert response.status_code == HTTPStatus.OK


# Who may see it, and what it offers them


def test_reader_sees_the_report_page(reader_client, december):
    response = reader_client.get(_report_url(december))

    assert response.status_code == HTTPStatus.OK


def test_report_page_is_forbidden_to_someone_without_a_role(client, december):
    client.force_login(UserFactory(username="no.role"))

    response = client.get(_report_url(december))

    assert response.status_code == HTTPStatus.FORBIDDEN


def test_report_page_offers_the_pdf_and_word_files(reader_client, december):
    response = reader_client.get(_report_url(december))

    content = response.content.decode()
    pdf_url = reverse("objectives:report_pdf", args=[december.plan_id, december.pk])
    docx_url = reverse("objectives:report_docx", args=[december.plan_id, december.pk])
    # No download attribute: while the file is being prepared the address answers a page to read, not the file.
    assert f'href="{pdf_url}">Download PDF</a>' in content
    assert f'href="{docx_url}">Download Word</a>' in content


def test_report_page_offers_publishing_to_the_board_manager(manager_client, december):
    response = manager_client.get(_report_url(december))

    publish_url = reverse("objectives:report_publish", args=[december.plan_id, december.pk])
    assert f'href="{publish_url}">Publish this report</a>' in response.content.decode()


@pytest.mark.parametrize("persona_client", ["reader_client", "contributor_client"])
def test_report_page_does_not_offer_publishing_to_others(persona_client, request, december):
    response = request.getfixturevalue(persona_client).get(_report_url(december))

    assert "Publish this report" not in response.content.decode()


def test_report_page_names_the_board_manager_as_author(manager_client, december):
    response = manager_client.get(_report_url(december))

    assert "<dt>Author</dt>\n          <dd>Morgan Manager</dd>" in response.content.decode()


def test_report_page_names_no_author_for_a_reader(reader_client, december):
    response = reader_client.get(_report_url(december))

    assert "<dt>Author</dt>" not in response.content.decode()


# Changes since the last publication


def test_report_page_marks_nothing_before_the_first_publication(manager_client, december, objective):
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december)

    response = manager_client.get(_report_url(december))

    assert "report-changes" not in response.content.decode()


def test_report_page_marks_what_changed_since_the_latest_publication(
    manager_client, board_manager, june, december, objective
):
    kept = ActionFactory(objective=objective, ref="1.1.1")
    june_update = ProgressUpdateFactory(action=kept, round=june, rag=ProgressUpdate.Rag.AMBER, progress="June.")
    published = publish_report(progress_round=june, published_by=board_manager)
    ProgressUpdateFactory(action=kept, round=december, rag=ProgressUpdate.Rag.GREEN, progress="December.")
    ActionFactory(objective=objective, ref="1.1.2")

    response = manager_client.get(_report_url(december))

    content = response.content.decode()
    since = timezone.localdate(published.published_at)
    assert (
        f"Since the report published on {since.day} {since:%B %Y}: 1 new action, 1 RAG change, 1 new progress text."
        in content
    )
    assert "<li>RAG changed from Amber to Green</li><li>New progress</li>" in content
    assert '<ul class="report-changes"><li>New action</li></ul>' in content
    assert june_update.progress not in content
