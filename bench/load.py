"""The load test: 50, then 200 users on the product through nginx, each beside the sign-in page at the same
concurrency and think time (the floor of a request through nginx, gunicorn and Django); one stage a process."""

import json
import subprocess
import sys

from deploy.check import units

from . import data, pages
from .results import Results
from .serving import Served

STAGES = (50, 200)
# Users started a second. Each signs in first, and a sign-in hashes the password (about 0.3 s of a core): faster,
# and the sign-ins alone overload the 3 workers before the window opens.
SPAWN_RATE = 3


def run_stage(config: dict) -> dict:
    command = [sys.executable, "-m", "bench.load_runner", json.dumps(config)]
    timeout = config["ramp_timeout"] + config["seconds"] + 120
    finished = subprocess.run(command, cwd=units.PROJECT, capture_output=True, text=True, timeout=timeout, check=False)
    if finished.returncode != 0:
        raise RuntimeError(f"the load stage failed: {finished.stderr[-2000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def run_load(served: Served, bench_data: data.BenchData, results: Results, *, plan_size: int, seconds: int, guard):
    plan = bench_data.plans[plan_size]
    report, plan_page, action_list = (path for _, _, path in pages.pages(plan)[:3])
    section = results.section(
        f"Load through nginx (HTTPS), plan of {plan_size} actions, think time 3–7 s, {seconds} s measured a stage",
        ["users", "signed in", "what", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "conflicts", "load"],
    )
    for users in STAGES:
        for kind in ("product", "sign-in page"):
            load = guard.check(f"the load test with {users} users ({kind})")
            config = {
                "kind": kind,
                "users": users,
                "spawn_rate": SPAWN_RATE,
                "ramp_timeout": 240,
                "seconds": seconds,
                "site": served.site,
                "password": data.PASSWORD,
                "officers": bench_data.officers,
                "report": report,
                "plan": plan_page,
                "action_list": action_list,
                "open_round": plan.open_round_id,
            }
            found = run_stage(config)
            section.rows.append(
                [
                    users,
                    found["signed_in"],
                    kind,
                    found["req_s"],
                    found["p50"],
                    found["p95"],
                    found["p99"],
                    found["errors"],
                    found["conflicts"],
                    load,
                ]
            )
            if found["sign_in_failures"]:
                section.notes.append(f"{users} users: {found['sign_in_failures']} could not sign in")
            if found["error_examples"]:
                section.notes.append(f"{users} users, {kind}: e.g. {'; '.join(found['error_examples'])}")
            section.notes.append(
                f"{users} users, {kind}: locust itself used {found['generator_cores']:.2f} of the machine's cores"
            )
            if kind == "product":
                slowest = ", ".join(f"{name} {p95:,.0f} ms" for name, p95 in found["p95_by_request"])
                section.notes.append(f"{users} users, p95 of each request: {slowest}")
                results.figure(f"load_p95_{users}", found["p95"], load=load if guard.anyway else None)
                results.figure(f"load_errors_{users}", found["errors"], load=load if guard.anyway else None)
