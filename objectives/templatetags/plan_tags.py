"""Tags of the plan page only: its objectives and tables of actions, drawn in Python (see objectives.plan_rows)."""

from django import template

from ..plan_rows import actions_html, objectives_html

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_objectives(context, aim):
    """{% plan_objectives aim %}: the aim's `shown_objectives`, each with its table of actions."""
    perms = context["perms"]
    return objectives_html(
        aim.shown_objectives, context["plan"], context["level"], lambda name: f"objectives.{name}" in perms
    )


@register.simple_tag(takes_context=True)
def plan_actions(context, actions, caption):
    """{% plan_actions actions caption %}: a table of the plan's actions; `caption` says whose they are."""
    return actions_html(actions, context["plan"], context["level"], caption=caption)
