"""At a glance: counts per rating in the plan's shape, and the exceptions with why each is listed, from the paper."""

from datetime import date

import pytest
from django.utils import timezone

from core.formats import long_date
from core.models import RatingScale
from objectives.models import Action, PublishedReport, implicit_aim
from objectives.paper.build import build_paper
from objectives.paper.glance import glance_of
from objectives.paper.snapshot import from_snapshot
from objectives.services.publishing import publish_report
from tests.factories import (
    ActionFactory,
    AgencyFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    RatingLevelFactory,
    RatingScaleFactory,
)
from tests.objectives.test_paper_snapshots import OLD_SNAPSHOT

pytestmark = pytest.mark.django_db

RAG_COLUMNS = ("Red", "Amber", "Green", "Complete", "Not started", "No update")


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
def objective(plan):
    return ObjectiveFactory(aim=AimFactory(plan=plan, number="1", title="Keep children safe"), ref="1.1")


def _glance(progress_round):
    return glance_of(build_paper(progress_round=progress_round, author=""))


def _line(glance, name_start: str):
    (line,) = [line for line in glance.lines if line.name.startswith(name_start)]
    return line


def _counts(line, glance) -> dict[str, int]:
    return dict(zip(glance.columns, line.counts, strict=True))


def _reasons(glance) -> dict[str, tuple[str, ...]]:
    return {flagged.ref: flagged.reasons for flagged in glance.exceptions}


# Counts per rating, in the plan's shape


def test_counts_each_rag_per_aim_and_objective_with_a_total(plan, december, objective):
    second = ObjectiveFactory(aim=objective.aim, ref="1.2", title="Hear the child")
    other_aim = ObjectiveFactory(aim=AimFactory(plan=plan, number="2", title="Learn from reviews"), ref="2.1")
    for parent, rag in ((objective, "red"), (objective, "green"), (second, "green"), (other_aim, "amber")):
        ProgressUpdateFactory(action=ActionFactory(objective=parent), round=december, rag=rag)
    ActionFactory(objective=other_aim)

    glance = _glance(december)

    assert glance.columns == RAG_COLUMNS
    assert [(line.kind, line.name) for line in glance.lines] == [
        ("aim", "Aim 1: Keep children safe"),
        ("objective", f"Obj 1.1: {objective.title}"),
        ("objective", "Obj 1.2: Hear the child"),
        ("aim", "Aim 2: Learn from reviews"),
        ("objective", f"Obj 2.1: {other_aim.title}"),
        ("total", "Total"),
    ]
    assert _counts(_line(glance, "Obj 1.1"), glance) == {**dict.fromkeys(RAG_COLUMNS, 0), "Red": 1, "Green": 1}
    assert _counts(_line(glance, "Aim 1"), glance) == {**dict.fromkeys(RAG_COLUMNS, 0), "Red": 1, "Green": 2}
    assert _counts(_line(glance, "Aim 2"), glance) == {**dict.fromkeys(RAG_COLUMNS, 0), "Amber": 1, "No update": 1}
    total = _line(glance, "Total")
    assert (total.total, total.counts, total.no_update) == (5, (1, 1, 2, 0, 0, 1), 1)
    assert glance.headings == ("Aim or objective", "Actions", *RAG_COLUMNS, "No update this round")


def test_counts_on_a_boards_own_scale_in_its_labels_and_keeps_a_rating_it_no_longer_has(plan, december, objective):
    scale = RatingScaleFactory(title="Council 1 to 3")
    for position, (code, label) in enumerate((("1", "1 Done"), ("2", "2 On track"), ("3", "3 Behind")), start=1):
        RatingLevelFactory(scale=scale, position=position, code=code, label=label, is_exception=code == "3")
    plan.rating_scale = scale
    plan.save()
    for rag in ("1", "3", "3", "9"):
        ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december, rag=rag)

    glance = _glance(december)

    assert glance.columns == ("1 Done", "2 On track", "3 Behind", "No update", "9")
    assert _line(glance, "Total").counts == (1, 0, 2, 0, 1)
    assert glance.caption == "Ratings by aim and objective"


def test_a_plan_on_no_scale_counts_only_actions_and_those_with_no_update(plan, june, december, objective):
    plan.rating_scale = RatingScale.objects.get(name="none")
    plan.save()
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december, rag="")
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=june, rag="")
    ActionFactory(objective=objective)

    glance = _glance(december)

    assert glance.columns == ()
    assert glance.headings == ("Aim or objective", "Actions", "No update this round")
    assert _line(glance, "Total").cells == (3, 2)
    assert glance.caption == "Updates by aim and objective"
    assert "rated" not in glance.listed_for


