"""What the plan form posts: every field as a new tree plan on RAG has it, with the test's `changes`."""

from core.models import RatingScale


def plan_form_data(**changes) -> dict:
    return {
        "title": "2026/27",
        "starts_on": "2026-04-01",
        "ends_on": "2027-03-31",
        "shape": "tree",
        "rating_scale": RatingScale.objects.get(name="rag").pk,
        "aim_name": "Aim",
        "objective_name": "Objective",
        "action_name": "Action",
        "report_columns": ["ref", "action", "lead", "target", "progress", "rating"],
        "progress_heading": "Progress report <Month YYYY>",
        # The version an edit page loads a new plan at (a new plan's form ignores it).
        "version": "1",
        **changes,
    }
