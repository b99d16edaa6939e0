"""Word plans in the layouts other boards use, built for the tests; fictional content only.

A numbered list of recommendations (a scrutiny review's), and a plan of priorities with numbered actions.
`read_word_rows` gives the rows the Word reader makes of one, as {column: value}, header first.
"""

from objectives.importing.word import read_docx
from objectives.models import BusinessPlan
from tests.objectives.import_files import WordPlan, run_import

PROGRESS_ROW = ("Ref", "Action", "Progress report December 2025")

LIST_HEADER = (
    "No.",
    "Recommendation",
    "Responsibility",
    "Timescale",
    "Progress presented to Committee Dec 2025",
    "Assessment",
)
TWO_LEVEL_HEADER = ("No", "Specific action", "Lead", "Timescale", "Output/outcome measurement", "RAG")


def read_word_rows(word_plan: WordPlan, shape: str | None) -> list[dict[str, str]]:
    header, *rows = read_docx(word_plan.bytes(), "plan.docx", shape)
    return [dict(zip(header.cells, row.cells, strict=True)) for row in rows]


def header_of(word_plan: WordPlan, shape: str | None) -> tuple:
    return read_docx(word_plan.bytes(), "plan.docx", shape)[0].cells


def imported(tmp_path, word_plan: WordPlan, plan="2025/26") -> BusinessPlan:
    run_import(word_plan.save(tmp_path / "plan.docx"), plan=plan)
    return BusinessPlan.objects.get(title=plan)


def one_action_plan(*cells, header=PROGRESS_ROW) -> WordPlan:
    return (
        WordPlan()
        .paragraph("Aim 1: Partners’ work keeps children safe")
        .table(["1.1.1", *cells], objective=("Obj 1.1", "Show how partners’ work improves lives"), header=header)
    )


def recommendations_plan(*rows, header=LIST_HEADER) -> WordPlan:
    """A scrutiny review's recommendations: a title, then one table numbered 1, 2, 3."""
    rows = rows or (
        ("1", "Publish the board's annual report on time", "Chair / DCS", "March 2026", "Published in July.", "1"),
        (
            "Recommendation 2",
            "Agree a protocol with the new partnership",
            "Chair",
            "To be confirmed in Children and Social Work Act",
            "Draft agreed by the executive.",
            "2 On track but not yet due for completion",
        ),
        ("3", "Audit the training offer", "Training Sub-Group", "December 2025", "Audit delayed.", "3 Slipped"),
    )
    return WordPlan().paragraph("Scrutiny review: recommendations", style="Title").table(*rows, header=header)


def priorities_plan(heading="Priority 1a Early Help and Prevention", lead="Strategic lead: Head of Early Help"):
    """Two priorities as paragraphs, each with a strategic lead and a table of actions numbered from 1."""
    word_plan = WordPlan().paragraph("Business plan 2025/26", style="Title").paragraph(heading, style="Heading 2")
    if lead:
        word_plan.paragraph(lead)
    word_plan.table(
        (
            "1",
            "Run the early help training programme",
            "Training Sub Group",
            "Training programme to run across financial year 2025/26",
            "Number of staff trained",
            "",
        ),
        ("2", "Review the early help assessment", "Police", "September 2025", "Assessment revised", ""),
        header=TWO_LEVEL_HEADER,
    )
    word_plan.paragraph("Priority 1b: Neglect", style="Heading 2")
    word_plan.table(
        ("1", "Launch the neglect toolkit", "Chair", "March 2026", "Toolkit used in 50 cases", ""),
        header=TWO_LEVEL_HEADER,
    )
    return word_plan
