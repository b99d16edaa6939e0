"""Which panels a person's home page shows, from the roles they hold, in the order the page shows them.

Work that others are waiting on comes first: the board manager's "Needs attention", then an agency's actions,
then the training administrator's sessions; the readers' overview is for those with none of these jobs.
"""

from objectives.roles import READERS, is_agency_scoped, is_board_manager
from training.roles import TRAINING_ADMINS

MANAGER = "manager"
CONTRIBUTOR = "contributor"
SECTION11 = "section11"
TRAINING = "training"
OVERVIEW = "overview"


def panels_for(user) -> list[str]:
    # By group for the two roles that permissions cannot tell apart: board managers may run training too, and
    # every role reads the plan. The groups are read only when one of those questions is asked: an agency
    # contributor, the most numerous visitor, asks neither.
    panels = []
    if is_board_manager(user):
        panels.append(MANAGER)
    if is_agency_scoped(user):
        panels.append(CONTRIBUTOR)
        if user.has_perm("assurance.change_section11return"):
            panels.append(SECTION11)
    trains = user.has_perm("training.change_registration")
    groups = {group.name for group in user.groups.all()} if trains or not panels else set()
    if trains and TRAINING_ADMINS in groups:
        panels.append(TRAINING)
    if not panels and READERS in groups:
        panels.append(OVERVIEW)
    return panels
