"""Settings for the safeguarding partnership tracker, configured by environment variables.

DEBUG is off unless DJANGO_DEBUG says otherwise; with DEBUG off the site refuses to start
without a real SECRET_KEY and ALLOWED_HOSTS and turns on every secure setting, so
`manage.py check --deploy` is clean without another settings file.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import xstatic.pkg.bootstrap
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no variable; anything but a clear yes or no is a configuration error."""
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list; a blank value is an empty list, an empty or spaced item an error."""
    value = os.environ.get(name)
    if value is None:
        return default
    if not value.strip():
        return []
    items = [item.strip() for item in value.split(",")]
    # "a,,b" or "a b" is a typing slip that would otherwise quietly drop or garble a host name.
    if any(not item or len(item.split()) > 1 for item in items):
        raise ImproperlyConfigured(f"{name} must be values separated by single commas, not {value!r}.")
    return items


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


# Core
DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

if DEBUG and not SECRET_KEY:
    SECRET_KEY = "insecure-development-key-only-for-debug"
if not DEBUG:
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure"):
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random value of 50 characters or more.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names, separated by commas.")

# The board this installation serves: words on every page and on the committee paper.
BOARD_NAME = os.environ.get("BOARD_NAME", "Safeguarding Children Partnership")
BOARD_SHORT_NAME = os.environ.get("BOARD_SHORT_NAME", "SCP")
COMMITTEE_NAME = os.environ.get("COMMITTEE_NAME", "Children and Young People Scrutiny Committee")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tables2",
    "django_filters",
    "simple_history",
    "django_tasks",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "objectives",
    "training",
    "reviews",
    "assurance",
    "budget",
    # The security log (audit/README.md): sign-ins, refusals, downloads, publications, role changes.
    "audit",
    "mscb",
]

MIDDLEWARE = [
    # TRACE/TRACK refused before anything else runs (mscb/trace_refusal.py).
    "mscb.trace_refusal.RefuseTraceMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Logs every 403 (CSRF failures included) and every file sent to a signed-in user.
    "audit.middleware.SecurityLogMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # After django-otp: a single sign-on whose provider did multi-factor counts as two-factor verified.
    "mscb.sso.two_factor.ProviderTwoFactorMiddleware",
    # `Cache-Control: private, no-store` on every response to a signed-in user (mscb/cache_headers.py).
    "mscb.cache_headers.NoStoreForSignedInMiddleware",
    "mscb.middleware.IdleSessionMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "mscb.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # a database or disk failure on a POST gets a 503 page keeping what was typed (mscb/save_failures.py).
    "mscb.save_failures.SaveFailureMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mscb.urls"
WSGI_APPLICATION = "mscb.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mscb.context_processors.board",
            ],
        },
    },
]

# Database: a SQLite file unless DATABASE_URL names another (PostgreSQL in production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Auth
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Axes only watches sign-in attempts; the model backend checks the password. Permissions are read in one
# query by mscb.permission_backend, before ModelBackend, which then finds them read (it signs nobody in).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "mscb.permission_backend.OneQueryPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# The password reset e-mail says the link works for an hour.
PASSWORD_RESET_TIMEOUT = 60 * 60
# An invitation's link to set a first password (the same confirmation page) works for longer.
INVITATION_LINK_SECONDS = 24 * 60 * 60
# Password reset requests in the last hour (mscb.password_reset): per address, and per e-mail address typed.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env_int("PASSWORD_RESET_LIMIT_PER_ADDRESS", 5)
PASSWORD_RESET_LIMIT_PER_ACCOUNT = env_int("PASSWORD_RESET_LIMIT_PER_ACCOUNT", 3)

# Sessions end after 30 minutes without a request. mscb.middleware.IdleSessionMiddleware
# pushes the expiry on at most once a minute, so an ordinary page costs no session write.
SESSION_COOKIE_AGE = 30 * 60
# A dialog warns this long before the idle limit, offering "Stay signed in" (templates/includes/_session_warning.html).
SESSION_WARNING_SECONDS = 120
# However active, a session ends this long after sign-in (mscb.middleware.IdleSessionMiddleware).
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 12 * 60 * 60)

# Lockout (django-axes): failed sign-ins within 15 minutes pause signing in for 15 minutes from the
# failure that reached the limit. Three limits, one per AXES_LOCKOUT_PARAMETERS entry, in its order:
# one username from one address, one address whatever the usernames, one username from any address.
# mscb.throttle.SignInThrottle gives each its own limit; a try during the pause is not counted, so
# it never makes the pause longer.
AXES_FAILURE_LIMIT = env_int("SIGN_IN_LIMIT_PER_USERNAME_AND_ADDRESS", 10)
SIGN_IN_LIMIT_PER_ADDRESS = env_int("SIGN_IN_LIMIT_PER_ADDRESS", 30)
SIGN_IN_LIMIT_PER_USERNAME = env_int("SIGN_IN_LIMIT_PER_USERNAME", 50)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("SIGN_IN_PAUSE_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address", "username"]
AXES_HANDLER = "mscb.throttle.SignInThrottle"
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "mscb.lockout.lockout_response"
# Sign-in ignores the username's case, so the lockout counts "Sam" and "sam" as one.
AXES_USERNAME_CALLABLE = "mscb.lockout.username_for_lockout"
# How many reverse proxies of ours stand in front of the site: 0 trusts no X-Forwarded-For header.
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0)
if AXES_IPWARE_PROXY_COUNT < 0:
    raise ImproperlyConfigured("AXES_IPWARE_PROXY_COUNT must be 0 or more.")
AXES_CLIENT_IP_CALLABLE = "mscb.lockout.client_ip_address"

# Security log (audit): entries older than this many days are deleted by `purge_security_log`, run daily.
SECURITY_LOG_RETENTION_DAYS = env_int("SECURITY_LOG_RETENTION_DAYS", 730)
if SECURITY_LOG_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("SECURITY_LOG_RETENTION_DAYS must be 1 or more.")

# Two-factor sign-in (django-otp, TOTP): on by default whenever DEBUG is off.
MFA_REQUIRED = env_bool("MFA_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = BOARD_NAME
# Setting up an authenticator app needs the password typed again within this many seconds (mscb.two_factor).
TWO_FACTOR_PASSWORD_FRESH_SECONDS = 10 * 60

# Single sign-on with OpenID Connect (mozilla-django-oidc; docs/single-sign-on.md), beside passwords.
# Off unless OIDC_RP_CLIENT_ID is set; then the provider's four endpoints and the secret are required.
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_RP_CLIENT_ID", "")
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
# Blank means the default, so the environment file can list it empty (systemd reads a lone ' as a quote).
OIDC_BUTTON_LABEL = os.environ.get("OIDC_BUTTON_LABEL") or "Sign in with your organisation's account"
# Entra ID sends no email_verified: its e-mail is trusted only from these tenants (the token's tid).
OIDC_TRUSTED_TENANT_IDS = env_list("OIDC_TRUSTED_TENANT_IDS", [])
# The token's acr values that mean the provider did multi-factor (amr containing "mfa" always does).
OIDC_MFA_ACR_VALUES = env_list("OIDC_MFA_ACR_VALUES", [])
OIDC_ALLOW_SUPERUSERS = env_bool("OIDC_ALLOW_SUPERUSERS", default=False)
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso:callback"
if OIDC_RP_CLIENT_ID:
    _OIDC_REQUIRED = ["OIDC_RP_CLIENT_SECRET", "OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT"]
    _OIDC_REQUIRED += ["OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT"]
    _oidc_missing = [name for name in _OIDC_REQUIRED if not globals()[name]]
    if _oidc_missing:
        raise ImproperlyConfigured(f"With OIDC_RP_CLIENT_ID set, set {', '.join(_oidc_missing)} too.")
    AUTHENTICATION_BACKENDS.append("mscb.sso.backend.OrganisationAccountBackend")

# Language and time
LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
# DATE_FORMAT "j F Y" (6 March 2026), kept in core.formats; a format module, because the locale beats settings.
FORMAT_MODULE_PATH = ["core.format_modules"]
USE_I18N = True
USE_TZ = True

# Static files: our own, plus Bootstrap from the xstatic package (no CDN, no copied vendor files).
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static", ("bootstrap", xstatic.pkg.bootstrap.BASE_DIR)]
_MANIFEST_STATIC = env_bool("DJANGO_MANIFEST_STATIC", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if _MANIFEST_STATIC
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# E-mail: the console unless configured.
EMAIL_BACKEND = os.environ.get("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "noreply@localhost")

# Background work (django_tasks): "immediate" runs each task as it is enqueued, in development and tests;
# "database" queues it for `manage.py db_worker`, so a slow mail server never holds up a page.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_TASK_BACKEND = os.environ.get("TASKS_BACKEND", "immediate")
if _TASK_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {_TASK_BACKEND!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_TASK_BACKEND]}}
if _TASK_BACKEND == "database":
    # Its tables and its admin only where the queue is used.
    INSTALLED_APPS.insert(INSTALLED_APPS.index("django_tasks") + 1, "django_tasks_db")

# The site's own address, for the links in e-mails sent where there is no request (a task, a command).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Generated files (i16-tasks): PDFs and Word files made by the task worker are kept in the database;
# `clean_generated_files` deletes one made this many days ago (or replaced by a newer one a day ago).
GENERATED_FILE_KEEP_DAYS = env_int("GENERATED_FILE_KEEP_DAYS", 7)

# Reminders: `send_reminders` e-mails contributors this many days before a round's deadline,
# and again the day after it.
REMINDER_DAYS_BEFORE_DEADLINE = env_int("REMINDER_DAYS_BEFORE_DEADLINE", 7)

# Training: how long an attendee's personal evaluation link keeps working after it is sent.
TRAINING_EVALUATION_LINK_DAYS = env_int("TRAINING_EVALUATION_LINK_DAYS", 30)

# Plan imports: the largest file an upload or import_plan accepts.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# Imports (issue 16): the most rows below the header a file may have; a longer one is refused on the upload page.
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 1000)

# Health check (/health/, mscb/health): failing when the disk where the app lives has less room than this,
# or, with TASKS_BACKEND=database, when a task has waited this long for a worker (none is running).
HEALTH_MIN_FREE_DISK_MB = env_int("HEALTH_MIN_FREE_DISK_MB", 500)
HEALTH_TASK_MAX_WAIT_MINUTES = env_int("HEALTH_TASK_MAX_WAIT_MINUTES", 15)
# A load balancer may probe a node over plain HTTP: /health/ answers there instead of redirecting to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

# Forms and tables
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
DJANGO_TABLES2_TEMPLATE = "includes/sortable_table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-striped align-middle"}

# Security: with DEBUG off every secure setting is on.
# Content-Security-Policy: no inline script or style attribute anywhere. A page that needs one
# <style> element of its own (the report's printed running heads) gives it request.csp_nonce;
# django-csp adds the nonce to the header only on pages that use it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # The __Host- prefix makes browsers refuse the cookie unless it is Secure, for Path=/ and set by
    # this host alone, so a neighbouring subdomain cannot plant one. The demo (DEBUG, plain http) keeps the plain names.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # A refused request (403) is one line naming the person and the address, not a traceback.
    "filters": {"refusal_in_one_line": {"()": "mscb.errors.RefusalInOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"filters": ["refusal_in_one_line"]},
        "django.security.csrf": {"filters": ["refusal_in_one_line"]},
        # The security log's JSON lines (audit.services), kept at INFO whatever the root level.
        "mscb.security": {"level": "INFO"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
