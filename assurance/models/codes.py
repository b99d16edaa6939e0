"""The short codes that start the references of assurance actions: S11 gives S11-5.1, CA1 gives CA1-2.1."""

from django.core.validators import RegexValidator

validate_prefix = RegexValidator(
    r"^[A-Z][A-Z0-9]{0,9}$",
    message="A reference prefix is up to 10 capital letters and digits, starting with a letter, such as S11.",
)
