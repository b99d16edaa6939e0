"""Importing a case review's recommendations and actions from a spreadsheet, all or nothing.

The plan import's steps and safety checks (objectives.importing), for one review's action plan:

1. `reading.read_review_file` / `reading.read_review_upload`: a .csv or .xlsx file's rows, after the plan
   import's checks on size, real file type and zip bombs.
2. `checking.check_rows` compares the rows with the review and returns what would be created, what is
   already there, and every problem (`RowError`, numbered as the spreadsheet numbers rows); it writes nothing.
3. `applying.import_rows` locks the review, checks again and writes everything in one transaction, or nothing.

The columns, what each may hold and how its cells are read, are in `columns.COLUMNS`; the upload page and the
command's help show them. In the browser the file waits for its confirmation as core's StagedUpload;
`forms.ReviewImportForm` refuses an unreadable file on the upload page.
"""
