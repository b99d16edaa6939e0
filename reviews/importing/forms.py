"""The review import's upload form: a spreadsheet of one review's recommendations and actions."""

from django import forms

from objectives.importing.readers import read_upload
from objectives.importing.safety import max_bytes, megabytes

from .reading import read_review_upload


class ReviewImportForm(forms.Form):
    file = forms.FileField(label="Action plan file", widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text = (
            f"A spreadsheet (.xlsx, or .csv saved as UTF-8) in the columns below; up to {megabytes(max_bytes())}."
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content = read_upload(upload, read_review_upload)
        return upload
