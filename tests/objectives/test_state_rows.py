"""The pieces My actions and the home page draw their rows with in Python, against what the templates drew."""

import pytest
from django.template.defaultfilters import truncatewords

from objectives.selectors.rounds import MISSING, STATE_LABELS
from objectives.state_rows import state_badges
from objectives.text import first_words


@pytest.mark.parametrize(
    "text",
    [
        "Audit referrals",
        "  Audit\n\nreferrals  with   gaps ",
        " ".join(f"word{number}" for number in range(16)),
        " ".join(f"word{number}" for number in range(17)),
        "Audit <b>referrals</b> & " + "repeats " * 30,
    ],
)
def test_first_words_are_the_truncatewords_filters(text):
    assert first_words(text, 16) == truncatewords(text, 16)


def test_each_states_badge_is_the_templates_with_its_label():
    badges = state_badges({MISSING: "Not started", "returned": STATE_LABELS["returned"]})

    assert (
        badges[MISSING]
        .strip()
        .startswith('<span class="badge border bg-body text-body border-secondary">Not started</span>')
    )
    assert "bg-warning-subtle" in badges["returned"]
    assert ">Returned</span>" in badges["returned"]
