"""The yearly report's section on multi-agency training over the plan's year (plan.starts_on to plan.ends_on).

Every figure comes from training's own reads (training.selectors), called as the uptake and results pages call
them, so the report never counts differently from those pages: uptake by agency against its workforce, by
course, the year's evaluation results and three-month follow-ups, and the figures the board recorded for
training booked elsewhere (as the committee paper prints them). The board's report: every agency counts.
"""

from training import selectors
from training.models import Evaluation, Registration, TrainingFigure
from training.paper import recorded_figure

from ..registry import YearlySection
from .training_pdf import pdf_blocks
from .training_word import write_word

NO_ANSWERS = "no answers"


def build(plan) -> dict:
    period = selectors.Period(plan.starts_on, plan.ends_on)
    registrations = Registration.objects.all()
    total, summary = selectors.overall_uptake(period, registrations)
    courses = selectors.course_uptake(period, registrations)
    return {
        "starts_on": plan.starts_on.isoformat(),
        "ends_on": plan.ends_on.isoformat(),
        "summary": summary.sentence,
        "total": _uptake(total),
        "agencies": [_agency(row) for row in selectors.agency_uptake(period, registrations)],
        "courses": [_uptake(row) for row in courses],
        "evaluation": _results(period, registrations),
        "course_evaluations": _course_results(period, registrations, courses),
        "recorded": [recorded_figure(figure) for figure in TrainingFigure.objects.within(plan.starts_on, plan.ends_on)],
    }


def _uptake(row: selectors.Uptake) -> dict:
    return {
        "label": row.label,
        "sessions_run": row.sessions_run,
        "places": row.places,
        "booked": row.booked,
        "attended": row.attended,
        "did_not_attend": row.did_not_attend,
        "dna_rate": row.dna_rate_text,
    }


def _agency(row: selectors.Uptake) -> dict:
    return {
        **_uptake(row),
        "staff_count": row.staff_count,
        "per_100_staff": row.attended_per_100_staff,
        "per_100_staff_text": row.per_100_staff_text,
    }


def _course_results(period: selectors.Period, registrations, courses: list[selectors.Uptake]) -> list[dict]:
    """Each course's evaluations in the year, in three queries whatever the number of courses."""
    registrations = period.registrations(registrations)
    evaluations = Evaluation.objects.filter(registration__in=registrations)
    by_course = selectors.evaluation_results_by(evaluations, registrations, key="session__course")
    return [_figures(course.label, by_course[course.pk]) for course in courses if course.pk in by_course]


def _results(period: selectors.Period, registrations) -> dict:
    """The evaluations of the year's sessions, as training's results pages count them."""
    registrations = period.registrations(registrations)
    evaluations = Evaluation.objects.filter(registration__in=registrations)
    return _figures("All courses", selectors.evaluation_results(evaluations, registrations))


def _figures(label: str, results: selectors.Results) -> dict:
    after, follow_up = results.after_session, results.follow_up
    return {
        "label": label,
        "attended": results.attended,
        "answered": after["answered"],
        "response_percent": results.response_percent,
        **{f"mean_{name}": after[f"mean_{name}"] for name in selectors.SCORE_FIELDS},
        "mean_gain": after["mean_gain"],
        "scores": {name: _score(after[f"mean_{name}"]) for name in selectors.SCORE_FIELDS},
        "gain": _gain(after["mean_gain"]),
        "follow_up_sent": results.follow_up_sent,
        "follow_up_answered": follow_up["answered"],
        "follow_up_sentence": results.follow_up_sentence,
        "practice_changed": [
            {"label": choice.label, "count": follow_up[choice.value]} for choice in Evaluation.PracticeChanged
        ],
    }


def _score(mean: float | None) -> str:
    """A mean on the 1 to 5 scale as the results page prints it: "4.2", or "no answers"."""
    return NO_ANSWERS if mean is None else f"{mean:.1f}"


def _gain(gain: float | None) -> str:
    """The mean confidence gain, signed as the results page prints it: "+1.25"."""
    if gain is None:
        return NO_ANSWERS
    return f"{gain:+.2f}" if round(gain, 2) else "0.00"


SECTION = YearlySection(
    key="training",
    title="Multi-agency training",
    asks_for=("Training uptake by agency against its workforce, and what evaluations and follow-ups found."),
    build=build,
    template_name="yearly/sections/_training.html",
    pdf_blocks=pdf_blocks,
    write_word=write_word,
)
