"""The authorization matrix: every URL pattern of the project, for every role, has its expected status.

The routes come from the URL resolver, so a new page without a row here fails the test: whoever adds a
URL must say who may open it. Statuses are for a GET; pages that only accept a POST answer 405 to the
people allowed to use them, and 403 or 404 to everyone else first.
"""

import re
from datetime import date
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver

from assurance.models import Section11Return, Standard
from core.models import StagedUpload
from mscb.models.yearly import FamilyFeedback
from tests.assurance.section11_world import open_test_cycle
from tests.budget.factories import PartnerContributionFactory, SpendLineFactory
from tests.factories import AssuranceRecommendationFactory, IndicatorFactory, IndicatorValueFactory, RatingLevelFactory
from tests.mscb.authorization_world import admin_object_for, build_world

pytestmark = pytest.mark.django_db

# The people of the issues: nobody signed in; the chair or a councillor; a contributor of the agency
# that leads the action (and whose staff attended the training); a contributor of another agency; the
# board manager; the training administrator.
ROLES = ("anonymous", "reader", "contributor", "other_agency", "manager", "trainer")


# Which object each route points at. Actions, updates and drafts are the lead agency's, so the
# "other agency" contributor is the outsider for them.
def _indicator_value(world):
    """A value of an indicator the lead agency owns, made once per world."""
    if not hasattr(world, "indicator_value"):
        indicator = IndicatorFactory(plan=world.plan, owner=world.lead_agency, objectives=[world.objective])
        world.indicator_value = IndicatorValueFactory(indicator=indicator)
    return world.indicator_value


def _indicator_upload(world):
    """The board manager's staged indicator file, made once per world."""
    if not hasattr(world, "indicator_upload"):
        world.indicator_upload = StagedUpload.objects.create(
            kind="indicators",
            token="matrix-indicators",
            uploaded_by=world.plan_import.uploaded_by,
            file_name="indicators.csv",
            content=b"plan,indicator,unit,period_end,value\n",
        )
    return world.indicator_upload


def _section11_return(world):
    """The lead agency's draft return in an unpublished Section 11 cycle, made once per world."""
    if not hasattr(world, "section11_return"):
        cycle = open_test_cycle(agencies=[world.lead_agency], plan=world.plan, code="S11")
        world.section11_return = cycle.returns.get()
    return world.section11_return


def _case_audit(world):
    """A case audit the lead agency takes part in, with a recommendation, made once per world."""
    if not hasattr(world, "case_audit"):
        from assurance.services.audits import add_audit_recommendation
        from tests.factories import CaseAuditFactory

        world.case_audit = CaseAuditFactory(plan=world.plan, agencies=[world.lead_agency])
        world.audit_recommendation = add_audit_recommendation(audit=world.case_audit, text="Share.", agencies=[])
    return world.case_audit


def _assurance_recommendation(world):
    """A recommendation of an inspection in the register, made once per world."""
    if not hasattr(world, "assurance_recommendation"):
        world.assurance_recommendation = AssuranceRecommendationFactory(source__plan=world.plan)
    return world.assurance_recommendation


def _register_upload(world):
    """The board manager's staged recommendations file, made once per world."""
    if not hasattr(world, "register_upload"):
        world.register_upload = StagedUpload.objects.create(
            kind="recommendations",
            token="matrix-recommendations",
            uploaded_by=world.plan_import.uploaded_by,
            file_name="recommendations.csv",
            content=b"source,number,recommendation\n",
        )
    return world.register_upload


def _contribution(world):
    """The lead agency's contribution to the world's plan year, made once per world."""
    if not hasattr(world, "contribution"):
        world.contribution = PartnerContributionFactory(plan=world.plan, agency=world.lead_agency)
    return world.contribution


def _spend_line(world):
    """A heading of the world's plan year's spend, made once per world."""
    if not hasattr(world, "spend_line"):
        world.spend_line = SpendLineFactory(plan=world.plan)
    return world.spend_line


def _family_feedback(world):
    """An item of feedback from children and families for the world's plan, made once per world."""
    if not hasattr(world, "family_feedback"):
        world.family_feedback = FamilyFeedback.objects.create(
            plan=world.plan, received_on=date(2025, 10, 1), source="Youth council", summary="Posters were unclear."
        )
    return world.family_feedback


def _yearly_publication(world):
    """The plan's yearly report, its figures generated, and one publication of it (small stand-in files)."""
    if not hasattr(world, "yearly_publication"):
        from mscb.models import PublishedYearlyReport
        from mscb.yearly.services import generate_yearly_report

        report = generate_yearly_report(plan=world.plan, by=world.plan_import.uploaded_by)
        world.yearly_publication = PublishedYearlyReport.objects.create(
            report=report, title=report.title, html="<p>Published.</p>", pdf=b"%PDF-", docx=b"PK"
        )
    return world.yearly_publication


def _public_report(world):
    """The world's published committee report, made public (once) for the public pages' rows."""
    if not world.published.is_public:
        world.published.make_public(by=None)
        world.published.save()
    return world.published


def _public_yearly_report(world):
    """A public publication of the world plan's yearly report, made once per world."""
    if not hasattr(world, "public_yearly_report"):
        from mscb.models import PublishedYearlyReport, YearlyReport

        yearly, _ = YearlyReport.objects.get_or_create(plan=world.plan, defaults={"title": "Annual report 2025/26"})
        world.public_yearly_report = PublishedYearlyReport(report=yearly, title=yearly.title, pdf=b"%PDF-")
        world.public_yearly_report.make_public(by=None)
        world.public_yearly_report.save()
    return world.public_yearly_report


