"""The home page: each panel the person's roles give them (panels.py), or a plain page pointing to the plans."""

from django.views.generic import TemplateView

from . import assurance, attention, contributor, overview, panels, sessions

# What each panel reads; each takes the user and reads in a fixed number of queries.
READERS = {
    panels.MANAGER: attention.needs_attention,
    panels.CONTRIBUTOR: contributor.actions_in_open_rounds,
    panels.SECTION11: assurance.returns_to_send,
    panels.TRAINING: lambda user: sessions.upcoming_sessions(),
    panels.OVERVIEW: overview.overview,
}


class HomeView(TemplateView):
    template_name = "mscb/home/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        shown = panels.panels_for(user)
        context["panels"] = [(name, READERS[name](user)) for name in shown]
        return context
