"""A public document's page and files: found only while public, the same 404 for anything else."""

import re

from django.http import Http404
from django.utils.safestring import SafeString, mark_safe

from core.responses import UNSAFE_IN_FILE_NAME
from objectives.models import PublishedReport
from objectives.paper.files import FILE_FORMATS, file_name
from objectives.paper.html import paper_fragment

from .kinds import KINDS

# The formats the public may download: the files the committee and the council's system receive.
PUBLIC_FORMATS = ("pdf", "docx")
_DOCUMENT_ATTRIBUTE = "_public_document"

# A link out of the frozen page (to a signed-in page of ours, or anywhere): the link goes, its words stay.
# Links within the page (#aim-1) stay. The HTML is our own template's, typed text escaped, so this is exact.
_LINK = re.compile(r'<a\b(?![^>]*\bhref="#)[^>]*>(.*?)</a>', re.DOTALL)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def public_document(request, kind: str, pk: int, *fields: str):
    """The public document of this kind, with these fields besides its identity; read once a request."""
    found = getattr(request, _DOCUMENT_ATTRIBUTE, None)
    if found is None:
        model = KINDS.model(kind)
        wanted = ("pk", "title", "published_at", "public_since", "pdf_sha256", "docx_sha256", *fields)
        related = {name.split("__")[0] for name in fields if "__" in name}
        found = model.objects.public().select_related(*related).only(*wanted).filter(pk=pk).first() or False
        setattr(request, _DOCUMENT_ATTRIBUTE, found)
    if not found:
        raise Http404
    return found


def public_html(stored: str) -> SafeString:
    """The document's own HTML to show inside the public page, with no link out of it."""
    fragment = paper_fragment(stored)
    if not fragment:
        body = _BODY.search(stored)
        fragment = body[1] if body else ""
    # Safe: our own templates wrote it when it was published, with every typed text escaped.
    return mark_safe(_LINK.sub(r"\1", _SCRIPT.sub("", fragment)))


def download_name(document, file_format: str) -> str:
    """A committee report's usual file name; a yearly report's title."""
    extension = FILE_FORMATS[file_format].extension
    if isinstance(document, PublishedReport):
        return file_name(plan_title=document.plan.title, as_of=document.round.as_of, extension=extension)
    stem = " ".join(UNSAFE_IN_FILE_NAME.sub("-", document.title).split())
    return f"{stem}.{extension}"
