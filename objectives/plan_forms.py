"""The business plan's form: its dates, shape, rating scale, level names and the committee table's columns."""

from types import SimpleNamespace

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.models import RatingScale

from .forms import DateInput, LoadedVersionMixin, VersionField
from .models import LEVEL_NAMES, BusinessPlan, PlanShape, ProgressUpdate, ReportColumn
from .models.shapes import level_names_problem, plural

LEVEL_FIELDS = ("aim_name", "objective_name", "action_name")

SCALE_IN_USE_HELP = (
    "Progress in this plan has been rated on this scale, so it cannot be changed here: use “Change rating scale” "
    "on the plan's page, which shows what becomes of each rating before anything changes."
)
# Escaped here: form templates print help text as HTML, which would swallow "<Month YYYY>" as a tag.
HEADING_HELP = mark_safe(
    escape(
        "Write <Month YYYY> where the round's month goes in full, such as “Progress report <Month YYYY>” for "
        "“Progress report December 2025”, or <Mon YYYY> for the short month, such as “Dec 2025”."
    )
)


def shown_level_fields(plan: BusinessPlan) -> tuple[str, ...]:
    """The level names a plan's form asks for: all while its shape may change, else only those its shape has."""
    if not plan.is_shape_fixed or plan.shape == PlanShape.TREE:
        return LEVEL_FIELDS
    if plan.shape == PlanShape.TWO_LEVEL:
        return ("aim_name", "action_name")
    return ("action_name",)


def is_rated(plan: BusinessPlan) -> bool:
    """Whether any progress update of the plan carries a rating, which a scale change would have to map."""
    return plan.pk is not None and ProgressUpdate.objects.filter(round__plan=plan).exclude(rag="").exists()


class PlanForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()
    report_columns = forms.MultipleChoiceField(
        label="Columns of the committee table",
        choices=ReportColumn.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="In this order, left to right. Without a success measure column, it prints under the action.",
    )

    class Meta:
        model = BusinessPlan
        fields = [
            "title",
            "starts_on",
            "ends_on",
            "shape",
            "rating_scale",
            *LEVEL_FIELDS,
            "report_columns",
            "progress_heading",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput(), "shape": forms.RadioSelect}
        labels = {"rating_scale": "Rating scale"}
        help_texts = {
            "aim_name": "Such as Aim, Priority or Theme. A numbered list has no top level.",
            "objective_name": "Such as Objective. Only plans of aims, objectives and actions have a middle level.",
            "action_name": "Such as Action or Recommendation.",
            "progress_heading": HEADING_HELP,
        }
        error_messages = {"title": {"unique": "A business plan with this title already exists."}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance
        # The shape the level names on the page were made for, to tell defaults from names the board chose.
        self.previous_shape = plan.shape
        scale = self.fields["rating_scale"]
        scale.queryset = RatingScale.objects.order_by("-is_built_in", "title")
        scale.label_from_instance = lambda row: row.title
        scale.empty_label = None
        if is_rated(plan):
            scale.disabled = True
            scale.help_text = SCALE_IN_USE_HELP
        for name in set(LEVEL_FIELDS) - set(shown_level_fields(plan)):
            del self.fields[name]
        for name in LEVEL_FIELDS:
            if name in self.fields:
                self.fields[name].required = False
        self.fields["report_columns"].initial = list(plan.report_columns)
        self.helper = plan_form_layout(self)

    def clean_shape(self):
        shape = self.cleaned_data["shape"]
        plan = self.instance
        if shape != self.previous_shape and plan.is_shape_fixed:
            what = plural(plan.aim_name if plan.has_aims else plan.action_name).lower()
            raise forms.ValidationError(
                f"This plan already has {what}, so its shape cannot change: a plan's shape is chosen while it is "
                "empty. Start a new plan in the other shape instead."
            )
        return shape

    def clean_report_columns(self):
        chosen = set(self.cleaned_data["report_columns"])
        if ReportColumn.ACTION not in chosen:
            raise forms.ValidationError("The committee table needs its Action column.")
        # Stored in print order, whatever order the browser sent them in.
        return [column.value for column in ReportColumn if column in chosen]

    def clean(self):
        cleaned = super().clean()
        shape = cleaned.get("shape") or self.previous_shape
        for position, name in enumerate(LEVEL_FIELDS):
            if name in self.fields:
                cleaned[name] = default_level_name(cleaned.get(name, ""), position, self.previous_shape, shape)
        names = {name: cleaned.get(name, getattr(self.instance, name)) for name in LEVEL_FIELDS}
        problem = level_names_problem(SimpleNamespace(shape=shape, **names))
        if problem:
            self.add_error([name for name in LEVEL_FIELDS if name in self.fields][0], problem)
        return cleaned


def default_level_name(name: str, position: int, previous_shape: str, shape: str) -> str:
    """A blank name, or the previous shape's default left as it was, becomes the chosen shape's default."""
    name = name.strip()
    if not name or (shape != previous_shape and name == LEVEL_NAMES[previous_shape][position]):
        return LEVEL_NAMES[shape][position]
    return name


def plan_form_layout(form: PlanForm) -> FormHelper:
    """The plan's form in three parts: the plan, its structure, and its committee table."""
    helper = FormHelper()
    helper.form_tag = False
    levels = [name for name in LEVEL_FIELDS if name in form.fields]
    helper.layout = Layout(
        # The version goes with the first fieldset: crispy draws only the fields its layout names.
        Fieldset("The plan", "version", "title", "starts_on", "ends_on"),
        Fieldset("Shape and ratings", "shape", "rating_scale", *levels),
        Fieldset("The committee table", "report_columns", "progress_heading"),
    )
    return helper
