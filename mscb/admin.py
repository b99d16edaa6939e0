"""Django's own user and group admins, on the shared bases that name every control (core.admin)."""

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
