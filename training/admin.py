"""The staff admin for training: every model, with its children inline."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AgencyWorkforce, Course, Evaluation, EvaluationLink, Registration, TrainingSession


class SessionInline(admin.TabularInline):
    model = TrainingSession
    fields = ["starts_at", "ends_at", "venue", "is_online", "trainer", "places"]
    extra = 0
    show_change_link = True


class RegistrationInline(admin.TabularInline):
    model = Registration
    fields = ["attendee_name", "email", "agency", "job_role", "status"]
    autocomplete_fields = ["agency"]
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(SimpleHistoryAdmin):
    list_display = ["title", "level", "duration_hours", "non_attendance_charge", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["title", "description"]
    filter_horizontal = ["objectives"]
    inlines = [SessionInline]


@admin.register(TrainingSession)
class TrainingSessionAdmin(SimpleHistoryAdmin):
    list_display = ["course", "starts_at", "venue", "is_online", "trainer", "places"]
    list_filter = ["course", "is_online"]
    list_select_related = ["course"]
    search_fields = ["course__title", "venue", "trainer"]
    date_hierarchy = "starts_at"
    inlines = [RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ["attendee_name", "email", "agency", "session", "status", "registered_at"]
    list_filter = ["status", "agency", "session__course"]
    list_select_related = ["agency", "session__course"]
    search_fields = ["attendee_name", "email", "job_role", "agency__name"]
    autocomplete_fields = ["agency", "session"]


@admin.register(AgencyWorkforce)
class AgencyWorkforceAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "staff_count", "recorded_on"]
    list_select_related = ["agency"]
    search_fields = ["agency__name", "agency__short_name"]
    autocomplete_fields = ["agency"]


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    list_display = ["registration", "kind", "relevance", "quality", "confidence_before", "confidence_after"]
    list_filter = ["kind", "practice_changed", "registration__session__course"]
    list_select_related = ["registration__agency", "registration__session__course"]
    search_fields = ["registration__attendee_name", "registration__email", "will_do_differently", "example"]
    raw_id_fields = ["registration"]


@admin.register(EvaluationLink)
class EvaluationLinkAdmin(admin.ModelAdmin):
    list_display = ["registration", "kind", "sent_at", "sent_by"]
    list_filter = ["kind"]
    list_select_related = ["registration__agency", "registration__session__course", "sent_by"]
    search_fields = ["registration__attendee_name", "registration__email"]
    raw_id_fields = ["registration", "sent_by"]
