from django.urls import path

from ..views.index import AssuranceIndexView
from . import audits, register, section11

app_name = "assurance"
urlpatterns = [
    # What the board is assured of: its Section 11 cycles, case audits and the register of recommendations.
    path("", AssuranceIndexView.as_view(), name="index"),
    *section11.urlpatterns,
    *audits.urlpatterns,
    *register.urlpatterns,
]
