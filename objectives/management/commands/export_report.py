from datetime import date, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from objectives.management.plan_option import add_plan_argument
from objectives.models import BusinessPlan, ProgressRound
from objectives.paper.build import build_paper
from objectives.paper.files import FILE_FORMATS, FileFormat
from objectives.paper.html import MissingStylesheet

# Each format turns a paper into the bytes of one file: the same files the report page offers.
FORMATS: dict[str, FileFormat] = FILE_FORMATS


class Command(BaseCommand):
    help = (
        "Write the committee progress report for one round of a business plan as a single file, "
        "ready to upload to the council's committee system. Without -o it goes to standard output."
    )

    def add_arguments(self, parser):
        add_plan_argument(parser)
        parser.add_argument(
            "--round",
            required=True,
            dest="round_as_of",
            help="The round's as-of date as YYYY-MM-DD, such as 2025-12-31.",
        )
        parser.add_argument("--format", default="html", dest="file_format", help=f"One of: {', '.join(FORMATS)}.")
        parser.add_argument("-o", "--output", help="The file to write; '-' or nothing for standard output (HTML only).")
        parser.add_argument(
            "--author",
            default="",
            help="The report's author on the cover, when the round has no covering report (which names its own).",
        )

    def handle(self, *args, plan, round_as_of, file_format, output, author, **options):
        chosen = FORMATS.get(file_format.lower())
        if chosen is None:
            raise CommandError(f"export_report cannot write {file_format!r}; choose one of: {', '.join(FORMATS)}.")
        if chosen.is_binary and output in (None, "-"):
            raise CommandError(
                f"A {chosen.extension.upper()} file is binary and cannot go to standard output: "
                f"name the file with -o, such as -o report.{chosen.extension}."
            )
        business_plan = self._plan(plan)
        progress_round = self._round(business_plan, _as_of(round_as_of))

        paper = build_paper(progress_round=progress_round, author=author.strip())
        try:
            content = chosen.render(paper)
        except MissingStylesheet as error:
            raise CommandError(str(error)) from error

        summary = (
            f"Wrote {progress_round.label} for business plan {business_plan.title} "
            f"({len(paper.rows)} actions, {chosen.extension})"
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
