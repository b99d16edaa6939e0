"""The main navigation: each link and the permissions that show it, decided in one pass per page.

Drawn by templates/includes/_nav.html through {% main_nav_links %}. Python rather than a template include per
link, because the bar is on every page: fifteen includes and their permission tests cost more than the rest of
a small page's template.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@dataclass(frozen=True)
class NavLink:
    label: str
    url_name: str
    # Every one of these is needed to see the link; none for a link every signed-in person sees.
    permissions: tuple[str, ...] = ()


_MANAGER_LISTS = "objectives.review_progressupdate"

MAIN_NAV = (
    NavLink("Home", "home"),
    NavLink("Business plans", "objectives:plan_list"),
    NavLink("Actions", "objectives:action_list"),
    NavLink("Dashboard", "dashboard", ("objectives.view_progressround",)),
    NavLink("My actions", "objectives:my_actions", ("objectives.submit_progressupdate",)),
    NavLink("Case reviews", "reviews:review_list", ("reviews.view_review",)),
    NavLink("CDOP", "reviews:cdop_list", ("reviews.view_review",)),
    NavLink("Assurance", "assurance:index", ("assurance.view_assurancerecommendation",)),
    NavLink("Training", "training:course_list", ("training.view_course",)),
    NavLink("Budget", "budget:index", ("budget.view_partnercontribution",)),
    NavLink("Published reports", "objectives:published_list", ("objectives.view_progressround",)),
    NavLink("Yearly report", "yearly:report_list", ("mscb.view_yearlyreport",)),
    NavLink("People", "objectives:person_list", ("auth.view_user",)),
    NavLink("Agencies", "objectives:agency_list", ("objectives.change_agency",)),
    NavLink("Deleted items", "objectives:deleted_list", ("objectives.delete_action",)),
    NavLink("Rating scales", "objectives:scale_list", (_MANAGER_LISTS,)),
    NavLink("E-mail log", "objectives:email_log", (_MANAGER_LISTS,)),
    NavLink("Retention", "retention:index", (_MANAGER_LISTS, "mscb.change_retentionpolicy")),
    NavLink("Security log", "audit:security_log", (_MANAGER_LISTS, "audit.view_securityevent")),
)


@dataclass(frozen=True)
class ShownLink:
    label: str
    url: str
    is_current: bool


def links_for(user, path: str) -> list[ShownLink]:
    """The links this user may follow, in the bar's order; the one for `path` marked as the current page."""
    links = []
    for link in MAIN_NAV:
        # has_perms reads the permissions cached on the user for this request, as the template's `perms` did.
        if user.has_perms(link.permissions):
            url = _url(link.url_name)
            links.append(ShownLink(link.label, url, url == path))
    return links


# Reversing is most of the bar's cost, and its answer changes only with the URLconf or the script prefix.
_urls: dict[tuple[str, str, str], str] = {}


def _url(url_name: str) -> str:
    key = (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), url_name)
    if key not in _urls:
        _urls[key] = reverse(url_name)
    return _urls[key]
