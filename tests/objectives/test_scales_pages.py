"""The board manager's rating scale pages: the list, a board's own scale with its levels, copies and deletion."""

from http import HTTPStatus

import pytest
from django.urls import reverse

from core.models import RatingLevel, RatingScale
from tests.factories import BusinessPlanFactory, RatingLevelFactory, RatingScaleFactory

pytestmark = pytest.mark.django_db

LIST_URL = reverse("objectives:scale_list")
CREATE_URL = reverse("objectives:scale_create")


def level_rows(*levels: dict, existing: int = 0) -> dict:
    """The formset's POST data for these levels (each a dict of the level's fields)."""
    data = {
        "levels-TOTAL_FORMS": str(len(levels)),
        "levels-INITIAL_FORMS": str(existing),
        "levels-MIN_NUM_FORMS": "0",
        "levels-MAX_NUM_FORMS": "1000",
    }
    for index, level in enumerate(levels):
        row = {"position": index + 1, "description": "", "text": "", "rank": index + 1, **level}
        data.update({f"levels-{index}-{name}": value for name, value in row.items() if value is not False})
    return data


DONE = {"code": "done", "label": "Done", "fill": "1D70B8", "counts_as_complete": "on"}
LATE = {"code": "late", "label": "Late", "fill": "B4232A", "is_exception": "on"}


def test_the_list_shows_each_scale_with_its_levels_in_words_and_the_plans_using_it(manager_client):
    scale = RatingScaleFactory(title="Council 1 to 4")
    RatingLevelFactory(scale=scale, code="1", label="1 Achieved", fill="1D70B8")
    BusinessPlanFactory(title="2026/27", rating_scale=scale)

    response = manager_client.get(LIST_URL)

    html = response.content.decode()
    assert "Council 1 to 4" in html
    assert f'<span class="rag rag-{scale.name}--1">1 Achieved</span>' in html
    assert ">2026/27</a>" in html
    assert "RAG: Red, Amber, Green" in html
    assert "Make a copy to change it" in html


@pytest.mark.parametrize("count", [1, 4])
def test_the_list_queries_do_not_grow_with_scales(manager_client, count, django_assert_num_queries):
    for _ in range(count):
        RatingLevelFactory.create_batch(2, scale=RatingScaleFactory())
        BusinessPlanFactory(rating_scale=RatingScale.objects.last())

    # session, user, the user's and their groups' permissions, the scales, their levels, their plans
    with django_assert_num_queries(6):
        response = manager_client.get(LIST_URL)

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("client_name", ["reader_client", "contributor_client"])
def test_only_board_managers_see_the_scale_pages(request, client_name):
    client = request.getfixturevalue(client_name)

    assert client.get(LIST_URL).status_code == HTTPStatus.FORBIDDEN
    assert client.post(CREATE_URL, {"name": "x", "title": "X", **level_rows(DONE)}).status_code == 403
    assert not RatingScale.objects.filter(name="x").exists()


def test_a_manager_creates_a_scale_with_its_levels(manager_client):
    response = manager_client.post(CREATE_URL, {"name": "council", "title": "Council scale", **level_rows(DONE, LATE)})

    assert response.status_code == HTTPStatus.FOUND
    scale = RatingScale.objects.get(name="council")
    assert [(level.code, level.label, level.position) for level in scale.levels.all()] == [
        ("done", "Done", 1),
        ("late", "Late", 2),
    ]
    done, late = scale.levels.all()
    assert (done.counts_as_complete, done.is_exception) == (True, False)
    assert (late.counts_as_complete, late.is_exception) == (False, True)


def test_a_colour_written_with_a_hash_is_stored_as_six_hex_digits(manager_client):
    manager_client.post(CREATE_URL, {"name": "hashed", "title": "Hashed", **level_rows({**DONE, "fill": "#1d70b8"})})

    assert RatingLevel.objects.get(scale__name="hashed").fill == "1D70B8"


def test_words_too_faint_on_their_colour_are_refused_naming_the_ratio(manager_client):
    faint = {**DONE, "fill": "FFBF47", "text": "FFFFFF"}

    response = manager_client.post(CREATE_URL, {"name": "faint", "title": "Faint", **level_rows(faint)})

    assert response.status_code == HTTPStatus.OK
    assert "their contrast with the colour is 1.6:1, and needs to be at least 4.5:1" in response.content.decode()
    assert not RatingScale.objects.filter(name="faint").exists()


def test_a_code_used_twice_is_refused_and_nothing_saved(manager_client):
    twice = {**LATE, "code": "DONE"}

    response = manager_client.post(CREATE_URL, {"name": "twice", "title": "Twice", **level_rows(DONE, twice)})

    assert "Two levels have the code “DONE”: each level needs its own code." in response.content.decode()
    assert not RatingScale.objects.filter(name="twice").exists()