def test_a_blank_rating_is_counted_as_not_rated(plan, december, objective):
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december, rag="")
    ProgressUpdateFactory(action=ActionFactory(objective=objective), round=december, rag="green")

    glance = _glance(december)

    assert glance.columns == (*RAG_COLUMNS, "Not rated")
    assert _line(glance, "Total").counts == (0, 0, 1, 0, 0, 0, 1)


def test_a_two_level_plan_counts_per_top_level_and_a_list_only_in_total():
    two_level = BusinessPlanFactory(shape="two-level", aim_name="Priority")
    for number in ("1a", "1b"):
        ActionFactory(objective=AimFactory(plan=two_level, number=number, title="Neglect").implicit_objective())
    flat = BusinessPlanFactory(shape="list", action_name="Recommendation")
    ActionFactory(objective=implicit_aim(flat).implicit_objective())

    by_priority = _glance(ProgressRoundFactory(plan=two_level))
    listed = _glance(ProgressRoundFactory(plan=flat))

    assert [line.name for line in by_priority.lines] == ["Priority 1a: Neglect", "Priority 1b: Neglect", "Total"]
    assert by_priority.caption == "Ratings by priority"
    assert [(line.name, line.total) for line in listed.lines] == [("Total", 1)]
    assert listed.headings[:2] == ("Business plan", "Recommendations")
    assert listed.caption == "Ratings of all recommendations"


# No update this round


def test_progress_from_an_earlier_round_counts_as_no_update_this_round(plan, june, december, objective):
    earlier = ActionFactory(objective=objective, ref="1.1.1")
    ProgressUpdateFactory(action=earlier, round=june, rag="amber")
    ProgressUpdateFactory(action=ActionFactory(objective=objective, ref="1.1.2"), round=december)
    ActionFactory(objective=objective, ref="1.1.3")

    glance = _glance(december)

    total = _line(glance, "Total")
    # June's Amber still counts as Amber, as the plan table shows it, and as no update this round.
    assert _counts(total, glance)["Amber"] == 1
    assert total.no_update == 2
    assert _reasons(glance) == {
        "1.1.1": ("No update this round (latest from Progress report June 2025)",),
        "1.1.3": ("No update this round",),
    }


def test_closed_actions_are_not_wanted_for_an_update(plan, december, objective):
    ActionFactory(objective=objective, status=Action.Status.WITHDRAWN)
    completed = ActionFactory(objective=objective, target_on=date(2025, 6, 30))
    completed.mark_completed(date(2025, 7, 1))
    completed.save()

    glance = _glance(december)

    assert _line(glance, "Total").no_update == 0
    assert glance.exceptions == ()
    assert glance.no_exceptions == "No actions to list."


# Each reason for an exception


def test_an_action_rated_red_is_an_exception_with_its_ref_text_and_lead(plan, december, objective):
    action = ActionFactory(
        objective=objective, ref="1.1.1", text="Audit the front door", lead_agencies=[AgencyFactory(name="Police")]
    )
    ProgressUpdateFactory(action=action, round=december, rag="red")
    ProgressUpdateFactory(action=ActionFactory(objective=objective, ref="1.1.2"), round=december, rag="amber")

    glance = _glance(december)

    (flagged,) = glance.exceptions
    assert (flagged.ref, flagged.text, flagged.lead, flagged.reasons) == (
        "1.1.1",
        "Audit the front door",
        "Police",
        ("Rated Red",),
    )
    assert glance.listed_for.startswith("Actions rated Red; ")


def test_the_levels_a_board_marks_as_exceptions_are_its_red(plan, december, objective):
    plan.rating_scale = RatingScale.objects.get(name="four-point")
    plan.save()
    for ref, rag in (("1.1.1", "1"), ("1.1.2", "2"), ("1.1.3", "3"), ("1.1.4", "4")):
        ProgressUpdateFactory(action=ActionFactory(objective=objective, ref=ref), round=december, rag=rag)

    glance = _glance(december)

    assert _reasons(glance) == {"1.1.3": ("Rated 3 Slipped",), "1.1.4": ("Rated 4 Not achieved",)}
    assert glance.listed_for.startswith("Actions rated 3 Slipped or 4 Not achieved; ")


