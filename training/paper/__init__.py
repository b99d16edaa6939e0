"""The committee paper's "Training" section, over the period the round's paper covers: from the date the board
manager chose for the round (training.PaperPeriod), else the plan's start, to the round's as-of date.

It prints the training booked here, per course, and the figures the board recorded for training it did not book
here whose whole period falls within. Publications from before figures could be recorded have no "recorded".
"""

from datetime import date

from docx.oxml import OxmlElement
from docx.shared import Pt

from core.formats import long_date
from objectives.paper.sections import SectionType
from objectives.paper.snapshot import PaperSection

from .. import selectors as uptake
from ..models import PaperPeriod, Registration, TrainingFigure

KIND = "training"
TITLE = "Training"
CAPTION = "Multi-agency training by course"
HEADER = ["Course", "Sessions run", "Places offered", "Attended", "Did-not-attend rate", "Mean confidence gain"]
NO_EVALUATIONS = "no evaluations yet"
FOOTNOTE = (
    "Did-not-attend rate: places booked and not used, as a share of those expected to attend. Mean confidence "
    "gain: after-session evaluations, confidence afterwards minus before, on a scale of 1 to 5."
)
RECORDED_CAPTION = "Training recorded by the board"
RECORDED_HEADER = ["Course", "When", "Attended", "Provider", "Note"]
BY_THE_BOARD = "The board"


def build(*, plan, progress_round) -> PaperSection | None:
    """The section's figures as JSON-ready data, or None when no session started and no figure was recorded
    in the period."""
    period = uptake.Period(starts_on(plan, progress_round), progress_round.as_of)
    # The paper is the board's: every agency's registrations count, whoever prints it.
    courses = uptake.course_uptake(period, Registration.objects.all())
    recorded = [recorded_figure(figure) for figure in TrainingFigure.objects.within(period.starts_on, period.ends_on)]
    if not courses and not recorded:
        return None
    data = {
        "starts_on": period.starts_on.isoformat(),
        "ends_on": period.ends_on.isoformat(),
        "summary": "",
        "courses": [],
        "recorded_caption": f"{RECORDED_CAPTION} from {long_date(period.starts_on)} to {long_date(period.ends_on)}",
        "recorded": recorded,
    }
    if courses:
        data |= _booked(period, courses, progress_round.as_of)
    return PaperSection(kind=KIND, title=TITLE, data=data)


def starts_on(plan, progress_round) -> date:
    """Where the round's section starts counting: the date the board manager chose, else the plan's start."""
    chosen = PaperPeriod.objects.filter(progress_round=progress_round).values_list("starts_on", flat=True).first()
    return chosen or plan.starts_on


def _booked(period: uptake.Period, courses: list[uptake.Uptake], as_of: date) -> dict:
    """The summary sentence and the row per course of the training booked here."""
    _, summary = uptake.overall_uptake(period, Registration.objects.all())
    gains = uptake.confidence_gains(until=as_of)
    return {
        "summary": summary.sentence,
        "courses": [
            {
                "title": row.label,
                "sessions_run": row.sessions_run,
                "places": row.places,
                "attended": row.attended,
                "did_not_attend": row.did_not_attend,
                "dna_rate": row.dna_rate_text,
                "confidence_gain": _gain(gains.get(row.pk)),
            }
            for row in courses
        ],
    }


def recorded_figure(figure: TrainingFigure) -> dict:
    """A recorded training figure as the paper and the yearly report print it."""
    return {
        "course": figure.course_title,
        "when": figure.period_text,
        "attended": figure.attended,
        "provider": figure.provider,
        "note": figure.note,
    }


def _gain(gain: float | None) -> str:
    """The mean gain on the 1 to 5 scale, signed: "+1.5", "-0.3", "0.0"."""
    if gain is None:
        return NO_EVALUATIONS
    return f"{gain:+.1f}" if round(gain, 1) else "0.0"


def table_rows(section: PaperSection) -> list[list[str]]:
    """The rows both the HTML and the Word file show, as text."""
    return [
        [
            course["title"],
            str(course["sessions_run"]),
            str(course["places"]),
            str(course["attended"]),
            course["dna_rate"],
            course["confidence_gain"],
        ]
        for course in section.data.get("courses", [])
    ]


def recorded_rows(section: PaperSection) -> list[list[str]]:
    """The recorded figures as text; none in papers published before the board could record any."""
    return [
        [figure["course"], figure["when"], str(figure["attended"]), figure["provider"] or BY_THE_BOARD, figure["note"]]
        for figure in section.data.get("recorded", [])
    ]


def write_word(document, section: PaperSection) -> None:
    """Append the heading, the booked training's summary and table, and the recorded figures to the Word file."""
    document.add_heading(section.title, level=1)
    rows = table_rows(section)
    if rows:
        document.add_paragraph(section.data["summary"])
        _table(document, CAPTION, HEADER, rows)
        document.add_paragraph(FOOTNOTE)
    recorded = recorded_rows(section)
    if recorded:
        _table(document, section.data["recorded_caption"], RECORDED_HEADER, recorded)


def _table(document, caption: str, header: list[str], rows: list[list[str]]) -> None:
    document.add_paragraph().add_run(caption).bold = True
    table = document.add_table(rows=1, cols=len(header))
    table.style = document.styles["Table Grid"]
    for cell, heading in zip(table.rows[0].cells, header, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    # The header row repeats on every page the table runs onto, as in the objectives' tables.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(value).font.size = Pt(9)


def typst_data(section: PaperSection) -> dict:
    """The section as training.typ draws it: the same rows and words as the Word file."""
    return {
        "title": section.title,
        "summary": section.data.get("summary", ""),
        "caption": CAPTION,
        "headings": HEADER,
        "rows": table_rows(section),
        "footnote": FOOTNOTE,
        "recorded_caption": section.data.get("recorded_caption", RECORDED_CAPTION),
        "recorded_headings": RECORDED_HEADER,
        "recorded": recorded_rows(section),
    }


SECTION = SectionType(
    kind=KIND,
    build=build,
    template_name="training/_report_section.html",
    write_word=write_word,
    typst_template="/training/paper/training.typ",
    typst_data=typst_data,
)
