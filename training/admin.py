"""The staff admin for training: every model, with its children inline."""

from django.contrib import admin

from core import admin as accessible

from .models import AgencyWorkforce, Course, Evaluation, EvaluationLink, Registration, TrainingSession


class SessionInline(accessible.TabularInline):
    model = TrainingSession
    fields = ["starts_at", "ends_at", "venue", "is_online", "trainer", "places"]
    extra = 0
    show_change_link = True


class RegistrationInline(accessible.TabularInline):
    model = Registration
    fields = ["attendee_name", "email", "agency", "job_role", "status"]
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(accessible.HistoryAdmin):
    list_display = ["title", "level", "duration_hours", "non_attendance_charge", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["title", "description"]
    inlines = [SessionInline]


@admin.register(TrainingSession)
class TrainingSessionAdmin(accessible.HistoryAdmin):
    list_display = ["course", "starts_at", "venue", "is_online", "trainer", "places"]
    list_filter = ["course", "is_online"]
    list_select_related = ["course"]
    search_fields = ["course__title", "venue", "trainer"]
    date_hierarchy = "starts_at"
    inlines = [RegistrationInline]


@admin.register(Registration)
class RegistrationAdmin(accessible.HistoryAdmin):
    list_display = ["attendee_name", "email", "agency", "session", "status", "registered_at"]
    list_filter = ["status", "agency", "session__course"]
    list_select_related = ["agency", "session__course"]
    search_fields = ["attendee_name", "email", "job_role", "agency__name"]
    # Not autocomplete_fields: its select2 box has no accessible name until something is chosen.
    # The agencies are few enough for a plain list; the sessions grow every term.
    raw_id_fields = ["session"]


@admin.register(AgencyWorkforce)
class AgencyWorkforceAdmin(accessible.HistoryAdmin):
    list_display = ["agency", "staff_count", "recorded_on"]
    list_select_related = ["agency"]
    search_fields = ["agency__name", "agency__short_name"]


@admin.register(Evaluation)
class EvaluationAdmin(accessible.ModelAdmin):
    list_display = ["registration", "kind", "relevance", "quality", "confidence_before", "confidence_after"]
    list_filter = ["kind", "practice_changed", "registration__session__course"]
    list_select_related = ["registration__agency", "registration__session__course"]
    search_fields = ["registration__attendee_name", "registration__email", "will_do_differently", "example"]
    raw_id_fields = ["registration"]


@admin.register(EvaluationLink)
class EvaluationLinkAdmin(accessible.ModelAdmin):
    list_display = ["registration", "kind", "sent_at", "sent_by"]
    list_filter = ["kind"]
    list_select_related = ["registration__agency", "registration__session__course", "sent_by"]
    search_fields = ["registration__attendee_name", "registration__email"]
    raw_id_fields = ["registration", "sent_by"]
