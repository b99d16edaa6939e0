"""The checks every page gets: axe at desktop width and at 320 px, and nothing wider than the screen.

WCAG 2.2 1.4.10 (reflow): at 320 CSS pixels (a 1280 px window at 400% zoom) nothing may need scrolling in two
directions, except a data table inside a scroll region a keyboard can reach and a screen reader can name.
"""

from playwright.sync_api import Page

from tests.browser.accessibility import axe_violations
from tests.browser.pages import signed_in
from tests.browser.site_pages import visit_pages_reachable

DESKTOP = {"width": 1280, "height": 900}
NARROW = {"width": 320, "height": 800}
# A 1280 px window at 200% zoom, and a tablet: widths where Bootstrap's breakpoints change the layout (the menu
# unfolds at 768 px), so a page that fits at 320 px may still not fit there.
BETWEEN = ({"width": 640, "height": 800}, {"width": 1024, "height": 800})

# What is wider than the screen at 320 px: the page itself, or a cell whose words spill over its neighbour,
# or a scroll region a keyboard cannot reach or a screen reader cannot name.
_REFLOW_PROBLEMS = """
() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) problems.push(`the page is ${root.scrollWidth}px wide`);
    for (const element of document.body.querySelectorAll("*")) {
        if (element.scrollWidth <= element.clientWidth + 1 || element.clientWidth === 0) continue;
        const overflow = getComputedStyle(element).overflowX;
        const scrolls = ["auto", "scroll"].includes(overflow);
        const named = element.getAttribute("aria-label") || element.getAttribute("aria-labelledby");
        const classes = typeof element.className === "string" ? element.className.trim() : "";
        const where = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
            + (classes ? "." + classes.split(/\\s+/).join(".") : "");
        if (scrolls && (element.tabIndex < 0 || !named)) {
            problems.push(`${where} scrolls sideways without a keyboard stop and a name`);
        }
        if (overflow === "visible" && ["TD", "TH"].includes(element.tagName)) {
            problems.push(`${where}'s words spill out of it`);
        }
    }
    return problems;
}
"""


# The page's shape, without its words: every element's tag, classes, role, type and state, and whether it has
# text or a name of its own (an empty link or button is a problem, whatever the words of the others).
_SHAPE = """
() => Array.from(document.body.querySelectorAll("*"), element => [
    element.tagName, element.className, element.getAttribute("role"), element.getAttribute("type"),
    element.hidden, element.disabled, element.textContent.trim() === "", element.hasAttribute("aria-label"),
    element.hasAttribute("alt"),
].join("|")).join("\\n")
"""


def problems_on(page: Page, url: str, shapes_seen: set | None = None) -> list[str]:
    """What axe and the reflow check find on the page, at each width; nothing for a shape already checked.

    Two people often see one page in the same shape but for the words (the chair's and the manager's view of a
    plan differ by buttons, not always): `shapes_seen`, shared between them, spares checking the same shape twice.
    """
    page.set_viewport_size(DESKTOP)
    page.goto(url)
    return problems_here(page, url, shapes_seen)


def problems_here(page: Page, url: str, shapes_seen: set | None = None) -> list[str]:
    """problems_on the page as the browser shows it now, at 1280 px."""
    problems = []
    if shapes_seen is not None:
        shape = (url, page.evaluate(_SHAPE))
        if shape in shapes_seen:
            return []
        shapes_seen.add(shape)
    problems += [f"1280px {v}" for v in axe_violations(page)]
    page.set_viewport_size(NARROW)
    problems += [f"320px {v}" for v in axe_violations(page)]
    problems += [f"320px reflow: {p}" for p in page.evaluate(_REFLOW_PROBLEMS)]
    for size in BETWEEN:
        page.set_viewport_size(size)
        problems += [f"{size['width']}px reflow: {p}" for p in page.evaluate(_REFLOW_PROBLEMS)]
    return problems


def page_problems(page: Page, live_server, username: str, urls: list[str], shapes_seen: set | None = None) -> list[str]:
    """Sign in as `username` and check each page: one line saying how many problems, then each page's, or nothing."""
    signed_in(page, live_server.url, username)

    problems = {url: problems_on(page, live_server.url + url, shapes_seen) for url in urls}

    found = [f"{url}\n  " + "\n  ".join(lines) for url, lines in problems.items() if lines]
    if not found:
        return []
    return [f"{sum(map(len, problems.values()))} problem(s) on {len(urls)} pages as {username}:", *found]


def reachable_page_problems(page: Page, live_server, username: str, shapes_seen: set, more: list[str]) -> list[str]:
    """page_problems on every page `username` reaches by following links from the home page, and on `more`."""
    signed_in(page, live_server.url, username)

    def check(page: Page, url: str) -> list[str]:
        return problems_here(page, live_server.url + url, shapes_seen)

    problems = visit_pages_reachable(page, live_server.url, check)
    problems.update({url: problems_on(page, live_server.url + url, shapes_seen) for url in more})

    found = [f"{url}\n  " + "\n  ".join(lines) for url, lines in problems.items() if lines]
    if not found:
        return []
    return [f"{sum(map(len, problems.values()))} problem(s) on {len(problems)} pages as {username}:", *found]


def assert_no_page_problems(page: Page, live_server, username: str, urls: list[str]) -> None:
    report = page_problems(page, live_server, username, urls)
    assert not report, "\n".join(report)
