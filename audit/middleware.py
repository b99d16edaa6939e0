"""The two events heard from responses rather than signals, so every view is covered without touching it:
any refusal (403: a PermissionDenied, a CSRF failure, a mixin's refusal) and any file sent to a signed-in user."""

import re

from django.http import FileResponse

from .services import Kind, record_event, signed_in

FILE_NAME = re.compile(r'filename="?([^";]+)"?', re.IGNORECASE)
FORBIDDEN = 403


def is_download(response) -> bool:
    """A file for keeping: sent as an attachment, or a FileResponse (inline or not)."""
    disposition = response.get("Content-Disposition", "")
    return isinstance(response, FileResponse) or disposition.lower().startswith("attachment")


def download_detail(request, response) -> str:
    match = request.resolver_match
    url_name = match.view_name if match else request.path
    found = FILE_NAME.search(response.get("Content-Disposition", ""))
    return f"{url_name}: {found.group(1)}" if found else url_name


class SecurityLogMiddleware:
    """Placed after AuthenticationMiddleware: every view's response, and CsrfViewMiddleware's refusal, pass it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == FORBIDDEN:
            record_event(kind=Kind.PERMISSION_DENIED, request=request, detail=self.reason(request))
        elif response.status_code == 200 and signed_in(request) and is_download(response):
            record_event(kind=Kind.DOWNLOAD, request=request, detail=download_detail(request, response))
        return response

    @staticmethod
    def reason(request) -> str:
        match = request.resolver_match
        return f"Refused at {match.view_name}" if match else "Refused"
