"""With DEBUG off the session and CSRF cookies carry the __Host- prefix; the http demo keeps the plain names."""

from .test_settings import production_env, run_python

_COOKIES = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_SECURE, "
    "settings.CSRF_COOKIE_SECURE, settings.SESSION_COOKIE_PATH, settings.CSRF_COOKIE_PATH, "
    "settings.SESSION_COOKIE_DOMAIN, settings.CSRF_COOKIE_DOMAIN)"
)


def test_production_cookies_have_the_host_prefix_and_what_it_requires():
    result = run_python(_COOKIES, **production_env())

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "__Host-sessionid",
        "__Host-csrftoken",
        "True",
        "True",
        "/",
        "/",
        "None",
        "None",
    ]


def test_the_demo_over_http_keeps_the_plain_cookie_names():
    result = run_python(_COOKIES, DJANGO_DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["sessionid", "csrftoken"]
