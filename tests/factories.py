from datetime import date

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from factory.django import DjangoModelFactory

from core.models import RatingLevel, RatingScale
from objectives.models import (
    Action,
    Agency,
    Aim,
    BusinessPlan,
    CoveringReport,
    CoveringSection,
    Objective,
    ProgressRound,
    ProgressUpdate,
)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Sam"
    last_name = factory.Sequence(lambda n: f"Officer{n}")
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """UserFactory(roles=[roles.READERS]): the groups sync_roles made after migrate."""
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        # From the agency's side: simple-history tracks Agency.members, and only that side has a history.
        if create and extracted:
            for agency in extracted:
                agency.members.add(self)


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Agency {n}")
    short_name = factory.Sequence(lambda n: f"AG{n}")


class BusinessPlanFactory(DjangoModelFactory):
    class Meta:
        model = BusinessPlan

    title = factory.Sequence(lambda n: f"{2000 + n}/{(n + 1) % 100:02d}")
    starts_on = date(2025, 4, 1)
    ends_on = date(2026, 3, 31)


class AimFactory(DjangoModelFactory):
    class Meta:
        model = Aim

    plan = factory.SubFactory(BusinessPlanFactory)
    number = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Aim title {n}")


class ObjectiveFactory(DjangoModelFactory):
    class Meta:
        model = Objective

    aim = factory.SubFactory(AimFactory)
    plan = factory.SelfAttribute("aim.plan")
    title = factory.Sequence(lambda n: f"Objective title {n}")

    @factory.lazy_attribute_sequence
    def ref(self, n):
        return f"{self.aim.number}.{n + 1}"


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action
        skip_postgeneration_save = True

    objective = factory.SubFactory(ObjectiveFactory)
    plan = factory.SelfAttribute("objective.plan")
    text = factory.Sequence(lambda n: f"Action text {n}")

    @factory.lazy_attribute_sequence
    def ref(self, n):
        return f"{self.objective.ref}.{n + 1}"

    @factory.post_generation
    def lead_agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.lead_agencies.set(extracted)


class ProgressRoundFactory(DjangoModelFactory):
    class Meta:
        model = ProgressRound

    plan = factory.SubFactory(BusinessPlanFactory)
    as_of = date(2025, 12, 31)
    deadline = date(2025, 12, 12)


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(ActionFactory)
    round = factory.SubFactory(ProgressRoundFactory, plan=factory.SelfAttribute("..action.plan"))
    progress = factory.Sequence(lambda n: f"Progress text {n}")
    rag = ProgressUpdate.Rag.GREEN
    # Accepted progress is what the board reports; workflow tests name the state they need.
    state = ProgressUpdate.State.ACCEPTED


class RatingScaleFactory(DjangoModelFactory):
    """A board's own scale; add its levels with RatingLevelFactory(scale=...)."""

    class Meta:
        model = RatingScale

    name = factory.Sequence(lambda n: f"scale-{n}")
    title = factory.Sequence(lambda n: f"Scale {n}")


class RatingLevelFactory(DjangoModelFactory):
    class Meta:
        model = RatingLevel

    scale = factory.SubFactory(RatingScaleFactory)
    position = factory.Sequence(lambda n: n + 1)
    code = factory.Sequence(lambda n: f"level-{n}")
    label = factory.Sequence(lambda n: f"Level {n}")
    fill = "00703C"


class CoveringReportFactory(DjangoModelFactory):
    class Meta:
        model = CoveringReport

    round = factory.SubFactory(ProgressRoundFactory)
    committee = "Children's Services Scrutiny Committee"
    title = factory.Sequence(lambda n: f"Covering report title {n}")


class CoveringSectionFactory(DjangoModelFactory):
    class Meta:
        model = CoveringSection

    report = factory.SubFactory(CoveringReportFactory)
    position = factory.Sequence(lambda n: n + 1)
    heading = factory.Sequence(lambda n: f"Heading {n}")
    text = factory.Sequence(lambda n: f"Section text {n}")


# Performance indicators (issue 13)


class IndicatorFactory(DjangoModelFactory):
    class Meta:
        model = "objectives.Indicator"
        skip_postgeneration_save = True

    plan = factory.SubFactory(BusinessPlanFactory)
    name = factory.Sequence(lambda n: f"Indicator {n}")

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.objectives.set(extracted)


class IndicatorValueFactory(DjangoModelFactory):
    class Meta:
        model = "objectives.IndicatorValue"

    indicator = factory.SubFactory(IndicatorFactory)
    period_end = date(2025, 6, 30)
    value = 10


class StandardFactory(DjangoModelFactory):
    """A Section 11 standard numbered past the default framework's eleven."""

    class Meta:
        model = "assurance.Standard"

    number = factory.Sequence(lambda n: n + 100)
    title = factory.Sequence(lambda n: f"Standard {n}")


class Section11CycleFactory(DjangoModelFactory):
    """A cycle on the built-in Section 11 scale; open it with assurance.services.section11.open_cycle(.build())."""

    class Meta:
        model = "assurance.Section11Cycle"

    title = factory.Sequence(lambda n: f"Section 11 {2020 + n}")
    code = factory.Sequence(lambda n: f"S{n}")
    plan = factory.SubFactory(BusinessPlanFactory)
    scale = factory.LazyFunction(lambda: RatingScale.objects.get(name="section-11"))
    opens_on = date(2025, 9, 1)
    deadline = date(2025, 11, 30)


# Multi-agency case audits (issue 14)


def case_audit_scale():
    """The built-in Outstanding-to-Inadequate scale, put back first if a flushed test database lost it."""
    import importlib

    from django.apps import apps

    importlib.import_module("assurance.migrations.0003_case_audit_grading_scale").fill(apps, None)
    return RatingScale.objects.get(name="case-audit")


class CaseAuditFactory(DjangoModelFactory):
    class Meta:
        model = "assurance.CaseAudit"
        skip_postgeneration_save = True

    theme = factory.Sequence(lambda n: f"Neglect in children under five {n}")
    held_on = date(2026, 1, 15)
    plan = factory.SubFactory(BusinessPlanFactory)
    scale = factory.LazyFunction(case_audit_scale)

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.agencies.set(extracted)


class RecommendationSourceFactory(DjangoModelFactory):
    """An inspection or review that made recommendations to the board (assurance's register)."""

    class Meta:
        model = "assurance.RecommendationSource"

    kind = "ofsted"
    title = factory.Sequence(lambda n: f"Ofsted inspection {n}")
    code = factory.Sequence(lambda n: f"OF{n}")
    reported_on = date(2026, 3, 1)
    plan = factory.SubFactory(BusinessPlanFactory)


class AssuranceRecommendationFactory(DjangoModelFactory):
    class Meta:
        model = "assurance.AssuranceRecommendation"
        skip_postgeneration_save = True

    source = factory.SubFactory(RecommendationSourceFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Agencies act on inspection finding {n}.")

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.agencies.set(extracted)


class AuditQuestionFactory(DjangoModelFactory):
    class Meta:
        model = "assurance.AuditQuestion"

    audit = factory.SubFactory(CaseAuditFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Was the child's voice heard? ({n})")


class AuditCaseFactory(DjangoModelFactory):
    class Meta:
        model = "assurance.AuditCase"

    audit = factory.SubFactory(CaseAuditFactory)
    code = factory.Sequence(lambda n: f"A{n + 1}")
