"""The objects every URL of the authorization matrix points at, one of each kind."""

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group, Permission

from core.models import StagedUpload
from objectives.models import Action, Aim, Objective, ProgressRound, ProgressUpdate, PublishedReport
from objectives.services.publishing import publish_report
from reviews.models import BankHoliday, CdopCategory, CdopYear, Recommendation, Review
from tests.factories import (
    ActionFactory,
    AimFactory,
    BusinessPlanFactory,
    ObjectiveFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.reviews.factories import CdopYearFactory, RecommendationFactory, ReviewFactory
from tests.training.factories import (
    AgencyWorkforceFactory,
    CourseFactory,
    RegistrationFactory,
    TrainingFigureFactory,
    TrainingSessionFactory,
)
from training.models import Evaluation, Registration
from training.services import make_token


@dataclass
class World:
    plan: object
    aim: Aim
    # A two-level plan's priority and a list plan, which add their actions without an objective's page.
    priority: Aim
    list_plan: object
    objective: Objective
    action: Action
    other_action: Action
    progress_round: ProgressRound
    lead_update: ProgressUpdate
    other_update: ProgressUpdate
    hidden_aim: Aim
    hidden_objective: Objective
    hidden_action: Action
    person: object
    published: PublishedReport
    plan_import: StagedUpload
    lead_agency: object
    group: Group
    permission: Permission
    course: object
    training_session: object
    registration: object
    evaluation_token: str
    training_figure: object
    review: Review
    recommendation: Recommendation
    review_import: StagedUpload
    cdop_year: CdopYear
    bank_holiday: BankHoliday
    cdop_category: CdopCategory


def build_world(*, lead_agency, other_agency, board_manager) -> World:
    plan = BusinessPlanFactory(title="2025/26")
    aim = AimFactory(plan=plan, number=1)
    objective = ObjectiveFactory(aim=aim, ref="1.1")
    action = ActionFactory(objective=objective, ref="1.1.1", lead_agencies=[lead_agency])
    other_action = ActionFactory(objective=objective, ref="1.1.2", lead_agencies=[other_agency])
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))
    lead_update = ProgressUpdateFactory(action=action, round=progress_round, state=ProgressUpdate.State.SUBMITTED)
    other_update = ProgressUpdateFactory(action=other_action, round=progress_round, state=ProgressUpdate.State.DRAFT)
    hidden_aim = AimFactory(plan=plan, number=2, is_deleted=True)
    priority = AimFactory(
        plan=BusinessPlanFactory(title="Priorities", shape="two-level", aim_name="Priority"), number="1a"
    )
    list_plan = BusinessPlanFactory(title="Recommendations", shape="list", action_name="Recommendation")
    hidden_objective = ObjectiveFactory(aim=aim, ref="1.2", is_deleted=True)
    hidden_action = ActionFactory(objective=objective, ref="1.1.3", is_deleted=True)
    person = UserFactory(username="someone@example.org", email="someone@example.org")
    published = publish_report(progress_round=progress_round, published_by=board_manager)
    training_session = TrainingSessionFactory(course=CourseFactory(title="Neglect"))
    registration = RegistrationFactory(
        session=training_session, agency=lead_agency, status=Registration.Status.ATTENDED
    )
    AgencyWorkforceFactory(agency=lead_agency)
    plan_import = StagedUpload.objects.create(
        kind="plan",
        token="matrix-token",
        uploaded_by=board_manager,
        file_name="plan.csv",
        content=b"aim\n",
        target_name="2025/26",
    )
    review = ReviewFactory(name="Child S", code="CS")
    recommendation = RecommendationFactory(review=review, number=1, agencies=[lead_agency])
    review_import = StagedUpload.objects.create(
        kind="review_actions",
        target_id=review.pk,
        token="matrix-review-token",
        uploaded_by=board_manager,
        file_name="cs.csv",
        content=b"x\n",
    )
    return World(
        plan=plan,
        aim=aim,
        priority=priority,
        list_plan=list_plan,
        objective=objective,
        action=action,
        other_action=other_action,
        progress_round=progress_round,
        lead_update=lead_update,
        other_update=other_update,
        hidden_aim=hidden_aim,
        hidden_objective=hidden_objective,
        hidden_action=hidden_action,
        person=person,
        published=published,
        plan_import=plan_import,
        lead_agency=lead_agency,
        group=Group.objects.first(),
        permission=Permission.objects.first(),
        course=training_session.course,
        training_session=training_session,
        registration=registration,
        evaluation_token=make_token(registration, Evaluation.Kind.AFTER_SESSION),
        training_figure=TrainingFigureFactory(),
        review=review,
        recommendation=recommendation,
        review_import=review_import,
        cdop_year=CdopYearFactory(),
        # Its own rows, not the ones the data migrations filled: a flushed database has none of those.
        bank_holiday=BankHoliday.objects.create(on=date(2031, 6, 30), name="A one-off holiday"),
        cdop_category=CdopCategory.objects.create(name="A category of the matrix's own", position=99),
    )


def admin_object_for(app_label: str, model_name: str, world: World):
    """The object an admin page of this model opens: one of the world's, or a row made for the purpose."""
    from django.apps import apps

    known = {
        ("objectives", "agency"): world.lead_agency,
        ("objectives", "businessplan"): world.plan,
        ("objectives", "aim"): world.aim,
        ("objectives", "objective"): world.objective,
        ("objectives", "action"): world.action,
        ("objectives", "progressround"): world.progress_round,
        ("objectives", "progressupdate"): world.lead_update,
        ("objectives", "publishedreport"): world.published,
        ("auth", "user"): world.person,
        ("auth", "group"): world.group,
        ("reviews", "review"): world.review,
        ("reviews", "recommendation"): world.recommendation,
        ("reviews", "cdopyear"): world.cdop_year,
        ("reviews", "subgroup"): world.review.subgroup,
        ("reviews", "bankholiday"): world.bank_holiday,
        ("reviews", "cdopcategory"): world.cdop_category,
    }
    if (app_label, model_name) in known:
        return known[app_label, model_name]
    if (app_label, model_name) == ("otp_totp", "totpdevice"):
        # The set-up page makes none on a GET (it asks for the password first), so make the row the admin opens.
        from django_otp.plugins.otp_totp.models import TOTPDevice

        return TOTPDevice.objects.get_or_create(user=world.person, defaults={"name": "Authenticator app"})[0]
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:  # admin/password_change/done/ and the like: no model behind them
        return None
    return model.objects.first()
