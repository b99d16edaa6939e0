"""axe-core checks for browser tests."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 A and AA rules, and axe's best practices (landmarks, heading order, one main heading).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

_axe = Axe()


def axe_violations(page) -> list[str]:
    """axe's own report of each violation on the page as it stands: rule, impact, help and where."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def assert_no_axe_violations(page):
    """Run axe on the page as it stands and fail with axe's own report of each violation."""
    violations = axe_violations(page)
    report = "\n".join(violations)
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n{report}"
