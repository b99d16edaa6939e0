"""The training administrator role and what may be done with training, as permission lists.

mscb gives them out: training administrators run courses and read the plan (the report has a Training
section); board managers may run courses too; every other role reads the figures. Agency contributors
see their own agency's registrations only: the views scope the rows.
"""

TRAINING_ADMINS = "Training administrators"
TRAINING_ADMIN_LABEL = "Training administrator"

_MODELS = ["course", "trainingsession", "registration", "agencyworkforce", "trainingfigure"]
VIEW = [f"training.view_{model}" for model in [*_MODELS, "evaluation", "evaluationlink"]]
MANAGE = [f"training.{verb}_{model}" for model in _MODELS for verb in ("add", "change", "delete")]
