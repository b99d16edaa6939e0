from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.stylesheets import ratings_css
from mscb import password_reset, session_views, two_factor
from mscb.dashboard.views import DashboardView
from mscb.forms import SignInForm
from mscb.health.views import health
from mscb.home import views as home_views

urlpatterns = [
    # Each role's home page (mscb/home): what waits on them, or the overview.
    path("", home_views.HomeView.as_view(), name="home"),
    # Django's own, limited per address and per account (mscb.password_reset); the confirmation
    # page lets an invitation's link last longer than a reset link.
    path("accounts/password_reset/", password_reset.LimitedPasswordResetView.as_view(), name="password_reset"),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(token_generator=password_reset.ResetOrInvitationTokens()),
        name="password_reset_confirm",
    ),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=SignInForm), name="login"),
    path("accounts/two-factor/", two_factor.VerifyView.as_view(), name="two_factor_verify"),
    path("accounts/two-factor/set-up/", two_factor.EnrolView.as_view(), name="two_factor_enrol"),
    # Single sign-on with an organisation's account (mscb/sso); 404 unless OIDC_RP_CLIENT_ID is set.
    path("accounts/sso/", include("mscb.sso.urls")),
    path("accounts/two-factor/set-up/password/", two_factor.PasswordAgainView.as_view(), name="two_factor_password"),
    path("accounts/", include("django.contrib.auth.urls")),
    # The idle-session warning's "Stay signed in" (static/js/session.js).
    path("session/keep-alive/", session_views.keep_alive, name="session_keep_alive"),
    path("admin/", admin.site.urls),
    # Every rating scale's badge colours (CSP keeps colours out of style attributes).
    path("ratings.css", ratings_css, name="ratings_css"),
    # Ratings per aim, objective and agency for a round, their movement and their trend across rounds.
    path("dashboard/", DashboardView.as_view(), name="dashboard"),
    path("training/", include("training.urls")),
    path("reviews/", include("reviews.urls")),
    path("assurance/", include("assurance.urls")),
    path("budget/", include("budget.urls")),
    # The yearly report (mscb/yearly), the retention periods (mscb/retention).
    path("yearly-report/feedback/", include("mscb.yearly.feedback_urls")),
    path("yearly-report/", include("mscb.yearly.urls")),
    path("retention/", include("mscb.retention.urls")),
    # The security log, for board managers (audit).
    path("security-log/", include("audit.urls")),
    # The public pages: the only pages anyone may open without signing in (mscb/public).
    path("public/", include("mscb.public.urls")),
    # For the load balancer and monitoring, without sign-in: "ok" or "failing" (mscb/health).
    path("health/", health, name="health"),
    path("", include("objectives.urls")),
]

# The 400 and 500 pages are drawn without the request (mscb.errors); Django's own handlers draw 403 and 404.
handler400 = "mscb.errors.bad_request"
handler500 = "mscb.errors.server_error"
