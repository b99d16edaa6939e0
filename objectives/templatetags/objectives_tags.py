from django import template
from django.utils.html import format_html

from ..models import ProgressUpdate
from ..text import progress_html

register = template.Library()

_RAG_LABELS = dict(ProgressUpdate.Rag.choices)


@register.filter
def progress_text(text):
    """Plain progress text as paragraphs and bullet lists, safely escaped."""
    return progress_html(text)


@register.simple_tag
def rag_badge(rag):
    """A RAG badge that says its colour in words as well as showing it; "none" means no update yet."""
    if not rag or rag == "none":
        return format_html('<span class="rag rag-{}">{}</span>', "none", "No update")
    return format_html('<span class="rag rag-{}">{}</span>', rag, _RAG_LABELS.get(rag, rag))
