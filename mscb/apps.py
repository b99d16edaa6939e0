from django.apps import AppConfig
from django.utils.module_loading import import_string

# What crosses the feature apps is declared here, so none of them names another and INSTALLED_APPS order
# does not matter. Dotted paths, because the apps' modules can be imported only once every app is loaded.

# The committee paper after its objectives table, in the order the committee reads it.
PAPER_SECTIONS = [
    "reviews.paper.REVIEWS_SECTION",
    "reviews.paper.CDOP_SECTION",
    "assurance.paper.SECTION",
    "training.paper.SECTION",
    "budget.paper.SECTION",
]

# The register of recommendations (core.recommendations), every source's in this order.
REGISTER_PROVIDERS: list[str] = [
    "reviews.register_entries.review_entries",
    "assurance.register_entries.assurance_entries",
]

# Roles beyond the plan's own three, with the label the people form shows.
EXTRA_ROLES = [("training.roles.TRAINING_ADMINS", "training.roles.TRAINING_ADMIN_LABEL")]

# Who may do what across the apps: each app lists its permissions; these say which roles get them.
ROLE_GRANTS = {
    "objectives.roles.BOARD_MANAGERS": [
        "training.roles.VIEW",
        "training.roles.MANAGE",
        "reviews.roles.VIEW",
        "reviews.roles.MANAGE",
        "assurance.roles.VIEW",
        "assurance.roles.MANAGE",
        "budget.roles.VIEW",
        "budget.roles.MANAGE",
        "mscb.roles.YEARLY_VIEW",
        "mscb.roles.YEARLY_MANAGE",
        "mscb.roles.PUBLIC_MANAGE",
        "mscb.roles.RETENTION_MANAGE",
        "audit.roles.VIEW",
    ],
    "objectives.roles.READERS": [
        "training.roles.VIEW",
        "reviews.roles.VIEW",
        "assurance.roles.VIEW",
        "budget.roles.VIEW",
        "mscb.roles.YEARLY_VIEW",
    ],
    "objectives.roles.AGENCY_CONTRIBUTORS": [
        "training.roles.VIEW",
        "reviews.roles.VIEW",
        "assurance.roles.VIEW",
        "assurance.roles.CONTRIBUTE",
        "budget.roles.VIEW",
        "mscb.roles.YEARLY_VIEW",
    ],
    # Training administrators read the plan and its paper as a reader does, case reviews included.
    "training.roles.TRAINING_ADMINS": [
        "objectives.roles.READ",
        "training.roles.VIEW",
        "training.roles.MANAGE",
        "reviews.roles.VIEW",
        "assurance.roles.VIEW",
        "budget.roles.VIEW",
        "mscb.roles.YEARLY_VIEW",
    ],
}


def compose_paper() -> None:
    """Register the paper's sections in PAPER_SECTIONS order, whatever order the apps loaded in."""
    from objectives.paper import sections

    for path in PAPER_SECTIONS:
        sections.register(import_string(path))


def compose_roles() -> None:
    """Add the extra roles, then give each role the permissions ROLE_GRANTS names; safe to run again."""
    from objectives import roles

    for name, label in EXTRA_ROLES:
        roles.register_role(import_string(name), import_string(label), [])
    for role, permission_lists in ROLE_GRANTS.items():
        roles.grant(import_string(role), [name for path in permission_lists for name in import_string(path)])


def compose_register() -> None:
    from core import recommendations

    for path in REGISTER_PROVIDERS:
        recommendations.register(import_string(path))


class MscbConfig(AppConfig):
    name = "mscb"
    verbose_name = "Safeguarding partnership"

    def ready(self):
        # Connected here rather than in the middleware module, which loads only with the first
        # request: a sign-in before that (the test client's force_login) must stamp its session too.
        from django.contrib.auth.signals import user_logged_in

        from mscb import checks  # noqa: F401  (registers the deploy checks)
        from mscb.admin import keep_staff_to_their_lists
        from mscb.middleware import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="mscb_stamp_sign_in")
        compose_roles()
        keep_staff_to_their_lists()
        compose_paper()
        compose_register()
