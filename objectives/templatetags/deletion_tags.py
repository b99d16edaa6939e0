from django import template
from django.urls import reverse

from ..models import Action, Aim, Objective

register = template.Library()


@register.simple_tag(takes_context=True)
def delete_url(context, item) -> str:
    """The page that hides this aim, objective or action, if the user may hide it; empty otherwise."""
    if not isinstance(item, Aim | Objective | Action) or item.pk is None or item.is_deleted:
        return ""
    name = item._meta.model_name
    if not context["request"].user.has_perm(f"objectives.delete_{name}"):
        return ""
    return reverse(f"objectives:{name}_delete", args=[item.pk])
