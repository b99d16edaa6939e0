"""Who may do what with case reviews and CDOP: board managers keep them, every other role reads them.

Agency contributors write progress on review and CDOP actions through the plan's own permissions.
"""

from objectives import roles

_MODELS = ["review", "recommendation", "cdopyear", "cdopfigure"]
VIEW = [f"reviews.view_{model}" for model in _MODELS]
MANAGE = [f"reviews.{verb}_{model}" for model in _MODELS for verb in ("add", "change", "delete")]


def register_review_roles() -> None:
    roles.grant(roles.BOARD_MANAGERS, [*VIEW, *MANAGE])
    for role in (roles.READERS, roles.AGENCY_CONTRIBUTORS, "Training administrators"):
        if role in roles.ROLE_PERMISSIONS:
            roles.grant(role, VIEW)
