"""Rating scales a plan (or anything else the board rates) uses: the built-in ones and those a board makes."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from .. import contrast, rating


class RatingScale(models.Model):
    name = models.SlugField(
        max_length=40,
        unique=True,
        help_text="A short name for files and commands, in lower case with hyphens, such as council-1-to-4.",
    )
    title = models.CharField(max_length=100, help_text="What the board calls it, such as “Council 1 to 4”.")
    is_built_in = models.BooleanField(default=False, editable=False)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_built_in", "title"]

    def __str__(self):
        return self.title

    def as_scale(self, levels=None) -> rating.Scale:
        """This scale as plain data; `levels` when the caller already fetched them, in order."""
        levels = self.levels.all() if levels is None else levels
        return rating.Scale(self.name, self.title, tuple(level.as_rating(self.name) for level in levels), pk=self.pk)


class RatingLevel(models.Model):
    scale = models.ForeignKey(RatingScale, on_delete=models.CASCADE, related_name="levels")
    position = models.PositiveSmallIntegerField(help_text="Its place in the key: 1 comes first.")
    code = models.CharField(
        max_length=20, help_text="What a progress update stores and a spreadsheet may hold, such as red or 1."
    )
    label = models.CharField(max_length=80, help_text="The words on the badge, such as “Red” or “1 Achieved”.")
    description = models.CharField("meaning", max_length=200, blank=True, help_text="What it means, for the key.")
    fill = models.CharField("colour", max_length=6, help_text="The badge's colour as six hex digits, such as B4232A.")
    text = models.CharField(
        "text colour", max_length=6, blank=True, help_text="Left blank, the better of dark or white."
    )
    rank = models.PositiveSmallIntegerField(
        default=0, help_text="For sorting from least to most done: the higher, the further on."
    )
    counts_as_complete = models.BooleanField("counts as complete", default=False)
    is_exception = models.BooleanField(
        "is an exception", default=False, help_text="Listed among the actions the committee should look at."
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["scale", "position"]
        constraints = [
            models.UniqueConstraint(fields=["scale", "code"], name="rating_level_code_unique_in_scale"),
            models.UniqueConstraint(fields=["scale", "label"], name="rating_level_label_unique_in_scale"),
        ]

    def __str__(self):
        return self.label

    @property
    def text_colour(self) -> str:
        return self.text or contrast.best_text(self.fill)

    def clean(self):
        errors = {}
        for name in ("fill", "text"):
            value = getattr(self, name)
            if value and not contrast.HEX_COLOUR.match(value):
                errors[name] = f"“{value}” is not a colour: write six hex digits, such as B4232A."
        if not errors and self.fill:
            ratio = contrast.contrast_ratio(self.fill, self.text_colour)
            if ratio < contrast.TEXT_MINIMUM:
                errors["text" if self.text else "fill"] = (
                    f"The words would be hard to read: their contrast with the colour is {ratio:.1f}:1, "
                    f"and needs to be at least {contrast.TEXT_MINIMUM}:1."
                )
        if self.code and self.code.strip().casefold() in ("", "none"):
            errors["code"] = "“none” means no update; choose another code."
        if errors:
            raise ValidationError(errors)

    def as_rating(self, scale_name: str) -> rating.Rating:
        return rating.level(
            self.code,
            self.label,
            self.description,
            self.fill.upper(),
            self.text_colour.upper(),
            self.rank,
            complete=self.counts_as_complete,
            exception=self.is_exception,
            scale=scale_name,
        )
