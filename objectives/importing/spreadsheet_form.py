"""The upload form of an import that takes one spreadsheet: the review import and the training register import.

The file is read on the upload page, so a file that cannot be read at all is refused there; the bytes are then
kept on the form (`content`) for the page to stage.
"""

from collections.abc import Callable

from django import forms

from .readers import read_upload
from .safety import max_bytes, megabytes


class SpreadsheetUploadForm(forms.Form):
    """A form names `file_label`, `file_help` (the size limit is added to it) and `reader`, which gets the bytes
    and the file name and raises FileProblem for a file it cannot read."""

    file = forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))
    file_label = "Spreadsheet"
    file_help = "A spreadsheet (.xlsx or .csv) of"
    reader: Callable[[bytes, str], object]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = self.file_label
        # Read per form, not at import, so a test or a deployment may change the limit in settings.
        self.fields["file"].help_text = f"{self.file_help} {megabytes(max_bytes())}."

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content = read_upload(upload, type(self).reader)
        return upload
