import pytest

from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def board_manager(db):
    """For now every signed-in user may edit; roles arrive with the workflow issue."""
    return UserFactory(username="manager", first_name="Morgan", last_name="Manager", is_staff=True)


@pytest.fixture
def manager_client(client, board_manager):
    client.force_login(board_manager)
    return client
