"""Run the deployment check: set up, start everything, prove each point, print a summary, stop everything."""

import re
import shutil
import ssl
import sys
import tempfile
import time
from pathlib import Path

from . import backup, proofs, stack, units, writes
from .browser import Browser, Origin

DATABASE = "scp_deploy_check"
RESTORED = "scp_deploy_check_restored"


def set_up(stack_: stack.Stack, nginx: str) -> None:
    stack.fresh_database(DATABASE)
    for args in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput", "--clear"]):
        stack_.manage(*args)
    main = stack.configure_nginx(stack_.folder, stack_.ports, nginx)
    stack_.start_node("a")
    stack_.start_node("b")
    stack_.start("worker", units.command_line("scp-worker.service", stack_.env))
    stack_.start("nginx", [nginx, "-p", str(stack_.folder), "-c", str(main)])


def origins(stack_: stack.Stack) -> dict[str, Origin]:
    tls = ssl.create_default_context(cafile=str(stack_.folder / "cert.pem"))
    # What nginx adds, so a node asked directly sees what it sees behind nginx.
    proxied = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
    return {
        "a": Origin("node A", "http", stack_.ports["a"], proxy_headers=proxied),
        "b": Origin("node B", "http", stack_.ports["b"], proxy_headers=proxied),
        "nginx": Origin("nginx", "https", stack_.ports["https"], tls=tls),
        "http": Origin("nginx over HTTP", "http", stack_.ports["http"]),
    }


def front_door(browser: Browser, at: dict[str, Origin]) -> list[tuple[str, bool, str]]:
    """TRACE refused, /health/ through nginx, HTTP sent to HTTPS, static files cached."""
    trace = browser.request(at["nginx"], "TRACE", "/")
    health = browser.get(at["nginx"], "/health/")
    redirect = browser.get(at["http"], "/accounts/login/")
    login = browser.get(at["nginx"], "/accounts/login/")
    static = next(iter(re.findall(r'href="(/static/[^"]+\.css)"', login.text)), "")
    cached = browser.get(at["nginx"], static) if static else None
    cache_control = cached.headers.get("cache-control", "") if cached else ""
    return [
        ("TRACE through nginx", trace.status == 405, f"{trace.status}"),
        ("/health/ through nginx", health.status == 200, f"{health.status} {health.text.strip()!r}"),
        ("HTTP to HTTPS", redirect.status == 301, f"{redirect.status} to {redirect.headers.get('location', '-')}"),
        ("static file cached", "immutable" in cache_control, f"{static or 'no stylesheet'}: {cache_control or '-'}"),
    ]


def run_proofs(stack_: stack.Stack) -> list[tuple[str, bool, str]]:
    at = origins(stack_)
    browser = Browser(csrf_origin=f"https://localhost:{stack_.ports['https']}")
    stack_.wait_until(lambda: browser.get(at["a"], "/health/").status == 200, "node A's /health/")
    stack_.wait_until(lambda: browser.get(at["b"], "/health/").status == 200, "node B's /health/")
    stack_.wait_until(lambda: browser.get(at["nginx"], "/health/").status == 200, "nginx")
    results = front_door(browser, at)
    steps = [
        ("1 session moves from A to B", lambda: proofs.sign_in_and_move(browser, at["a"], at["b"])),
        ("2 import: A uploads, B confirms", lambda: proofs.import_across_nodes(browser, at["a"], at["b"], DATABASE)),
        ("3 report PDF built by worker", lambda: proofs.report_built_by_worker(browser, at["a"], at["b"], DATABASE)),
        ("4 node B stopped mid-stream", lambda: _writes(browser, at["nginx"], stack_)),
    ]
    for name, step in steps:
        results.append((name, *_attempt(step)))
    results.append(("GETs fail over with B down", *_attempt(lambda: _failover(browser, at["nginx"]))))
    return results


def _failover(browser: Browser, nginx: Origin) -> tuple[bool, str]:
    """With node B stopped, nginx sends every GET to A, retrying those that tried B first."""
    statuses = [browser.get(nginx, "/").status for _ in range(20)]
    return statuses == [200] * 20, f"20 GETs of the home page: {statuses.count(200)} answered 200"


def _writes(browser: Browser, nginx: Origin, stack_: stack.Stack) -> tuple[bool, str]:
    _, round_id = proofs.open_round(DATABASE)
    stream = writes.Stream(browser, nginx, round_id, stop_at=100, stop_node=lambda: stack_.stop("b"))
    candidates = [int(i) for i in stack.psql(DATABASE, "SELECT id FROM objectives_action ORDER BY id").split()]
    passed, figure = writes.stream_survives_node_stop(stream, DATABASE, candidates)
    return passed, figure + f"; node B's exit status {stack_.processes['b'].returncode}"


def _attempt(step) -> tuple[bool, str]:
    try:
        return step()
    except Exception as error:  # noqa: BLE001 - a proof that breaks fails, and the others still run
        return False, f"{type(error).__name__}: {error}"


def print_summary(results, started: float) -> None:
    width = max(len(name) for name, _, _ in results)
    print(f"\n{'Proof'.ljust(width)}  Result  Figure")
    for name, passed, figure in results:
        print(f"{name.ljust(width)}  {'pass' if passed else 'FAIL':6}  {figure}")
    print(f"\n{sum(p for _, p, _ in results)} of {len(results)} passed in {time.monotonic() - started:.0f} s")


def main() -> int:
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="scp-deploy-check-"))
    ports = {name: stack.free_port() for name in ("a", "b", "http", "https")}
    stack_ = stack.Stack(folder, DATABASE, ports)
    results = []
    try:
        set_up(stack_, stack.ensure_nginx())
        print(f"Set up in {time.monotonic() - started:.0f} s; logs in {folder}", flush=True)
        results = run_proofs(stack_)
        for name, passed, figure in results:
            print(f"{'pass' if passed else 'FAIL'}  {name}: {figure}", flush=True)
    except Exception as error:  # noqa: BLE001 - reported, then everything is stopped
        results.append(("set-up", False, f"{type(error).__name__}: {error} (logs in {folder})"))
    finally:
        stack_.stop_all()
    if results and results[-1][0] != "set-up":
        results.append(
            ("5 pg_dump and restore", *_attempt(lambda: backup.dump_and_restore(DATABASE, RESTORED, folder)))
        )
    print_summary(results, started)
    failed = not results or not all(passed for _, passed, _ in results)
    if not failed:
        # Kept for a look after a failure; otherwise nothing is left behind.
        shutil.rmtree(folder, ignore_errors=True)
        stack.drop_database(DATABASE)
        stack.drop_database(RESTORED)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