ROUTE_KWARGS = {
    "": lambda w: {},
    "accounts/login/": lambda w: {},
    "accounts/two-factor/": lambda w: {},
    "accounts/two-factor/set-up/": lambda w: {},
    "accounts/two-factor/set-up/password/": lambda w: {},
    "accounts/password_reset/": lambda w: {},
    "accounts/logout/": lambda w: {},
    "accounts/password_change/": lambda w: {},
    "accounts/password_change/done/": lambda w: {},
    "accounts/password_reset/done/": lambda w: {},
    "accounts/reset/<uidb64>/<token>/": lambda w: {"uidb64": "MQ", "token": "set-password"},
    "accounts/reset/done/": lambda w: {},
    "accounts/sso/start/": lambda w: {},
    "accounts/sso/callback/": lambda w: {},
    "session/keep-alive/": lambda w: {},
    "plans/": lambda w: {},
    "plans/new/": lambda w: {},
    "plans/<int:pk>/": lambda w: {"pk": w.plan.pk},
    "plans/<int:pk>/edit/": lambda w: {"pk": w.plan.pk},
    "plans/<int:pk>/next-year/": lambda w: {"pk": w.plan.pk},
    "plans/<int:pk>/delete/": lambda w: {"pk": w.plan.pk},
    "rounds/<int:pk>/delete/": lambda w: {"pk": w.progress_round.pk},
    "plans/<int:plan_pk>/aims/new/": lambda w: {"plan_pk": w.plan.pk},
    "aims/<int:pk>/edit/": lambda w: {"pk": w.aim.pk},
    "aims/<int:aim_pk>/objectives/new/": lambda w: {"aim_pk": w.aim.pk},
    "objectives/<int:pk>/edit/": lambda w: {"pk": w.objective.pk},
    "plans/<int:plan_pk>/rounds/new/": lambda w: {"plan_pk": w.plan.pk},
    "rounds/<int:pk>/edit/": lambda w: {"pk": w.progress_round.pk},
    "actions/": lambda w: {},
    "objectives/<int:objective_pk>/actions/new/": lambda w: {"objective_pk": w.objective.pk},
    "aims/<int:aim_pk>/actions/new/": lambda w: {"aim_pk": w.priority.pk},
    "plans/<int:plan_pk>/actions/new/": lambda w: {"plan_pk": w.list_plan.pk},
    "actions/<int:pk>/": lambda w: {"pk": w.action.pk},
    "actions/<int:pk>/edit/": lambda w: {"pk": w.action.pk},
    "actions/<int:pk>/progress/<int:round_pk>/": lambda w: {"pk": w.action.pk, "round_pk": w.progress_round.pk},
    "progress/<int:pk>/review/": lambda w: {"pk": w.lead_update.pk},
    "my-actions/": lambda w: {},
    "rounds/<int:pk>/": lambda w: {"pk": w.progress_round.pk},
    "rounds/<int:pk>/close/": lambda w: {"pk": w.progress_round.pk},
    "rounds/<int:pk>/reopen/": lambda w: {"pk": w.progress_round.pk},
    "rounds/<int:pk>/remind/<int:agency_pk>/": lambda w: {"pk": w.progress_round.pk, "agency_pk": w.lead_agency.pk},
    "rounds/<int:pk>/remind-late/": lambda w: {"pk": w.progress_round.pk},
    "email-settings/": lambda w: {},
    "email-log/": lambda w: {},
    "rounds/<int:pk>/covering-report/": lambda w: {"pk": w.progress_round.pk},
    "covering-report-headings/": lambda w: {},
    "people/": lambda w: {},
    "people/new/": lambda w: {},
    "people/<int:pk>/edit/": lambda w: {"pk": w.person.pk},
    "people/<int:pk>/deactivate/": lambda w: {"pk": w.person.pk},
    "people/<int:pk>/reactivate/": lambda w: {"pk": w.person.pk},
    "agencies/": lambda w: {},
    "agencies/new/": lambda w: {},
    "agencies/<int:pk>/edit/": lambda w: {"pk": w.lead_agency.pk},
    "agencies/<int:pk>/merge/": lambda w: {"pk": w.lead_agency.pk},
    "deleted/": lambda w: {},
    "ratings.css": lambda w: {},
    "dashboard/": lambda w: {},
    "scales/": lambda w: {},
    "scales/new/": lambda w: {},
    # A board's own scale that no plan uses, so the manager's delete goes through.
    "scales/<int:pk>/edit/": lambda w: {"pk": RatingLevelFactory().scale_id},
    "scales/<int:pk>/delete/": lambda w: {"pk": RatingLevelFactory().scale_id},
    "plans/<int:pk>/rating-scale/": lambda w: {"pk": w.plan.pk},
    "aims/<int:pk>/delete/": lambda w: {"pk": w.aim.pk},
    "objectives/<int:pk>/delete/": lambda w: {"pk": w.objective.pk},
    "actions/<int:pk>/delete/": lambda w: {"pk": w.action.pk},
    "aims/<int:pk>/restore/": lambda w: {"pk": w.hidden_aim.pk},
    "objectives/<int:pk>/restore/": lambda w: {"pk": w.hidden_objective.pk},
    "actions/<int:pk>/restore/": lambda w: {"pk": w.hidden_action.pk},
    "plans/<int:plan_pk>/rounds/<int:pk>/report/": lambda w: {"plan_pk": w.plan.pk, "pk": w.progress_round.pk},
    "plans/<int:plan_pk>/rounds/<int:pk>/at-a-glance/": lambda w: {"plan_pk": w.plan.pk, "pk": w.progress_round.pk},
    "plans/<int:plan_pk>/rounds/<int:pk>/report.pdf": lambda w: {"plan_pk": w.plan.pk, "pk": w.progress_round.pk},
    "plans/<int:plan_pk>/rounds/<int:pk>/report.docx": lambda w: {"plan_pk": w.plan.pk, "pk": w.progress_round.pk},
    "plans/<int:plan_pk>/rounds/<int:pk>/publish/": lambda w: {"plan_pk": w.plan.pk, "pk": w.progress_round.pk},
    "published/": lambda w: {},
    "published/<int:pk>/": lambda w: {"pk": w.published.pk},
    "published/<int:pk>/file.<str:file_format>": lambda w: {"pk": w.published.pk, "file_format": "pdf"},
    "published/<int:pk>/prepare-again/": lambda w: {"pk": w.published.pk},
    "plans/<int:pk>/export.<str:file_format>": lambda w: {"pk": w.plan.pk, "file_format": "xlsx"},
    "imports/new/": lambda w: {},
    "imports/<str:token>/confirm/": lambda w: {"token": w.plan_import.token},
    # Performance indicators: one owned by the lead agency, so the other agency's contributor is the outsider.
    "plans/<int:plan_pk>/indicators/": lambda w: {"plan_pk": w.plan.pk},
    "plans/<int:plan_pk>/indicators/new/": lambda w: {"plan_pk": w.plan.pk},
    "indicators/<int:pk>/": lambda w: {"pk": _indicator_value(w).indicator_id},
    "indicators/<int:pk>/edit/": lambda w: {"pk": _indicator_value(w).indicator_id},
    "indicators/<int:pk>/values/new/": lambda w: {"pk": _indicator_value(w).indicator_id},
    "indicator-values/<int:pk>/edit/": lambda w: {"pk": _indicator_value(w).pk},
    "indicators/import/": lambda w: {},
    "indicators/import/<str:token>/confirm/": lambda w: {"token": _indicator_upload(w).token},
    "training/": lambda w: {},
    "training/courses/new/": lambda w: {},
    "training/courses/<int:pk>/": lambda w: {"pk": w.course.pk},
    "training/courses/<int:pk>/edit/": lambda w: {"pk": w.course.pk},
    "training/courses/<int:pk>/results/": lambda w: {"pk": w.course.pk},
    "training/courses/<int:course_pk>/sessions/new/": lambda w: {"course_pk": w.course.pk},
    "training/sessions/<int:pk>/": lambda w: {"pk": w.training_session.pk},
    "training/sessions/<int:pk>/edit/": lambda w: {"pk": w.training_session.pk},
    "training/sessions/<int:pk>/attendance/": lambda w: {"pk": w.training_session.pk},
    "training/sessions/<int:pk>/register/": lambda w: {"pk": w.training_session.pk},
    "training/sessions/<int:pk>/results/": lambda w: {"pk": w.training_session.pk},
    "training/sessions/<int:pk>/send-evaluations/": lambda w: {"pk": w.training_session.pk},
    "training/sessions/<int:pk>/book/": lambda w: {"pk": w.training_session.pk},
    "training/registrations/<int:pk>/edit/": lambda w: {"pk": w.registration.pk},
    "training/registrations/<int:pk>/cancel/": lambda w: {"pk": w.registration.pk},
    "training/charges/": lambda w: {},
    "training/uptake/": lambda w: {},
    "training/evaluate/<str:token>/": lambda w: {"token": w.evaluation_token},
    "training/recorded/": lambda w: {},
    "training/recorded/new/": lambda w: {},
    "training/recorded/<int:pk>/edit/": lambda w: {"pk": w.training_figure.pk},
    "training/recorded/<int:pk>/delete/": lambda w: {"pk": w.training_figure.pk},
    "training/paper/": lambda w: {},
    "training/paper/<int:pk>/": lambda w: {"pk": w.progress_round.pk},
    "reviews/": lambda w: {},
    "reviews/new/": lambda w: {},
    "reviews/<int:pk>/": lambda w: {"pk": w.review.pk},
    "reviews/<int:pk>/edit/": lambda w: {"pk": w.review.pk},
    "reviews/<int:review_pk>/recommendations/new/": lambda w: {"review_pk": w.review.pk},
    "reviews/recommendations/<int:pk>/edit/": lambda w: {"pk": w.recommendation.pk},
    "reviews/recommendations/<int:pk>/actions/new/": lambda w: {"pk": w.recommendation.pk},
    "reviews/<int:pk>/import/": lambda w: {"pk": w.review.pk},
    "reviews/<int:pk>/import/<str:token>/": lambda w: {"pk": w.review.pk, "token": w.review_import.token},
    "assurance/": lambda w: {},
    "assurance/section-11/new/": lambda w: {},
    "assurance/section-11/<int:pk>/": lambda w: {"pk": _section11_return(w).cycle_id},
    "assurance/section-11/<int:pk>/edit/": lambda w: {"pk": _section11_return(w).cycle_id},
    "assurance/section-11/<int:pk>/publish/": lambda w: {"pk": _section11_return(w).cycle_id},
    "assurance/section-11/returns/<int:pk>/": lambda w: {"pk": _section11_return(w).pk},
    "assurance/section-11/returns/<int:pk>/edit/": lambda w: {"pk": _section11_return(w).pk},
    "assurance/section-11/returns/<int:pk>/submit/": lambda w: {"pk": _section11_return(w).pk},
    "assurance/section-11/returns/<int:pk>/send-back/": lambda w: {"pk": _section11_return(w).pk},
    "assurance/section-11/returns/<int:pk>/moderate/": lambda w: {"pk": _section11_return(w).pk},
    "assurance/section-11/assessments/<int:pk>/actions/new/": lambda w: {
        "pk": _section11_return(w).assessments.first().pk
    },
    "reviews/cdop/": lambda w: {},
    "reviews/cdop/new/": lambda w: {},
    "reviews/cdop/<int:pk>/": lambda w: {"pk": w.cdop_year.pk},
    "reviews/cdop/<int:pk>/edit/": lambda w: {"pk": w.cdop_year.pk},
    "reviews/cdop/<int:pk>/actions/new/": lambda w: {"pk": w.cdop_year.pk},
    "assurance/audits/new/": lambda w: {},
    "assurance/audits/<int:pk>/": lambda w: {"pk": _case_audit(w).pk},
    "assurance/audits/<int:pk>/edit/": lambda w: {"pk": _case_audit(w).pk},
    "assurance/audits/<int:pk>/questions/new/": lambda w: {"pk": _case_audit(w).pk},
    "assurance/audits/<int:pk>/cases/new/": lambda w: {"pk": _case_audit(w).pk},
    # The lead agency's grading: the other agency's contributor is the outsider.
    "assurance/audits/<int:pk>/grading/<int:agency_pk>/": lambda w: {
        "pk": _case_audit(w).pk,
        "agency_pk": w.lead_agency.pk,
    },
    "assurance/audits/<int:pk>/complete/": lambda w: {"pk": _case_audit(w).pk},
    "assurance/audits/<int:pk>/recommendations/new/": lambda w: {"pk": _case_audit(w).pk},
    "assurance/audits/recommendations/<int:pk>/actions/new/": lambda w: {
        "pk": (_case_audit(w), w.audit_recommendation)[1].pk
    },
    "assurance/register/": lambda w: {},
    "assurance/register/export/<str:file_format>/": lambda w: {"file_format": "csv"},
    "assurance/register/import/": lambda w: {},
    "assurance/register/import/<str:token>/": lambda w: {"token": _register_upload(w).token},
    "assurance/sources/new/": lambda w: {},
    "assurance/sources/<int:pk>/": lambda w: {"pk": _assurance_recommendation(w).source_id},
    "assurance/sources/<int:pk>/edit/": lambda w: {"pk": _assurance_recommendation(w).source_id},
    "assurance/sources/<int:source_pk>/recommendations/new/": lambda w: {
        "source_pk": _assurance_recommendation(w).source_id
    },
    "assurance/recommendations/<int:pk>/edit/": lambda w: {"pk": _assurance_recommendation(w).pk},
    "assurance/recommendations/<int:pk>/actions/new/": lambda w: {"pk": _assurance_recommendation(w).pk},
    "budget/": lambda w: {},
    "budget/plans/<int:plan_pk>/": lambda w: {"plan_pk": w.plan.pk},
    "budget/plans/<int:plan_pk>/contributions/new/": lambda w: {"plan_pk": w.plan.pk},
    "budget/contributions/<int:pk>/edit/": lambda w: {"pk": _contribution(w).pk},
    "budget/contributions/<int:pk>/delete/": lambda w: {"pk": _contribution(w).pk},
    "budget/plans/<int:plan_pk>/spend/new/": lambda w: {"plan_pk": w.plan.pk},
    "budget/spend/<int:pk>/edit/": lambda w: {"pk": _spend_line(w).pk},
    "budget/spend/<int:pk>/delete/": lambda w: {"pk": _spend_line(w).pk},
    "retention/": lambda w: {},
    "retention/people/": lambda w: {},
    "retention/people/download/": lambda w: {},
    "retention/people/erase/": lambda w: {},
    "security-log/": lambda w: {},
    "yearly-report/feedback/": lambda w: {},
    "yearly-report/feedback/plans/<int:plan_pk>/new/": lambda w: {"plan_pk": w.plan.pk},
    "yearly-report/feedback/<int:pk>/edit/": lambda w: {"pk": _family_feedback(w).pk},
    "yearly-report/feedback/<int:pk>/delete/": lambda w: {"pk": _family_feedback(w).pk},
    "yearly-report/": lambda w: {},
    "yearly-report/<int:plan_pk>/": lambda w: {"plan_pk": _yearly_publication(w).report.plan_id},
    "yearly-report/<int:plan_pk>/generate/": lambda w: {"plan_pk": _yearly_publication(w).report.plan_id},
    "yearly-report/<int:plan_pk>/file.<str:file_format>": lambda w: {
        "plan_pk": _yearly_publication(w).report.plan_id,
        "file_format": "html",
    },
    "yearly-report/<int:plan_pk>/sections/<slug:section>/": lambda w: {
        "plan_pk": _yearly_publication(w).report.plan_id,
        "section": "partners",
    },
    "yearly-report/<int:plan_pk>/publish/": lambda w: {"plan_pk": _yearly_publication(w).report.plan_id},
    "yearly-report/published/<int:pk>/": lambda w: {"pk": _yearly_publication(w).pk},
    "yearly-report/published/<int:pk>/prepare-again/": lambda w: {"pk": _yearly_publication(w).pk},
    "yearly-report/published/<int:pk>/file.<str:file_format>": lambda w: {
        "pk": _yearly_publication(w).pk,
        "file_format": "docx",
    },
    # The public pages (mscb/public): open to anyone; their manager's pages.
    "public/": lambda w: {},
    "public/reports/<int:pk>/": lambda w: {"pk": _public_report(w).pk},
    "public/reports/<int:pk>/file.<str:file_format>": lambda w: {"pk": _public_report(w).pk, "file_format": "pdf"},
    "public/yearly-reports/<int:pk>/": lambda w: {"pk": _public_yearly_report(w).pk},
    "public/yearly-reports/<int:pk>/file.<str:file_format>": lambda w: {
        "pk": _public_yearly_report(w).pk,
        "file_format": "pdf",
    },
    "public/manage/": lambda w: {},
    "public/manage/words/": lambda w: {},
    "public/manage/<str:kind>/<int:pk>/make-public/": lambda w: {"kind": "reports", "pk": w.published.pk},
    "public/manage/<str:kind>/<int:pk>/withdraw/": lambda w: {"kind": "reports", "pk": w.published.pk},
    "public/manage/reports/<int:pk>/progress-text/": lambda w: {"pk": w.published.pk},
    # The health check (mscb/health): open to anyone, for the load balancer.
    "health/": lambda w: {},
}