def test_a_label_used_twice_is_refused(manager_client):
    twice = {**LATE, "label": "done"}

    response = manager_client.post(CREATE_URL, {"name": "twice", "title": "Twice", **level_rows(DONE, twice)})

    assert "Two levels have the label “done”" in response.content.decode()


def test_a_scale_needs_a_level(manager_client):
    response = manager_client.post(CREATE_URL, {"name": "empty", "title": "Empty", **level_rows()})

    assert "A scale needs at least one level." in response.content.decode()
    assert not RatingScale.objects.filter(name="empty").exists()


def test_a_built_in_scale_is_copied_into_a_new_form_and_stays_as_it_was(manager_client):
    four_point = RatingScale.objects.get(name="four-point")

    response = manager_client.get(CREATE_URL, {"copy": four_point.pk})

    html = response.content.decode()
    assert "<h1>Copy Four-point: 1 Achieved to 4 Not achieved</h1>" in html
    assert 'value="four-point-copy"' in html
    assert 'value="2 On track but not yet due for completion"' in html
    assert four_point.levels.count() == 4


def test_a_built_in_scale_cannot_be_edited(manager_client):
    rag = RatingScale.objects.get(name="rag")

    response = manager_client.get(reverse("objectives:scale_update", args=[rag.pk]))

    assert response.status_code == HTTPStatus.NOT_FOUND


def test_a_manager_edits_a_boards_scale_renaming_a_level_and_adding_one(manager_client):
    scale = RatingScaleFactory(name="ours", title="Ours")
    done = RatingLevelFactory(scale=scale, code="done", label="Done", fill="1D70B8", position=1)
    rows = level_rows({**DONE, "id": done.pk, "scale": scale.pk, "label": "All done"}, LATE, existing=1)

    response = manager_client.post(
        reverse("objectives:scale_update", args=[scale.pk]), {"name": "ours", "title": "Ours", **rows}
    )

    assert response.status_code == HTTPStatus.FOUND
    assert list(scale.levels.values_list("label", flat=True)) == ["All done", "Late"]
    assert done.history.count() == 2


def test_a_level_in_use_cannot_lose_its_code(manager_client):
    from tests.factories import ProgressUpdateFactory

    scale = RatingScaleFactory(name="ours", title="Ours")
    done = RatingLevelFactory(scale=scale, code="done", label="Done", fill="1D70B8", position=1)
    update = ProgressUpdateFactory(action__objective__aim__plan__rating_scale=scale, rag="")
    update.rag = "done"
    update.save()
    rows = level_rows({**DONE, "id": done.pk, "scale": scale.pk, "code": "finished"}, existing=1)

    response = manager_client.post(
        reverse("objectives:scale_update", args=[scale.pk]), {"name": "ours", "title": "Ours", **rows}
    )

    assert "1 progress update of plans on this scale is rated “done”" in response.content.decode()
    done.refresh_from_db()
    assert done.code == "done"


def test_a_scale_in_use_is_not_deleted_and_the_plans_are_named(manager_client):
    scale = RatingScaleFactory(title="Ours")
    BusinessPlanFactory(title="2026/27", rating_scale=scale)

    response = manager_client.post(reverse("objectives:scale_delete", args=[scale.pk]), follow=True)

    assert "Ours cannot be deleted while a plan uses it: 2026/27." in response.content.decode()
    assert RatingScale.objects.filter(pk=scale.pk).exists()


def test_an_unused_scale_is_deleted(manager_client):
    scale = RatingScaleFactory(title="Ours")

    response = manager_client.post(reverse("objectives:scale_delete", args=[scale.pk]), follow=True)

    assert "Ours deleted." in response.content.decode()
    assert not RatingScale.objects.filter(pk=scale.pk).exists()


def test_a_built_in_scale_is_not_deleted(manager_client):
    brag = RatingScale.objects.get(name="brag")

    response = manager_client.post(reverse("objectives:scale_delete", args=[brag.pk]), follow=True)

    assert "BRAG: Blue (complete), Red, Amber, Green is built in and cannot be deleted." in response.content.decode()


def test_managers_find_the_scales_in_the_menu(manager_client):
    assert (
        f'href="{LIST_URL}">Rating scales</a>' in manager_client.get(reverse("objectives:plan_list")).content.decode()
    )


def test_readers_do_not_see_the_scales_in_the_menu(reader_client):
    assert f'href="{LIST_URL}"' not in reader_client.get(reverse("objectives:plan_list")).content.decode()
