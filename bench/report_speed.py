"""How long the committee report takes: the PDF, the Word file and the HTML page of a 60-action plan.

    .venv/bin/python bench/report_speed.py [--runs 5]

It makes its own throwaway SQLite database in a temporary folder (never db.sqlite3 and never
DATABASE_URL's database), builds a plan of 60 actions with long progress texts for one round, and
asks for each file through Django's test client, as a board member's browser would. It prints the
median and best of the runs. Aims on the development machine: PDF < 3 s, Word < 1 s, page < 0.2 s.
"""

import argparse
import statistics
from datetime import date

from _common import setup_django, timed_gets

setup_django("bench")

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from objectives import roles  # noqa: E402
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate  # noqa: E402

AIMS, OBJECTIVES_PER_AIM, ACTIONS_PER_OBJECTIVE = 3, 4, 5  # 60 actions
TARGETS = {"PDF": 3.0, "Word": 1.0, "HTML page": 0.2}


def progress(ref: str) -> str:
    """About 1,600 characters: three paragraphs and four bullets, as a busy lead agency writes them."""
    paragraph = (
        f"For action {ref} the subgroup met in October and November and agreed the audit tool with every "
        "partner agency. Practitioners from children's social care, the police, health visiting, schools and "
        "the youth justice service took part, and each agency named a lead who reports back to the board. "
    )
    bullets = "\n".join(
        f"- finding {number}: the child's own words were recorded in {14 + number} of 20 cases reviewed"
        for number in range(1, 5)
    )
    return f"{paragraph * 2}\n\nThe audit found:\n{bullets}\n\n{paragraph}\n\n{paragraph}Next steps are agreed."


def build_plan() -> ProgressRound:
    call_command("migrate", verbosity=0)
    plan = BusinessPlan.objects.create(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))
    progress_round = ProgressRound.objects.create(plan=plan, as_of=date(2025, 12, 31))
    agencies = [Agency.objects.create(name=f"Benchmark agency {number}") for number in range(1, 4)]
    for aim_number in range(1, AIMS + 1):
        aim = Aim.objects.create(plan=plan, number=aim_number, title=f"Aim {aim_number} of the benchmark plan")
        for objective_number in range(1, OBJECTIVES_PER_AIM + 1):
            objective_ref = f"{aim_number}.{objective_number}"
            objective = Objective.objects.create(
                plan=plan, aim=aim, ref=objective_ref, title=f"Objective {objective_ref} of the benchmark plan"
            )
            for action_number in range(1, ACTIONS_PER_OBJECTIVE + 1):
                ref = f"{objective_ref}.{action_number}"
                action = Action.objects.create(
                    plan=plan,
                    objective=objective,
                    ref=ref,
                    text=f"Action {ref}: extend the multi-agency audit programme to early help and report "
                    "its findings to the quality assurance subgroup every quarter.",
                    target_on=date(2026, 3, 31),
                    target_is_month=True,
                )
                action.lead_agencies.set(agencies[: 1 + action_number % 3])
                ProgressUpdate.objects.create(
                    action=action,
                    round=progress_round,
                    progress=progress(ref),
                    impact="Repeat referrals fell from 24% to 17% over the year; 120 practitioners were trained.",
                    rag=ProgressUpdate.Rag.AMBER,
                    state=ProgressUpdate.State.ACCEPTED,
                )
    return progress_round


def timed(client: Client, url: str, runs: int, *, cold: bool = True) -> tuple[list[float], int]:
    # Downloads keep each file for an hour; the figures are for making it, not remembering it.
    seconds, response = timed_gets(client, url, runs, before_each=cache.clear if cold else None)
    return seconds, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="How many times to make each file (default 5).")
    runs = parser.parse_args().runs

    setup_test_environment()
    progress_round = build_plan()
    manager = get_user_model().objects.create_user("bench.manager", password="not-used-benchmark-only")
    manager.groups.set(Group.objects.filter(name=roles.BOARD_MANAGERS))
    client = Client()
    client.force_login(manager)
    arguments = [progress_round.plan_id, progress_round.pk]
    urls = {
        "PDF": reverse("objectives:report_pdf", args=arguments),
        "Word": reverse("objectives:report_docx", args=arguments),
        "HTML page": reverse("objectives:report", args=arguments),
    }
    # One request first, so templates, fonts and the first query are not in the figures.
    for url in urls.values():
        client.get(url)

    print(f"Committee report, {Action.objects.count()} actions, median and best of {runs} runs")
    print(f"{'File':<22} {'median s':>9} {'best s':>8} {'aim s':>6} {'size':>10}")
    for name, url in urls.items():
        seconds, size = timed(client, url, runs)
        median, best = statistics.median(seconds), min(seconds)
        verdict = "" if median < TARGETS[name] else "  over the aim"
        print(f"{name:<22} {median:>9.3f} {best:>8.3f} {TARGETS[name]:>6.1f} {size / 1024:>8.0f} KB{verdict}")
    for name in ("PDF", "Word"):
        seconds, size = timed(client, urls[name], runs, cold=False)
        label = f"{name}, downloaded again"
        print(f"{label:<22} {statistics.median(seconds):>9.3f} {min(seconds):>8.3f} {'':>6} {size / 1024:>8.0f} KB")


if __name__ == "__main__":
    main()
