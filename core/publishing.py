"""Making a publication's frozen files in the background: the publish button records the publication as being
prepared, and the task worker makes its PDF and Word files, with their SHA-256 sums, or says why it could not.

Each kind of publication (committee report, yearly report) has a task of its own that calls `make_files()` with
how it renders its files, so this layer names no feature.
"""

import hashlib
import logging
from collections.abc import Callable

from .models import FilesStatus, PublicDocument

logger = logging.getLogger(__name__)


def make_files(model: type[PublicDocument], pk: int, render: Callable[[PublicDocument], tuple[bytes, bytes]]) -> None:
    """Make a publication's PDF and Word files (`render` gives both); one already made or failed is left alone."""
    document = model.objects.filter(pk=pk, files_status=FilesStatus.PREPARING).first()
    if document is None:
        return
    try:
        pdf, docx = render(document)
    except Exception as error:  # a missing font, memory: the publications page says so and offers Try again
        logger.exception("Could not make the files of %s %s", model._meta.label, pk)
        model.objects.filter(pk=pk).update(
            files_status=FilesStatus.FAILED, files_error=f"{type(error).__name__}: {error}"
        )
        return
    model.objects.filter(pk=pk).update(
        pdf=pdf,
        docx=docx,
        pdf_sha256=hashlib.sha256(pdf).hexdigest(),
        docx_sha256=hashlib.sha256(docx).hexdigest(),
        files_status=FilesStatus.READY,
        files_error="",
    )


def queue_files(document: PublicDocument, task) -> None:
    """Hand a publication being prepared to the worker; if the queue refuses it, record that its files failed."""
    try:
        task.enqueue(document.pk)
    except Exception as error:  # whatever the queue's backend raises, the publish button must not break
        logger.exception("Could not queue the files of %s %s", document._meta.label, document.pk)
        type(document).objects.filter(pk=document.pk).update(
            files_status=FilesStatus.FAILED, files_error=f"They could not be queued: {error}"
        )
    document.refresh_from_db()


def prepare_again(document: PublicDocument, task) -> None:
    """Queue a publication whose files failed once more (the Try again button)."""
    if (
        type(document)
        .objects.filter(pk=document.pk, files_status=FilesStatus.FAILED)
        .update(files_status=FilesStatus.PREPARING, files_error="")
    ):
        queue_files(document, task)
