"""The admin for assurance's records, for the site admin and for the board manager's corrections.

The pages are where the board manager keeps the standards framework between cycles; everything else is done on the
app's own pages, which keep the workflow's rules (submission, moderation, publishing, decisions).
"""

from django.contrib import admin

from core import admin as accessible

from .models import (
    AssuranceRecommendation,
    AuditCase,
    AuditQuestion,
    CaseAudit,
    RecommendationSource,
    Section11Cycle,
    Section11Return,
    Standard,
    StandardAssessment,
)


@admin.register(Standard)
class StandardAdmin(accessible.HistoryAdmin):
    list_display = ["number", "title", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title", "description"]


@admin.register(Section11Cycle)
class Section11CycleAdmin(accessible.HistoryAdmin):
    list_display = ["title", "code", "opens_on", "deadline", "published_on"]
    filter_horizontal = ["standards", "agencies"]


class StandardAssessmentInline(accessible.TabularInline):
    model = StandardAssessment
    fields = ["standard", "rating", "agreed_rating"]
    extra = 0


@admin.register(Section11Return)
class Section11ReturnAdmin(accessible.HistoryAdmin):
    list_display = ["cycle", "agency", "status", "submitted_on"]
    list_filter = ["cycle", "status"]
    inlines = [StandardAssessmentInline]


class AuditQuestionInline(accessible.TabularInline):
    model = AuditQuestion
    extra = 0


class AuditCaseInline(accessible.TabularInline):
    model = AuditCase
    extra = 0


@admin.register(CaseAudit)
class CaseAuditAdmin(accessible.HistoryAdmin):
    list_display = ["theme", "held_on", "status", "completed_on"]
    list_filter = ["status"]
    filter_horizontal = ["agencies"]
    inlines = [AuditQuestionInline, AuditCaseInline]


class AssuranceRecommendationInline(accessible.TabularInline):
    model = AssuranceRecommendation
    fields = ["number", "text", "decision", "decided_on"]
    extra = 0
    show_change_link = True


@admin.register(RecommendationSource)
class RecommendationSourceAdmin(accessible.HistoryAdmin):
    list_display = ["title", "kind", "code", "reported_on"]
    list_filter = ["kind"]
    search_fields = ["title", "summary"]
    inlines = [AssuranceRecommendationInline]


@admin.register(AssuranceRecommendation)
class AssuranceRecommendationAdmin(accessible.HistoryAdmin):
    list_display = ["source", "number", "decision", "decided_on"]
    list_filter = ["source__kind", "decision"]
