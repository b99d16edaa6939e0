"""The demo's plans in other boards' shapes: the scrutiny review's numbered list and the sub-group's priorities.

They are stored as every plan is (aim → objective → action), their unnamed levels made by the models' own
implicit_aim() and implicit_objective(), so the demo shows the shapes exactly as a board's own plan would be.
"""

from django.db.models import Model

from core.models import RatingScale
from objectives.models import Aim, BusinessPlan, Objective
from objectives.models.plan import implicit_aim

from . import scrutiny, training_plan


def load_shaped_plans(loader, agencies: dict) -> None:
    """Create whichever parts of the list plan and the two-level plan are missing, with their progress."""
    recommendations = _plan(loader, scrutiny.PLAN)
    objective = _implicit_objective(loader, _implicit_aim(loader, recommendations))
    actions = {spec["ref"]: (loader.action(spec, objective, agencies), []) for spec in scrutiny.RECOMMENDATIONS}
    loader.progress(recommendations, scrutiny.ROUND, actions, officers={})

    priorities = _plan(loader, training_plan.PLAN)
    actions = {}
    for spec in training_plan.PRIORITIES:
        fields = {"title": spec["title"], "strategic_lead": spec["strategic_lead"]}
        priority, _ = loader.ensure(Aim, {"plan": priorities, "number": spec["number"]}, fields)
        objective = _implicit_objective(loader, priority)
        for action_spec in spec["actions"]:
            actions[action_spec["ref"]] = (loader.action(action_spec, objective, agencies), [])
    loader.progress(priorities, training_plan.ROUND, actions, officers={})


def _plan(loader, spec: dict) -> BusinessPlan:
    """The plan with this title; a new one gets its shape, scale, level names, columns and heading."""
    fields = {key: value for key, value in loader.calendar.plan(spec).items() if key != "scale"}
    fields["rating_scale"] = RatingScale.objects.get(name=spec["scale"])
    plan, _ = loader.ensure(BusinessPlan, {"title": fields["title"]}, fields)
    return plan


def _implicit_aim(loader, plan: BusinessPlan) -> Aim:
    aim = implicit_aim(plan)
    _name_the_creator(loader, Aim, aim)
    return aim


def _implicit_objective(loader, aim: Aim) -> Objective:
    objective = aim.implicit_objective()
    _name_the_creator(loader, Objective, objective)
    return objective


def _name_the_creator(loader, model: type[Model], row: Model) -> None:
    """Name the board manager in the history of an implicit level the models made, as for every demo row.

    Not counted among what the demo created: implicit levels are never shown, so load_demo does not name them.
    """
    model.history.filter(id=row.pk, history_user=None).update(history_user=loader.manager)
