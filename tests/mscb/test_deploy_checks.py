"""`manage.py check --deploy` warns when two-factor sign-in is off in production."""

from django.core.checks import Tags, run_checks

from .test_settings import production_env, run_python


def deploy_warnings():
    return [message.id for message in run_checks(include_deployment_checks=True, tags=[Tags.security])]


def test_mfa_off_with_debug_off_is_a_deploy_warning(settings):
    settings.DEBUG = False
    settings.MFA_REQUIRED = False

    assert "mscb.W001" in deploy_warnings()


def test_mfa_on_passes_the_check(settings):
    settings.DEBUG = False
    settings.MFA_REQUIRED = True

    assert "mscb.W001" not in deploy_warnings()


def test_the_demo_with_debug_on_is_not_warned(settings):
    settings.DEBUG = True
    settings.MFA_REQUIRED = False

    assert "mscb.W001" not in deploy_warnings()


def test_check_deploy_fails_at_warning_level_when_production_turns_mfa_off():
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env(MFA_REQUIRED="false")
    )

    assert result.returncode != 0
    assert "mscb.W001" in result.stderr + result.stdout
