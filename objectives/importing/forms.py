"""The plan import's upload form: the file, and the plan it goes into (for a new plan, its scale and shape)."""

from django import forms

from core.formats import financial_year_named
from core.models import RatingScale
from core.rating import DEFAULT_SCALE_NAME
from objectives.models import BusinessPlan, PlanShape

from .plans import PlanProblem, find_or_build_plan
from .readers import read_plan_file, read_upload
from .safety import max_bytes, megabytes


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label="Plan file",
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xlsx,.csv"}),
    )
    plan = forms.ModelChoiceField(
        label="Import into",
        queryset=BusinessPlan.objects.all(),
        required=False,
        empty_label="A new business plan",
    )
    new_title = forms.CharField(
        label="New plan’s title",
        max_length=100,
        required=False,
        help_text="For a new plan: its financial year, such as 2026/27. It runs from 1 April to 31 March.",
    )
    # Asked only of a new plan: an existing plan keeps its own, whatever is chosen here (the page says so).
    shape = forms.ChoiceField(
        label="New plan’s layout",
        choices=PlanShape.choices,
        initial=PlanShape.TREE,
        required=False,
        help_text="For a new plan only. Which columns the file needs follows from it.",
    )
    scale = forms.ModelChoiceField(
        label="New plan’s rating scale",
        queryset=RatingScale.objects.order_by("-is_built_in", "title"),
        to_field_name="name",
        required=False,
        empty_label=None,
        initial=DEFAULT_SCALE_NAME,
        help_text="For a new plan only. The file’s ratings must be levels of this scale.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = (
            "A Word document (.docx) laid out as the plan is, or a spreadsheet (.xlsx or .csv) "
            f"in the import’s columns; up to {megabytes(max_bytes())}."
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content = read_upload(upload, read_plan_file)
        return upload

    def clean(self):
        cleaned = super().clean()
        plan, title = cleaned.get("plan"), cleaned.get("new_title", "").strip()
        if plan and title:
            self.add_error("new_title", "Choose an existing plan or give a new plan’s title, not both.")
        elif not plan and not title:
            self.add_error("new_title", "Give the new plan’s title, or choose an existing plan to import into.")
        elif title:
            self._check_new_title(title)
        cleaned["plan_title"] = plan.title if plan else title
        if plan:
            # An existing plan keeps its scale and shape: the choices are for a new plan only.
            cleaned["shape"], cleaned["scale"] = "", None
        return cleaned

    def _check_new_title(self, title: str):
        """The command's rule: a new plan's dates come from the financial year its title names."""
        if not BusinessPlan.objects.filter(title=title).exists() and financial_year_named(title) is None:
            self.add_error(
                "new_title",
                f"“{title}” is not a financial year such as 2026/27, so the plan’s dates are not known. "
                "Create the plan first (New business plan), then choose it here.",
            )
            return
        try:
            find_or_build_plan(title)
        except PlanProblem as problem:
            self.add_error("new_title", str(problem))
