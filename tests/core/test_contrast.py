"""Contrast as WCAG 2.2 measures it, and a scale's level refusing colours people could not read."""

import pytest
from django.core.exceptions import ValidationError

from core import contrast
from core.models import RatingLevel


def test_black_on_white_is_twenty_one_to_one():
    assert contrast.contrast_ratio("000000", "FFFFFF") == pytest.approx(21)


def test_the_better_text_is_chosen_for_a_fill():
    assert contrast.best_text("FFBF47") == contrast.DARK_TEXT
    assert contrast.best_text("1D70B8") == contrast.LIGHT_TEXT


def test_pale_fills_need_an_outline_against_the_page():
    assert contrast.border_needed("F3F2F1")
    assert not contrast.border_needed("B4232A")


def test_a_level_with_faint_words_is_refused_naming_the_ratio():
    level = RatingLevel(code="a", label="A", fill="FFBF47", text="FFFFFF")

    with pytest.raises(ValidationError) as refused:
        level.clean()

    assert refused.value.message_dict["text"] == [
        "The words would be hard to read: their contrast with the colour is 1.6:1, and needs to be at least 4.5:1."
    ]


def test_a_level_without_a_text_colour_gets_the_readable_one():
    level = RatingLevel(code="a", label="A", fill="FFBF47")

    level.clean()

    assert level.text_colour == contrast.DARK_TEXT


def test_a_colour_that_is_not_six_hex_digits_is_refused():
    with pytest.raises(ValidationError, match="“red” is not a colour"):
        RatingLevel(code="a", label="A", fill="red").clean()


def test_none_cannot_be_a_code():
    with pytest.raises(ValidationError, match="“none” means no update"):
        RatingLevel(code="None", label="A", fill="B4232A").clean()
