from django.contrib import admin

from core import admin as accessible

from .models import (
    Action,
    Agency,
    Aim,
    BusinessPlan,
    Objective,
    ProgressRound,
    ProgressUpdate,
    PublishedReport,
    ReminderLog,
)


@admin.register(Agency)
class AgencyAdmin(accessible.HistoryAdmin):
    list_display = ["name", "short_name", "is_statutory_partner", "is_active"]
    list_filter = ["is_statutory_partner", "is_active"]
    search_fields = ["name", "short_name"]


class AimInline(accessible.TabularInline):
    model = Aim
    extra = 0
    can_delete = False


class RoundInline(accessible.TabularInline):
    model = ProgressRound
    extra = 0


@admin.register(BusinessPlan)
class BusinessPlanAdmin(accessible.HistoryAdmin):
    list_display = ["title", "starts_on", "ends_on"]
    search_fields = ["title"]
    inlines = [AimInline, RoundInline]


class HideInsteadAdmin(accessible.HistoryAdmin):
    """The admin of a row the app hides on Delete: no real delete, so the board manager can restore it."""

    def has_delete_permission(self, request, obj=None):
        return False


class ObjectiveInline(accessible.TabularInline):
    model = Objective
    fields = ["ref", "title"]
    extra = 0
    can_delete = False


@admin.register(Aim)
class AimAdmin(HideInsteadAdmin):
    list_display = ["number", "title", "plan"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["title"]
    inlines = [ObjectiveInline]


class ActionInline(accessible.TabularInline):
    model = Action
    fields = ["ref", "text", "target_on", "target_is_month", "status"]
    extra = 0
    can_delete = False


@admin.register(Objective)
class ObjectiveAdmin(HideInsteadAdmin):
    list_display = ["ref", "title", "aim", "plan"]
    list_filter = ["plan"]
    list_select_related = ["aim", "plan"]
    search_fields = ["ref", "title"]
    ordering = ["plan", "sort_key"]
    inlines = [ActionInline]

    def save_model(self, request, obj, form, change):
        obj.plan_id = obj.aim.plan_id
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        # Actions added inline belong to the objective's plan.
        for action in formset.save(commit=False):
            action.plan_id = form.instance.plan_id
            action.save()
        for deleted in formset.deleted_objects:
            deleted.delete()
        formset.save_m2m()


class ProgressUpdateInline(accessible.StackedInline):
    model = ProgressUpdate
    fields = ["round", "state", "rag", "progress", "impact", "return_comment", "author"]
    extra = 0

    def has_delete_permission(self, request, obj=None):
        # What a partner submitted is never deleted; an action holding progress can only be hidden.
        return False


@admin.register(Action)
class ActionAdmin(HideInsteadAdmin):
    list_display = ["ref", "short_text", "objective", "target_on", "status", "is_deleted"]
    list_filter = ["plan", "status", "is_deleted", "lead_agencies"]
    list_select_related = ["objective", "plan"]
    search_fields = ["ref", "text"]
    ordering = ["plan", "sort_key"]
    inlines = [ProgressUpdateInline]

    @admin.display(description="action")
    def short_text(self, obj):
        return obj.text[:80]

    def save_model(self, request, obj, form, change):
        obj.plan_id = obj.objective.plan_id if obj.objective_id else None
        super().save_model(request, obj, form, change)


@admin.register(ProgressRound)
class ProgressRoundAdmin(accessible.HistoryAdmin):
    list_display = ["label", "plan", "as_of", "deadline"]
    list_filter = ["plan"]
    list_select_related = ["plan"]
    search_fields = ["plan__title"]


class RatingListFilter(admin.AllValuesFieldListFilter):
    """The ratings given so far, with a blank one (no rating yet) listed by name instead of as a link with no words."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            yield {**choice, "display": choice["display"] or "No rating"}


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(accessible.HistoryAdmin):
    list_display = ["action", "round", "state", "rag", "author", "updated_at"]
    list_filter = ["state", ("rag", RatingListFilter), "round__plan", "round"]
    list_select_related = ["action", "round", "author"]
    search_fields = ["action__ref", "progress", "impact"]
    # Not autocomplete_fields: its select2 box has no accessible name until something is chosen.
    raw_id_fields = ["action"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReminderLog)
class ReminderLogAdmin(accessible.ModelAdmin):
    list_display = ["user", "round", "reason", "sent_at", "sent_by"]
    list_filter = ["reason", "round"]
    list_select_related = ["user", "round", "sent_by"]
    search_fields = ["user__username", "user__email"]


@admin.register(PublishedReport)
class PublishedReportAdmin(accessible.ModelAdmin):
    """Read-only: a published report is the board's record of what it sent, so nobody may change it."""

    list_display = ["title", "plan", "round", "published_at", "published_by"]
    list_filter = ["plan"]
    list_select_related = ["plan", "round", "published_by"]
    search_fields = ["title"]
    fields = ["title", "plan", "round", "published_at", "published_by", "pdf_sha256", "docx_sha256"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).defer("snapshot", "html", "pdf", "docx")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
