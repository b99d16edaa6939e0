"""The error summary every form page shows above its form when anything is wrong."""

from django import template

from core.forms import error_summary as summary_items

register = template.Library()


@register.inclusion_tag("includes/_error_summary.html")
def error_summary(*sources, alert=False):
    """{% error_summary form formset %}: "There is a problem" and every error, each linked to its field.

    `alert=True` also announces it the moment it appears (the sign-in page, whose one error is the whole story).
    """
    return {"errors": summary_items(*sources), "alert": alert}
