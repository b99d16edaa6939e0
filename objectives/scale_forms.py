"""The forms of the rating scale pages: a scale with its levels, and the choices of a plan's change of scale."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory

from core.models import RatingLevel, RatingScale

CLEAR = "__clear__"  # the mapping's "Clear (no rating)", which no level's code can be


class RatingScaleForm(forms.ModelForm):
    class Meta:
        model = RatingScale
        fields = ["name", "title"]


class RatingLevelForm(forms.ModelForm):
    # Seven characters, so "#B4232A" as a colour picker or a designer writes it is accepted and stored as B4232A.
    fill = forms.CharField(label="Colour", max_length=7, help_text=RatingLevel._meta.get_field("fill").help_text)
    text = forms.CharField(
        label="Text colour", max_length=7, required=False, help_text=RatingLevel._meta.get_field("text").help_text
    )

    class Meta:
        model = RatingLevel
        fields = [
            "position",
            "code",
            "label",
            "description",
            "fill",
            "text",
            "rank",
            "counts_as_complete",
            "is_exception",
        ]
        widgets = {"position": forms.NumberInput(attrs={"min": 1})}

    def _colour(self, name: str) -> str:
        return self.cleaned_data[name].strip().removeprefix("#").upper()

    def clean_fill(self):
        return self._colour("fill")

    def clean_text(self):
        return self._colour("text")


class BaseLevelFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms if form.has_changed() or form.instance.pk]
        kept = [form for form in kept if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        for field, noun in (("code", "code"), ("label", "label")):
            seen = set()
            for form in kept:
                value = form.cleaned_data.get(field, "")
                if value.strip().casefold() in seen:
                    raise ValidationError(f"Two levels have the {noun} “{value}”: each level needs its own {noun}.")
                seen.add(value.strip().casefold())
        if not kept:
            raise ValidationError("A scale needs at least one level.")


LevelFormSet = inlineformset_factory(
    RatingScale, RatingLevel, form=RatingLevelForm, formset=BaseLevelFormSet, extra=2, can_delete=True
)


def copied_levels(scale: RatingScale) -> list[dict]:
    """A scale's levels as the initial rows of a new scale's form, for "Make a copy to change it"."""
    return [
        {
            "position": level.position,
            "code": level.code,
            "label": level.label,
            "description": level.description,
            "fill": level.fill,
            "text": level.text,
            "rank": level.rank,
            "counts_as_complete": level.counts_as_complete,
            "is_exception": level.is_exception,
        }
        for level in scale.levels.all()
    ]


class ChooseScaleForm(forms.Form):
    scale = forms.ModelChoiceField(
        label="New rating scale", queryset=RatingScale.objects.none(), empty_label="Choose a scale"
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scale"].queryset = RatingScale.objects.exclude(pk=plan.rating_scale_id)


class ScaleMappingForm(forms.Form):
    """One choice per rating in use: which level of the new scale it becomes, or clear it.

    Each field is named after its code (hex-encoded, as a code may hold any character), so a confirm reads each
    choice against the code it was shown for, even if the plan's ratings changed since.
    """

    shown = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, in_use, new_scale, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(level.value, level.label) for level in new_scale.levels] + [(CLEAR, "Clear (no rating)")]
        self.codes = {}
        for rating in in_use:
            name = f"rating_{rating.code.encode().hex()}"
            self.codes[name] = rating.code
            self.fields[name] = forms.ChoiceField(
                label=f"{rating.label} ({rating.updates} update{'s' if rating.updates != 1 else ''}) becomes",
                choices=choices,
                initial=rating.proposed or CLEAR,
            )
        # The codes the preview showed: a confirm after someone rated with another code is shown the preview again.
        self.fields["shown"].initial = "\n".join(rating.code for rating in in_use)

    def shown_codes(self) -> set[str]:
        return {code for code in self.data.get("shown", "").split("\n") if code}

    def is_stale(self) -> bool:
        """A rating is in use now that the preview did not show."""
        return bool(set(self.codes.values()) - self.shown_codes())

    def mapping(self) -> dict[str, str]:
        """code → new code ("" to clear), for each rating in use."""
        chosen = {self.codes[name]: self.cleaned_data[name] for name in self.codes}
        return {code: "" if new == CLEAR else new for code, new in chosen.items()}
