"""Text sent to a form after its writer's session had ended: kept through sign-in, then put back for them alone.

A form page opts in with `KeepsTypedTextMixin`; mscb's idle-session middleware keeps the POST of such a
page when it arrives signed out, and the page puts the text back on the writer's next GET after signing in.
The record lives in the session, keyed by the page's path, with whose text it is; Django's sign-in keeps
an anonymous session's data (cycle_key), so it survives signing in.
"""

from django.contrib import messages
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

SESSION_KEY = "kept_text"
PUT_BACK_MESSAGE = "What you wrote before you were signed out has been put back. Check it and save."
NO_FORM_MESSAGE = "This can no longer be changed, so what you wrote before you were signed out is shown here to copy:"
# Never kept, whatever the form: the CSRF token is the old page's, and no password is ever stored.
_NEVER_KEPT = {"csrfmiddlewaretoken"}


def keeps_typed_text(view_func) -> bool:
    """Whether the view behind this URL has opted in to keeping text sent after the session ended."""
    return getattr(getattr(view_func, "view_class", None), "keeps_typed_text", False)


def _may_keep(name: str) -> bool:
    return name not in _NEVER_KEPT and "password" not in name.lower()


def keep_posted_text(request, *, owner_id: str) -> None:
    """Keep the POST's text fields (no files, passwords or CSRF token) for `owner_id`, for this page's next GET."""
    fields = {name: values for name, values in request.POST.lists() if _may_keep(name)}
    kept = request.session.get(SESSION_KEY, {})
    kept[request.path] = {"owner": owner_id, "fields": fields}
    request.session[SESSION_KEY] = kept


def forget_text_of_others(session, user) -> None:
    """On sign-in: drop what someone else wrote, so it never sits in this person's session."""
    kept = session.get(SESSION_KEY)
    if not kept:
        return
    theirs = {path: record for path, record in kept.items() if record["owner"] == str(user.pk)}
    if theirs != kept:
        session[SESSION_KEY] = theirs


def take_kept_text(request) -> QueryDict | None:
    """The text kept for this page, once, and only if the signed-in person wrote it; forgotten either way."""
    kept = request.session.get(SESSION_KEY)
    if not kept or request.path not in kept:
        return None
    record = kept.pop(request.path)
    request.session[SESSION_KEY] = kept
    if record["owner"] != str(request.user.pk):
        return None
    data = QueryDict(mutable=True)
    for name, values in record["fields"].items():
        data.setlist(name, values)
    return data


def initial_from(form, data: QueryDict) -> dict:
    """Each field's value as its widget reads it from `data` (a list for a multiple choice), for `form.initial`."""
    no_files = MultiValueDict()
    initial = {}
    for name, field in form.fields.items():
        key = form.add_prefix(name)
        if field.disabled or field.widget.value_omitted_from_data(data, no_files, key):
            continue
        initial[name] = field.widget.value_from_datadict(data, no_files, key)
    return initial


class KeepsTypedTextMixin:
    """A form page whose text, sent after the session ended, is kept through sign-in and put back here.

    Put back as the form's initial values, not bound data: the page opens as the writer left it, with no
    errors shown before they have had a chance to check it, and saving goes through the usual checks
    (the version field comes back too, so a change someone else saved meanwhile is still caught).
    """

    keeps_typed_text = True

    def may_put_back_kept_text(self) -> bool:
        """Whether the page shows its form now; a page that may go read-only meanwhile says when it has."""
        return True

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        data = take_kept_text(self.request) if self.request.method == "GET" else None
        if data is None:
            return form
        if self.may_put_back_kept_text():
            form.initial.update(initial_from(form, data))
            messages.info(self.request, PUT_BACK_MESSAGE)
        else:
            messages.warning(self.request, " ".join([NO_FORM_MESSAGE, *_written_text(form, data)]))
        return form


def _written_text(form, data: QueryDict) -> list[str]:
    """The kept text as "Label: text" for each visible field, for a page with no form to put it back in."""
    return [
        f"{form[name].label}: {data[name]}"
        for name in form.fields
        if not form[name].is_hidden and data.get(name, "").strip()
    ]
