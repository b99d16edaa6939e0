"""Sign-in throttling: django-axes' database handler with a limit of its own for each lockout parameter.

Axes counts failures separately for each entry of AXES_LOCKOUT_PARAMETERS (username and address,
address alone, username alone) but compares them all with the one AXES_FAILURE_LIMIT; a callable
limit is not told which entry it is for. So this handler reports, as its failure count, how near
the nearest entry is to its own limit, on AXES_FAILURE_LIMIT's scale: axes then locks out, sends
its user_locked_out signal and shows the lockout page just as it does for one limit. The counts
stay in axes' AccessAttempt table, in the database every web server shares.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


def failure_limits() -> list[int]:
    """The limit for each AXES_LOCKOUT_PARAMETERS entry, in the same order."""
    by_parameter = {
        ("username", "ip_address"): settings.AXES_FAILURE_LIMIT,
        ("ip_address",): settings.SIGN_IN_LIMIT_PER_ADDRESS,
        ("username",): settings.SIGN_IN_LIMIT_PER_USERNAME,
    }
    return [
        by_parameter[tuple([entry] if isinstance(entry, str) else entry)] for entry in settings.AXES_LOCKOUT_PARAMETERS
    ]


class SignInThrottle(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """AXES_FAILURE_LIMIT less the failures the nearest limit still allows: reaching any limit reaches axes' own."""
        attempts_list = self.get_user_attempts(request, credentials)
        room_left = min(
            limit - (attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0)
            for attempts, limit in zip(attempts_list, failure_limits(), strict=True)
        )
        return max(0, settings.AXES_FAILURE_LIMIT - room_left)

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful sign-in forget that username's failures, but not the address's.

        Axes would clear every row matching any parameter, so signing in to an account of one's own
        would wipe the failures one address made against everybody else's.
        """
        username = get_client_username(request, credentials)
        count, _ = AccessAttempt.objects.filter(username=username).delete()
        return count
