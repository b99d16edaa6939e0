"""Without a Chromium the browser tests skip and say why; with REQUIRE_BROWSER=1 they fail instead."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ONE_BROWSER_TEST = "tests/browser/test_plan_journey.py::test_login_page_has_no_accessibility_violations"


def run_browser_test(**env):
    environment = {key: value for key, value in os.environ.items() if key != "REQUIRE_BROWSER"}
    # A database of its own, so it never meets the test database this run is using.
    environment.update(CHROMIUM_PATH="/nonexistent/chromium", DATABASE_URL="sqlite:///:memory:", **env)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-rs", "-p", "no:cacheprovider", ONE_BROWSER_TEST],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_browser_tests_skip_with_the_reason_when_there_is_no_chromium():
    result = run_browser_test()

    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "No Chromium at /nonexistent/chromium" in result.stdout


def test_browser_tests_fail_without_chromium_when_it_is_required():
    result = run_browser_test(REQUIRE_BROWSER="1")

    assert result.returncode != 0
    assert "No Chromium at /nonexistent/chromium" in result.stdout
