"""The settings module read in a fresh process, as a server would start it."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]

_PROBE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT, "
    "settings.SECURE_HSTS_SECONDS, settings.BOARD_NAME, settings.DATABASES['default']['ENGINE'])"
)
_MFA_PROBE = "import django; django.setup(); from django.conf import settings; print(settings.MFA_REQUIRED)"


def run_python(code_or_args, **env):
    # The test run's own settings (tests/environment.py) must not leak into the probe.
    ours = ("DJANGO_", "DATABASE_URL", "MFA_REQUIRED", "AXES_", "TASKS_")
    clean = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    clean.update(DJANGO_SETTINGS_MODULE="mscb.settings", **env)
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args], cwd=PROJECT, env=clean, capture_output=True, text=True, timeout=60, check=False
    )


def production_env(**overrides):
    return {
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "scp.example.org",
        **overrides,
    }


def test_debug_off_refuses_to_start_without_a_secret_key():
    result = run_python(_PROBE, **production_env(DJANGO_SECRET_KEY=""))

    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_debug_off_refuses_to_start_without_allowed_hosts():
    result = run_python(_PROBE, **production_env(DJANGO_ALLOWED_HOSTS=""))

    assert result.returncode != 0
    assert "Set DJANGO_ALLOWED_HOSTS" in result.stderr


def test_nonsense_in_a_yes_no_variable_is_a_configuration_error():
    result = run_python(_PROBE, DJANGO_DEBUG="maybe")

    assert result.returncode != 0
    assert "DJANGO_DEBUG must be true or false" in result.stderr


def test_an_empty_item_in_allowed_hosts_stops_the_start():
    result = run_python(_PROBE, **production_env(DJANGO_ALLOWED_HOSTS="scp.example.org,,www.scp.example.org"))

    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS must be values separated by single commas" in result.stderr


def test_debug_off_turns_on_secure_cookies_hsts_and_the_ssl_redirect():
    result = run_python(_PROBE, **production_env(BOARD_NAME="Fenbridge Safeguarding Partnership"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:4] == ["True", "True", "True", "31536000"]
    assert "Fenbridge Safeguarding Partnership" in result.stdout


def test_database_url_chooses_postgresql():
    result = run_python(_PROBE, **production_env(DATABASE_URL="postgres://postgres@127.0.0.1:5432/anything"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("django.db.backends.postgresql")


def test_sqlite_is_the_default_database():
    result = run_python(_PROBE, DJANGO_DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("django.db.backends.sqlite3")


def test_deploy_check_is_clean_with_debug_off():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env())

    assert result.returncode == 0, result.stderr


def test_two_factor_sign_in_is_required_by_default_with_debug_off():
    result = run_python(_MFA_PROBE, **production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_two_factor_sign_in_is_off_by_default_with_debug_on():
    result = run_python(_MFA_PROBE, DJANGO_DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_two_factor_sign_in_can_be_turned_off_with_debug_off():
    result = run_python(_MFA_PROBE, **production_env(MFA_REQUIRED="false"))

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_nonsense_in_mfa_required_is_a_configuration_error():
    result = run_python(_MFA_PROBE, **production_env(MFA_REQUIRED="sometimes"))

    assert result.returncode != 0
    assert "MFA_REQUIRED must be true or false" in result.stderr


def test_a_negative_proxy_count_is_a_configuration_error():
    result = run_python(_MFA_PROBE, **production_env(AXES_IPWARE_PROXY_COUNT="-1"))

    assert result.returncode != 0
    assert "AXES_IPWARE_PROXY_COUNT must be 0 or more" in result.stderr


def test_a_proxy_count_that_is_not_a_number_is_a_configuration_error():
    result = run_python(_MFA_PROBE, **production_env(AXES_IPWARE_PROXY_COUNT="one"))

    assert result.returncode != 0
    assert "AXES_IPWARE_PROXY_COUNT must be a whole number" in result.stderr


_TASKS_PROBE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.TASKS['default']['BACKEND'], 'django_tasks_db' in settings.INSTALLED_APPS)"
)


def test_tasks_run_at_once_unless_the_database_queue_is_chosen():
    immediate = run_python(_TASKS_PROBE, DJANGO_DEBUG="true")
    queued = run_python(_TASKS_PROBE, DJANGO_DEBUG="true", TASKS_BACKEND="database")

    assert immediate.stdout.split() == ["django_tasks.backends.immediate.ImmediateBackend", "False"]
    assert queued.stdout.split() == ["django_tasks_db.DatabaseBackend", "True"]


def test_an_unknown_task_backend_stops_the_start():
    result = run_python(_TASKS_PROBE, DJANGO_DEBUG="true", TASKS_BACKEND="celery")

    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of immediate, database, not 'celery'" in result.stderr
