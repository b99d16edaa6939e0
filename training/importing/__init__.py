"""Importing a session's register from a spreadsheet: who came and who did not, checked whole before anything is saved.

Columns (header row first, any order): name, email, agency, job_role, attended (yes/no). A person already
registered (by e-mail) gets their attendance marked; anyone else is added as a walk-in. Importing the same
file again changes nothing.

1. `register.read_register` reads a .csv or .xlsx file after the plan import's safety checks, and
   `register.check_register` returns the entries or `RegisterProblems` naming every bad row, column and reason.
2. `applying.import_register` writes them in one transaction; `applying.apply_register` does both steps for a
   file staged by the upload page (core.uploads), which stages and applies it at once: the register has no preview.
"""