def project_routes():
    """Every URL pattern, as its route with the prefixes of the resolvers above it."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern)

    return list(walk(get_resolver().url_patterns))


_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


def admin_path(route: str, world) -> str:
    """A real address for an admin route, pointing at an object of that route's model."""
    match = re.match(r"admin/(\w+)/(\w+)/", route)
    target = admin_object_for(match[1], match[2], world) if match else None
    path = route.replace("^([^/]+)/history/([^/]+)/$", "{pk}/history/{history}/")
    path = re.sub(r"\^\(\?P<app_label>[\w|]+\)/\$", "objectives/", path)
    path = path.replace("(?P<url>.*)$", "no-such-page/")
    path = path.replace("<path:content_type_id>/<path:object_id>", "{content_type}/{pk}")
    path = _PARAMETER.sub("{pk}", path)
    if target is None:
        # Models with no rows here (axes' logs, say): an address for a row that does not exist.
        return "/" + path.format(pk=0, history=0, content_type=0)
    history = target.history.first().pk if hasattr(target, "history") else 0
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(target).pk
    return "/" + path.format(pk=target.pk, history=history, content_type=content_type)


def path_for(route: str, world) -> str:
    if route.startswith("admin/"):
        return admin_path(route, world)
    kwargs = ROUTE_KWARGS[route](world)
    return "/" + _PARAMETER.sub(lambda match: str(kwargs[match[1]]), route)


