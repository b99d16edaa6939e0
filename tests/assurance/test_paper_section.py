"""The committee paper's Assurance section: Section 11, case audits and recommendations as at the round's as-of date."""

import datetime as dt
from datetime import date

import pytest
from django.utils import timezone

from assurance import paper as assurance_paper
from assurance.models import (
    AssuranceRecommendation,
    CaseAudit,
    RecommendationSource,
    Section11Cycle,
    Section11Return,
    Standard,
    StandardAssessment,
)
from assurance.paper.build import count_recommendations
from core import recommendations
from core.models import RatingScale
from core.models.decisions import Decision
from objectives.paper.build import build_paper
from objectives.paper.snapshot import from_snapshot, to_snapshot
from tests.factories import AgencyFactory, BusinessPlanFactory, ProgressRoundFactory
from tests.objectives.paper_reading import in_order, paper_page, paper_pdf_text, paper_word, paper_word_text

AS_OF = date(2025, 12, 31)
PREVIOUS_AS_OF = date(2025, 9, 30)


@pytest.fixture
def plan(db):
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def december(plan):
    ProgressRoundFactory(plan=plan, as_of=PREVIOUS_AS_OF, deadline=date(2025, 9, 12))
    return ProgressRoundFactory(plan=plan, as_of=AS_OF, deadline=date(2025, 12, 12))


def moment(day: date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10)))


def make_cycle(plan, agencies, standards, *, published_on=None, opens_on=date(2025, 10, 1)):
    cycle = Section11Cycle.objects.create(
        title=f"Section 11 {opens_on:%B %Y}",
        code=f"S{opens_on:%y%m}",
        plan=plan,
        scale=RatingScale.objects.get(name="rag"),
        opens_on=opens_on,
        deadline=opens_on + dt.timedelta(days=60),
        published_on=published_on,
    )
    cycle.agencies.set(agencies)
    cycle.standards.set(standards)
    return cycle


@pytest.fixture(autouse=True)
def no_default_standards(db):
    """These tests number their own standards from 1, where migration 0002's default framework would be."""
    Standard.objects.all().delete()


def make_standards(count: int, start: int = 1) -> list[Standard]:
    return [Standard.objects.create(number=n, title=f"Standard title {n}") for n in range(start, start + count)]


def make_return(cycle, agency, status, *, submitted=None, ratings=(), moderated=None) -> Section11Return:
    section11_return = Section11Return.objects.create(
        cycle=cycle, agency=agency, status=status, submitted_on=submitted and moment(submitted)
    )
    for standard, rating in ratings:
        StandardAssessment.objects.create(
            section11_return=section11_return,
            standard=standard,
            rating=rating,
            agreed_rating=rating,
            moderated_on=moderated and moment(moderated),
        )
    return section11_return


def make_audit(plan, theme: str, *, completed_on, findings="Findings in brief.") -> CaseAudit:
    return CaseAudit.objects.create(
        theme=theme,
        held_on=completed_on - dt.timedelta(days=14),
        plan=plan,
        scale=RatingScale.objects.get(name="rag"),
        status=CaseAudit.Status.COMPLETED,
        findings=findings,
        completed_on=completed_on,
    )


@pytest.fixture
def world(plan):
    """Three agencies asked in the autumn cycle, published before the as-of date: Police submitted and moderated,
    Health submitted, Schools not; one audit completed this quarter, one last quarter, one after the as-of date."""
    police, health, schools = (AgencyFactory(name=name, short_name="") for name in ("Police", "Health", "Schools"))
    one, two = make_standards(2)
    cycle = make_cycle(plan, [police, health, schools], [one, two], published_on=date(2025, 12, 20))
    make_return(
        cycle,
        police,
        Section11Return.Status.MODERATED,
        submitted=date(2025, 11, 3),
        ratings=[(one, "green"), (two, "red")],
        moderated=date(2025, 12, 1),
    )
    make_return(cycle, health, Section11Return.Status.SUBMITTED, submitted=date(2025, 11, 20))
    make_return(cycle, schools, Section11Return.Status.DRAFT)
    make_audit(plan, "Neglect in children under five", completed_on=date(2025, 11, 14))
    make_audit(plan, "Older audit", completed_on=date(2025, 9, 1))
    make_audit(plan, "Later audit", completed_on=date(2026, 1, 15))
    return cycle


