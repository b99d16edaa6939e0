"""Single sign-on read from the environment in a fresh process, as a server would start it."""

from tests.mscb.test_settings import production_env, run_python

_PROBE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.AUTHENTICATION_BACKENDS[0], settings.AUTHENTICATION_BACKENDS[-1], settings.OIDC_RP_SIGN_ALGO)"
)
ENTRA = "https://login.microsoftonline.com/organizations"
CONFIGURED = {
    "OIDC_RP_CLIENT_ID": "11111111-2222-3333-4444-555555555555",
    "OIDC_RP_CLIENT_SECRET": "a-secret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{ENTRA}/oauth2/v2.0/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": f"{ENTRA}/oauth2/v2.0/token",
    "OIDC_OP_USER_ENDPOINT": "https://graph.microsoft.com/oidc/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": f"{ENTRA}/discovery/v2.0/keys",
}


def test_single_sign_on_is_off_without_a_client_id():
    result = run_python(_PROBE, **production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "django.contrib.auth.backends.ModelBackend"


def test_a_client_id_adds_the_backend_after_the_lockout_check():
    result = run_python(_PROBE, **production_env(**CONFIGURED))

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "axes.backends.AxesStandaloneBackend",
        "mscb.sso.backend.OrganisationAccountBackend",
        "RS256",
    ]


def test_a_client_id_without_the_endpoints_stops_the_start():
    result = run_python(_PROBE, **production_env(OIDC_RP_CLIENT_ID="an-id", OIDC_RP_CLIENT_SECRET="a-secret"))

    assert result.returncode != 0
    assert (
        "With OIDC_RP_CLIENT_ID set, set OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_TOKEN_ENDPOINT, "
        "OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT too." in result.stderr
    )


def test_deploy_check_is_clean_with_single_sign_on_set_up():
    result = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **production_env(**CONFIGURED))

    assert result.returncode == 0, result.stderr