@pytest.fixture
def clients(board_manager, reader, contributor, other_contributor, training_admin):
    signed_in = {
        "reader": reader,
        "contributor": contributor,
        "other_agency": other_contributor,
        "manager": board_manager,
        "trainer": training_admin,
    }
    result = {"anonymous": Client()}
    for role, user in signed_in.items():
        result[role] = Client()
        result[role].force_login(user)
    return result


# The admin's index of each app: its pattern names every app with a model in the admin.
ADMIN_APP_INDEX = "admin/^(?P<app_label>axes|otp_totp|objectives|training|reviews|assurance|budget|auth)/$"

# Statuses for a GET, in ROLES order. 302 for anonymous is the way to the sign-in page (the admin's own for
# admin/); 403 is a signed-in person without the permission; 404 an object outside their scope; 405 a page
# that only takes a POST (see POST_EXPECTED for who may send it).
GET_EXPECTED = {
    "": (302, 200, 200, 200, 200, 200),
    "accounts/password_reset/": (200, 200, 200, 200, 200, 200),
    "accounts/login/": (200, 200, 200, 200, 200, 200),
    "accounts/two-factor/": (302, 302, 302, 302, 302, 302),
    # Setting up asks for the password again first (mscb.fresh_password), so it sends everyone there.
    "accounts/two-factor/set-up/": (302, 302, 302, 302, 302, 302),
    "accounts/two-factor/set-up/password/": (302, 200, 200, 200, 200, 200),
    "accounts/logout/": (302, 405, 405, 405, 405, 405),
    "accounts/password_change/": (302, 200, 200, 200, 200, 200),
    "accounts/password_change/done/": (302, 200, 200, 200, 200, 200),
    "accounts/password_reset/done/": (200, 200, 200, 200, 200, 200),
    "accounts/reset/<uidb64>/<token>/": (200, 200, 200, 200, 200, 200),
    "accounts/reset/done/": (200, 200, 200, 200, 200, 200),
    # Single sign-on is off in the tests' settings, so its pages are missing (mscb/sso; tests/mscb/sso).
    "accounts/sso/start/": (404, 404, 404, 404, 404, 404),
    "accounts/sso/callback/": (404, 404, 404, 404, 404, 404),
    # The idle-session warning's "Stay signed in": a POST from anyone signed in.
    "session/keep-alive/": (302, 405, 405, 405, 405, 405),
    "admin/": (302, 302, 302, 302, 200, 302),
    "admin/login/": (200, 200, 200, 200, 302, 200),
    "admin/logout/": (302, 302, 302, 302, 405, 302),
    "admin/password_change/": (302, 302, 302, 302, 200, 302),
    "admin/password_change/done/": (302, 302, 302, 302, 200, 302),
    "admin/autocomplete/": (302, 302, 302, 302, 403, 302),
    "admin/jsi18n/": (302, 302, 302, 302, 200, 302),
    "admin/r/<path:content_type_id>/<path:object_id>/": (302, 302, 302, 302, 404, 302),
    "admin/auth/group/": (302, 302, 302, 302, 403, 302),
    "admin/auth/group/add/": (302, 302, 302, 302, 403, 302),
    "admin/auth/group/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/auth/group/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/auth/group/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/auth/group/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/auth/user/<id>/password/": (302, 302, 302, 302, 403, 302),
    "admin/auth/user/": (302, 302, 302, 302, 403, 302),
    "admin/auth/user/add/": (302, 302, 302, 302, 403, 302),
    "admin/auth/user/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/auth/user/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/auth/user/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/auth/user/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/axes/accessattempt/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessattempt/add/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessattempt/<path:object_id>/history/": (302, 302, 302, 302, 302, 302),
    "admin/axes/accessattempt/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessattempt/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessattempt/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/axes/accesslog/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accesslog/add/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accesslog/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accesslog/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accesslog/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accesslog/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/axes/accessfailurelog/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessfailurelog/add/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessfailurelog/<path:object_id>/history/": (302, 302, 302, 302, 302, 302),
    "admin/axes/accessfailurelog/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessfailurelog/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/axes/accessfailurelog/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/otp_totp/totpdevice/<int:pk>/config/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/<int:pk>/qrcode/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/add/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/otp_totp/totpdevice/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/agency/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/agency/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/agency/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/agency/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/agency/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/agency/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/agency/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/businessplan/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/businessplan/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/businessplan/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/businessplan/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/businessplan/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/businessplan/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/businessplan/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/aim/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/aim/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/aim/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/aim/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/aim/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/aim/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/aim/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/objective/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/objective/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/objective/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/objective/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/objective/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/objective/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/objective/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/action/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/action/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/action/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/action/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/action/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/action/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/action/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/progressround/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressround/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressround/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressround/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressround/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressround/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressround/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/progressupdate/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressupdate/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressupdate/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressupdate/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressupdate/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressupdate/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/progressupdate/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/reminderlog/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/reminderlog/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/reminderlog/<path:object_id>/history/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/reminderlog/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/reminderlog/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/reminderlog/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/objectives/publishedreport/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/publishedreport/add/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/publishedreport/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/publishedreport/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/publishedreport/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/objectives/publishedreport/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/training/course/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/training/course/": (302, 302, 302, 302, 403, 302),
    "admin/training/course/add/": (302, 302, 302, 302, 403, 302),
    "admin/training/course/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/training/course/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/training/course/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/training/course/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/training/trainingsession/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/training/trainingsession/": (302, 302, 302, 302, 403, 302),
    "admin/training/trainingsession/add/": (302, 302, 302, 302, 403, 302),
    "admin/training/trainingsession/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/training/trainingsession/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/training/trainingsession/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/training/trainingsession/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/training/registration/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/training/registration/": (302, 302, 302, 302, 403, 302),
    "admin/training/registration/add/": (302, 302, 302, 302, 403, 302),
    "admin/training/registration/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/training/registration/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/training/registration/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/training/registration/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/training/agencyworkforce/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 200, 302),
    "admin/training/agencyworkforce/": (302, 302, 302, 302, 200, 302),
    "admin/training/agencyworkforce/add/": (302, 302, 302, 302, 200, 302),
    "admin/training/agencyworkforce/<path:object_id>/history/": (302, 302, 302, 302, 200, 302),
    "admin/training/agencyworkforce/<path:object_id>/delete/": (302, 302, 302, 302, 200, 302),
    "admin/training/agencyworkforce/<path:object_id>/change/": (302, 302, 302, 302, 200, 302),
    "admin/training/agencyworkforce/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/training/evaluation/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluation/add/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluation/<path:object_id>/history/": (302, 302, 302, 302, 302, 302),
    "admin/training/evaluation/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluation/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluation/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/training/evaluationlink/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluationlink/add/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluationlink/<path:object_id>/history/": (302, 302, 302, 302, 302, 302),
    "admin/training/evaluationlink/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluationlink/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/training/evaluationlink/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    # auth comes last: mscb/admin.py registers the user and group admins again, on the shared bases.
    # The index of an app none of whose admin lists a manager may use (mscb.admin.STAFF_ADMIN_MODELS).
    ADMIN_APP_INDEX: (302, 302, 302, 302, 404, 302),
    "admin/reviews/bankholiday/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 200, 302),
    "admin/reviews/bankholiday/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/bankholiday/add/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/bankholiday/<path:object_id>/history/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/bankholiday/<path:object_id>/delete/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/bankholiday/<path:object_id>/change/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/bankholiday/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/reviews/subgroup/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 200, 302),
    "admin/reviews/subgroup/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/subgroup/add/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/subgroup/<path:object_id>/history/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/subgroup/<path:object_id>/delete/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/subgroup/<path:object_id>/change/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/subgroup/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/reviews/cdopcategory/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 200, 302),
    "admin/reviews/cdopcategory/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/cdopcategory/add/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/cdopcategory/<path:object_id>/history/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/cdopcategory/<path:object_id>/delete/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/cdopcategory/<path:object_id>/change/": (302, 302, 302, 302, 200, 302),
    "admin/reviews/cdopcategory/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    # The assurance admin: the board manager keeps the standards and corrects records; nobody else is staff.
    "admin/assurance/standard/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/assurance/standard/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/standard/add/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/standard/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/standard/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/standard/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/standard/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/assurance/section11cycle/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11cycle/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11cycle/add/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11cycle/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11cycle/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11cycle/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11cycle/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/assurance/section11return/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11return/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11return/add/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11return/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11return/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11return/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/section11return/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/assurance/caseaudit/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/assurance/caseaudit/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/caseaudit/add/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/caseaudit/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/caseaudit/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/caseaudit/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/caseaudit/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/assurance/recommendationsource/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/assurance/recommendationsource/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/recommendationsource/add/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/recommendationsource/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/recommendationsource/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/recommendationsource/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/recommendationsource/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/assurance/assurancerecommendation/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/assurance/assurancerecommendation/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/assurancerecommendation/add/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/assurancerecommendation/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/assurancerecommendation/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/assurancerecommendation/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/assurance/assurancerecommendation/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/reviews/review/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/reviews/review/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/review/add/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/review/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/review/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/review/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/review/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/reviews/recommendation/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/reviews/recommendation/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/recommendation/add/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/recommendation/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/recommendation/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/recommendation/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/recommendation/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/reviews/cdopyear/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/reviews/cdopyear/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/cdopyear/add/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/cdopyear/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/cdopyear/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/cdopyear/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/reviews/cdopyear/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "reviews/": (302, 200, 200, 200, 200, 200),
    "reviews/new/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "reviews/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:review_pk>/recommendations/new/": (302, 403, 403, 403, 200, 403),
    "reviews/recommendations/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "reviews/recommendations/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:pk>/import/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:pk>/import/<str:token>/": (302, 403, 403, 403, 200, 403),
    "assurance/": (302, 200, 200, 200, 200, 200),
    # Section 11: the board manager runs the cycle; everyone reads its page, whose grid shows each person only
    # the rows they may see; an agency's return is its own and the board manager's until the grid is published.
    "assurance/section-11/new/": (302, 403, 403, 403, 200, 403),
    "assurance/section-11/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "assurance/section-11/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/section-11/<int:pk>/publish/": (302, 403, 403, 403, 200, 403),
    "assurance/section-11/returns/<int:pk>/": (302, 404, 200, 404, 200, 404),
    "assurance/section-11/returns/<int:pk>/edit/": (302, 403, 200, 404, 200, 403),
    "assurance/section-11/returns/<int:pk>/submit/": (302, 405, 405, 405, 405, 405),
    "assurance/section-11/returns/<int:pk>/send-back/": (302, 405, 405, 405, 405, 405),
    "assurance/section-11/returns/<int:pk>/moderate/": (302, 403, 403, 403, 200, 403),
    "assurance/section-11/assessments/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "reviews/cdop/": (302, 200, 200, 200, 200, 200),
    "reviews/cdop/new/": (302, 403, 403, 403, 200, 403),
    "reviews/cdop/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "reviews/cdop/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "reviews/cdop/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "admin/(?P<url>.*)$": (302, 302, 302, 302, 404, 302),
    "training/": (302, 200, 200, 200, 200, 200),
    "training/courses/new/": (302, 403, 403, 403, 200, 200),
    "training/courses/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "training/courses/<int:pk>/edit/": (302, 403, 403, 403, 200, 200),
    "training/courses/<int:pk>/results/": (302, 200, 200, 200, 200, 200),
    "training/courses/<int:course_pk>/sessions/new/": (302, 403, 403, 403, 200, 200),
    "training/sessions/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "training/sessions/<int:pk>/edit/": (302, 403, 403, 403, 200, 200),
    "training/sessions/<int:pk>/attendance/": (302, 403, 403, 403, 200, 200),
    "training/sessions/<int:pk>/register/": (302, 403, 403, 403, 200, 200),
    "training/sessions/<int:pk>/results/": (302, 200, 200, 200, 200, 200),
    "training/sessions/<int:pk>/send-evaluations/": (302, 405, 405, 405, 405, 405),
    "training/sessions/<int:pk>/book/": (302, 403, 403, 403, 200, 200),
    "training/registrations/<int:pk>/edit/": (302, 403, 403, 403, 200, 200),
    "training/registrations/<int:pk>/cancel/": (302, 403, 403, 403, 200, 200),
    "training/charges/": (302, 200, 200, 200, 200, 200),
    "training/uptake/": (302, 200, 200, 200, 200, 200),
    "training/evaluate/<str:token>/": (200, 200, 200, 200, 200, 200),
    "training/recorded/": (302, 200, 200, 200, 200, 200),
    "training/recorded/new/": (302, 403, 403, 403, 200, 200),
    "training/recorded/<int:pk>/edit/": (302, 403, 403, 403, 200, 200),
    "training/recorded/<int:pk>/delete/": (302, 403, 403, 403, 200, 200),
    # The paper's training period is part of the round, so whoever may edit the round chooses it.
    "training/paper/": (302, 200, 200, 200, 200, 200),
    "training/paper/<int:pk>/": (302, 403, 403, 403, 200, 403),
    "plans/": (302, 200, 200, 200, 200, 200),
    "plans/new/": (302, 403, 403, 403, 200, 403),
    "plans/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "plans/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "plans/<int:pk>/next-year/": (302, 403, 403, 403, 200, 403),
    "plans/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "rounds/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "plans/<int:plan_pk>/aims/new/": (302, 403, 403, 403, 200, 403),
    "aims/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "aims/<int:aim_pk>/objectives/new/": (302, 403, 403, 403, 200, 403),
    "objectives/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "plans/<int:plan_pk>/rounds/new/": (302, 403, 403, 403, 200, 403),
    "rounds/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "actions/": (302, 200, 200, 200, 200, 200),
    # Every role that reads the plan, the training administrator too.
    "dashboard/": (302, 200, 200, 200, 200, 200),
    "objectives/<int:objective_pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "aims/<int:aim_pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "plans/<int:plan_pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "actions/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "actions/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "actions/<int:pk>/progress/<int:round_pk>/": (302, 403, 200, 404, 200, 403),
    "progress/<int:pk>/review/": (302, 403, 403, 403, 200, 403),
    "my-actions/": (302, 403, 200, 200, 200, 403),
    "rounds/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "rounds/<int:pk>/close/": (302, 403, 403, 403, 200, 403),
    "rounds/<int:pk>/reopen/": (302, 403, 403, 403, 405, 403),
    "rounds/<int:pk>/remind/<int:agency_pk>/": (302, 403, 403, 403, 405, 403),
    "rounds/<int:pk>/remind-late/": (302, 403, 403, 403, 405, 403),
    # Everyone's own e-mail settings; the log of every e-mail is the board manager's.
    "email-settings/": (302, 200, 200, 200, 200, 200),
    "email-log/": (302, 403, 403, 403, 200, 403),
    "rounds/<int:pk>/covering-report/": (302, 403, 403, 403, 200, 403),
    "covering-report-headings/": (302, 403, 403, 403, 200, 403),
    "people/": (302, 403, 403, 403, 200, 403),
    "people/new/": (302, 403, 403, 403, 200, 403),
    "people/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "people/<int:pk>/deactivate/": (302, 405, 405, 405, 405, 405),
    "people/<int:pk>/reactivate/": (302, 405, 405, 405, 405, 405),
    "agencies/": (302, 403, 403, 403, 200, 403),
    "agencies/new/": (302, 403, 403, 403, 200, 403),
    "agencies/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "agencies/<int:pk>/merge/": (302, 403, 403, 403, 200, 403),
    "deleted/": (302, 403, 403, 403, 200, 403),
    # Only colours, linked from every page including the sign-in page.
    "ratings.css": (200, 200, 200, 200, 200, 200),
    "scales/": (302, 403, 403, 403, 200, 403),
    "scales/new/": (302, 403, 403, 403, 200, 403),
    "scales/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "scales/<int:pk>/delete/": (302, 405, 405, 405, 405, 405),
    "plans/<int:pk>/rating-scale/": (302, 403, 403, 403, 200, 403),
    "aims/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "objectives/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "actions/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "aims/<int:pk>/restore/": (302, 405, 405, 405, 405, 405),
    "objectives/<int:pk>/restore/": (302, 405, 405, 405, 405, 405),
    "actions/<int:pk>/restore/": (302, 405, 405, 405, 405, 405),
    "plans/<int:plan_pk>/rounds/<int:pk>/report/": (302, 200, 200, 200, 200, 200),
    "plans/<int:plan_pk>/rounds/<int:pk>/at-a-glance/": (302, 200, 200, 200, 200, 200),
    "plans/<int:plan_pk>/rounds/<int:pk>/report.pdf": (302, 200, 200, 200, 200, 200),
    "plans/<int:plan_pk>/rounds/<int:pk>/report.docx": (302, 200, 200, 200, 200, 200),
    "plans/<int:plan_pk>/rounds/<int:pk>/publish/": (302, 403, 403, 403, 200, 403),
    "published/": (302, 200, 200, 200, 200, 200),
    "published/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "published/<int:pk>/file.<str:file_format>": (302, 200, 200, 200, 200, 200),
    "published/<int:pk>/prepare-again/": (302, 403, 403, 403, 405, 403),
    "plans/<int:pk>/export.<str:file_format>": (302, 200, 200, 200, 200, 200),
    "imports/new/": (302, 403, 403, 403, 200, 403),
    "imports/<str:token>/confirm/": (302, 403, 403, 403, 200, 403),
    "plans/<int:plan_pk>/indicators/": (302, 200, 200, 200, 200, 200),
    "plans/<int:plan_pk>/indicators/new/": (302, 403, 403, 403, 200, 403),
    "indicators/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "indicators/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "indicators/<int:pk>/values/new/": (302, 404, 200, 404, 200, 404),
    "indicator-values/<int:pk>/edit/": (302, 404, 200, 404, 200, 404),
    "indicators/import/": (302, 403, 403, 403, 200, 403),
    "indicators/import/<str:token>/confirm/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "assurance/audits/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/questions/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/cases/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/grading/<int:agency_pk>/": (302, 403, 200, 404, 200, 403),
    "assurance/audits/<int:pk>/complete/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/recommendations/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/recommendations/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "assurance/register/": (302, 200, 200, 200, 200, 200),
    "assurance/register/export/<str:file_format>/": (302, 200, 200, 200, 200, 200),
    "assurance/register/import/": (302, 403, 403, 403, 200, 403),
    "assurance/register/import/<str:token>/": (302, 403, 403, 403, 200, 403),
    "assurance/sources/new/": (302, 403, 403, 403, 200, 403),
    "assurance/sources/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "assurance/sources/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/sources/<int:source_pk>/recommendations/new/": (302, 403, 403, 403, 200, 403),
    "assurance/recommendations/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/recommendations/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "admin/budget/partnercontribution/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/budget/partnercontribution/": (302, 302, 302, 302, 403, 302),
    "admin/budget/partnercontribution/add/": (302, 302, 302, 302, 403, 302),
    "admin/budget/partnercontribution/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/budget/partnercontribution/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/budget/partnercontribution/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/budget/partnercontribution/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    "admin/budget/spendline/^([^/]+)/history/([^/]+)/$": (302, 302, 302, 302, 403, 302),
    "admin/budget/spendline/": (302, 302, 302, 302, 403, 302),
    "admin/budget/spendline/add/": (302, 302, 302, 302, 403, 302),
    "admin/budget/spendline/<path:object_id>/history/": (302, 302, 302, 302, 403, 302),
    "admin/budget/spendline/<path:object_id>/delete/": (302, 302, 302, 302, 403, 302),
    "admin/budget/spendline/<path:object_id>/change/": (302, 302, 302, 302, 403, 302),
    "admin/budget/spendline/<path:object_id>/": (302, 302, 302, 302, 302, 302),
    # The budget: everyone who reads the plan reads it; only the board manager records it.
    "budget/": (302, 200, 200, 200, 200, 200),
    "budget/plans/<int:plan_pk>/": (302, 200, 200, 200, 200, 200),
    "budget/plans/<int:plan_pk>/contributions/new/": (302, 403, 403, 403, 200, 403),
    "budget/contributions/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "budget/contributions/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "budget/plans/<int:plan_pk>/spend/new/": (302, 403, 403, 403, 200, 403),
    "budget/spend/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "budget/spend/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    # Retention and one person's records: the board manager's alone; a person is looked up, downloaded and erased
    # by POST, so their address stays out of the address bar.
    "retention/": (302, 403, 403, 403, 200, 403),
    "retention/people/": (302, 403, 403, 403, 200, 403),
    "retention/people/download/": (302, 403, 403, 403, 405, 403),
    "retention/people/erase/": (302, 403, 403, 403, 405, 403),
    # The security log: the board manager reads it; nobody writes it through a page.
    "security-log/": (302, 403, 403, 403, 200, 403),
    # Feedback from children and families: every signed-in role reads it; the board manager writes it.
    "yearly-report/feedback/": (302, 200, 200, 200, 200, 200),
    "yearly-report/feedback/plans/<int:plan_pk>/new/": (302, 403, 403, 403, 200, 403),
    "yearly-report/feedback/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "yearly-report/feedback/<int:pk>/delete/": (302, 403, 403, 403, 200, 403),
    "yearly-report/": (302, 200, 200, 200, 200, 200),
    "yearly-report/<int:plan_pk>/": (302, 200, 200, 200, 200, 200),
    "yearly-report/<int:plan_pk>/generate/": (302, 403, 403, 403, 405, 403),
    "yearly-report/<int:plan_pk>/file.<str:file_format>": (302, 200, 200, 200, 200, 200),
    "yearly-report/<int:plan_pk>/sections/<slug:section>/": (302, 403, 403, 403, 200, 403),
    "yearly-report/<int:plan_pk>/publish/": (302, 403, 403, 403, 200, 403),
    "yearly-report/published/<int:pk>/": (302, 200, 200, 200, 200, 200),
    "yearly-report/published/<int:pk>/file.<str:file_format>": (302, 200, 200, 200, 200, 200),
    "yearly-report/published/<int:pk>/prepare-again/": (302, 403, 403, 403, 405, 403),
    # The public pages: anyone, signed in or not; what they show is the board manager's to decide.
    "public/": (200, 200, 200, 200, 200, 200),
    "public/reports/<int:pk>/": (200, 200, 200, 200, 200, 200),
    "public/reports/<int:pk>/file.<str:file_format>": (200, 200, 200, 200, 200, 200),
    "public/yearly-reports/<int:pk>/": (200, 200, 200, 200, 200, 200),
    "public/yearly-reports/<int:pk>/file.<str:file_format>": (200, 200, 200, 200, 200, 200),
    "public/manage/": (302, 403, 403, 403, 200, 403),
    "public/manage/words/": (302, 403, 403, 403, 200, 403),
    "public/manage/<str:kind>/<int:pk>/make-public/": (302, 403, 403, 403, 200, 403),
    "public/manage/<str:kind>/<int:pk>/withdraw/": (302, 403, 403, 403, 200, 403),
    "public/manage/reports/<int:pk>/progress-text/": (302, 403, 403, 403, 405, 403),
    "health/": (200, 200, 200, 200, 200, 200),
}

