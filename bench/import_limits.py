"""Time the import's row limit and background check, through the upload page.

A 40,000-row plan CSV (2.6 MB; the audit's was 1.9 MB) is refused; files of 1,000, 2,000 and 4,000 rows are
uploaded, checked (the task, run at once by the "immediate" backend) and previewed, each into a new plan; the
1,000-row one is confirmed too.

    .venv/bin/python bench/import_limits.py

A script, not a test: it builds its own throwaway SQLite database (see _common.py) and prints one line a step.
"""

import csv
import io
import time

from _common import setup_django

setup_django("import_limits")

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from objectives.importing.row_count import count_rows  # noqa: E402

HEADER = ["aim", "aim_title", "objective", "objective_title", "action", "action_text", "lead_agency", "target_date"]
# Short enough that 40,000 rows make about the 1.9 MB file of the audit's finding.
TEXT = "Audit ten referrals"


def plan_csv(rows: int) -> bytes:
    """A tree plan of `rows` actions: 20 actions an objective, 20 objectives an aim."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for index in range(rows):
        aim, objective, action = index // 400 + 1, index // 20 % 20 + 1, index % 20 + 1
        ref = f"{aim}.{objective}"
        writer.writerow([aim, f"Aim {aim}", ref, f"Obj {ref}", f"{ref}.{action}", TEXT, "Police", "2027-03"])
    return out.getvalue().encode()


class _Counted:
    status_code = "-"

    def __init__(self, rows: int):
        self.rows = rows


def timed(label: str, call):
    started = time.perf_counter()
    response = call()
    print(f"{label:<58} {time.perf_counter() - started:6.2f} s  (HTTP {response.status_code})")
    return response


def upload(client: Client, content: bytes, title: str):
    file = SimpleUploadedFile("plan.csv", content)
    return client.post("/imports/new/", {"file": file, "plan": "", "new_title": title})


def main() -> None:
    call_command("migrate", verbosity=0)
    setup_test_environment()
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("bench", "bench@example.org", "x"))
    call_command("sync_roles", verbosity=0)

    # The first request loads every view and template; warm up so the timings are of the import alone.
    client.get("/imports/new/")
    big = plan_csv(40_000)
    size = f"40,000 rows ({len(big) / 1024 / 1024:.1f} MB)"
    timed(f"{size}: counting its rows alone", lambda: _Counted(count_rows(big, "plan.csv", ".csv")))
    refused = timed(f"{size}: upload refused", lambda: upload(client, big, "2026/27"))
    print("   ", refused.context["form"].errors["file"][0])

    # Raised past the default (1,000) to time the check of longer files; only the 1,000-row file is confirmed, as
    # writing thousands of new objects with their history takes minutes.
    settings.IMPORT_MAX_ROWS = 5_000
    for rows, title in ((1_000, "2026/27"), (2_000, "2027/28"), (4_000, "2028/29")):
        content = plan_csv(rows)
        size = f"{rows:,} rows ({len(content) / 1024 / 1024:.2f} MB)"
        staged = timed(f"{size}: upload and check", lambda: upload(client, content, title))  # noqa: B023
        preview = timed(f"{size}: the preview page", lambda: client.get(staged.url))  # noqa: B023
        if rows == 1_000:
            shown = {"fingerprint": preview.context["preview"].fingerprint}
            timed(f"{size}: confirm (check again, compare, write)", lambda: client.post(staged.url, shown))  # noqa: B023


if __name__ == "__main__":
    main()
