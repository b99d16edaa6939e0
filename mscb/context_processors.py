from django.conf import settings


def board(request):
    """The board's and committee's names, which are configuration rather than code."""
    return {
        "board_name": settings.BOARD_NAME,
        "board_short_name": settings.BOARD_SHORT_NAME,
        "committee_name": settings.COMMITTEE_NAME,
    }
