"""The register import's upload form: the page's file field, read before anything is staged."""

from objectives.importing.spreadsheet_form import SpreadsheetUploadForm

from .register import read_register


class RegisterImportForm(SpreadsheetUploadForm):
    file_label = "Register file"
    reader = staticmethod(read_register)
