"""Django's own user and group admins, on the shared bases that name every control (core.admin), and who may use
the admin at all: board managers with staff status only the few lists in STAFF_ADMIN_MODELS, the site admin the rest.

Only a superuser (the site admin) reaches the user and group admins. A user's superuser and staff ticks, permissions
and groups are privileges, and a group's permissions are the roles themselves, so anyone else who could change them
could make themselves site admin or set the site admin's password. Board managers add and change people, within the
app's roles, on the app's own people pages (objectives/views/people.py), which refuse the site admin's account,
admin users' and other board managers'.
"""

from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from core import admin as accessible

admin.site.unregister(get_user_model())
admin.site.unregister(Group)


@admin.register(get_user_model())
class UserAdmin(accessible.NamedControlsMixin, auth_admin.UserAdmin):
    # Ticks (the shared bases' ManyToManyField widget), not filter_horizontal's two boxes.
    filter_horizontal = ()


@admin.register(Group)
class GroupAdmin(accessible.NamedControlsMixin, auth_admin.GroupAdmin):
    filter_horizontal = ()


# The admin pages a board manager needs once the site admin gives them staff status: the lists the app has no page
# of its own for. Every other model is kept in the app's own pages, whose rules (scoping, versions, the workflow,
# history with a reason) the admin would step round, so its admin pages are the site admin's alone.
STAFF_ADMIN_MODELS = {"reviews.bankholiday", "reviews.subgroup", "reviews.cdopcategory", "training.agencyworkforce"}
_PERMISSION_METHODS = [
    "has_module_permission",
    "has_view_permission",
    "has_add_permission",
    "has_change_permission",
    "has_delete_permission",
]


def _for_the_site_admin_only(allows):
    """The admin's own rule (a published report read-only, progress never deleted), for superusers alone."""

    def allowed(request, *args, **kwargs) -> bool:
        return request.user.is_active and request.user.is_superuser and allows(request, *args, **kwargs)

    allowed.site_admin_only = True
    return allowed


def keep_staff_to_their_lists(site: admin.AdminSite = admin.site, allowed: set[str] = STAFF_ADMIN_MODELS) -> None:
    """Refuse (403, and leave off the index) every registered model's admin but `allowed` to all but superusers.

    Run once every app's admin is registered (mscb's ready(), after the admin's autodiscover); safe to run again.
    """
    for model, model_admin in site._registry.items():
        if model._meta.label_lower in allowed:
            continue
        for name in _PERMISSION_METHODS:
            rule = getattr(model_admin, name)
            if not getattr(rule, "site_admin_only", False):
                setattr(model_admin, name, _for_the_site_admin_only(rule))
