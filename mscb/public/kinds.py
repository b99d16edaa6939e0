"""The two kinds of document the public pages show, by the word their addresses use."""

from dataclasses import dataclass

from django.http import Http404

from mscb.models import PublishedYearlyReport
from objectives.models import PublishedReport


@dataclass(frozen=True)
class _Kinds:
    by_slug: dict
    # The stored files and data: left in the database by every page that only names or marks a document.
    files: tuple = ("html", "pdf", "docx")

    def model(self, slug: str):
        """The model behind an address's kind; any other word is the same 404 as a missing document."""
        try:
            return self.by_slug[slug]
        except KeyError:
            raise Http404 from None


KINDS = _Kinds(by_slug={"reports": PublishedReport, "yearly-reports": PublishedYearlyReport})
