from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from mscb.yearly.files import FORMATS
from mscb.yearly.services import generate_yearly_report
from objectives.management.plan_option import add_plan_argument
from objectives.models import BusinessPlan
from objectives.paper.html import MissingStylesheet


class Command(BaseCommand):
    help = (
        "Write the yearly report of a plan year (the safeguarding partners' annual report) as one Word, PDF or HTML "
        "file. Generates its figures first if they have never been generated."
    )

    def add_arguments(self, parser):
        add_plan_argument(parser)
        parser.add_argument("--format", default="docx", dest="file_format", help=f"One of: {', '.join(FORMATS)}.")
        parser.add_argument("-o", "--output", required=True, help="The file to write, such as annual-report.docx.")

    def handle(self, *args, plan, file_format, output, **options):
        chosen = FORMATS.get(file_format.lower())
        if chosen is None:
            choices = ", ".join(FORMATS)
            raise CommandError(f"export_annual_report cannot write {file_format!r}; choose one of: {choices}.")
        business_plan = _plan(plan)
        report = getattr(business_plan, "yearly_report", None)
        if report is None or report.generated_at is None:
            report = generate_yearly_report(plan=business_plan, by=None)
            self.stdout.write(f"Generated the figures of {report.title}: it had none yet.")
        try:
            content = chosen.render(report)
        except MissingStylesheet as error:
            raise CommandError(str(error)) from error
        try:
            Path(output).write_bytes(content)
        except OSError as error:
            raise CommandError(f"Could not write {output}: {error.strerror}.") from error
        self.stdout.write(f"Wrote {report.title} ({chosen.extension}) to {output}.")


def _plan(title: str) -> BusinessPlan:
    try:
        return BusinessPlan.objects.select_related("yearly_report").get(title=title.strip())
    except BusinessPlan.DoesNotExist:
        titles = ", ".join(BusinessPlan.objects.order_by("starts_on").values_list("title", flat=True))
        raise CommandError(f"There is no business plan titled {title!r}. Plans: {titles or 'none yet'}.") from None
