"""axe-core checks for browser tests."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices (landmarks, heading order, one main heading).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# axe-core's own script, as axe-playwright-python ships it (half a megabyte: injected once per page load).
_AXE_SCRIPT = Axe().axe_script


def axe_violations(page) -> list[str]:
    """axe's own report of each violation on the page as it stands: rule, impact, help and where."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", _OPTIONS)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
    ]


def assert_no_axe_violations(page):
    """Run axe on the page as it stands and fail with axe's own report of each violation.

    At the journey's own width: tests/browser/test_every_page.py checks every page again at 320 px.
    """
    violations = axe_violations(page)
    report = "\n".join(violations)
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{report}"
