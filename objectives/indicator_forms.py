"""The forms of performance indicators: the indicator with a threshold per level of its plan's scale, and a value."""

from decimal import Decimal

from django import forms

from .forms import DateInput, LoadedVersionMixin, VersionField
from .models import Agency, Indicator, IndicatorValue, Objective

THRESHOLD_HELP = (
    "The value from which the indicator takes this rating, counting in the better direction: "
    "at or above it when higher is better, at or below it when lower is. Leave blank for a level it never takes."
)


class IndicatorForm(LoadedVersionMixin, forms.ModelForm):
    """An indicator of the plan in the instance; one threshold field per level of the plan's scale."""

    version = VersionField()

    class Meta:
        model = Indicator
        fields = ["name", "objectives", "unit", "rate_per", "better", "baseline", "baseline_on", "target", "owner"]
        widgets = {"objectives": forms.CheckboxSelectMultiple, "baseline_on": DateInput()}
        help_texts = {"objectives": "None ticked: the indicator belongs to the plan as a whole."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.instance.plan
        self.fields["objectives"].queryset = Objective.objects.not_hidden().filter(plan=plan).in_ref_order()
        self.fields["owner"].queryset = Agency.objects.filter(is_active=True)
        self.levels = plan.scale.levels
        for level in self.levels:
            self.fields[f"threshold_{level.value}"] = forms.DecimalField(
                label=f"{level.label} from",
                required=False,
                max_digits=14,
                decimal_places=4,
                help_text=THRESHOLD_HELP if level is self.levels[0] else "",
                initial=self.instance.thresholds.get(level.value),
            )

    def clean(self):
        cleaned = super().clean()
        self.instance.thresholds = {
            level.value: str(cleaned[f"threshold_{level.value}"])
            for level in self.levels
            if isinstance(cleaned.get(f"threshold_{level.value}"), Decimal)
        }
        return cleaned


class IndicatorValueForm(LoadedVersionMixin, forms.ModelForm):
    version = VersionField()

    class Meta:
        model = IndicatorValue
        fields = ["period_end", "period", "value", "target"]
        widgets = {"period_end": DateInput()}
        help_texts = {"period": "A part-year value, such as the year so far, prints as “to September 2012”."}
