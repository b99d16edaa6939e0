"""The rating palette in templates: a badge, and the palette itself for a key."""

from django import template

from core import rating

register = template.Library()


@register.simple_tag
def rag_badge(value):
    """{% rag_badge update.rag %}: the badge; "" or "none" means no update yet."""
    return rating.badge(value)


@register.simple_tag
def rating_palette():
    """{% rating_palette as ratings %}: every rating in the key's order, for a RAG key."""
    return rating.PALETTE
