from django import template
from django.utils.html import format_html

from ..text import progress_html

register = template.Library()


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
