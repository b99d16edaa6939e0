"""One stage of the load test, run in a process of its own (locust patches the standard library with gevent).

    python -m bench.load_runner '<json: see load.py>'

Each user signs in through the sign-in form as a different agency officer before the measured window opens;
the statistics are then reset, the stage runs for its seconds, and one JSON line with the figures is printed.
Officers read (70%: the report, the plan page, the action list, an action, my actions, home) and save their
action's progress for the open round through the real form (30%: its CSRF token and version field), with 3 to 7
seconds of thought between tasks. A save answered with the "someone saved before you" page is a conflict,
counted apart from errors. The sign-in stage asks only for the sign-in page, with the same think time.
"""

import itertools
import json
import resource
import sys
import time

import gevent
from locust import FastHttpUser, between, events, task
from locust.env import Environment
from locust.exception import StopUser

from deploy.check.browser import form_with

CONFIG = json.loads(sys.argv[1]) if __name__ == "__main__" else {}
THINK_SECONDS = (3, 7)
CONFLICT_MARK = 'id="conflict-heading"'
_next_officer = itertools.count()
state = {"signed_in": 0, "conflicts": 0, "sign_in_failures": 0}


# FastHttpUser (geventhttpclient), not HttpUser (python-requests): the load generator runs on the same two cores as
# the server it measures, and requests spent several times the CPU a request. FastHttpUser does not check nginx's
# self-signed certificate (`insecure`, its default).
class Officer(FastHttpUser):
    wait_time = between(*THINK_SECONDS)
    default_headers = {"Referer": CONFIG.get("site", "") + "/"}  # Django's CSRF check over HTTPS wants one

    def on_start(self):
        self.username, self.action_id = CONFIG["officers"][next(_next_officer) % len(CONFIG["officers"])]
        # A loaded server may time a sign-in out; three tries, then this user stays out of the stage.
        for _ in range(3):
            if self._sign_in():
                state["signed_in"] += 1
                return
        state["sign_in_failures"] += 1
        raise StopUser()

    def _sign_in(self) -> bool:
        page = self.client.get("/accounts/login/", name="sign in (before the window)")
        try:
            token = dict(form_with(page.text, "username")["fields"])["csrfmiddlewaretoken"]
        except LookupError:
            return False
        fields = {"csrfmiddlewaretoken": token, "username": self.username, "password": CONFIG["password"]}
        answer = self.client.post("/accounts/login/", fields, name="sign in (before the window)", allow_redirects=False)
        return answer.status_code == 302

    def _read(self, path: str, name: str):
        """A page that must answer 200 itself: a redirect (to the sign-in page, say) is an error here."""
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"answered {answer.status_code}")
        return answer

    @task(15)
    def report(self):
        self._read(CONFIG["report"], "committee report")

    @task(15)
    def plan(self):
        self._read(CONFIG["plan"], "plan page")

    @task(10)
    def action_list(self):
        self._read(CONFIG["action_list"], "action list")

    @task(10)
    def action(self):
        self._read(f"/actions/{self.action_id}/", "an action")

    @task(10)
    def my_actions(self):
        self._read("/my-actions/", "my actions")

    @task(10)
    def home(self):
        self._read("/", "home")

    @task(30)
    def save_progress(self):
        path = f"/actions/{self.action_id}/progress/{CONFIG['open_round']}/"
        page = self._read(path, "progress form")
        try:
            fields = {name: value for name, value in form_with(page.text, "progress")["fields"] if name != "progress"}
        except LookupError:
            return
        fields |= {"progress": f"Saved by {self.username} at {time.time():.3f}. " * 8, "intent": "save"}
        with self.client.post(path, fields, name="progress save", allow_redirects=False, catch_response=True) as answer:
            if answer.status_code == 200 and CONFLICT_MARK in answer.text:
                state["conflicts"] += 1
                answer.success()
            elif answer.status_code != 302:
                answer.failure(f"answered {answer.status_code}")


class SignInPage(FastHttpUser):
    wait_time = between(*THINK_SECONDS)

    def on_start(self):
        state["signed_in"] += 1

    @task
    def sign_in_page(self):
        self.client.get("/accounts/login/", name="sign-in page")


def run() -> dict:
    user_class = SignInPage if CONFIG["kind"] == "sign-in page" else Officer
    environment = Environment(user_classes=[user_class], host=CONFIG["site"], events=events)
    runner = environment.create_local_runner()
    users = CONFIG["users"]
    runner.start(users, spawn_rate=CONFIG["spawn_rate"])
    deadline = time.monotonic() + CONFIG["ramp_timeout"]
    while state["signed_in"] + state["sign_in_failures"] < users and time.monotonic() < deadline:
        gevent.sleep(0.5)
    ramp = CONFIG["ramp_timeout"] - (deadline - time.monotonic())
    runner.stats.reset_all()
    state["conflicts"] = 0
    cpu_before = _cpu_seconds()
    started = time.monotonic()
    gevent.sleep(CONFIG["seconds"])
    measured = time.monotonic() - started
    generator_cores = (_cpu_seconds() - cpu_before) / measured
    total = runner.stats.total
    figures = {
        "users": users,
        "signed_in": state["signed_in"],
        "sign_in_failures": state["sign_in_failures"],
        "ramp_s": ramp,
        "seconds": measured,
        "requests": total.num_requests,
        "req_s": total.num_requests / measured,
        "p50": total.get_response_time_percentile(0.5),
        "p95": total.get_response_time_percentile(0.95),
        "p99": total.get_response_time_percentile(0.99),
        "errors": total.num_failures,
        "conflicts": state["conflicts"],
        "error_examples": [str(error.error)[:200] for error in list(runner.stats.errors.values())[:3]],
        # What the load generator itself took of the machine the server runs on.
        "generator_cores": generator_cores,
        # Which requests make the p95: the slowest first.
        "p95_by_request": sorted(
            ((name, entry.get_response_time_percentile(0.95)) for (name, _), entry in runner.stats.entries.items()),
            key=lambda pair: -pair[1],
        ),
    }
    runner.quit()
    return figures


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    print(json.dumps(run()))
