# Only what differs from Django's en_GB formats; the rest falls through to them.
from core.formats import DATE_FORMAT, DATETIME_FORMAT

__all__ = ["DATE_FORMAT", "DATETIME_FORMAT"]
