"""Template filters for core.formats; dates need none, since `{{ day|date }}` follows DATE_FORMAT."""

from django import template

from core import formats

register = template.Library()


@register.filter
def display_name(user, missing=""):
    """{{ update.author|display_name:"unknown" }}: full name, else username, else `missing`."""
    return formats.display_name(user or None, missing=missing)


@register.filter
def month_year(day):
    """{{ action.target_on|month_year }}: "March 2026"."""
    return formats.month_year(day) if day else ""


@register.filter
def pounds(amount):
    """{{ line.spent|pounds }}: "£1,234.50"; nothing for a blank amount."""
    return "" if amount is None or amount == "" else formats.pounds(amount)