def test_a_long_action_is_shortened_in_the_exceptions(plan, december, objective):
    words = " ".join(f"word{number}" for number in range(40))
    ProgressUpdateFactory(action=ActionFactory(objective=objective, text=words), round=december, rag="red")

    (flagged,) = _glance(december).exceptions

    assert flagged.text == " ".join(f"word{number}" for number in range(30)) + "…"


def test_an_action_of_thirty_words_is_shown_whole_and_one_more_is_cut(plan, december, objective):
    """The edge of the shortening, now that only a text longer than 30 words goes through Truncator."""
    thirty = " ".join(f"word{number}" for number in range(30))
    ProgressUpdateFactory(
        action=ActionFactory(objective=objective, ref="1.1.1", text=f" {thirty}\n"), round=december, rag="red"
    )
    ProgressUpdateFactory(
        action=ActionFactory(objective=objective, ref="1.1.2", text=f"{thirty}  extra"), round=december, rag="red"
    )

    whole, cut = _glance(december).exceptions

    assert (whole.text, cut.text) == (thirty, f"{thirty}…")


def test_overdue_is_judged_at_the_rounds_as_of_date_not_today(plan, june, december, objective):
    action = ActionFactory(objective=objective, ref="1.1.1", target_on=date(2025, 9, 30), target_is_month=True)
    ActionFactory(objective=objective, ref="1.1.2", target_on=date(2025, 12, 31), status=Action.Status.WITHDRAWN)
    for progress_round in (june, december):
        ProgressUpdateFactory(action=action, round=progress_round)

    # Long past today, the September target was not yet due at the end of June.
    assert _glance(june).exceptions == ()
    assert _reasons(_glance(december)) == {"1.1.1": ("Overdue: target September 2025",)}
    assert "past their target date at 31 December 2025" in _glance(december).listed_for


def test_a_target_slipped_since_the_previous_publication_is_an_exception(
    plan, june, december, objective, board_manager
):
    action = ActionFactory(objective=objective, ref="1.1.1", target_on=date(2026, 3, 31), target_is_month=True)
    ActionFactory(objective=objective, ref="1.1.2", target_on=date(2026, 3, 31), target_is_month=True)
    for progress_round in (june, december):
        for each in objective.actions.all():
            ProgressUpdateFactory(action=each, round=progress_round)
    publish_report(progress_round=june, published_by=board_manager)
    action.revise_target(date(2026, 6, 30), is_month=True)
    action.save()

    glance = _glance(december)

    assert _reasons(glance) == {"1.1.1": ("Target slipped from March 2026 to June 2026",)}
    published_on = long_date(timezone.localdate())
    assert glance.listed_for.endswith(f"or whose target slipped since the report published on {published_on}.")


def test_a_slip_is_not_judged_against_a_publication_made_before_rows_carried_their_target_date(
    plan, june, december, objective, board_manager
):
    action = ActionFactory(objective=objective, target_on=date(2026, 3, 31), target_is_month=True)
    for progress_round in (june, december):
        ProgressUpdateFactory(action=action, round=progress_round)
    published = publish_report(progress_round=june, published_by=board_manager)
    for row in published.snapshot["aims"][0]["objectives"][0]["rows"]:
        del row["target_on"], row["target_is_month"]
    PublishedReport.objects.filter(pk=published.pk).update(snapshot=published.snapshot)
    action.revise_target(date(2026, 6, 30), is_month=True)
    action.save()

    glance = _glance(december)

    assert glance.exceptions == ()


def test_one_action_may_be_listed_for_several_reasons(plan, june, december, objective):
    action = ActionFactory(objective=objective, target_on=date(2025, 9, 30))
    ProgressUpdateFactory(action=action, round=june, rag="red")

    (flagged,) = _glance(december).exceptions

    assert flagged.reasons == (
        "Rated Red",
        "Overdue: target 30 September 2025",
        "No update this round (latest from Progress report June 2025)",
    )


# Papers published before rows carried their target date


def test_an_older_snapshot_is_not_judged_overdue_or_slipped_but_still_counted():
    # Action 1.1.1's target was March 2026, long past at this as-of date; without the date itself, it is not judged.
    paper = from_snapshot({**OLD_SNAPSHOT, "as_of": "2026-09-30"})

    glance = glance_of(paper)

    assert _reasons(glance) == {"1.1.1": ("No update this round",)}
    assert "target" not in glance.listed_for
    assert glance.columns == RAG_COLUMNS
    assert _line(glance, "Total").counts == (0, 0, 1, 0, 0, 1)
