from django.contrib import admin

from core import admin as accessible

from . import services
from .models import BankHoliday, CdopCategory, CdopFigure, CdopYear, Recommendation, Review, Subgroup


@admin.register(BankHoliday)
class BankHolidayAdmin(accessible.HistoryAdmin):
    list_display = ["on", "name"]
    date_hierarchy = "on"
    search_fields = ["name"]


@admin.register(Subgroup)
class SubgroupAdmin(accessible.HistoryAdmin):
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(CdopCategory)
class CdopCategoryAdmin(accessible.HistoryAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]


class RecommendationInline(accessible.TabularInline):
    model = Recommendation
    fields = ["number", "text"]
    extra = 0
    show_change_link = True


@admin.register(Review)
class ReviewAdmin(accessible.HistoryAdmin):
    list_display = ["name", "code", "kind", "status", "incident_notified_on", "decided_on", "due_on", "closed_on"]
    list_filter = ["kind", "status"]
    search_fields = ["name", "summary"]
    inlines = [RecommendationInline]

    def save_model(self, request, obj, form, change):
        # The admin can change the notification date, so the deadlines the register filters on follow it.
        services.set_statutory_deadlines(review=obj)
        super().save_model(request, obj, form, change)


@admin.register(Recommendation)
class RecommendationAdmin(accessible.HistoryAdmin):
    list_display = ["review", "number"]
    list_filter = ["review"]


class CdopFigureInline(accessible.TabularInline):
    model = CdopFigure
    extra = 0


@admin.register(CdopYear)
class CdopYearAdmin(accessible.HistoryAdmin):
    list_display = ["title", "ends_on", "deaths_reviewed", "with_modifiable_factors"]
    inlines = [CdopFigureInline]
