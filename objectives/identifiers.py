"""Spotting what looks like a child's NHS number or date of birth in free text, to warn (never block) the writer.

The product holds no identifiable child data, but free text is typed by people in a hurry. Anything that
looks like an NHS number (10 digits passing the modulus 11 check, written 9434765919, 943 476 5919 or
943-476-5919) or a date of birth (a date next to "DOB", "date of birth" or "born") is named back to the
writer and to the board manager who reviews the text. Plain dates such as target dates are not flagged.
"""

import re
from dataclasses import dataclass

# Spaces (including the non-breaking one word processors put in) and hyphens, as people group digits.
_GAP = r"[ \u00a0\-]"
# Three, three and four digits, apart or together, not inside a longer run of digits.
_NHS_CANDIDATE = re.compile(rf"(?<!\d)(\d{{3}}){_GAP}?(\d{{3}}){_GAP}?(\d{{4}})(?!\d)")
# A grouped number that carries on, as in "+44 161 496 0000", is a phone or reference number, not an NHS one.
_GROUP_BEFORE = re.compile(rf"\d{_GAP}$")
_GROUP_AFTER = re.compile(rf"^{_GAP}\d")

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"  # 03/05/2019, 3.5.19, 03-05-2019
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 2019-05-03
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?[\s\-]+{_MONTHS}\.?,?[\s\-]+\d{{2,4}}"  # 3rd May 2019, 3-May-19
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}})"  # May 3, 2019
)
# Only a date right after words that say it is a birth date: "by 31 March 2026" is a target, not a birthday.
_DATE_OF_BIRTH = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-–]?\s*({_DATE})(?!\d)",
    re.IGNORECASE,
)


def is_valid_nhs_number(digits: str) -> bool:
    """Whether ten digits pass the NHS number's modulus 11 check (weights 10 down to 2 on the first nine)."""
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    # A check digit of 10 is never issued, so no ten digits ending in anything can match it.
    return check != 10 and check == int(digits[9])


@dataclass(frozen=True)
class Finding:
    kind: str  # "an NHS number" or "a date of birth"
    text: str  # as written


def _nhs_numbers(text: str):
    for match in _NHS_CANDIDATE.finditer(text):
        written = match.group(0)
        if written != "".join(match.groups()) and (
            _GROUP_BEFORE.search(text[: match.start()]) or _GROUP_AFTER.match(text[match.end() :])
        ):
            continue
        if is_valid_nhs_number("".join(match.groups())):
            yield match.start(), Finding("an NHS number", written)


def find_identifiers(text: str) -> list[Finding]:
    """What in `text` looks like an NHS number or a date of birth, in the order written."""
    text = text or ""
    found = list(_nhs_numbers(text))
    for match in _DATE_OF_BIRTH.finditer(text):
        found.append((match.start(), Finding("a date of birth", match.group(0))))
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def identifier_warnings(texts: dict[str, str]) -> list[str]:
    """One warning per finding, naming the field: {"progress": "…"} gives "The progress holds …"."""
    warnings = []
    for label, text in texts.items():
        for finding in find_identifiers(text):
            warnings.append(
                f"The {label} holds “{finding.text}”, which looks like {finding.kind}. If it could identify a "
                f"child, remove it: this product must hold no child’s NHS number or date of birth."
            )
    return warnings


class IdentifierWarningsMixin:
    """For a form: `identifier_warnings()` lists warnings for the free-text fields in `warn_about_fields`.

    The form saves as usual; the view shows the warnings as messages, so nothing is blocked.
    """

    warn_about_fields: tuple[str, ...] = ()

    def identifier_warnings(self, saved=None) -> list[str]:
        """Warnings for what was typed into the form, or for the same fields of `saved` (a row as stored).

        A reviewer is shown a row someone else wrote, so the warnings come from the row, under the form's labels.
        """
        if saved is None:
            data = getattr(self, "cleaned_data", {})
        else:
            data = {name: getattr(saved, name, "") for name in self.warn_about_fields}
        texts = {
            str(self.fields[name].label or name).lower(): str(data.get(name) or "")
            for name in self.warn_about_fields
            if name in self.fields
        }
        return identifier_warnings(texts)

    def warn_writer(self, request, *, already_shown=()) -> None:
        """Show the warnings, but those `already_shown`, as messages after a save: the text is kept either way."""
        from django.contrib import messages

        for warning in self.identifier_warnings():
            if warning not in already_shown:
                messages.warning(request, warning)
