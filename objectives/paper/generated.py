"""The committee paper's PDF and Word files, made in the background from the paper's snapshot and kept by its hash.

The snapshot is what the file is made from, so it is both the key (with the renderer's version) and what the
worker renders: the file always shows the paper as it stood when it was asked for, on whichever node asked.
"""

import json

from django_tasks import task

from core import generated as files
from core.models import GeneratedFile

from .files import FILE_FORMATS
from .snapshot import Paper, from_snapshot, to_snapshot

# Raised whenever the files a paper makes change for the same paper (PDFs became tagged at 2), so nobody is
# handed a file the previous release made.
RENDERING = 2
KINDS = {"pdf": "committee-paper.pdf", "docx": "committee-paper.docx"}


@task()
def build_paper_file(file_id: int) -> None:
    files.build(file_id, _render)


def _render(source: dict) -> bytes:
    return FILE_FORMATS[source["format"]].render(from_snapshot(source["paper"]))


def paper_file(paper: Paper, file_format: str, *, round_pk: int) -> GeneratedFile:
    """The paper's file as it stands: made already, or queued now."""
    snapshot = to_snapshot(paper)
    return files.request_file(
        kind=KINDS[file_format],
        key=files.content_key(str(RENDERING), json.dumps(snapshot, sort_keys=True)),
        source_label=f"round {round_pk}",
        source={"format": file_format, "paper": snapshot},
        task=build_paper_file,
    )
