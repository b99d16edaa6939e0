"""Importing a business plan from a spreadsheet, in three steps that a page can reuse.

1. `readers.read_rows` turns a .csv or .xlsx file into rows of cells with the row numbers the user sees.
2. `checking.check_rows` compares those rows with the database and returns the changes and every
   problem (`RowError`), writing nothing, so the same result can drive a preview or a dry run.
3. `applying.apply_changes` writes the checked changes in one transaction.
"""
