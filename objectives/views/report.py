"""Placeholder: replaced by the real views."""

from django.views.generic import View


class ReportView(View):
    pass
