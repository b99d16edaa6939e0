"""Importing a business plan from a spreadsheet or a Word document, in steps that the command and the pages share.

1. `safety.check_file` looks at the bytes first: the size limit (settings.IMPORT_MAX_BYTES, default 5 MB),
   the real type whatever the name says, and zip bombs, before any parser opens the file. The row limit
   (settings.IMPORT_MAX_ROWS, default 1,000) is checked next, counting rows (`row_count`) before any is read.
2. `readers.read_plan_file` turns a .csv or .xlsx file into rows of cells with the row numbers the user sees;
   `word.read_docx` turns a Word plan, laid out as the plan's shape is, into the same rows, each saying where it
   was (`word_headings`, `word_columns`, `word_lines`, `word_numbering` and `word_text` read its parts, and
   `word_layout` says when a document does not have its plan's layout).
3. `checking.check_rows(rows, plan=plan)` compares those rows with the database and returns the changes and every
   problem (`RowError`), writing nothing, so the same result can drive a preview or a dry run. The columns a file
   needs follow the plan's shape (`columns`); `building.PlanBuilder` matches each row to the plan's aims, objectives
   and actions, the implicit levels of two-level and list plans included; ratings are read on the plan's scale.
   `rows.read_header` and `rows.read_cells` read the header and each row's cells by column name; the case
   review import (reviews.importing) shares them, so both report a bad cell in the same words.
4. `applying.apply_changes` writes the checked changes in one transaction, a model at a time with their history
   (`bulk_saving`: a few statements per kind of object, not per row); implicit levels are saved through
   `implicit_aim()` and `aim.implicit_objective()`.

`plans.find_or_build_plan` finds the plan by its title or builds a new one with the scale and shape asked for
(import_plan's --scale and --shape, the upload page's selects); an existing plan's own are never changed.

In the browser (objectives.views.imports) the upload is staged in core's StagedUpload between the preview and the
confirmation; `forms.ImportUploadForm` reads it on the upload page with `readers.read_upload`, which the review and
training register imports share.

`objectives.exporting` writes a plan back out in the same columns, so export then import gives an equal plan.
"""
