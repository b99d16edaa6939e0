"""Ratings in templates: a level's badge on its plan's scale, and the key of a scale."""

from django import template

from core import rating

register = template.Library()


@register.simple_tag
def rating_badge(scale, value):
    """{% rating_badge plan.scale update.rag %}: the badge in words and colour; a blank rating prints nothing.

    Without a scale (None), RAG's, the scale of actions that belong to no plan.
    """
    return (scale or rating.RAG).badge(value)


@register.simple_tag
def rating_palette(scale=None):
    """{% rating_palette plan.scale as ratings %}: the scale's key in order (RAG's without a scale)."""
    return (scale or rating.RAG).key_entries
