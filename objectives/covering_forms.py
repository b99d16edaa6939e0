"""The forms of the covering report pages: a round's covering report, and the board's template of its headings."""

import re

from django import forms

from .forms import DateInput, LoadedVersionMixin, VersionField
from .identifiers import IdentifierWarningsMixin
from .models import CommitteeHeading, CoveringReport
from .models.covering import TEXT_HELP

# What a "Start from the previous paper" copies: who writes and how to reach them, and the text. Not the meeting
# date or the title, which are this round's own.
COPIED_FIELDS = ("committee", "report_from_name", "report_from_role", "author", "contact", "summary")


class CoveringReportForm(LoadedVersionMixin, IdentifierWarningsMixin, forms.ModelForm):
    """The covering report in the instance (its round set), with one box per heading of the board's template.

    A heading this report has text under but the template no longer has gets a box too, after the template's,
    so changing the template never drops what was written.
    """

    version = VersionField()

    class Meta:
        model = CoveringReport
        fields = [
            "meeting_on",
            "committee",
            "title",
            "report_from_name",
            "report_from_role",
            "author",
            "contact",
            "summary",
        ]
        widgets = {"meeting_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The section boxes' names, each with the heading it writes under.
        self.section_headings: dict[str, str] = {}
        saved = {section.heading: section for section in self.instance.sections.all()} if self.instance.pk else {}
        for number, (pk, heading) in enumerate(CommitteeHeading.objects.values_list("pk", "heading"), start=1):
            section = saved.pop(heading, None)
            self._add_section(f"section_{pk}", heading, f"{number}. {heading}", section.text if section else "")
        for section in saved.values():
            label = f"{section.heading} (no longer a heading of the template)"
            self._add_section(f"section_kept_{section.pk}", section.heading, label, section.text)
        self.warn_about_fields = ("summary", *self.section_headings)

    def _add_section(self, name: str, heading: str, label: str, text: str) -> None:
        help_text = f"{TEXT_HELP} Left out of the paper when blank."
        self.fields[name] = forms.CharField(
            label=label, required=False, strip=True, widget=forms.Textarea(attrs={"rows": 5}), help_text=help_text
        )
        self.initial[name] = text
        self.section_headings[name] = heading

    def sections(self) -> list[tuple[str, str]]:
        """(heading, text) of each box written in, in the form's order."""
        data = self.cleaned_data
        return [(heading, data[name]) for name, heading in self.section_headings.items() if data.get(name)]

    def fill_blanks_from(self, previous: CoveringReport) -> tuple[list[str], list[str], list[str]]:
        """Put the previous report's text in the boxes left blank; returns the labels of the boxes filled and of
        those kept as written, and the previous headings no box here has."""
        texts = {section.heading: section.text for section in previous.sections.all()}
        offered = {name: getattr(previous, name) for name in COPIED_FIELDS}
        offered.update({name: texts.pop(heading, "") for name, heading in self.section_headings.items()})
        filled, kept = [], []
        for name, text in offered.items():
            written = str(self.initial.get(name) or "").strip()
            if not text or written == text.strip():
                continue
            if written:
                kept.append(str(self.fields[name].label))
            else:
                self.initial[name] = text
                filled.append(str(self.fields[name].label))
        return filled, kept, list(texts)


# A number typed before a heading ("3. Background"); the paper numbers the headings itself.
_TYPED_NUMBER = re.compile(r"^\d+[.)]\s+")
_HEADING_LENGTH = CommitteeHeading._meta.get_field("heading").max_length


class CommitteeHeadingsForm(forms.Form):
    headings = forms.CharField(
        label="Headings, one per line",
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="In the order the covering report prints them. The paper numbers them, so type no numbers.",
        error_messages={"required": "Write at least one heading."},
    )
    # The fingerprint of the list as the page showed it, so a change someone saved meanwhile is not overwritten unseen.
    loaded = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean_headings(self) -> list[str]:
        headings = [_TYPED_NUMBER.sub("", line.strip()) for line in self.cleaned_data["headings"].splitlines()]
        headings = [heading for heading in headings if heading]
        if not headings:
            raise forms.ValidationError("Write at least one heading.")
        problems = [
            f"“{heading[:40]}…” is longer than {_HEADING_LENGTH} characters."
            for heading in headings
            if len(heading) > _HEADING_LENGTH
        ]
        seen: dict[str, str] = {}
        for heading in headings:
            if heading.casefold() in seen:
                problems.append(f"“{heading}” is listed twice: each heading must be different.")
            seen.setdefault(heading.casefold(), heading)
        if problems:
            raise forms.ValidationError(problems)
        return headings
