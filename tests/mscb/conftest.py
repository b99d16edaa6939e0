"""The demo loaded once per test module, for the load_demo tests."""

import pytest
from django.db import transaction
from django.test import override_settings

from .demo_loaded import load_demo


@pytest.fixture(scope="module")
def _demo_loaded_once(django_db_setup, django_db_blocker):
    """Load the demo once for the module, in a transaction rolled back after its last test.

    Each test's own `db` transaction nests inside as a savepoint, so a test that changes rows
    leaves the loaded demo as it found it, and the module pays for one load instead of one a test.
    """
    fast_hasher = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock(), fast_hasher, transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo_output(_demo_loaded_once, db):
    return _demo_loaded_once
