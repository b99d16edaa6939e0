"""A person's permissions, from their groups and their own, read in one query rather than ModelBackend's two.

Every signed-in page asks at least one has_perm (the navigation, the page's own rule), and ModelBackend reads
the user's own permissions and their groups' in two queries. This backend sits before ModelBackend in
AUTHENTICATION_BACKENDS and fills the same per-request cache (`user._perm_cache`) in one query, so ModelBackend,
asked next, finds it filled and asks nothing. The rules are ModelBackend's: nothing for an inactive or anonymous
user or for an object, everything for a superuser. It signs nobody in: ModelBackend still checks passwords, and
the sessions it started stay valid. Not a BaseBackend: a backend with `get_user` would be one that
`login()` and the test client's `force_login()` may choose to store in the session.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q


class OneQueryPermissionBackend:
    def authenticate(self, request, **credentials):
        return None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _permission_names(user_obj)
        return user_obj._perm_cache

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)


def _permission_names(user) -> set[str]:
    """ "app_label.codename" of each permission the user holds directly or through a group: one query."""
    if user.is_superuser:
        found = Permission.objects.all()
    else:
        own = type(user).user_permissions.through.objects.filter(user_id=user.pk).values("permission_id")
        from_groups = Group.permissions.through.objects.filter(group__user=user.pk).values("permission_id")
        found = Permission.objects.filter(Q(pk__in=own) | Q(pk__in=from_groups))
    names = found.values_list("content_type__app_label", "codename").order_by()
    return {f"{app_label}.{codename}" for app_label, codename in names}
