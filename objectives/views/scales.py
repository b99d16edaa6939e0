"""Rating scales: the board manager's list, the form for a board's own scale, and changing a plan's scale."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from core.models import RatingScale
from core.outcomes import reported

from ..models import BusinessPlan
from ..roles import is_board_manager
from ..scale_forms import ChooseScaleForm, LevelFormSet, RatingScaleForm, ScaleMappingForm, copied_levels
from ..services import scales as services


class BoardManagerOnlyMixin(PermissionRequiredMixin):
    """Scales are the board's settings: board managers (and the site admin) only; others get 403."""

    def has_permission(self):
        return is_board_manager(self.request.user)


def scales_crumbs():
    return [("Rating scales", reverse("objectives:scale_list"))]


class ScaleListView(BoardManagerOnlyMixin, TemplateView):
    template_name = "objectives/scales/scale_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plans = Prefetch("plans", queryset=BusinessPlan.objects.order_by("-starts_on", "title"))
        rows = RatingScale.objects.prefetch_related("levels", plans)
        context["scales"] = [(row, row.as_scale()) for row in rows]
        return context


class ScaleFormView(BoardManagerOnlyMixin, View):
    """A scale and its levels on one page, saved together or not at all."""

    template_name = "objectives/scales/scale_form.html"

    def get_scale(self) -> RatingScale:
        return RatingScale()

    def get_initial_levels(self) -> list[dict]:
        return []

    def get_heading(self) -> str:
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        scale = self.get_scale()
        initial = self.get_initial_levels()
        levels = LevelFormSet(instance=scale, initial=initial, prefix="levels")
        if initial:
            levels.extra = len(initial) + 1
        return self.render(RatingScaleForm(instance=scale, initial=self.get_initial_scale()), levels)

    def get_initial_scale(self) -> dict:
        return {}

    def post(self, request, *args, **kwargs):
        scale = self.get_scale()
        form = RatingScaleForm(request.POST, instance=scale)
        levels = LevelFormSet(request.POST, instance=scale, prefix="levels")
        if not (form.is_valid() and levels.is_valid()):
            return self.render(form, levels)
        try:
            saved = services.save_scale(form=form, levels=levels)
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(form, levels)
        messages.success(request, f"{saved.title} saved.")
        return redirect("objectives:scale_list")

    def render(self, form, levels):
        context = {
            "form": form,
            "levels": levels,
            "heading": self.get_heading(),
            "breadcrumbs": scales_crumbs(),
            "cancel_url": reverse("objectives:scale_list"),
        }
        return render(self.request, self.template_name, context)


class ScaleCreateView(ScaleFormView):
    @cached_property
    def copied(self) -> RatingScale | None:
        """The scale to copy, from ?copy=<pk>: the way to change a built-in scale."""
        pk = self.request.GET.get("copy", "")
        return get_object_or_404(RatingScale, pk=pk) if pk.isdigit() else None

    def get_heading(self):
        return f"Copy {self.copied.title}" if self.copied else "New rating scale"

    def get_initial_scale(self):
        if not self.copied:
            return {}
        return {"name": f"{self.copied.name}-copy"[:40], "title": f"{self.copied.title} (copy)"[:100]}

    def get_initial_levels(self):
        return copied_levels(self.copied) if self.copied else []


class ScaleUpdateView(ScaleFormView):
    @cached_property
    def scale(self) -> RatingScale:
        # Built-in scales are read-only (not found here): copy one to change it.
        return get_object_or_404(RatingScale, pk=self.kwargs["pk"], is_built_in=False)

    def get_scale(self):
        return self.scale

    def get_heading(self):
        return f"Edit {self.scale.title}"


@require_POST
def delete_scale(request, pk):
    if not is_board_manager(request.user):
        raise PermissionDenied
    scale = get_object_or_404(RatingScale, pk=pk)
    with reported(request, f"{scale.title} deleted."):
        services.delete_scale(scale=scale)
    return redirect("objectives:scale_list")


class PlanScaleChangeView(BoardManagerOnlyMixin, View):
    """Choose a plan's new scale, preview what each rating in use becomes, and confirm it all at once."""

    template_name = "objectives/scales/plan_scale_change.html"

    @cached_property
    def plan(self) -> BusinessPlan:
        return get_object_or_404(BusinessPlan.objects.with_scale(), pk=self.kwargs["pk"])

    def get(self, request, pk):
        choose = ChooseScaleForm(request.GET if "scale" in request.GET else None, plan=self.plan)
        if choose.is_bound and choose.is_valid():
            new_scale = choose.cleaned_data["scale"]
            return self.render(choose, new_scale, self.mapping_form(new_scale))
        return self.render(choose)

    def post(self, request, pk):
        choose = ChooseScaleForm(request.POST, plan=self.plan)
        if not choose.is_valid():
            return self.render(choose)
        new_scale = choose.cleaned_data["scale"]
        mapping = self.mapping_form(new_scale, request.POST)
        if mapping.is_stale():
            messages.warning(request, STALE)
            return self.render(choose, new_scale, self.mapping_form(new_scale))
        if not mapping.is_valid():
            return self.render(choose, new_scale, mapping)
        try:
            change = services.change_plan_scale(plan=self.plan, scale=new_scale, mapping=mapping.mapping())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.render(choose, new_scale, self.mapping_form(new_scale))
        messages.success(request, f"{self.plan} now rates on {new_scale.title}: {change}.")
        return redirect(self.plan)

    def mapping_form(self, new_scale: RatingScale, data=None) -> ScaleMappingForm:
        as_data = new_scale.as_scale()
        return ScaleMappingForm(
            data, in_use=services.ratings_in_use(plan=self.plan, new_scale=as_data), new_scale=as_data
        )

    def render(self, choose, new_scale=None, mapping=None):
        context = {
            "plan": self.plan,
            "choose": choose,
            "new_scale": new_scale,
            "mapping": mapping,
            "breadcrumbs": [(str(self.plan), self.plan.get_absolute_url())],
            "heading": f"Change the rating scale of {self.plan}",
        }
        return render(self.request, self.template_name, context)


STALE = (
    "The plan's ratings changed since this preview was shown (someone rated an action with another level). "
    "Nothing was changed: please check the mapping below again."
)
