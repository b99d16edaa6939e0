"""Django's own user and group admins, on the shared bases that name every control (core.admin).

Only a superuser (the site admin) reaches either. A user's superuser and staff ticks, permissions and groups
are privileges, and a group's permissions are the roles themselves, so anyone else who could change them could
make themselves site admin or set the site admin's password. Board managers add and change people, within the
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


class SuperusersOnly:
    """Every page of this admin, including the user's password page, refused (403) to anyone but a superuser."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)


@admin.register(get_user_model())
class UserAdmin(SuperusersOnly, accessible.NamedControlsMixin, auth_admin.UserAdmin):
    # Ticks (the shared bases' ManyToManyField widget), not filter_horizontal's two boxes.
    filter_horizontal = ()


@admin.register(Group)
class GroupAdmin(SuperusersOnly, accessible.NamedControlsMixin, auth_admin.GroupAdmin):
    filter_horizontal = ()
