"""The committee paper's PDF and Word file at each size: seconds to build as the worker builds them (the file
requested through objectives.paper.generated, which this process's "immediate" task backend builds at once),
PDF pages, and a repeat download of the unchanged paper over HTTP once the file is made."""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from django.contrib.auth import get_user_model

from core.models import GeneratedFile
from deploy.check.proofs import sign_in
from objectives.models import ProgressRound
from objectives.paper.build import author_for, build_paper
from objectives.paper.generated import KINDS, paper_file

from . import data, timing
from .results import Results
from .serving import Served


def pdf_pages(content: bytes) -> int | None:
    """pypdf's count if it is installed, else poppler's pdfinfo; None if neither is there."""
    try:
        import io  # noqa: PLC0415

        from pypdf import PdfReader  # noqa: PLC0415 - optional

        return len(PdfReader(io.BytesIO(content)).pages)
    except ImportError:
        pass
    if shutil.which("pdfinfo") is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        Path(file.name).write_bytes(content)
        info = subprocess.run(["pdfinfo", file.name], capture_output=True, text=True, check=True).stdout
    return next(int(line.split()[-1]) for line in info.splitlines() if line.startswith("Pages:"))


def build_file(plan: data.PlanData, file_format: str) -> tuple[float, bytes]:
    """Seconds to make the file from scratch (any kept copy deleted first) and its bytes."""
    GeneratedFile.objects.filter(kind__in=KINDS.values()).delete()
    manager = get_user_model().objects.get(username=data.MANAGER)
    progress_round = ProgressRound.objects.get(pk=plan.report_round_id)
    started = time.perf_counter()
    paper = build_paper(progress_round=progress_round, author=author_for(manager))
    generated = paper_file(paper, file_format, round_pk=progress_round.pk)
    seconds = time.perf_counter() - started
    if generated.status != GeneratedFile.Status.READY:
        raise RuntimeError(f"the {file_format} of {plan.size} actions was not made: {generated.error}")
    return seconds, bytes(generated.content)


def time_papers(served: Served, bench_data: data.BenchData, results: Results, *, sizes, runs: int, load):
    section = results.section(
        "The committee paper: seconds to build, pages, and a repeat download over HTTP (median ms)",
        ["size", "file", "build s", "pages", "KB", "repeat download ms"],
        load=load,
    )
    browser = served.browser()
    sign_in(browser, served.app, data.MANAGER, data.PASSWORD)
    for size in sizes:
        plan = bench_data.plans[size]
        for file_format in ("pdf", "docx"):
            seconds, content = build_file(plan, file_format)
            path = f"/plans/{plan.plan_id}/rounds/{plan.report_round_id}/report.{file_format}"
            repeat = timing.median(timing.timed_gets(browser, served.app, path, runs=runs, warm_up=1))
            pages = pdf_pages(content) if file_format == "pdf" else "-"
            section.rows.append([size, file_format.upper(), seconds, pages, len(content) / 1024, repeat])
            if file_format == "pdf" and size == 200:
                results.figure("pdf_s_200", round(seconds, 2), load=load)
                results.figure("pdf_repeat_ms_200", round(repeat, 1), load=load)
    section.notes.append("Word has no page count until Word lays it out, so none is given.")
