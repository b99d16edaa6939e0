"""The draft yearly report's PDF and Word files, made in the background and kept by the hash of the report's HTML.

The worker makes the file from the report as it stands when the task runs; the key is the hash of the standalone
HTML the page was given (the same body the PDF and Word files draw), so any edit asks for a new file.
"""

from django_tasks import task

from core import generated as files
from core.models import GeneratedFile

from ..models import YearlyReport
from .files import FORMATS, render_standalone_html

# Raised whenever the files a yearly report makes change for the same report.
RENDERING = 2
KINDS = {"pdf": "yearly-report.pdf", "docx": "yearly-report.docx"}


@task()
def build_yearly_file(file_id: int) -> None:
    files.build(file_id, _render)


def _render(source: dict) -> bytes:
    report = YearlyReport.objects.select_related("plan", "generated_by").get(plan_id=source["plan"])
    return FORMATS[source["format"]].render(report)


def yearly_file(report: YearlyReport, file_format: str) -> GeneratedFile:
    """The report's file as it stands: made already, or queued now."""
    return files.request_file(
        kind=KINDS[file_format],
        key=files.content_key(str(RENDERING), render_standalone_html(report)),
        source_label=f"plan {report.plan_id}",
        source={"format": file_format, "plan": report.plan_id},
        task=build_yearly_file,
    )
