"""Serialized rollback from a table copy: the migrated rows put back by SQL rather than object by object.

Every browser test asks for serialized_rollback=True (tests/browser/conftest.py says why), and Django then saves the
migrated rows (roles, permissions, bank holidays, subgroups) back one object at a time at the start of each test:
a second or more a test, over three on a busy machine. The same rows, copied aside once in the database
(tests/browser/table_copy.py), come back in milliseconds. Django still decides when to restore and what to flush;
only how the rows come back changes, and only for the contents serialized at setup.
"""

from django.core.management import call_command
from django.db import connection

from tests.browser.table_copy import TableCopy


def restore_from_a_copy(monkeypatch) -> None:
    """From now on, restoring the contents serialized at setup puts back a copy of the same rows.

    The copy is taken from those contents themselves, loaded Django's way into an emptied database, so it holds
    exactly what the serialized rollback would have put back.
    """
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        return
    creation = type(connection.creation)
    deserialize = creation.deserialize_db_from_string
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    deserialize(connection.creation, contents)
    copy = TableCopy("migrated")

    def deserialize_from_copy(self, data):
        if data == contents:
            copy.restore()
        else:
            deserialize(self, data)

    monkeypatch.setattr(creation, "deserialize_db_from_string", deserialize_from_copy)
