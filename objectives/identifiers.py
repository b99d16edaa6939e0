"""Spotting what looks like a child's NHS number or date of birth in free text, to warn (never block) the writer.

The product holds no identifiable child data, but free text is typed by people in a hurry. Anything that
looks like an NHS number (10 digits passing the modulus 11 check, written 9434765919, 943 476 5919 or
943-476-5919) or a date of birth (a date next to "DOB", "date of birth" or "born") is named back to the
writer and to the board manager who reviews the text. Plain dates such as target dates are not flagged.
"""

import re
from dataclasses import dataclass

# Three, three and four digits, apart or together, not inside a longer run of digits.
_NHS_CANDIDATE = re.compile(r"(?<![\d])(\d{3})[ \-]?(\d{3})[ \-]?(\d{4})(?![\d])")

_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"  # 03/05/2019, 3.5.19
    r"|\d{4}-\d{1,2}-\d{1,2}"  # 2019-05-03
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{2,4}}"  # 3rd May 2019
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{2,4}})"  # May 3, 2019
)
_DATE_OF_BIRTH = re.compile(
    rf"\b(?:d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|born(?:\s+on)?)\s*[:\-–]?\s*({_DATE})",
    re.IGNORECASE,
)


def is_valid_nhs_number(digits: str) -> bool:
    """Whether ten digits pass the NHS number's modulus 11 check (weights 10 down to 2 on the first nine)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


@dataclass(frozen=True)
class Finding:
    kind: str  # "an NHS number" or "a date of birth"
    text: str  # as written


def find_identifiers(text: str) -> list[Finding]:
    """What in `text` looks like an NHS number or a date of birth, in the order written."""
    found = []
    for match in _NHS_CANDIDATE.finditer(text or ""):
        if is_valid_nhs_number("".join(match.groups())):
            found.append((match.start(), Finding("an NHS number", match.group(0))))
    for match in _DATE_OF_BIRTH.finditer(text or ""):
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

    def identifier_warnings(self) -> list[str]:
        data = getattr(self, "cleaned_data", {})
        texts = {
            str(self.fields[name].label or name).lower(): data.get(name) or ""
            for name in self.warn_about_fields
            if name in self.fields
        }
        return identifier_warnings(texts)
