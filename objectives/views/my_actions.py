"""My actions: the actions a contributor's agencies lead, and where each stands in the open round."""

from django.contrib.auth.mixins import PermissionRequiredMixin
from django.utils import timezone
from django.views.generic import TemplateView

from ..models import Action
from ..models.shapes import level_words
from ..roles import is_board_manager
from ..selectors import rounds
from ..state_rows import my_action_rows


class MyActionsView(PermissionRequiredMixin, TemplateView):
    permission_required = "objectives.submit_progressupdate"
    template_name = "objectives/my_actions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        open_rounds = rounds.latest_open_rounds()
        rows = rounds.listed_action_states(Action.objects.editable_by(self.request.user), open_rounds, leads=True)
        sections = []
        for progress_round in open_rounds:
            round_rows = [row for row in rows if row.progress_round is progress_round]
            if round_rows:
                level = level_words(progress_round.plan)
                sections.append(
                    {
                        "progress_round": progress_round,
                        "rows": round_rows,
                        "rows_html": my_action_rows(round_rows, progress_round, level),
                        "is_past_deadline": rounds.is_past_deadline(progress_round, today),
                        "level": level,
                    }
                )
        context.update(
            sections=sections,
            counts=rounds.count_states(rows),
            sees_every_action=is_board_manager(self.request.user),
        )
        return context