def build(december):
    return assurance_paper.build(plan=december.plan, progress_round=december)


def test_section_is_left_out_with_nothing_to_report(december):
    assert build(december) is None


def test_section_shows_each_agencys_return_as_it_stood_on_the_as_of_date(december, world):
    cycle = build(december).data["section11"]

    assert cycle["returns"] == [
        {"agency": "Health", "status": "Submitted on 20 November 2025"},
        {"agency": "Police", "status": "Moderated"},
        {"agency": "Schools", "status": "Not submitted"},
    ]
    assert cycle["summary"] == "2 of 3 agencies had submitted their returns, 1 of them moderated."


def test_a_return_submitted_or_moderated_after_the_as_of_date_shows_as_it_was_then(plan, december, world):
    september = plan.rounds.get(as_of=PREVIOUS_AS_OF)
    world.opens_on = date(2025, 9, 1)
    world.save()

    cycle = assurance_paper.build(plan=plan, progress_round=september).data["section11"]

    assert [row["status"] for row in cycle["returns"]] == ["Not submitted"] * 3
    # Published after September's as-of date: no grid yet.
    assert cycle["grid"] is None


def test_a_moderated_return_counts_as_submitted_until_its_last_standard_was_moderated(plan, december, world):
    StandardAssessment.objects.filter(section11_return__agency__name="Police").update(
        moderated_on=moment(date(2026, 1, 5))
    )

    statuses = {row["agency"]: row["status"] for row in build(december).data["section11"]["returns"]}

    assert statuses["Police"] == "Submitted on 3 November 2025"


