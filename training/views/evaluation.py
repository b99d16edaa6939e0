from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required, permission_required
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, View

from core.formats import long_date, plural

from .. import selectors, services
from ..forms import FORMS
from ..models import Course, Evaluation, Registration, TrainingSession


@method_decorator(login_not_required, name="dispatch")
class EvaluationFormView(View):
    template_name = "training/evaluation_form.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            registration_pk, self.kind = services.read_token(kwargs["token"])
        except services.LinkExpired:
            return self.problem("This link has expired", expired=True, status=HTTPStatus.GONE)
        except services.LinkInvalid:
            return self.problem("We could not find this form", status=HTTPStatus.NOT_FOUND)
        self.registration = (
            Registration.objects.select_related("session__course", "agency").filter(pk=registration_pk).first()
        )
        if self.registration is None:
            return self.problem("We could not find this form", status=HTTPStatus.NOT_FOUND)
        if self.registration.status != Registration.Status.ATTENDED:
            return self.problem("This form is for people who attended", not_attended=True, status=HTTPStatus.FORBIDDEN)
        # A used link shows the thanks again and changes nothing, whether opened or submitted.
        if Evaluation.objects.filter(registration=self.registration, kind=self.kind).exists():
            return self.thanks(already_answered=True)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_form(FORMS[self.kind]())

    def post(self, request, *args, **kwargs):
        form = FORMS[self.kind](request.POST)
        if not form.is_valid():
            return self.render_form(form)
        answers = {name: form.cleaned_data[name] for name in form.Meta.fields}
        saved = services.record_evaluation(registration=self.registration, kind=self.kind, answers=answers)
        return self.thanks(already_answered=saved is None)

    def render_form(self, form):
        context = {"form": form, "registration": self.registration, "kind": self.kind, "Kind": Evaluation.Kind}
        return render(self.request, self.template_name, {**context, "session": self.registration.session})

    def thanks(self, *, already_answered):
        context = {"registration": self.registration, "already_answered": already_answered}
        return render(self.request, "training/evaluation_thanks.html", context)

    def problem(self, heading, *, status, **flags):
        context = {"heading": heading, "link_days": selectors.link_days(), **flags}
        return render(self.request, "training/evaluation_link_problem.html", context, status=status)


class _ResultsView(PermissionRequiredMixin, DetailView):
    permission_required = "training.view_evaluation"
    template_name = "training/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scope = self.scope()
        context["results"] = selectors.results_for(**scope)
        context["can_read_answers"] = selectors.can_read_answers(self.request.user)
        if context["can_read_answers"]:
            context["answers"] = selectors.written_answers_for(**scope)
        results = context["results"]
        context["score_rows"] = [
            (SCORE_LABELS[name], results.after_session[f"mean_{name}"], counts)
            for name, counts in results.distributions
        ]
        return context


SCORE_LABELS = {
    "relevance": "Relevance",
    "quality": "Quality",
    "confidence_before": "Confidence before",
    "confidence_after": "Confidence after",
}


class SessionResultsView(_ResultsView):
    queryset = TrainingSession.objects.select_related("course")
    context_object_name = "session"

    def scope(self):
        return {"session": self.object}

    def get_context_data(self, **kwargs):
        course = self.object.course
        breadcrumbs = [
            ("Training", reverse("training:course_list")),
            (course.title, course.get_absolute_url()),
            (long_date(self.object.starts_at), self.object.get_absolute_url()),
        ]
        return super().get_context_data(course=course, breadcrumbs=breadcrumbs, **kwargs)


class CourseResultsView(_ResultsView):
    model = Course
    context_object_name = "course"

    def scope(self):
        return {"course": self.object}

    def get_context_data(self, **kwargs):
        breadcrumbs = [
            ("Training", reverse("training:course_list")),
            (self.object.title, self.object.get_absolute_url()),
        ]
        return super().get_context_data(breadcrumbs=breadcrumbs, **kwargs)


@require_POST
@permission_required("training.change_trainingsession", raise_exception=True)
def send_evaluation_links(request, pk):
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=pk)
    result = services.send_links(
        session=session,
        kind=Evaluation.Kind.AFTER_SESSION,
        base_url=request.build_absolute_uri("/"),
        sent_by=request.user,
    )
    if not result.sent and not result.sent_before and not result.failed:
        messages.warning(request, "Nobody is marked as attended on this session yet, so no evaluation links were sent.")
    elif result.sent or not result.failed:
        sent = len(result.sent)
        text = f"Sent {plural(sent, 'evaluation link')}"
        if result.sent_before:
            text += f"; {result.sent_before} had been sent before"
        messages.success(request, text + ".")
    if result.failed:
        addresses = ", ".join(registration.email for registration in result.failed)
        messages.error(request, f"Could not e-mail {addresses}. Try sending again later.")
    return redirect(session)
