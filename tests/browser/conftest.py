"""Browser tests drive the system Chromium through Playwright against Django's live server.

Without a Chromium the tests are skipped with the reason; REQUIRE_BROWSER=1 (as in CI) makes
that a failure instead, so a missing browser can never turn the journey tests green by absence.

The live server needs a transactional database, which Django flushes after each test, emptying the
rows the data migrations filled (bank holidays, subgroups, CDOP categories, roles). Each test here
therefore asks for `serialized_rollback=True`: it starts from the migrated database whatever ran before.
tests/conftest.py marks them all `browser`, and `make test` runs them in a pytest run of their own.
"""

import os
from pathlib import Path

import pytest

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# The machine has no network beyond package registries: keep Chromium from phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture(scope="session", autouse=True)
def _require_chromium():
    if Path(CHROMIUM_PATH).exists():
        return
    reason = f"No Chromium at {CHROMIUM_PATH}: install it (apt-get install chromium) or set CHROMIUM_PATH."
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM_PATH, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def artifacts_dir():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
