"""A Section 11 return written after the writer's session ended is kept through sign-in and put back to them."""

import pytest
from django.urls import reverse

from core.kept_text import PUT_BACK_MESSAGE
from tests.assurance.section11_world import default_standards, open_test_cycle
from tests.mscb.test_session_kept_text import session_ends, sign_in_again, signed_in

pytestmark = pytest.mark.django_db

WRITTEN = "Our designated lead reports to the board every quarter; see the audit of March."


def as_posted(formset, version) -> dict:
    """The return form as the browser sends it: every standard's fields, the first one's evidence written."""
    data = {f"{formset.prefix}-{name}": value for name, value in formset.management_form.initial.items()}
    for form in formset.forms:
        data |= {form.add_prefix(name): form[name].value() or "" for name in form.fields}
    data[formset.forms[0].add_prefix("evidence")] = WRITTEN
    return data | {"version": version}


def test_a_return_sent_signed_out_comes_back_to_its_writer_unsaved(contributor, lead_agency):
    cycle = open_test_cycle(agencies=[lead_agency], standards=default_standards()[:2])
    section11_return = cycle.returns.get()
    url = reverse("assurance:return_edit", args=[section11_return.pk])
    client = signed_in("contributor")
    page = client.get(url)
    sent = as_posted(page.context["formset"], section11_return.version)

    session_ends(client)
    client.post(url, sent)
    sign_in_again(client, "contributor", url)
    put_back = client.get(url)

    form = put_back.context["formset"].forms[0]
    assert form["evidence"].value() == WRITTEN
    assert not form.is_bound
    assert PUT_BACK_MESSAGE in put_back.content.decode()
    section11_return.refresh_from_db()
    assert not section11_return.assessments.filter(evidence=WRITTEN).exists()
    assert client.get(url).context["formset"].forms[0]["evidence"].value() != WRITTEN
