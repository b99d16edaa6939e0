"""Every plan with the state of its yearly report."""

from django.contrib.auth.decorators import permission_required
from django.shortcuts import render

from ..selectors import plans_with_reports


@permission_required("mscb.view_yearlyreport", raise_exception=True)
def report_list(request):
    return render(request, "yearly/report_list.html", {"plans": plans_with_reports()})
