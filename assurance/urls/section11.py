"""The section11 pages; assurance/urls/__init__.py includes them under /assurance/."""

from django.urls import path

from ..views import section11_cycles as cycles
from ..views import section11_moderation as moderation
from ..views import section11_returns as returns

urlpatterns: list = [
    path("section-11/new/", cycles.CycleCreateView.as_view(), name="cycle_create"),
    path("section-11/<int:pk>/", cycles.CycleDetailView.as_view(), name="cycle_detail"),
    path("section-11/<int:pk>/edit/", cycles.CycleEditView.as_view(), name="cycle_edit"),
    path("section-11/<int:pk>/publish/", cycles.CyclePublishView.as_view(), name="cycle_publish"),
    path("section-11/returns/<int:pk>/", returns.ReturnDetailView.as_view(), name="return_detail"),
    path("section-11/returns/<int:pk>/edit/", returns.ReturnEditView.as_view(), name="return_edit"),
    path("section-11/returns/<int:pk>/submit/", returns.submit_return, name="return_submit"),
    path("section-11/returns/<int:pk>/send-back/", returns.send_back_return, name="return_send_back"),
    path("section-11/returns/<int:pk>/moderate/", moderation.ReturnModerateView.as_view(), name="return_moderate"),
    path(
        "section-11/assessments/<int:pk>/actions/new/",
        moderation.ImprovementActionCreateView.as_view(),
        name="improvement_action_create",
    ),
]
