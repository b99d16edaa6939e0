"""The answer to a request for a file made in the background: the file, a "being prepared" page, or what failed."""

from dataclasses import dataclass, field

from django.http import HttpResponse
from django.shortcuts import redirect, render

from . import generated as files
from .models import GeneratedFile
from .responses import attachment

# The engine failed and a person can try again later: 503 says the service, not the request, is at fault, and is
# what monitoring counts apart from the 500s of our own bugs.
FAILED_STATUS = 503


@dataclass(frozen=True)
class Download:
    """A file a page offers: what it is called, how it is sent, and the other formats to offer if it fails."""

    label: str
    name: str
    content_type: str
    task: object
    alternatives: list[tuple[str, str]] = field(default_factory=list)


def serve(request, generated: GeneratedFile, download: Download) -> HttpResponse:
    """The file if it is made; a POST (the "Try again" button) queues a failed one again and comes back here."""
    if request.method == "POST":
        files.retry(generated, download.task)
        return redirect(request.get_full_path())
    if generated.is_ready:
        return attachment(bytes(generated.content), name=download.name, content_type=download.content_type)
    context = {"file_label": download.label, "generated": generated, "alternatives": download.alternatives}
    if generated.has_failed:
        return render(request, "generated/failed.html", context, status=FAILED_STATUS)
    return render(request, "generated/preparing.html", context, status=202)
