"""The committee paper's PDF and Word files, made in the background from the paper's snapshot and kept by its hash.

The snapshot is what the file is made from, so it is both the key (with the renderer's version) and what the
worker renders: the file always shows the paper as it stood when it was asked for, on whichever node asked.

Building the paper to hash it takes dozens of queries, so `current_paper_files` first asks whether anything the
paper shows has changed since its file was last found (core.content_version) and builds only if so.
"""

import json

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core import content_version
from core import generated as files
from core.models import GeneratedFile

from .build import build_paper
from .files import FILE_FORMATS
from .sections import registered_kinds
from .snapshot import Paper, from_snapshot, to_snapshot

# Raised whenever the files a paper makes change for the same paper (PDFs became tagged at 2, Typst's at 3), so
# nobody is handed a file the previous release made.
RENDERING = 3
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


def current_paper_files(progress_round, file_formats, *, author: str) -> dict[str, GeneratedFile]:
    """The paper's files (format: file) as the paper stands now, building the paper only when something it shows
    may have changed since each was last found: once for all the formats that need it."""
    chosen: dict[str, GeneratedFile] = {}
    paper = None
    for file_format in file_formats:
        scope = paper_scope(progress_round, KINDS[file_format], author=author)
        found, version = files.unchanged_file(kind=KINDS[file_format], scope=scope)
        if found is None:
            paper = paper or build_paper(progress_round=progress_round, author=author)
            found = paper_file(paper, file_format, round_pk=progress_round.pk)
            files.remember(scope=scope, version=version, key=found.key)
        chosen[file_format] = found
    return chosen


def paper_scope(progress_round, kind: str, *, author: str) -> str:
    """Everything besides the database that the paper depends on: what is made of it, the renderer and this
    release's code, the round, the day it is produced on (it says so, and the budget section dates its figures),
    the settings it prints, the sections this release has, and who it names as author when the round has no
    covering report."""
    return files.content_key(
        kind,
        str(RENDERING),
        content_version.code_fingerprint(),
        str(progress_round.pk),
        timezone.localdate().isoformat(),
        settings.BOARD_NAME,
        settings.COMMITTEE_NAME,
        ",".join(registered_kinds()),
        author,
    )
