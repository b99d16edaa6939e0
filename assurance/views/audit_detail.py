"""An audit's page: what it is about, its questions and cases, how agencies graded each question, what it found
and learned, and its recommendations with their actions. Its queries do not grow with cases, questions or agencies.
"""

from dataclasses import dataclass

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Prefetch
from django.views.generic import DetailView

from core.rating import Rating
from objectives.models import Action, Agency
from reviews.selectors import give_recommendations_their_actions

from ..models import AssuranceRecommendation, AuditGrading, CaseAudit
from .audit_edit import audit_crumbs


@dataclass
class QuestionSummary:
    question: object
    counts: list[tuple[Rating, int]]  # each level of the scale, in the key's order, with how many gave it
    not_graded: int


def gradable_agencies(audit: CaseAudit, user, agencies) -> list[Agency]:
    """The audit's agencies whose grades this user may write: any for the board manager, else their own."""
    if user.has_perm("assurance.change_caseaudit"):
        return list(agencies)
    if not user.has_perm("assurance.change_auditgrading"):
        return []
    own = set(user.agencies.values_list("pk", flat=True))
    return [agency for agency in agencies if agency.pk in own]


def grading_summary(audit, scale, questions, cells_per_question: int) -> list[QuestionSummary]:
    """Per question, how many case-and-agency cells have each grade: one query."""
    rows = (
        AuditGrading.objects.filter(question__audit=audit)
        .exclude(grade="")
        .values_list("question_id", "grade")
        .annotate(given=Count("pk"))
    )
    counted: dict[int, dict[str, int]] = {}
    for question_id, grade, given in rows:
        counted.setdefault(question_id, {})[grade] = given
    summaries = []
    for question in questions:
        mine = counted.get(question.pk, {})
        counts = [(level, mine.get(level.value, 0)) for level in scale.levels]
        summaries.append(QuestionSummary(question, counts, cells_per_question - sum(mine.values())))
    return summaries


def audit_recommendations(audit: CaseAudit, *, user) -> list[AssuranceRecommendation]:
    """The audit's recommendations, each with its `shown_actions` and each action its `latest_update`."""
    try:
        source = audit.recommendation_source
    except ObjectDoesNotExist:
        return []
    recommendations = list(
        source.recommendations.order_by("number").prefetch_related(
            Prefetch("agencies", queryset=Agency.objects.order_by("name"))
        )
    )
    actions = Action.objects.visible_to(user).filter(assurance_recommendation_link__recommendation__source=source)
    give_recommendations_their_actions(recommendations, actions, link="assurance_recommendation_link", user=user)
    return recommendations


class AuditDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "assurance.view_caseaudit"
    template_name = "assurance/audits/audit_detail.html"
    context_object_name = "audit"

    def get_queryset(self):
        return CaseAudit.objects.visible_to(self.request.user).select_related("plan", "scale", "recommendation_source")

    def get_context_data(self, **kwargs):
        audit, user = self.object, self.request.user
        scale = audit.scale.as_scale()
        agencies = list(audit.agencies.order_by("name"))
        questions, cases = list(audit.questions.all()), list(audit.cases.all())
        return super().get_context_data(
            scale=scale,
            agencies=agencies,
            questions=questions,
            cases=cases,
            summaries=grading_summary(audit, scale, questions, len(cases) * len(agencies)),
            gradable=gradable_agencies(audit, user, agencies),
            recommendations=audit_recommendations(audit, user=user),
            breadcrumbs=audit_crumbs(),
            **kwargs,
        )
