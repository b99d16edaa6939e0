import importlib

import pytest
from django.apps import apps

_filled = importlib.import_module("reviews.migrations.0004_fill_subgroups_and_cdop_categories")


@pytest.fixture(autouse=True)
def subgroups_and_cdop_categories(db):
    """The subgroups and national CDOP categories the migration fills.

    Browser tests run on a flushed database (live_server), which empties tables that data migrations
    filled, so tests here put the rows back rather than rely on the order tests run in.
    """
    _filled.fill(apps, None)
