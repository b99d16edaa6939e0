"""The review import's upload form: a spreadsheet of one review's recommendations and actions."""

from objectives.importing.spreadsheet_form import SpreadsheetUploadForm

from .reading import read_review_upload


class ReviewImportForm(SpreadsheetUploadForm):
    file_label = "Action plan file"
    file_help = "A spreadsheet (.xlsx, or .csv saved as UTF-8) in the columns below; up to"
    reader = staticmethod(read_review_upload)
