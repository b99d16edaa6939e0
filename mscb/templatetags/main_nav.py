"""{% main_nav_links as links %}: the main navigation's links for the signed-in user (mscb.navigation)."""

from django import template

from mscb.navigation import links_for

register = template.Library()


@register.simple_tag(takes_context=True)
def main_nav_links(context) -> list:
    # A page drawn without its request (the error pages) marks no link as the current one.
    request = context.get("request")
    return links_for(context["user"], request.path if request else "")
