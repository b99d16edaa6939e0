"""Permissions from a person's groups and their own, read in one query (mscb.permission_backend)."""

from django.contrib.auth import BACKEND_SESSION_KEY, get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from objectives import roles
from tests.factories import UserFactory

USER_MODEL = get_user_model()


def fresh(user):
    """The user as a new request loads them: nothing cached."""
    return USER_MODEL.objects.get(pk=user.pk)


def test_group_and_own_permissions_are_read_in_one_query_for_the_whole_request(db, django_assert_num_queries):
    user = UserFactory(username="both", roles=[roles.READERS])
    user.user_permissions.add(Permission.objects.get(codename="view_user"))
    user = fresh(user)

    with django_assert_num_queries(1):
        assert user.has_perm("objectives.view_action")  # from the Readers group
        assert user.has_perm("auth.view_user")  # the user's own
        assert not user.has_perm("objectives.change_action")
        assert user.has_module_perms("objectives")
        assert not user.has_module_perms("budget_nothing")


def test_the_permissions_are_exactly_model_backends(db):
    user = UserFactory(username="both", roles=[roles.AGENCY_CONTRIBUTORS])
    user.user_permissions.add(Permission.objects.get(codename="view_user"))

    expected = fresh(user).get_user_permissions() | fresh(user).get_group_permissions()
    assert fresh(user).get_all_permissions() == expected
    assert "objectives.submit_progressupdate" in expected
    assert "auth.view_user" in expected


def test_an_inactive_user_has_no_permission_and_costs_no_query(db, django_assert_num_queries):
    user = fresh(UserFactory(username="gone", roles=[roles.BOARD_MANAGERS], is_active=False))

    with django_assert_num_queries(0):
        assert not user.has_perm("objectives.view_action")
    assert fresh(user).get_all_permissions() == set()


def test_a_superuser_has_every_permission(db):
    user = UserFactory(username="admin", is_superuser=True)

    assert fresh(user).get_all_permissions() == {
        f"{app_label}.{codename}"
        for app_label, codename in Permission.objects.values_list("content_type__app_label", "codename")
    }


def test_signing_in_still_goes_through_the_model_backend(client, db):
    UserFactory(username="someone", password="a-long-password-1")

    wrong = client.post(reverse("login"), {"username": "someone", "password": "wrong"})
    assert wrong.status_code == 200
    assert BACKEND_SESSION_KEY not in client.session

    right = client.post(reverse("login"), {"username": "someone", "password": "a-long-password-1"})
    assert right.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == "django.contrib.auth.backends.ModelBackend"