# The POSTs that change something, in an order that leaves each one something to do (close then reopen).
POST_EXPECTED = {
    "session/keep-alive/": (302, 204, 204, 204, 204, 204),
    "rounds/<int:pk>/close/": (302, 403, 403, 403, 302, 403),
    "rounds/<int:pk>/reopen/": (302, 403, 403, 403, 302, 403),
    "rounds/<int:pk>/remind/<int:agency_pk>/": (302, 403, 403, 403, 302, 403),
    "rounds/<int:pk>/remind-late/": (302, 403, 403, 403, 302, 403),
    "people/<int:pk>/deactivate/": (302, 403, 403, 403, 302, 403),
    "people/<int:pk>/reactivate/": (302, 403, 403, 403, 302, 403),
    "aims/<int:pk>/restore/": (302, 403, 403, 403, 302, 403),
    "objectives/<int:pk>/restore/": (302, 403, 403, 403, 302, 403),
    "actions/<int:pk>/restore/": (302, 403, 403, 403, 302, 403),
    "plans/<int:plan_pk>/rounds/<int:pk>/publish/": (302, 403, 403, 403, 302, 403),
    "published/<int:pk>/prepare-again/": (302, 403, 403, 403, 302, 403),
    "actions/<int:pk>/progress/<int:round_pk>/": (302, 403, 200, 404, 200, 403),
    "progress/<int:pk>/review/": (302, 403, 403, 403, 200, 403),
    "aims/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    # Empty forms: the board manager sees the page again with what is missing; nothing changes.
    "agencies/new/": (302, 403, 403, 403, 200, 403),
    "agencies/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "agencies/<int:pk>/merge/": (302, 403, 403, 403, 200, 403),
    "scales/new/": (302, 403, 403, 403, 200, 403),
    "scales/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "scales/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    "plans/<int:pk>/rating-scale/": (302, 403, 403, 403, 200, 403),
    "rounds/<int:pk>/covering-report/": (302, 403, 403, 403, 200, 403),
    "covering-report-headings/": (302, 403, 403, 403, 200, 403),
    "training/registrations/<int:pk>/cancel/": (302, 403, 403, 403, 302, 302),
    "training/sessions/<int:pk>/send-evaluations/": (302, 403, 403, 403, 302, 302),
    "training/recorded/new/": (302, 403, 403, 403, 200, 200),
    "training/recorded/<int:pk>/edit/": (302, 403, 403, 403, 200, 200),
    # The board manager deletes the figure, so the training administrator after them finds it gone.
    "training/recorded/<int:pk>/delete/": (302, 403, 403, 403, 302, 404),
    "training/paper/<int:pk>/": (302, 403, 403, 403, 200, 403),
    "reviews/new/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:review_pk>/recommendations/new/": (302, 403, 403, 403, 200, 403),
    "reviews/recommendations/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "reviews/recommendations/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:pk>/import/": (302, 403, 403, 403, 200, 403),
    "reviews/<int:pk>/import/<str:token>/": (302, 403, 403, 403, 200, 403),
    "reviews/cdop/new/": (302, 403, 403, 403, 200, 403),
    "reviews/cdop/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "reviews/cdop/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    # The world's return is an unrated draft: submitting it is refused with a message, and so is sending it back;
    # publishing without confirming, and empty forms, show the page again.
    "assurance/section-11/returns/<int:pk>/submit/": (302, 403, 302, 404, 302, 403),
    "assurance/section-11/returns/<int:pk>/send-back/": (302, 403, 403, 403, 302, 403),
    "assurance/section-11/<int:pk>/publish/": (302, 403, 403, 403, 200, 403),
    "assurance/section-11/returns/<int:pk>/edit/": (302, 403, 200, 404, 200, 403),
    "assurance/section-11/returns/<int:pk>/moderate/": (302, 403, 403, 403, 200, 403),
    # An empty rollover form is shown again; the world's plan and round have progress, so deleting is refused.
    "plans/<int:pk>/next-year/": (302, 403, 403, 403, 200, 403),
    "plans/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    "rounds/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    # An empty form is shown again with its messages (200); an empty grading saves nothing and goes back (302).
    "assurance/audits/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/questions/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/cases/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/grading/<int:agency_pk>/": (302, 403, 302, 404, 302, 403),
    "assurance/audits/<int:pk>/complete/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/<int:pk>/recommendations/new/": (302, 403, 403, 403, 200, 403),
    "assurance/audits/recommendations/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    "assurance/register/import/": (302, 403, 403, 403, 200, 403),
    "assurance/register/import/<str:token>/": (302, 403, 403, 403, 200, 403),
    "assurance/sources/new/": (302, 403, 403, 403, 200, 403),
    "assurance/sources/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/sources/<int:source_pk>/recommendations/new/": (302, 403, 403, 403, 200, 403),
    "assurance/recommendations/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "assurance/recommendations/<int:pk>/actions/new/": (302, 403, 403, 403, 200, 403),
    # The budget: empty forms are shown again with their messages; the board manager deletes on a POST.
    "budget/plans/<int:plan_pk>/contributions/new/": (302, 403, 403, 403, 200, 403),
    "budget/contributions/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "budget/contributions/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    "budget/plans/<int:plan_pk>/spend/new/": (302, 403, 403, 403, 200, 403),
    "budget/spend/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "budget/spend/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    # Empty forms: the periods and the search show what is missing; a download or erasure without an address goes
    # back to the search.
    "retention/": (302, 403, 403, 403, 200, 403),
    "retention/people/": (302, 403, 403, 403, 200, 403),
    "retention/people/download/": (302, 403, 403, 403, 302, 403),
    "retention/people/erase/": (302, 403, 403, 403, 302, 403),
    "security-log/": (302, 403, 403, 403, 405, 403),
    # Feedback from children and families: only the board manager writes it (an empty form is shown again).
    "yearly-report/feedback/plans/<int:plan_pk>/new/": (302, 403, 403, 403, 200, 403),
    "yearly-report/feedback/<int:pk>/edit/": (302, 403, 403, 403, 200, 403),
    "yearly-report/feedback/<int:pk>/delete/": (302, 403, 403, 403, 302, 403),
    # The yearly report: a narrative saved empty, the figures regenerated, the report published.
    "yearly-report/<int:plan_pk>/generate/": (302, 403, 403, 403, 302, 403),
    "yearly-report/<int:plan_pk>/sections/<slug:section>/": (302, 403, 403, 403, 302, 403),
    "yearly-report/<int:plan_pk>/publish/": (302, 403, 403, 403, 302, 403),
    "yearly-report/published/<int:pk>/prepare-again/": (302, 403, 403, 403, 302, 403),
    # Made public, its progress text shown (the default "no"), then withdrawn; an empty words form is shown again.
    "public/manage/<str:kind>/<int:pk>/make-public/": (302, 403, 403, 403, 302, 403),
    "public/manage/reports/<int:pk>/progress-text/": (302, 403, 403, 403, 302, 403),
    "public/manage/<str:kind>/<int:pk>/withdraw/": (302, 403, 403, 403, 302, 403),
    "public/manage/words/": (302, 403, 403, 403, 200, 403),
}


