"""env_list reads a comma-separated variable and refuses what can only be a typing slip."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from mscb.settings import env_list

NAME = "MSCB_TEST_LIST"


def test_an_unset_variable_gives_the_default(monkeypatch):
    monkeypatch.delenv(NAME, raising=False)

    assert env_list(NAME, ["localhost"]) == ["localhost"]


@pytest.mark.parametrize("value", ["", "   "])
def test_a_blank_variable_is_an_empty_list(monkeypatch, value):
    monkeypatch.setenv(NAME, value)

    assert env_list(NAME, ["localhost"]) == []


def test_items_are_split_on_commas_and_trimmed(monkeypatch):
    monkeypatch.setenv(NAME, " scp.example.org, www.scp.example.org ")

    assert env_list(NAME, []) == ["scp.example.org", "www.scp.example.org"]


@pytest.mark.parametrize("value", ["a,,b", " , ", "a,", ",a", "a b", "a, b c"])
def test_an_empty_or_spaced_item_is_a_configuration_error_naming_the_variable(monkeypatch, value):
    monkeypatch.setenv(NAME, value)

    with pytest.raises(ImproperlyConfigured, match=f"^{NAME} must be values separated by single commas"):
        env_list(NAME, [])
