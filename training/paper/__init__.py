"""The committee paper's "Training" section: per course, from the plan's start to the round's as-of date."""

from docx.oxml import OxmlElement
from docx.shared import Pt

from objectives.paper.sections import SectionType
from objectives.paper.snapshot import PaperSection

from .. import selectors as uptake
from ..models import Registration

KIND = "training"
TITLE = "Training"
CAPTION = "Multi-agency training by course"
HEADER = ["Course", "Sessions run", "Places offered", "Attended", "Did-not-attend rate", "Mean confidence gain"]
NO_EVALUATIONS = "no evaluations yet"


def build(*, plan, progress_round) -> PaperSection | None:
    """The section's figures as JSON-ready data, or None when no session started in the period."""
    period = uptake.Period(plan.starts_on, progress_round.as_of)
    # The paper is the board's: every agency's registrations count, whoever prints it.
    courses = uptake.course_uptake(period, Registration.objects.all())
    if not courses:
        return None
    _, summary = uptake.overall_uptake(period, Registration.objects.all())
    gains = uptake.confidence_gains(until=progress_round.as_of)
    return PaperSection(
        kind=KIND,
        title=TITLE,
        data={
            "starts_on": period.starts_on.isoformat(),
            "ends_on": period.ends_on.isoformat(),
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
        },
    )


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


def write_word(document, section: PaperSection) -> None:
    """Append the heading, the summary sentence and the table by course to the Word file."""
    document.add_heading(section.title, level=1)
    rows = table_rows(section)
    if not rows:
        return
    document.add_paragraph(section.data["summary"])
    document.add_paragraph().add_run(CAPTION).bold = True
    table = document.add_table(rows=1, cols=len(HEADER))
    table.style = document.styles["Table Grid"]
    for cell, heading in zip(table.rows[0].cells, HEADER, strict=True):
        cell.paragraphs[0].add_run(heading).bold = True
    # The header row repeats on every page the table runs onto, as in the objectives' tables.
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for values in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, values, strict=True):
            cell.paragraphs[0].add_run(value).font.size = Pt(9)
    document.add_paragraph(
        "Did-not-attend rate: places booked and not used, as a share of those expected to attend. Mean confidence "
        "gain: after-session evaluations, confidence afterwards minus before, on a scale of 1 to 5."
    )


SECTION = SectionType(kind=KIND, build=build, template_name="training/_report_section.html", write_word=write_word)
