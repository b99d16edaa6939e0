"""What WeasyPrint may read while it makes a PDF: the yearly report's (mscb/yearly/rendering.py) until it moves to
Typst as the committee paper has. Re-exported by objectives/paper/pdf.py, where the yearly report imports it from."""

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from weasyprint.urls import URLFetcher

# Only our own static folder may be read while the PDF is made: nothing from the network, nothing else on disk.
STATIC_FOLDER = Path(settings.BASE_DIR) / "static"


class _SkipBrowserOnlyProperty(logging.Filter):
    """report.css also asks Chrome to print colours; WeasyPrint prints them anyway, so its warning is noise."""

    def filter(self, record):
        return "print-color-adjust" not in record.getMessage()


logging.getLogger("weasyprint").addFilter(_SkipBrowserOnlyProperty())


class RefusedFetch(ValueError):
    pass


class StaticFilesOnly(URLFetcher):
    """A WeasyPrint fetcher that reads files under one folder and refuses every other address."""

    def __init__(self, folder: Path = STATIC_FOLDER):
        # A refusal stops the rendering rather than leaving a quiet gap in the paper.
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=True)
        self.folder = folder.resolve()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedFetch(f"The committee paper may not fetch {url}.")
        if not Path(unquote(parts.path)).resolve().is_relative_to(self.folder):
            raise RefusedFetch(f"The committee paper may only read the static folder, not {url}.")
        return super().fetch(url, headers)


# Tagged to PDF/UA-1, as public bodies must publish accessible documents: headings, tables with header cells,
# the language (the template's en-GB) and the title (its <title>) all reach a screen reader.
PDF_VARIANT = "pdf/ua-1"
