from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from objectives.models import BusinessPlan, ProgressRound
from objectives.report import ProgressReport, build_progress_report, page_margin_css

# mscb.css holds the RAG badge colours the report shares with every other page.
STANDALONE_STYLESHEETS = ["css/mscb.css", "css/report.css"]


def _inlined_css() -> str:
    parts = []
    for name in STANDALONE_STYLESHEETS:
        path = finders.find(name)
        if path is None:
            raise CommandError(f"Cannot find the stylesheet {name} in the static files; is the project complete?")
        parts.append(Path(path).read_text(encoding="utf-8"))
    return "\n".join(parts)


def render_html(report: ProgressReport) -> bytes:
    """One HTML file with its styles inlined and no links out, for the council's committee system."""
    context = {"report": report, "report_css": mark_safe(_inlined_css()), "page_css": page_margin_css(report)}
    return render_to_string("objectives/report_standalone.html", context).encode("utf-8")


# Each format turns a report into the bytes of one file; PDF and Word join here.
FORMATS: dict[str, Callable[[ProgressReport], bytes]] = {"html": render_html}


class Command(BaseCommand):
    help = (
        "Write the committee progress report for one round of a business plan as a single file, "
        "ready to upload to the council's committee system. Without -o it goes to standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument("--plan", required=True, help='The business plan\'s title, such as "2025/26".')
        parser.add_argument(
            "--round",
            required=True,
            dest="round_as_of",
            help="The round's as-of date as YYYY-MM-DD, such as 2025-12-31.",
        )
        parser.add_argument("--format", default="html", dest="file_format", help=f"One of: {', '.join(FORMATS)}.")
        parser.add_argument("-o", "--output", help="The file to write; '-' or nothing for standard output.")

    def handle(self, *args, plan, round_as_of, file_format, output, **options):
        render = FORMATS.get(file_format.lower())
        if render is None:
            raise CommandError(f"export_report cannot write {file_format!r} yet; choose one of: {', '.join(FORMATS)}.")
        business_plan = self._plan(plan)
        progress_round = self._round(business_plan, _as_of(round_as_of))

        report = build_progress_report(plan=business_plan, progress_round=progress_round)
        content = render(report)

        summary = (
            f"Wrote {progress_round.label} for business plan {business_plan.title} "
            f"({report.action_count} actions, {file_format.lower()})"
        )
        if output in (None, "-"):
            self.stdout.write(content.decode("utf-8"), ending="")
            # The report itself is on standard output, so the summary keeps out of its way.
            self.stderr.write(f"{summary} to standard output.", style_func=str)
            return
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror}.") from error
        self.stdout.write(f"{summary} to {output}.")

    def _plan(self, title: str) -> BusinessPlan:
        try:
            return BusinessPlan.objects.get(title=title.strip())
        except BusinessPlan.DoesNotExist:
            titles = ", ".join(BusinessPlan.objects.order_by("starts_on").values_list("title", flat=True))
            raise CommandError(f"There is no business plan titled {title!r}. Plans: {titles or 'none yet'}.") from None

    def _round(self, plan: BusinessPlan, as_of: date) -> ProgressRound:
        try:
            return plan.rounds.get(as_of=as_of)
        except ProgressRound.DoesNotExist:
            dates = ", ".join(
                f"{day:%Y-%m-%d}" for day in plan.rounds.order_by("as_of").values_list("as_of", flat=True)
            )
            raise CommandError(
                f"Business plan {plan.title} has no progress round as of {as_of:%Y-%m-%d}. "
                f"Its rounds are as of: {dates or 'none yet'}."
            ) from None


def _as_of(text: str) -> date:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(
            f"--round must be the round's as-of date as YYYY-MM-DD, such as 2025-12-31, not {text!r}."
        ) from None
