"""Performance indicators in the browser: a plan's list, an indicator's page with its values and trend, and the
pages that add and edit indicators (the board manager) and their values (also the owning agency's contributors)."""

from datetime import date

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import CreateView, TemplateView, UpdateView

from core.views import FormPageMixin, VersionedSaveMixin

from ..indicator_forms import IndicatorForm, IndicatorValueForm
from ..models import BusinessPlan, Indicator, IndicatorValue
from ..paper.from_report import paper_indicator
from ..selectors.indicators import readings
from ..services.indicators import record_indicator_value, save_indicator
from .plans import plan_crumbs


def indicator_crumbs(plan: BusinessPlan):
    return [*plan_crumbs(plan), ("Indicators", reverse("objectives:indicator_list", args=[plan.pk]))]


class IndicatorListView(PermissionRequiredMixin, TemplateView):
    permission_required = "objectives.view_indicator"
    template_name = "objectives/indicators/indicator_list.html"

    def get_context_data(self, **kwargs):
        plan = get_object_or_404(BusinessPlan.objects.with_scale(), pk=self.kwargs["plan_pk"])
        indicators = list(Indicator.objects.visible_to(self.request.user).filter(plan=plan))
        shown = [paper_indicator(reading) for reading in readings(indicators, timezone.localdate(), plan.scale)]
        return super().get_context_data(
            plan=plan,
            rows=list(zip(indicators, shown, strict=True)),
            paper={"is_rated": not plan.scale.is_none},
            breadcrumbs=plan_crumbs(plan),
            **kwargs,
        )


class IndicatorDetailView(PermissionRequiredMixin, TemplateView):
    permission_required = "objectives.view_indicator"
    template_name = "objectives/indicators/indicator_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        indicators = Indicator.objects.visible_to(user).select_related("plan__rating_scale", "owner")
        indicator = get_object_or_404(indicators.prefetch_related("plan__rating_scale__levels"), pk=self.kwargs["pk"])
        (reading,) = readings([indicator], date.max, indicator.plan.scale)
        return super().get_context_data(
            indicator=indicator,
            reading=reading,
            shown=[paper_indicator(reading)],
            paper={"is_rated": not indicator.plan.scale.is_none},
            objectives=list(indicator.objectives.all()),
            can_enter=Indicator.objects.editable_by(user).filter(pk=indicator.pk).exists(),
            breadcrumbs=indicator_crumbs(indicator.plan),
            **kwargs,
        )


class IndicatorFormMixin(VersionedSaveMixin, FormPageMixin):
    form_class = IndicatorForm
    conflict_noun = "this indicator"
    conflict_template = "objectives/indicators/_indicator_saved.html"

    def save_form(self, form):
        return save_indicator(
            indicator=form.instance,
            objectives=form.cleaned_data["objectives"],
            expected_version=form.cleaned_data["version"],
        )

    def get_success_url(self):
        return self.object.get_absolute_url()


class IndicatorCreateView(PermissionRequiredMixin, IndicatorFormMixin, CreateView):
    permission_required = "objectives.add_indicator"
    submit_label = "Add indicator"
    success_message = "{object.name} added."

    @cached_property
    def plan(self) -> BusinessPlan:
        return get_object_or_404(BusinessPlan.objects.with_scale(), pk=self.kwargs["plan_pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Indicator(plan=self.plan)
        return kwargs

    def get_heading(self):
        return "Add an indicator"

    def get_breadcrumbs(self):
        return indicator_crumbs(self.plan)


class IndicatorUpdateView(PermissionRequiredMixin, IndicatorFormMixin, UpdateView):
    permission_required = "objectives.change_indicator"
    success_message = "{object.name} saved."

    def get_queryset(self):
        return Indicator.objects.visible_to(self.request.user).select_related("plan__rating_scale")

    def get_heading(self):
        return f"Edit {self.object.name}"

    def get_breadcrumbs(self):
        return [*indicator_crumbs(self.object.plan), (self.object.name, self.object.get_absolute_url())]


class ValueFormMixin(VersionedSaveMixin, FormPageMixin):
    """Entering a value: the board manager for any indicator, a contributor for their agency's (else 404)."""

    form_class = IndicatorValueForm
    conflict_noun = "this value"
    conflict_template = "objectives/indicators/_value_saved.html"

    def save_form(self, form):
        return record_indicator_value(
            value=form.instance, entered_by=self.request.user, expected_version=form.cleaned_data["version"]
        )

    def get_breadcrumbs(self):
        indicator = self.indicator
        return [*indicator_crumbs(indicator.plan), (indicator.name, indicator.get_absolute_url())]

    def get_success_url(self):
        return self.indicator.get_absolute_url()


class IndicatorValueCreateView(ValueFormMixin, CreateView):
    submit_label = "Save value"
    success_message = "Saved: {object}."

    @cached_property
    def indicator(self) -> Indicator:
        editable = Indicator.objects.editable_by(self.request.user).select_related("plan")
        return get_object_or_404(editable, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = IndicatorValue(indicator=self.indicator)
        return kwargs

    def get_heading(self):
        return f"Enter a value of {self.indicator.name}"


class IndicatorValueUpdateView(ValueFormMixin, UpdateView):
    success_message = "Saved: {object}."

    def get_queryset(self):
        editable = Indicator.objects.editable_by(self.request.user)
        return IndicatorValue.objects.filter(indicator__in=editable).select_related("indicator__plan")

    @cached_property
    def indicator(self) -> Indicator:
        return self.object.indicator

    def get_heading(self):
        return f"Edit the value for {self.object.period_text}"
