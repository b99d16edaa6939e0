"""A business plan as a spreadsheet in the import's columns."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.responses import attachment

from ..exporting import CONTENT_TYPES, WRITERS, file_name
from ..models import BusinessPlan


@permission_required("objectives.view_businessplan", raise_exception=True)
def export_plan(request, pk, file_format):
    writer = WRITERS.get(file_format)
    if writer is None:
        raise Http404(f"Plans export as .xlsx or .csv, not .{file_format}.")
    plan = get_object_or_404(BusinessPlan, pk=pk)
    return attachment(writer(plan), name=file_name(plan, file_format), content_type=CONTENT_TYPES[file_format])
