"""A 1,000-row plan file through the import pages: upload (checked at once by this process's "immediate" task
backend), preview, confirm, each step timed; then the same file into the plan it made, which must change nothing.

Through Django's test client in this process (not HTTP), so the background check runs inside the upload request
and no task worker is needed. Importing is timed with the production settings on the bench's PostgreSQL database.
"""

import csv
import io
import random
import time

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from deploy.check.browser import form_with
from objectives.models import BusinessPlan

from . import data, words
from .queries import client_for
from .results import Results

HEADER = ["aim", "aim_title", "objective", "objective_title", "action", "action_text", "lead_agency", "target_date"]


def plan_csv(rows: int, *, seed: int = 17) -> bytes:
    """A tree plan of `rows` actions: 10 actions an objective, 4 objectives an aim, as the bench's own plans."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for index in range(rows):
        objective_index = index // data.ACTIONS_PER_OBJECTIVE
        aim = objective_index // data.OBJECTIVES_PER_AIM + 1
        objective = f"{aim}.{objective_index % data.OBJECTIVES_PER_AIM + 1}"
        ref = f"{objective}.{index % data.ACTIONS_PER_OBJECTIVE + 1}"
        agency = f"Bench agency {index % data.AGENCIES:02d}"
        title = words.AIM_TITLES[(aim - 1) % len(words.AIM_TITLES)]
        writer.writerow(
            [aim, title, objective, f"Objective {objective}", ref, words.action_text(rng, ref), agency, "2027-03"]
        )
    return out.getvalue().encode()


def new_plan_title() -> str:
    """A financial year no plan has (a new plan's title must name one), from 2030/31 on: one a run with --reuse-data."""
    year = 2030
    while BusinessPlan.objects.filter(title=f"{year}/{(year + 1) % 100:02d}").exists():
        year += 1
    return f"{year}/{(year + 1) % 100:02d}"


def history_rows() -> int:
    """Every history row of every model: an import that changes nothing adds none."""
    return sum(model.objects.count() for model in apps.get_models() if model.__name__.startswith("Historical"))


def _timed(call):
    started = time.perf_counter()
    response = call()
    return time.perf_counter() - started, response


def import_file(client, content: bytes, *, plan_id: str, new_title: str) -> dict[str, float | int]:
    """Seconds of each step; a preview with nothing to change has no confirm step (0 s)."""
    fields = {"file": SimpleUploadedFile("plan.csv", content), "plan": plan_id, "new_title": new_title, "shape": "tree"}
    upload_s, uploaded = _timed(lambda: client.post("/imports/new/", fields))
    if uploaded.status_code != 302:
        raise RuntimeError(f"the upload answered {uploaded.status_code}, not a redirect to its preview")
    preview_s, preview = _timed(lambda: client.get(uploaded["Location"]))
    steps = {"upload and check": upload_s, "preview": preview_s, "confirm": 0.0}
    try:
        confirm_fields = dict(form_with(preview.content.decode(), "fingerprint")["fields"])
    except LookupError:  # nothing to confirm: the file matches the plan
        return steps
    steps["confirm"], confirmed = _timed(lambda: client.post(uploaded["Location"], confirm_fields))
    if confirmed.status_code != 302:
        raise RuntimeError(f"confirming answered {confirmed.status_code}, not a redirect to the plan")
    return steps


def time_imports(results: Results, *, rows: int, load) -> None:
    client = client_for(data.MANAGER)
    client.get("/imports/new/")  # the first request of a process loads every view and template
    content = plan_csv(rows)
    title = new_plan_title()
    section = results.section(
        f"Import of a {rows:,}-row plan file ({len(content) / 1024:.0f} KB) through the pages (test client), s",
        ["import", "upload and check", "preview", "confirm", "total", "history rows added"],
        load=load,
    )
    for label, plan_id, new_title in (("new plan", "", title), ("same file again", None, "")):
        if plan_id is None:
            plan_id = str(BusinessPlan.objects.get(title=title).pk)
        before = history_rows()
        steps = import_file(client, content, plan_id=plan_id, new_title=new_title)
        added = history_rows() - before
        total = sum(steps.values())
        section.rows.append([label, *steps.values(), total, added])
        if label == "new plan":
            results.figure("import_s", round(total, 2), load=load)
        else:
            results.figure("reimport_s", round(total, 2), load=load)
            results.figure("reimport_changes", added)