def test_the_latest_cycle_opened_by_the_as_of_date_is_shown_whatever_its_plan(plan, december, world):
    other_plan = BusinessPlanFactory(title="2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    make_cycle(other_plan, [], [], opens_on=date(2025, 11, 1))
    make_cycle(plan, [], [], opens_on=date(2026, 1, 10))

    assert build(december).data["section11"]["title"] == "Section 11 November 2025"


def test_grid_gives_each_agreed_rating_in_words_and_colours(december, world):
    grid = build(december).data["section11"]["grid"]

    assert grid["published"] == "20 December 2025"
    assert [standard["title"] for standard in grid["standards"]] == ["Standard title 1", "Standard title 2"]
    police = next(row for row in grid["rows"] if row["agency"] == "Police")
    assert police["ratings"] == [
        {"label": "Green", "css_class": "rag-green", "fill": "00703C", "text": "FFFFFF"},
        {"label": "Red", "css_class": "rag-red", "fill": "B4232A", "text": "FFFFFF"},
    ]
    health = next(row for row in grid["rows"] if row["agency"] == "Health")
    assert [rating["label"] for rating in health["ratings"]] == ["Not agreed", "Not agreed"]


def test_no_grid_before_the_cycle_is_published(december, world):
    world.published_on = None
    world.save()

    assert build(december).data["section11"]["grid"] is None


def test_only_audits_completed_since_the_previous_rounds_as_of_date_show(december, world):
    section = build(december)

    assert [audit["theme"] for audit in section.data["audits"]] == ["Neglect in children under five"]
    assert section.data["audits_caption"] == "Case audits completed from 30 September 2025 to 31 December 2025"


def test_in_the_first_round_every_audit_completed_by_then_shows(plan, world):
    first = ProgressRoundFactory(plan=plan, as_of=date(2025, 6, 30), deadline=date(2025, 6, 12))
    make_audit(plan, "Early audit", completed_on=date(2025, 5, 1))

    section = assurance_paper.build(plan=plan, progress_round=first)

    assert [audit["theme"] for audit in section.data["audits"]] == ["Early audit"]
    assert section.data["section11"] is None


def test_an_audit_still_grading_is_not_reported(plan, december):
    audit = make_audit(plan, "Unfinished audit", completed_on=date(2025, 11, 1))
    audit.status = CaseAudit.Status.GRADING
    audit.save()

    assert build(december) is None


def entry(*, decision=Decision.AWAITING, decided_on=None, reported_on=date(2025, 10, 1), number=1):
    return recommendations.Entry(
        kind="jtai",
        kind_label="JTAI",
        source="An inspection",
        source_url="/",
        reported_on=reported_on,
        number=number,
        text="Do better.",
        url="/",
        agencies=(),
        agency_ids=frozenset(),
        decision=decision,
        decision_reasons="",
        decided_by="",
        decision_meeting="",
        decided_on=decided_on,
        actions=(),
    )


def test_counts_take_decisions_made_after_the_as_of_date_as_awaiting():
    counts = count_recommendations(
        [
            entry(decision=Decision.ACCEPTED, decided_on=date(2025, 11, 1)),
            entry(decision=Decision.NOT_ACCEPTED, decided_on=date(2025, 12, 31)),
            entry(decision=Decision.PARTLY_ACCEPTED, decided_on=date(2026, 1, 2)),
            entry(),
            # Reported after the as-of date: not counted at all.
            entry(decision=Decision.ACCEPTED, decided_on=date(2026, 2, 1), reported_on=date(2026, 1, 20)),
        ],
        AS_OF,
    )

    assert counts["total"] == 4
    assert counts["by_decision"] == [
        {"label": "Accepted", "count": 1},
        {"label": "Partly accepted", "count": 0},
        {"label": "Not accepted", "count": 1},
        {"label": "Awaiting decision", "count": 2},
    ]
    assert counts["by_status"] == [
        {"label": "Awaiting decision", "count": 2},
        {"label": "Not for action", "count": 1},
        {"label": "No actions yet", "count": 1},
        {"label": "In progress", "count": 0},
        {"label": "Done", "count": 0},
    ]


def test_no_counts_without_recommendations_reported_by_then():
    assert count_recommendations([entry(reported_on=date(2026, 1, 20))], AS_OF) is None


def make_recommendations(plan, count: int, *, code="JT25") -> None:
    source = RecommendationSource.objects.create(
        kind=RecommendationSource.Kind.JTAI,
        title=f"Inspection {code}",
        code=code,
        reported_on=date(2025, 10, 1),
        plan=plan,
    )
    for number in range(1, count + 1):
        AssuranceRecommendation.objects.create(
            source=source,
            number=number,
            text=f"Recommendation {number}.",
            decision=Decision.NOT_ACCEPTED if number == 1 else Decision.AWAITING,
            decision_reasons="Already in hand elsewhere." if number == 1 else "",
            decided_on=date(2025, 11, 5) if number == 1 else None,
        )


def test_recommendations_are_counted_from_the_register(plan, december):
    # Depends on assurance's register provider: with no provider registered entries_for() returns nothing.
    make_recommendations(plan, 3)

    counts = build(december).data["recommendations"]

    assert counts["total"] == 3
    assert {row["label"]: row["count"] for row in counts["by_decision"]}["Not accepted"] == 1
    assert {row["label"]: row["count"] for row in counts["by_status"]}["Awaiting decision"] == 2


def test_section_data_survives_the_published_snapshot(december, world):
    paper = build_paper(progress_round=december, author="")

    assert any(section.kind == "assurance" for section in paper.sections)
    assert from_snapshot(to_snapshot(paper)).sections == paper.sections


def test_section_comes_after_cdop_and_before_training(december, world):
    from objectives.paper import sections

    kinds = list(sections._REGISTERED)

    assert kinds.index("cdop") < kinds.index("assurance") < kinds.index("training")


def test_report_page_shows_the_section(reader_client, december, world):
    page = paper_page(reader_client, december)

    assert '<h2 id="report-section-assurance">Assurance</h2>' in page
    assert in_order(
        page,
        [
            "Section 11 October 2025",
            "2 of 3 agencies had submitted their returns, 1 of them moderated.",
            '<th scope="row">Health</th>',
            "Submitted on 20 November 2025",
            "agreed ratings, published 20 December 2025",
            "Standard 1: Standard title 1",
            '<span class="rag rag-green">Green</span>',
            '<span class="rag rag-red">Red</span>',
            "Neglect in children under five",
            "Key findings",
            "Findings in brief.",
        ],
    )
    assert "Later audit" not in page
    assert "Older audit" not in page


def test_word_file_has_the_section(reader_client, december, world):
    paragraphs, tables = paper_word(reader_client, december)
    text = paper_word_text(reader_client, december)

    assert in_order(
        text, ["Assurance", "Section 11 October 2025", "Multi-agency case audits", "Neglect in children under five"]
    )
    assert [
        ["Agency", "Return"],
        ["Health", "Submitted on 20 November 2025"],
        ["Police", "Moderated"],
        ["Schools", "Not submitted"],
    ] in tables
    grid = next(table for table in tables if table[0][0] == "Agency" and len(table[0]) == 3)
    assert grid[0] == ["Agency", "Standard 1: Standard title 1", "Standard 2: Standard title 2"]
    assert [cell.strip() for cell in grid[2]] == ["Police", "Green", "Red"]
    assert "Later audit" not in text


def test_pdf_has_the_section(reader_client, december, world, tmp_path):
    text = paper_pdf_text(reader_client, december, tmp_path)

    assert in_order(
        text, ["Assurance", "Section 11 October 2025", "Police Moderated", "Neglect in children under five"]
    )
    assert "Later audit" not in text


def test_section_takes_a_fixed_number_of_queries(plan, december, world, django_assert_num_queries):
    make_recommendations(plan, 2)
    # The previous round's date, the cycle with its scale, its agencies, their returns, the scale's levels, the
    # standards, the agreed ratings, the audits; then the register's: case reviews' recommendations (none, so
    # nothing more of theirs), and the other sources' recommendations, their agencies and their actions.
    with django_assert_num_queries(12):
        build(december)

    more = AgencyFactory.create_batch(3)
    world.agencies.add(*more)
    world.standards.add(*make_standards(3, start=10))
    for agency in more:
        make_return(world, agency, Section11Return.Status.MODERATED, submitted=date(2025, 11, 1))
    make_audit(plan, "Another audit", completed_on=date(2025, 12, 1))
    make_recommendations(plan, 5, code="OF25")
    with django_assert_num_queries(12):
        section = build(december)

    assert len(section.data["section11"]["grid"]["rows"]) == 6


def test_section_takes_three_queries_with_nothing_to_report(december, django_assert_num_queries):
    # The previous round's date, the cycle (none), the audits (none); the register's recommendations (none), so
    # nothing more of theirs.
    with django_assert_num_queries(5):
        assert build(december) is None


def test_a_recommendation_not_accepted_shows_with_the_boards_reasons_on_the_page_and_in_word(
    reader_client, plan, december
):
    make_recommendations(plan, 2)
    AssuranceRecommendation.objects.filter(number=1).update(
        decided_by="The board", decision_meeting="Board, 5 November"
    )
    later = AssuranceRecommendation.objects.get(number=2)
    later.decision, later.decision_reasons, later.decided_on = Decision.NOT_ACCEPTED, "Not ours.", date(2026, 1, 9)
    later.save()

    page = paper_page(reader_client, december)
    text = paper_word_text(reader_client, december)

    expected = [
        "Recommendations not accepted in full",
        "Inspection JT25, recommendation 1: not accepted",
        "Recommendation 1.",
        "The board's reasons",
        "Already in hand elsewhere.",
        "Decided on 5 November 2025 by The board at Board, 5 November.",
    ]
    assert in_order(page.replace("&#x27;", "'"), expected)
    assert in_order(text, expected)
    # Decided after the as-of date: still awaiting a decision in this paper.
    assert "Not ours." not in page
    assert "Not ours." not in text
