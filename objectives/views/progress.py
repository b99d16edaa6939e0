"""Placeholder: replaced by the real views."""

from django.views.generic import View


class ProgressEditView(View):
    pass
