"""The training administrator role, and what the other roles may see of training."""

from objectives import roles

TRAINING_ADMINS = "Training administrators"

_MODELS = ["course", "trainingsession", "registration", "agencyworkforce"]
_VIEW = [f"training.view_{model}" for model in [*_MODELS, "evaluation", "evaluationlink"]]
_MANAGE = [f"training.{verb}_{model}" for model in _MODELS for verb in ("add", "change", "delete")]
# Training administrators read the plan and its reports as a reader does: the report has a Training section.
_PLAN_READ = [
    f"objectives.view_{model}"
    for model in ["agency", "businessplan", "aim", "objective", "action", "progressround", "progressupdate"]
]


def register_training_roles() -> None:
    """Training administrators run courses; managers may too; everyone else with a role reads the figures.

    Agency contributors see their own agency's registrations only: the views scope the rows.
    """
    roles.register_role(TRAINING_ADMINS, "Training administrator", [*_PLAN_READ, *_VIEW, *_MANAGE])
    roles.grant(roles.BOARD_MANAGERS, [*_VIEW, *_MANAGE])
    roles.grant(roles.READERS, _VIEW)
    roles.grant(roles.AGENCY_CONTRIBUTORS, _VIEW)
