"""Moving a plan to another rating scale: the preview of what each rating becomes, and the confirmed change."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import RatingScale
from objectives.models import ProgressUpdate
from objectives.services import scales
from tests.factories import (
    ActionFactory,
    BusinessPlanFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    RatingLevelFactory,
    RatingScaleFactory,
)

pytestmark = pytest.mark.django_db

State = ProgressUpdate.State


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26")


@pytest.fixture
def council_scale():
    """A board's scale with a "red" code, a level labelled "Green" and nothing for amber or complete."""
    scale = RatingScaleFactory(name="council", title="Council")
    RatingLevelFactory(scale=scale, code="red", label="Behind", fill="B4232A", position=1)
    RatingLevelFactory(scale=scale, code="g", label="green", fill="00703C", position=2)
    RatingLevelFactory(scale=scale, code="done", label="Done", fill="1D70B8", position=3)
    return scale


def rate(plan, *ratings, as_of=date(2025, 12, 31), state=State.ACCEPTED):
    progress_round = ProgressRoundFactory(plan=plan, as_of=as_of)
    for rag in ratings:
        ProgressUpdateFactory(
            action=ActionFactory(objective__aim__plan=plan), round=progress_round, rag=rag, state=state
        )
    return progress_round


def change_url(plan):
    return reverse("objectives:plan_scale_change", args=[plan.pk])


def field(code: str) -> str:
    return f"rating_{code.encode().hex()}"


def test_the_preview_proposes_same_code_then_same_label_then_clear(manager_client, plan, council_scale):
    rate(plan, "red", "red", "green", "amber")
    rate(plan, "complete", as_of=date(2025, 9, 30), state=State.DRAFT)

    response = manager_client.get(change_url(plan), {"scale": council_scale.pk})

    form = response.context["mapping"]
    proposed = {form.codes[name]: form.fields[name].initial for name in form.codes}
    assert proposed == {"red": "red", "green": "g", "amber": "__clear__", "complete": "__clear__"}
    html = response.content.decode()
    assert "Red (2 updates) becomes" in html
    assert "Complete (1 update) becomes" in html
    assert "Published reports are frozen" in html
    assert '<option value="__clear__">Clear (no rating)</option>' in html


def test_the_preview_changes_nothing(manager_client, plan, council_scale):
    rate(plan, "amber")

    manager_client.get(change_url(plan), {"scale": council_scale.pk})

    plan.refresh_from_db()
    assert plan.rating_scale.name == "rag"
    assert ProgressUpdate.objects.get().rag == "amber"


def test_confirming_maps_and_clears_every_update_with_history(manager_client, plan, council_scale):
    rate(plan, "red", "green", "amber")
    rate(plan, "green", as_of=date(2025, 9, 30), state=State.SUBMITTED)
    data = {
        "scale": council_scale.pk,
        "shown": "red\ngreen\namber",
        field("red"): "red",
        field("green"): "g",
        field("amber"): "__clear__",
    }

    response = manager_client.post(change_url(plan), data, follow=True)

    plan.refresh_from_db()
    assert plan.rating_scale == council_scale
    assert sorted(ProgressUpdate.objects.values_list("rag", flat=True)) == ["", "g", "g", "red"]
    assert "now rates on Council: 3 ratings mapped, 1 cleared." in response.content.decode()
    moved = ProgressUpdate.objects.filter(rag="g").first()
    assert [record.rag for record in moved.history.order_by("history_date")] == ["green", "g"]
    assert moved.version == 2


def test_a_rating_given_since_the_preview_shows_the_preview_again_and_changes_nothing(
    manager_client, plan, council_scale
):
    rate(plan, "red")
    rate(plan, "complete", as_of=date(2025, 9, 30))  # given after the preview was drawn
    data = {"scale": council_scale.pk, "shown": "red", field("red"): "red"}

    response = manager_client.post(change_url(plan), data)

    assert response.status_code == HTTPStatus.OK
    assert "ratings changed since this preview was shown" in response.content.decode()
    assert "Complete (1 update) becomes" in response.content.decode()
    plan.refresh_from_db()
    assert plan.rating_scale.name == "rag"
    assert set(ProgressUpdate.objects.values_list("rag", flat=True)) == {"red", "complete"}


def test_the_service_refuses_a_mapping_that_misses_a_rating_in_use(plan, council_scale):
    rate(plan, "red", "amber")

    with pytest.raises(scales.StalePreview):
        scales.change_plan_scale(plan=plan, scale=council_scale, mapping={"red": "red"})

    plan.refresh_from_db()
    assert plan.rating_scale.name == "rag"


def test_the_service_refuses_a_level_the_new_scale_does_not_have(plan, council_scale):
    rate(plan, "red")

    with pytest.raises(scales.ValidationError, match="Council has no level “amber”"):
        scales.change_plan_scale(plan=plan, scale=council_scale, mapping={"red": "amber"})


def test_moving_to_no_rating_clears_everything(manager_client, plan):
    rate(plan, "red", "green")
    none = RatingScale.objects.get(name="none")
    data = {"scale": none.pk, "shown": "red\ngreen", field("red"): "__clear__", field("green"): "__clear__"}

    response = manager_client.post(change_url(plan), data, follow=True)

    assert "0 ratings mapped, 2 cleared" in response.content.decode()
    assert set(ProgressUpdate.objects.values_list("rag", flat=True)) == {""}


def test_a_plan_without_ratings_changes_scale_at_once(manager_client, plan, council_scale):
    response = manager_client.post(change_url(plan), {"scale": council_scale.pk, "shown": ""}, follow=True)

    assert "now rates on Council: 0 ratings mapped, 0 cleared." in response.content.decode()
    plan.refresh_from_db()
    assert plan.rating_scale == council_scale


def test_only_board_managers_change_a_plans_scale(reader_client, plan, council_scale):
    response = reader_client.post(change_url(plan), {"scale": council_scale.pk, "shown": ""})

    assert response.status_code == HTTPStatus.FORBIDDEN
    plan.refresh_from_db()
    assert plan.rating_scale.name == "rag"


def test_the_plan_page_links_to_the_change(manager_client, plan):
    html = manager_client.get(plan.get_absolute_url()).content.decode()

    assert f'href="{change_url(plan)}">Change rating scale</a>' in html
