"""Three boards' plans, imported as they keep them, and each one's committee paper in HTML, PDF and Word.

Issue 12's measure of done: a flat numbered list on the council's four-point scale, a plan by priority with text
timescales and success measures, and a tree whose board gave no ratings. Each goes in through import_plan and
comes out in the paper with its references as typed and in natural order, its own level names, column heading and
key, nothing printed where no rating was given, and "originally …" on a target that slipped.
"""

from datetime import date

import pytest

from objectives.models import BusinessPlan, ProgressRound
from tests.objectives.import_files import HEADER, plan_row, run_import, write_csv
from tests.objectives.paper_reading import after, in_order, paper_page, paper_pdf_text, paper_word_text

pytestmark = pytest.mark.django_db

AS_OF = "2025-12-31"
LIST_HEADER = ["action", "action_text", "responsibility", "target_date", "progress_date", "progress", "rating"]
# Typed out of order, as boards add recommendations; the paper sorts them 1, 2, 3, 4, 10.
RECOMMENDATIONS = [
    ["10", "Hear children in every audit", "Chair", "2026-03", AS_OF, "Planned for the spring", "4"],
    ["1", "Publish the yearly report", "Chair / DCS", "To be confirmed in the Act", AS_OF, "Published", "1"],
    ["2", "Report to the committee twice a year", "Chair", "2026-03", AS_OF, "Presented", "Slipped"],
    ["3", "Audit the threshold document", "Business manager", "2026-01", AS_OF, "Audit begun", ""],
    ["4", "Train every school's lead", "Training Sub-Group", "2026-02", AS_OF, "Half trained", "2"],
]
TWO_LEVEL_HEADER = [
    "aim",
    "aim_title",
    "strategic_lead",
    "action",
    "action_text",
    "responsibility",
    "target_date",
    "success_measure",
    "progress_date",
    "progress",
    "rating",
]
TIMESCALE = "Training programme to run across financial year 2025/26"
_NEGLECT = ("1b", "Neglect", "Head of Service")
_EARLY_HELP = ("1a", "Early Help and Prevention", "Chair")
# Priority, action ref, text, responsibility, target (a date or words), success measure, progress; never a rating.
PRIORITIES = [
    [*_NEGLECT, "2", "Launch the neglect toolkit", "Neglect group", "2026-02", "Uptake", AS_OF, "Drafted", ""],
    [*_EARLY_HELP, "10", "Audit early help", "QA group", TIMESCALE, "Audits done", AS_OF, "Two audits", ""],
    [*_EARLY_HELP, "2", "Train on early help", "Training group", TIMESCALE, "Staff trained", AS_OF, "40 trained", ""],
    [*_EARLY_HELP, "1", "Agree the offer", "Chair / DCS", "2026-01", "Offer agreed", AS_OF, "Agreed in May", ""],
]


def _imported(rows, header, tmp_path, *options, name="plan.csv"):
    run_import(write_csv(tmp_path / name, rows, header=header), *options)
    return BusinessPlan.objects.with_scale().get(title="2025/26")


def _round(plan) -> ProgressRound:
    return plan.rounds.get_or_create(as_of=date(2025, 12, 31))[0]


def _all_three(client, progress_round, tmp_path) -> dict[str, str]:
    return {
        "html": paper_page(client, progress_round),
        "pdf": paper_pdf_text(client, progress_round, tmp_path),
        "word": paper_word_text(client, progress_round),
    }


def test_a_flat_numbered_list_on_the_four_point_scale(manager_client, tmp_path):
    plan = _imported(RECOMMENDATIONS, LIST_HEADER, tmp_path, "--scale", "four-point", "--shape", "list")
    plan.progress_heading = "Progress presented to Committee <Mon YYYY>"
    plan.save()
    slipped = [row[:3] + ["2026-06"] + row[4:] if row[0] == "4" else row for row in RECOMMENDATIONS]
    run_import(write_csv(tmp_path / "revised.csv", slipped, header=LIST_HEADER))

    for kind, text in _all_three(manager_client, _round(plan), tmp_path).items():
        # In the plan table, past the exceptions listed at a glance.
        plan_table = after(text, "Progress presented to Committee Dec 2025")
        assert in_order(
            plan_table, ["Publish the yearly", "Report to the committee", "Audit the threshold", "Train every"]
        )
        assert in_order(plan_table, ["Train every school", "Hear children in every audit"]), kind
        assert "Recommendation" in text, kind
        assert "Progress presented to Committee Dec 2025" in text, kind
        for label in ("1 Achieved (fully)", "3 Slipped", "4 Not achieved"):
            assert label in text, (kind, label)
        assert "To be confirmed in the Act" in text, kind
        assert "originally February 2026" in text, kind
        # No aim or objective: a list has neither, and no RAG words the board never used.
        for absent in ("Aim 1", "Objective", "Not started", "Red", "Amber"):
            assert absent not in text, (kind, absent)


def test_a_two_level_plan_with_text_timescales_and_success_measures(manager_client, tmp_path):
    plan = _imported(PRIORITIES, TWO_LEVEL_HEADER, tmp_path, "--shape", "two-level")
    plan.report_columns = ["ref", "action", "lead", "target", "success_measure", "progress", "rating"]
    plan.save()

    for kind, text in _all_three(manager_client, _round(plan), tmp_path).items():
        assert in_order(text, ["Priority 1a", "Agree the offer", "Train on early help", "Audit early help"]), kind
        # Past the glance, which names both priorities first.
        assert in_order(after(text, "Audit early help"), ["Priority 1b", "Launch the neglect toolkit"]), kind
        assert "Early Help and Prevention" in text, kind
        assert TIMESCALE in text, kind
        assert "Success measure" in text, kind
        assert "Staff trained" in text, kind
        assert "Progress report December 2025" in text, kind
        for absent in ("Aim 1", "Objective", "Not started"):
            assert absent not in text, (kind, absent)


def test_a_tree_plan_whose_board_gave_no_ratings(manager_client, tmp_path):
    rows = [
        plan_row(
            action=ref,
            action_text=f"Tree action {ref}",
            target_date="2026-03",
            progress_date=AS_OF,
            progress=f"Done {ref}",
        )
        for ref in ("1.1.10", "1.1.2", "1.1.1")
    ]
    plan = _imported(rows, HEADER, tmp_path)
    revised = [row[:7] + ["2026-05"] + row[8:] if row[4] == "1.1.2" else row for row in rows]
    run_import(write_csv(tmp_path / "revised.csv", revised))

    for kind, text in _all_three(manager_client, _round(plan), tmp_path).items():
        assert in_order(text, ["Tree action 1.1.1", "Tree action 1.1.2", "Tree action 1.1.10"]), kind
        assert "Aim 1" in text, kind
        assert "originally March 2026" in text, kind
        assert "Not started" not in text, kind
