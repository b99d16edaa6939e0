"""The staff admin for the budget: both models, with their history."""

from django.contrib import admin

from core import admin as accessible

from .models import PartnerContribution, SpendLine


@admin.register(PartnerContribution)
class PartnerContributionAdmin(accessible.HistoryAdmin):
    list_display = ["agency", "plan", "agreed", "paid", "in_kind_value"]
    list_filter = ["plan"]
    list_select_related = ["agency", "plan"]
    search_fields = ["agency__name", "agency__short_name", "in_kind", "note"]


@admin.register(SpendLine)
class SpendLineAdmin(accessible.HistoryAdmin):
    list_display = ["heading", "plan", "budgeted", "spent", "position"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["heading", "note"]
