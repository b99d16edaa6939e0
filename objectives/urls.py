from django.urls import path

from .views import (
    actions,
    agencies,
    covering,
    deleted,
    exports,
    imports,
    indicator_imports,
    indicators,
    my_actions,
    notifications,
    people,
    plan_deletion,
    plans,
    progress,
    publishing,
    report,
    rollover,
    rounds,
    scales,
)

app_name = "objectives"
urlpatterns = [
    path("plans/", plans.PlanListView.as_view(), name="plan_list"),
    path("plans/new/", plans.PlanCreateView.as_view(), name="plan_create"),
    path("plans/<int:pk>/", plans.PlanDetailView.as_view(), name="plan_detail"),
    path("plans/<int:pk>/edit/", plans.PlanUpdateView.as_view(), name="plan_update"),
    path("plans/<int:pk>/next-year/", rollover.PlanRolloverView.as_view(), name="plan_rollover"),
    path("plans/<int:pk>/delete/", plan_deletion.PlanRemoveView.as_view(), name="plan_delete"),
    path("plans/<int:plan_pk>/aims/new/", plans.AimCreateView.as_view(), name="aim_create"),
    path("aims/<int:pk>/edit/", plans.AimUpdateView.as_view(), name="aim_update"),
    path("aims/<int:aim_pk>/objectives/new/", plans.ObjectiveCreateView.as_view(), name="objective_create"),
    path("objectives/<int:pk>/edit/", plans.ObjectiveUpdateView.as_view(), name="objective_update"),
    path("plans/<int:plan_pk>/rounds/new/", plans.RoundCreateView.as_view(), name="round_create"),
    path("rounds/<int:pk>/edit/", plans.RoundUpdateView.as_view(), name="round_update"),
    path("rounds/<int:pk>/delete/", plan_deletion.RoundRemoveView.as_view(), name="round_delete"),
    path("actions/", actions.ActionListView.as_view(), name="action_list"),
    path("objectives/<int:objective_pk>/actions/new/", actions.ActionCreateView.as_view(), name="action_create"),
    # A two-level plan's actions sit under a priority, a list plan's in the plan itself.
    path("aims/<int:aim_pk>/actions/new/", actions.ActionCreateView.as_view(), name="aim_action_create"),
    path("plans/<int:plan_pk>/actions/new/", actions.ActionCreateView.as_view(), name="plan_action_create"),
    path("actions/<int:pk>/", actions.ActionDetailView.as_view(), name="action_detail"),
    path("actions/<int:pk>/edit/", actions.ActionUpdateView.as_view(), name="action_update"),
    path(
        "actions/<int:pk>/progress/<int:round_pk>/",
        progress.ProgressEditView.as_view(),
        name="progress_edit",
    ),
    path(
        "progress/<int:pk>/review/",
        progress.ProgressReviewView.as_view(),
        name="progress_review",
    ),
    # The round workflow
    path("my-actions/", my_actions.MyActionsView.as_view(), name="my_actions"),
    path("rounds/<int:pk>/", rounds.RoundDetailView.as_view(), name="round_detail"),
    path("rounds/<int:pk>/close/", rounds.close_round, name="round_close"),
    path("rounds/<int:pk>/reopen/", rounds.reopen_round, name="round_reopen"),
    path("rounds/<int:pk>/remind/<int:agency_pk>/", rounds.remind_agency, name="round_remind_agency"),
    path("rounds/<int:pk>/remind-late/", rounds.remind_late_agencies, name="round_remind_late"),
    # E-mail: everyone's own settings, and the board manager's log
    path("email-settings/", notifications.EmailSettingsView.as_view(), name="email_settings"),
    path("email-log/", notifications.EmailLogView.as_view(), name="email_log"),
    # People
    path("people/", people.PersonListView.as_view(), name="person_list"),
    path("people/new/", people.PersonCreateView.as_view(), name="person_create"),
    path("people/<int:pk>/edit/", people.PersonUpdateView.as_view(), name="person_update"),
    path("people/<int:pk>/deactivate/", people.deactivate_person, name="person_deactivate"),
    path("people/<int:pk>/reactivate/", people.reactivate_person, name="person_reactivate"),
    # Agencies
    path("agencies/", agencies.AgencyListView.as_view(), name="agency_list"),
    path("agencies/new/", agencies.AgencyCreateView.as_view(), name="agency_create"),
    path("agencies/<int:pk>/edit/", agencies.AgencyUpdateView.as_view(), name="agency_update"),
    path("agencies/<int:pk>/merge/", agencies.AgencyMergeView.as_view(), name="agency_merge"),
    # Rating scales, and moving a plan to another
    path("scales/", scales.ScaleListView.as_view(), name="scale_list"),
    path("scales/new/", scales.ScaleCreateView.as_view(), name="scale_create"),
    path("scales/<int:pk>/edit/", scales.ScaleUpdateView.as_view(), name="scale_update"),
    path("scales/<int:pk>/delete/", scales.delete_scale, name="scale_delete"),
    path("plans/<int:pk>/rating-scale/", scales.PlanScaleChangeView.as_view(), name="plan_scale_change"),
    # Deleting hides; the board manager restores
    path("deleted/", deleted.DeletedListView.as_view(), name="deleted_list"),
    path("aims/<int:pk>/delete/", deleted.AimDeleteView.as_view(), name="aim_delete"),
    path("objectives/<int:pk>/delete/", deleted.ObjectiveDeleteView.as_view(), name="objective_delete"),
    path("actions/<int:pk>/delete/", deleted.ActionDeleteView.as_view(), name="action_delete"),
    path("aims/<int:pk>/restore/", deleted.restore_aim, name="aim_restore"),
    path("objectives/<int:pk>/restore/", deleted.restore_objective, name="objective_restore"),
    path("actions/<int:pk>/restore/", deleted.restore_action, name="action_restore"),
    # The committee report, its files and the published record
    path("plans/<int:plan_pk>/rounds/<int:pk>/report/", report.ReportView.as_view(), name="report"),
    path("plans/<int:plan_pk>/rounds/<int:pk>/at-a-glance/", report.GlanceView.as_view(), name="report_glance"),
    path("plans/<int:plan_pk>/rounds/<int:pk>/report.pdf", report.report_pdf, name="report_pdf"),
    path("plans/<int:plan_pk>/rounds/<int:pk>/report.docx", report.report_docx, name="report_docx"),
    path("rounds/<int:pk>/covering-report/", covering.CoveringReportEditView.as_view(), name="covering_report"),
    path("covering-report-headings/", covering.CommitteeHeadingsView.as_view(), name="committee_headings"),
    path("plans/<int:plan_pk>/rounds/<int:pk>/publish/", publishing.publish_report, name="report_publish"),
    path("published/", publishing.PublishedReportListView.as_view(), name="published_list"),
    path("published/<int:pk>/", publishing.PublishedReportDetailView.as_view(), name="published_detail"),
    path("published/<int:pk>/file.<str:file_format>", publishing.published_file, name="published_file"),
    path("published/<int:pk>/prepare-again/", publishing.published_prepare_again, name="published_prepare_again"),
    # Spreadsheets out and plans in
    path("plans/<int:pk>/export.<str:file_format>", exports.export_plan, name="plan_export"),
    path("imports/new/", imports.ImportUploadView.as_view(), name="import_upload"),
    path("imports/<str:token>/confirm/", imports.ImportConfirmView.as_view(), name="import_confirm"),
    # Performance indicators, their values, and importing them
    path("plans/<int:plan_pk>/indicators/", indicators.IndicatorListView.as_view(), name="indicator_list"),
    path("plans/<int:plan_pk>/indicators/new/", indicators.IndicatorCreateView.as_view(), name="indicator_create"),
    path("indicators/<int:pk>/", indicators.IndicatorDetailView.as_view(), name="indicator_detail"),
    path("indicators/<int:pk>/edit/", indicators.IndicatorUpdateView.as_view(), name="indicator_update"),
    path(
        "indicators/<int:pk>/values/new/", indicators.IndicatorValueCreateView.as_view(), name="indicator_value_create"
    ),
    path(
        "indicator-values/<int:pk>/edit/", indicators.IndicatorValueUpdateView.as_view(), name="indicator_value_update"
    ),
    path("indicators/import/", indicator_imports.IndicatorImportView.as_view(), name="indicator_import"),
    path(
        "indicators/import/<str:token>/confirm/",
        indicator_imports.IndicatorImportConfirmView.as_view(),
        name="indicator_import_confirm",
    ),
]
