"""Proofs 1 to 3: a session moves between nodes, an import crosses nodes, a report is built by the worker.

Each proof returns (passed, figure): the figure is what was measured, printed whatever the result.
"""

import csv
import io
import time

from .browser import Browser, Origin, field_value, form_with
from .stack import psql

PASSWORD = "eastmere-demo-2025"
USERNAME = "manager"
# Marks the import's change so the database can be asked whether it landed.
IMPORT_MARK = " Checked by the deployment check."


def open_round(database: str) -> tuple[int, int]:
    """(plan id, round id) of the demo's open progress round."""
    row = psql(database, "SELECT plan_id, id FROM objectives_progressround WHERE closed_at IS NULL ORDER BY as_of DESC")
    plan_id, round_id = row.splitlines()[0].split("|")
    return int(plan_id), int(round_id)


def sign_in(browser: Browser, origin: Origin, username: str, password: str):
    """Sign in through the sign-in page's form, with its CSRF token; the answer (302 when signed in)."""
    page = browser.get(origin, "/accounts/login/")
    token = field_value(form_with(page.text, "username"), "csrfmiddlewaretoken")
    fields = [("csrfmiddlewaretoken", token), ("username", username), ("password", password)]
    return browser.post(origin, "/accounts/login/", fields)


def sign_in_and_move(browser: Browser, a: Origin, b: Origin) -> tuple[bool, str]:
    """Sign in on node A; the same session cookie is signed in on node B."""
    signed_in = sign_in(browser, a, USERNAME, PASSWORD)
    home = browser.get(b, "/")
    on_b = home.status == 200 and "Alex Marlowe" in home.text
    figure = f"sign-in on A answered {signed_in.status}; home page on B answered {home.status}"
    return signed_in.status == 302 and on_b, figure + (", signed in as Alex Marlowe" if on_b else ", not signed in")


def _changed_export(csv_bytes: bytes) -> bytes:
    """The plan's CSV export with one action's words changed (on each of its rows: one a round's progress)."""
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    column = rows[0].index("action_text")
    words = next(row[column] for row in rows[1:] if row[column].strip())
    for row in rows[1:]:
        if row[column] == words:
            row[column] = words.rstrip() + IMPORT_MARK
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue().encode()


def _follow_to_preview(browser: Browser, origin: Origin, path: str, timeout: float = 60) -> tuple[str, str]:
    """Follow redirects, and ask again while the page says the file is still being checked, until the preview shows.

    The progress page reloads itself only when the person asks (core/auto_refresh.py), so the check asks again
    itself, as a person pressing Refresh would.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        page = browser.get(origin, path)
        if page.status in {301, 302, 303}:
            path = page.headers["location"]
            continue
        if 'name="fingerprint"' in page.text:
            return path, page.text
        if page.status != 200 or "Nothing has been imported yet" not in page.text:
            raise RuntimeError(f"{path} answered {page.status} with neither a preview nor a progress page")
        time.sleep(1)
    raise RuntimeError("the import's preview never appeared")


def import_across_nodes(browser: Browser, a: Origin, b: Origin, database: str) -> tuple[bool, str]:
    """Upload a plan file through A; see its preview and confirm it through B; the change is in the database."""
    plan_id, _ = open_round(database)
    export = browser.get(a, f"/plans/{plan_id}/export.csv")
    upload_page = browser.get(a, "/imports/new/")
    token = field_value(form_with(upload_page.text, "new_title"), "csrfmiddlewaretoken")
    fields = [("csrfmiddlewaretoken", token), ("plan", str(plan_id)), ("new_title", ""), ("shape", "tree")]
    files = {"file": ("plan.csv", _changed_export(export.body), "text/csv")}
    uploaded = browser.post_multipart(a, "/imports/new/", fields, files)
    if uploaded.status not in {302, 303}:
        return False, f"upload through A answered {uploaded.status}, not a redirect to the preview"
    confirm_path, preview = _follow_to_preview(browser, b, uploaded.headers["location"])
    # The preview's form as it is: its CSRF token and the fingerprint of the changes it showed.
    confirmed = browser.post(b, confirm_path, [tuple(field) for field in form_with(preview, "fingerprint")["fields"]])
    mark = IMPORT_MARK.replace("'", "''")
    changed = int(psql(database, f"SELECT count(*) FROM objectives_action WHERE text LIKE '%{mark}'").strip())
    figure = f"upload on A {uploaded.status}, preview on B, confirm on B {confirmed.status}; actions changed: {changed}"
    return confirmed.status in {302, 303} and changed == 1, figure


def report_built_by_worker(browser: Browser, a: Origin, b: Origin, database: str) -> tuple[bool, str]:
    """The committee report's PDF: 202 "being prepared" on A, then 200 with the PDF on B once the worker built it."""
    plan_id, round_id = open_round(database)
    path = f"/plans/{plan_id}/rounds/{round_id}/report.pdf"
    started = time.monotonic()
    first = browser.get(a, path, timeout=60)
    polls, last = 0, None
    while time.monotonic() - started < 90:
        last = browser.get(b, path, timeout=60)
        polls += 1
        if last.status != 202:
            break
        time.sleep(0.5)
    is_pdf = last is not None and last.status == 200 and last.body.startswith(b"%PDF")
    size = len(last.body) if last is not None else 0
    figure = (
        f"first GET on A {first.status} (want 202); after {polls} polls on B {last.status if last else '-'} "
        f"({size} bytes{', %PDF' if is_pdf else ''}) in {time.monotonic() - started:.1f} s"
    )
    return first.status == 202 and is_pdf, figure
