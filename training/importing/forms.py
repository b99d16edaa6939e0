"""The register import's upload form: the page's file field, read before anything is staged."""

from objectives.importing.readers import read_upload

from ..forms import RegisterUploadForm
from .register import read_register


class RegisterImportForm(RegisterUploadForm):
    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content = read_upload(upload, read_register)
        return upload
