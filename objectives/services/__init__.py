"""Writes for the business plan, one module per resource: import the module you need, such as
`from objectives.services import progress`.

- progress: write, submit, return and accept progress updates; workflow: the rules they enforce.
- actions, conflicts: saving an action, and refusing any stale save.
- rounds, reminders, publishing, deletion, people: rounds, reminder e-mails, published reports,
  hiding and restoring, and people and their roles.
"""