@pytest.fixture
def world(board_manager, lead_agency, other_agency):
    world = build_world(lead_agency=lead_agency, other_agency=other_agency, board_manager=board_manager)
    # Made before any page is asked for, so the admin's pages of assurance's models open real rows whatever
    # order the routes are visited in.
    _section11_return(world)
    _case_audit(world)
    _assurance_recommendation(world)
    _contribution(world)
    _spend_line(world)
    # The default standards come from a data migration and returns from a bulk insert, neither of which writes
    # history: saving the row each admin page opens gives its history page a row to open.
    for model in (Standard, Section11Return):
        model.objects.first().save()
    world.review.subgroup.save()  # filled by a data migration too
    return world


def test_every_url_pattern_has_a_row():
    missing = [route for route in project_routes() if route not in GET_EXPECTED]

    assert not missing, f"Add these routes to GET_EXPECTED, saying who may open them: {missing}"


def test_every_url_answers_each_role_as_expected(clients, world):
    actual = {}
    for route in dict.fromkeys(project_routes()):
        path = path_for(route, world)
        actual[route] = tuple(clients[role].get(path).status_code for role in ROLES)

    wrong = {
        route: (GET_EXPECTED[route], statuses) for route, statuses in actual.items() if statuses != GET_EXPECTED[route]
    }
    assert not wrong, f"(expected, actual) in ROLES order {ROLES}: {wrong}"


def test_every_change_is_refused_to_those_without_the_right(clients, world):
    actual = {}
    for route in POST_EXPECTED:
        path = path_for(route, world)
        actual[route] = tuple(clients[role].post(path).status_code for role in ROLES)

    wrong = {
        route: (POST_EXPECTED[route], statuses)
        for route, statuses in actual.items()
        if statuses != POST_EXPECTED[route]
    }
    assert not wrong, f"(expected, actual) in ROLES order {ROLES}: {wrong}"


def test_no_status_in_the_table_is_a_server_error():
    statuses = {status for row in [*GET_EXPECTED.values(), *POST_EXPECTED.values()] for status in row}

    assert all(status < HTTPStatus.INTERNAL_SERVER_ERROR for status in statuses)
