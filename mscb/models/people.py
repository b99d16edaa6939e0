"""People's changes in the same history as everything else: who changed a person, when, and what.

The user model is Django's, so its history is registered here rather than declared on it. It lives in `mscb`,
which configures sign-in for the whole project, so every app below (the people pages in `objectives`, the
history pages) reads `User.history` without naming the app that keeps it. Roles are groups, so the history
follows them too; agency memberships are already in each agency's own history.
"""

import simple_history
from django.contrib.auth import get_user_model
from simple_history.models import HistoricalRecords

# The password hash is nobody's business, and a sign-in is not a change to the person.
NOT_IN_HISTORY = ["password", "last_login"]


class PeopleHistory(HistoricalRecords):
    """Skips a save that changes only fields the history leaves out, so each sign-in adds no empty change."""

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields and set(update_fields) <= set(self.excluded_fields):
            return
        super().post_save(instance, created, using=using, **kwargs)


simple_history.register(
    get_user_model(),
    app="mscb",
    records_class=PeopleHistory,
    excluded_fields=NOT_IN_HISTORY,
    m2m_fields=["groups"],
)
