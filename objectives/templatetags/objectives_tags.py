from django import template
from django.utils.html import format_html

from core.templatetags.core_rating import rag_badge

from ..text import progress_html

register = template.Library()
# The badge is core's; registered here too so templates that load objectives_tags keep {% rag_badge %}.
register.simple_tag(rag_badge, name="rag_badge")


@register.filter
def progress_text(text):
    """Plain progress text as paragraphs and bullet lists, safely escaped."""
    return progress_html(text)


@register.simple_tag
def action_target(action, empty="—"):
    """An action's target, marked Overdue once it has passed: one marking for every page and table of actions."""
    target = action.target_display or empty
    if action.is_overdue:
        return format_html('{} <strong class="overdue">Overdue</strong>', target)
    return target
