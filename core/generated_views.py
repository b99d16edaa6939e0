"""The answer to a request for a file made in the background: the file, a "being prepared" page, or what failed;
and the Try again button of a publication whose files failed."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from . import auto_refresh
from . import generated as files
from .models import GeneratedFile, PublicDocument
from .publishing import prepare_again
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
    context["auto_refresh"] = auto_refresh.asked_for(request)
    if generated.has_failed:
        return render(request, "generated/failed.html", context, status=FAILED_STATUS)
    return render(request, "generated/preparing.html", context, status=202)


def prepare_files_again(request, model: type[PublicDocument], pk: int, task) -> HttpResponse:
    """The Try again button of a publication whose files could not be made: queue them again, back to its page."""
    document = get_object_or_404(model.objects.only("pk", "files_status"), pk=pk)
    prepare_again(document, task)
    messages.info(request, "Its PDF and Word files are being prepared again.")
    return redirect(document)
