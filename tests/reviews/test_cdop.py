"""The child death overview panel's pages: the years, a year's figures and actions, the figures form and new actions."""

from datetime import date
from http import HTTPStatus

import pytest
from django.urls import reverse

from objectives import roles
from objectives.models import Action, ProgressUpdate
from reviews import services
from reviews.models import CdopAction, CdopCategory, CdopFigure, CdopYear
from tests.factories import (
    AgencyFactory,
    BusinessPlanFactory,
    ProgressRoundFactory,
    ProgressUpdateFactory,
    UserFactory,
)
from tests.page_text import text_of
from tests.reviews.factories import CdopYearFactory

pytestmark = pytest.mark.django_db

Rag = ProgressUpdate.Rag
State = ProgressUpdate.State
VALID_NHS_NUMBER = "943 476 5919"
INVALID_NHS_NUMBER = "943 476 5918"


def categories() -> list[CdopCategory]:
    return list(CdopCategory.objects.filter(is_active=True).order_by("position", "name"))


def field(category: CdopCategory) -> str:
    return f"category_{category.pk}"


def form_data(year: CdopYear | None = None, *, counts: dict | None = None, **changes) -> dict:
    """What the year's form posts: the year as it stands (or a boring new one), with `changes` and category counts."""
    data = {
        "title": year.title if year else "2024/25",
        "ends_on": f"{year.ends_on:%Y-%m-%d}" if year else "2025-03-31",
        "deaths_reviewed": year.deaths_reviewed if year else 30,
        "with_modifiable_factors": year.with_modifiable_factors if year else 9,
        "summary": year.summary if year else "",
        "version": year.version if year else "",
    }
    saved = {figure.category_id: figure.deaths for figure in year.figures.all()} if year else {}
    for category in CdopCategory.objects.all():
        data[field(category)] = saved.get(category.pk, 0)
    for category, deaths in (counts or {}).items():
        data[field(category)] = deaths
    data.update(changes)
    return data


def figures_of(year: CdopYear) -> dict[str, int]:
    return {figure.category.name: figure.deaths for figure in year.figures.select_related("category")}


def cdop_action(year, plan, text="Promote safer sleep advice to every new parent.", **kwargs) -> Action:
    return services.add_cdop_action(year, plan=plan, text=text, lead_agencies=kwargs.pop("lead_agencies", []), **kwargs)


@pytest.fixture
def plan():
    return BusinessPlanFactory(title="2025/26", starts_on=date(2025, 4, 1), ends_on=date(2026, 3, 31))


@pytest.fixture
def december(plan):
    return ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


@pytest.fixture
def year():
    return CdopYearFactory(title="2024/25", ends_on=date(2025, 3, 31), deaths_reviewed=30, with_modifiable_factors=9)


# The list of years


def test_list_shows_each_year_newest_first_with_its_figures_and_actions(reader_client, year, plan, december):
    CdopYearFactory(title="2023/24", ends_on=date(2024, 3, 31), deaths_reviewed=40, with_modifiable_factors=10)
    red = cdop_action(year, plan)
    cdop_action(year, plan, text="Check every infant death for unsafe sleeping.")
    ProgressUpdateFactory(action=red, round=december, rag=Rag.RED)

    response = reader_client.get(reverse("reviews:cdop_list"))

    content = text_of(response)
    assert response.status_code == HTTPStatus.OK
    assert content.index("2024/25") < content.index("2023/24")
    assert "31 March 2025" in content
    assert "9 (30%)" in content
    assert "10 (25%)" in content
    assert '<td class="text-end">2</td>' in content
    assert '<span class="rag rag-red">Red</span> <span class="rag-count">1</span>' in content
    assert '<span class="rag rag-none">No update</span> <span class="rag-count">1</span>' in content
    assert "No actions yet" in content  # 2023/24


def test_list_offers_add_a_year_to_the_board_manager_only(manager_client, reader, client):
    add_link = f'href="{reverse("reviews:cdop_create")}">Add a year</a>'

    assert add_link in manager_client.get(reverse("reviews:cdop_list")).content.decode()
    client.force_login(reader)
    assert add_link not in client.get(reverse("reviews:cdop_list")).content.decode()


def test_list_leaves_deleted_actions_out_of_the_counts(reader_client, year, plan, board_manager):
    from objectives.services.deletion import delete_action

    kept = cdop_action(year, plan)
    delete_action(action=cdop_action(year, plan, text="Withdrawn idea."), by=board_manager)

    content = reader_client.get(reverse("reviews:cdop_list")).content.decode()

    assert kept.ref == "CDOP25-1"
    assert '<td class="text-end">1</td>' in content
    assert '<span class="rag rag-none">No update</span> <span class="rag-count">1</span>' in content


@pytest.mark.parametrize("count", [1, 5])
def test_list_queries_do_not_grow_with_years_or_actions(
    manager_client, plan, december, count, django_assert_num_queries
):
    for number in range(count):
        cdop_year = CdopYearFactory(title=f"{2010 + number}/{11 + number}", ends_on=date(2011 + number, 3, 31))
        for _ in range(count):
            action = cdop_action(cdop_year, plan)
            ProgressUpdateFactory(action=action, round=december, rag=Rag.AMBER)

    # session, user, the user's and the groups' permissions, the years, their actions counted by year and rating,
    # the scales of their plans and those scales' levels
    with django_assert_num_queries(7):
        response = manager_client.get(reverse("reviews:cdop_list"))

    assert response.status_code == HTTPStatus.OK


# A year's page


def test_detail_shows_the_figures_with_percentages_and_categories_in_order(reader_client, year):
    first, second, *rest = categories()
    CdopFigure.objects.create(year=year, category=second, deaths=6)
    CdopFigure.objects.create(year=year, category=first, deaths=3)

    response = reader_client.get(year.get_absolute_url())

    content = text_of(response)
    assert response.status_code == HTTPStatus.OK
    assert "<dt>Deaths reviewed</dt><dd>30</dd>" in content
    assert "9 (30% of deaths reviewed)" in content
    assert content.index(first.name) < content.index(second.name) < content.index(rest[-1].name)
    assert f'<th scope="row">{first.name}</th>\n        \n        <td class="text-end">3</td>' in content
    assert "Not recorded" in content  # the categories with no figure this year
    assert '<th scope="row">All categories</th><td class="text-end">9</td>' in content


def test_detail_shows_a_retired_category_only_on_years_that_counted_it(reader_client, year):
    retired = CdopCategory.objects.create(name="Counted the old way", position=99, is_active=False)
    CdopCategory.objects.create(name="Never counted", position=100, is_active=False)
    CdopFigure.objects.create(year=year, category=retired, deaths=2)
    other_year = CdopYearFactory(title="2023/24", ends_on=date(2024, 3, 31))

    content = text_of(reader_client.get(year.get_absolute_url()))
    other_content = text_of(reader_client.get(other_year.get_absolute_url()))

    assert "Counted the old way (no longer in use)" in content
    assert "Never counted" not in content
    assert "Counted the old way" not in other_content


def test_detail_renders_the_summary_as_paragraphs_and_bullets_safely(reader_client):
    year = CdopYearFactory(summary="Main messages:\n- safer sleep\n- <script>alert(1)</script>")

    content = reader_client.get(year.get_absolute_url()).content.decode()

    assert (
        "<p>Main messages:</p>\n<ul><li>safer sleep</li><li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>" in content
    )


def test_detail_lists_the_actions_with_their_latest_accepted_progress(
    reader_client, year, plan, december, lead_agency, other_agency
):
    september = ProgressRoundFactory(plan=plan, as_of=date(2025, 9, 30))
    reported = cdop_action(
        year, plan, lead_agencies=[lead_agency, other_agency], target_on=date(2026, 3, 31), target_is_month=True
    )
    quiet = cdop_action(year, plan, text="Audit the response to sudden deaths.")
    ProgressUpdateFactory(action=reported, round=september, rag=Rag.RED, progress="Leaflet drafted.")
    ProgressUpdateFactory(action=reported, round=december, rag=Rag.GREEN, progress="Leaflet in every ward.")
    ProgressUpdateFactory(action=quiet, round=december, state=State.SUBMITTED, progress="Not accepted yet.")

    response = reader_client.get(year.get_absolute_url())

    content = text_of(response)
    assert f'<a href="{reverse("objectives:action_detail", args=[reported.pk])}">CDOP25-1</a>' in content
    assert "Promote safer sleep advice to every new parent." in content
    assert "<td>Fenbridge Community Health, Fenbridge Police</td>" in content
    assert "March 2026" in content
    assert (
        '<span class="rag rag-green">Green</span> <span class="small">Progress report December 2025</span>' in content
    )
    assert "Leaflet in every ward." in content
    assert "Leaflet drafted." not in content
    assert "Not accepted yet." not in content
    assert "No progress yet" in content
    assert '<span class="rag rag-green">Green</span> <span class="rag-count">1</span>' in content
    assert '<span class="rag rag-none">No update</span> <span class="rag-count">1</span>' in content


def test_detail_leaves_out_deleted_actions_and_other_years_actions(reader_client, year, plan, board_manager):
    from objectives.services.deletion import delete_action

    other_year = CdopYearFactory(title="2023/24", ends_on=date(2024, 3, 31))
    cdop_action(other_year, plan, text="Last year's action.")
    delete_action(action=cdop_action(year, plan, text="A deleted action."), by=board_manager)

    content = text_of(reader_client.get(year.get_absolute_url()))

    assert "Last year's action." not in content
    assert "A deleted action." not in content
    assert "No actions yet." in content


def test_detail_offers_edit_and_add_action_to_the_board_manager_only(manager_client, reader, client, year):
    edit = reverse("reviews:cdop_update", args=[year.pk])
    add = reverse("reviews:cdop_action_create", args=[year.pk])

    manager_content = manager_client.get(year.get_absolute_url()).content.decode()
    client.force_login(reader)
    reader_content = client.get(year.get_absolute_url()).content.decode()

    assert edit in manager_content
    assert add in manager_content
    assert edit not in reader_content
    assert add not in reader_content


@pytest.mark.parametrize("count", [1, 5])
def test_detail_queries_do_not_grow_with_actions_or_categories(
    manager_client, year, plan, december, lead_agency, other_agency, count, django_assert_num_queries
):
    for number in range(count):
        category = CdopCategory.objects.create(name=f"Local category {number}", position=50 + number)
        CdopFigure.objects.create(year=year, category=category, deaths=1)
        action = cdop_action(year, plan, lead_agencies=[lead_agency, other_agency])
        ProgressUpdateFactory(action=action, round=december, rag=Rag.GREEN)

    # session, user, the user's and the groups' permissions (one query), the year, the categories with this year's
    # figures, the actions with their plans' scales, their lead agencies, the scales' levels, their accepted updates
    # with rounds; the rating counts come from those actions, with no query
    with django_assert_num_queries(9):
        response = manager_client.get(year.get_absolute_url())

    assert response.status_code == HTTPStatus.OK


@pytest.mark.parametrize("pk", [999_999, 10**20])
def test_detail_of_an_unknown_year_is_not_found(reader_client, pk):
    assert reader_client.get(reverse("reviews:cdop_detail", args=[pk])).status_code == HTTPStatus.NOT_FOUND


# Adding and editing a year


def test_the_form_has_a_number_field_per_active_category_labelled_with_its_name(manager_client):
    response = manager_client.get(reverse("reviews:cdop_create"))

    content = text_of(response)
    assert response.status_code == HTTPStatus.OK
    for category in categories():
        optional = '<span class="field-optional">(optional)</span>'
        assert f'for="id_{field(category)}" class="form-label">\n                {category.name} {optional}' in content
        # Blank, not 0: a new year has no figure until someone types one.
        assert f'type="number" name="{field(category)}" min="0"' in content
        assert category.name in content
    assert 'type="date" name="ends_on"' in content


def test_a_retired_category_leaves_the_form_for_a_new_year_and_an_added_one_joins_it(manager_client):
    retired = categories()[0]
    retired.is_active = False
    retired.save()
    added = CdopCategory.objects.create(name="Locally counted category", position=11)

    content = text_of(manager_client.get(reverse("reviews:cdop_create")))

    assert f'name="{field(retired)}"' not in content
    assert retired.name not in content
    assert f'name="{field(added)}"' in content
    assert "Locally counted category" in content


def test_adding_a_year_saves_it_with_a_figure_per_category_zeros_included(manager_client, board_manager):
    first, second, *rest = categories()

    response = manager_client.post(
        reverse("reviews:cdop_create"), form_data(counts={first: 12, second: 0}, summary="Safer sleep matters.")
    )

    year = CdopYear.objects.get(title="2024/25")
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == year.get_absolute_url()
    assert (year.ends_on, year.deaths_reviewed, year.with_modifiable_factors) == (date(2025, 3, 31), 30, 9)
    assert year.summary == "Safer sleep matters."
    assert figures_of(year) == {first.name: 12, second.name: 0, **{category.name: 0 for category in rest}}
    assert year.history.get().history_user == board_manager
    assert CdopFigure.history.filter(year_id=year.pk).count() == 10


def test_adding_a_year_says_so(manager_client):
    response = manager_client.post(reverse("reviews:cdop_create"), form_data(), follow=True)

    assert "CDOP 2024/25 added." in text_of(response)


def test_a_blank_category_count_is_not_recorded_and_a_zero_is(manager_client):
    first, second, *_ = categories()

    manager_client.post(reverse("reviews:cdop_create"), form_data(counts={first: "", second: 0}))

    assert not CdopFigure.objects.filter(category=first).exists()
    assert CdopFigure.objects.get(category=second).deaths == 0


def test_editing_a_year_changes_its_figures_and_keeps_a_zero(manager_client, year):
    first, second, *_ = categories()
    CdopFigure.objects.create(year=year, category=first, deaths=5)
    CdopFigure.objects.create(year=year, category=second, deaths=4)

    response = manager_client.post(
        reverse("reviews:cdop_update", args=[year.pk]),
        form_data(year, counts={first: 0, second: 7}, deaths_reviewed=31),
    )

    year.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert (year.deaths_reviewed, year.version) == (31, 2)
    assert CdopFigure.objects.get(year=year, category=first).deaths == 0
    assert CdopFigure.objects.get(year=year, category=second).deaths == 7


def test_editing_records_history_only_for_the_figures_that_changed(manager_client, year):
    first, second, *_ = categories()
    manager_client.post(reverse("reviews:cdop_update", args=[year.pk]), form_data(year, counts={first: 5}))
    year.refresh_from_db()

    manager_client.post(reverse("reviews:cdop_update", args=[year.pk]), form_data(year, counts={second: 2}))

    assert CdopFigure.history.filter(category_id=first.pk).count() == 1
    assert CdopFigure.history.filter(category_id=second.pk).count() == 2


def test_editing_keeps_a_retired_category_the_year_already_counts(manager_client, year):
    retired = CdopCategory.objects.create(name="Counted the old way", position=99, is_active=False)
    CdopFigure.objects.create(year=year, category=retired, deaths=2)
    url = reverse("reviews:cdop_update", args=[year.pk])

    content = text_of(manager_client.get(url))
    manager_client.post(url, form_data(year, counts={retired: 3}))

    assert "Counted the old way (no longer in use)" in content
    assert f'name="{field(retired)}" value="2"' in content
    assert CdopFigure.objects.get(year=year, category=retired).deaths == 3


def test_modifiable_factors_cannot_be_more_than_the_deaths_reviewed(manager_client):
    response = manager_client.post(reverse("reviews:cdop_create"), form_data(with_modifiable_factors=31))

    assert response.status_code == HTTPStatus.OK
    assert "Reviews finding modifiable factors (31) cannot be more than the deaths reviewed (30)." in text_of(response)
    assert not CdopYear.objects.exists()


def test_the_categories_cannot_add_up_to_more_than_the_deaths_reviewed(manager_client):
    first, second, *_ = categories()

    response = manager_client.post(reverse("reviews:cdop_create"), form_data(counts={first: 20, second: 14}))

    assert response.status_code == HTTPStatus.OK
    assert "The categories add up to 34, more than the 30 deaths reviewed." in text_of(response)
    assert not CdopYear.objects.exists()
    assert not CdopFigure.objects.exists()


def test_a_refused_edit_changes_neither_the_year_nor_its_figures(manager_client, year):
    first = categories()[0]
    CdopFigure.objects.create(year=year, category=first, deaths=5)

    response = manager_client.post(
        reverse("reviews:cdop_update", args=[year.pk]),
        form_data(year, counts={first: 2}, deaths_reviewed=1, with_modifiable_factors=0),
    )

    year.refresh_from_db()
    assert "The categories add up to 2, more than the 1 death reviewed." in text_of(response)
    assert (year.deaths_reviewed, year.version) == (30, 1)
    assert CdopFigure.objects.get(year=year, category=first).deaths == 5


def test_a_title_already_used_is_refused(manager_client, year):
    response = manager_client.post(reverse("reviews:cdop_create"), form_data(title="2024/25", ends_on="2025-03-30"))

    assert "There is already a CDOP year with this title." in text_of(response)
    assert CdopYear.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("deaths_reviewed", "thirty", "Enter a whole number, such as 12."),
        ("deaths_reviewed", "2.5", "Enter a whole number, such as 12."),
        ("deaths_reviewed", "-1", "Enter 0 or more."),
        ("with_modifiable_factors", "9" * 40, "Enter a number no more than 99,999."),
        ("category", "lots", "Enter a whole number, such as 12."),
        ("category", "-3", "Enter 0 or more."),
        ("ends_on", "31st of Marchember", "Enter the date the year ends, such as 31 March 2025."),
        ("ends_on", "2025-02-30", "Enter the date the year ends, such as 31 March 2025."),
        ("title", "", "This field is required."),
        ("title", "x" * 21, "Ensure this value has at most 20 characters (it has 21)."),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(manager_client, name, value, message):
    name = field(categories()[0]) if name == "category" else name

    response = manager_client.post(reverse("reviews:cdop_create"), form_data(**{name: value}))

    assert response.status_code == HTTPStatus.OK
    assert message in text_of(response)
    assert not CdopYear.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "2024/25\x00"},
        {"summary": "Null \x00 byte"},
        {"version": "not a version"},
        {"deaths_reviewed": ["1", "2"]},
        {"ends_on": "0000-00-00"},
        {"deaths_reviewed": "١٢"},  # Arabic-Indic digits are still digits
        {"category_999999": "5"},  # a category that does not exist is ignored
    ],
)
def test_garbage_never_breaks_the_form(manager_client, year, changes):
    create = manager_client.post(reverse("reviews:cdop_create"), form_data(**{"title": "2030/31", **changes}))
    edit = manager_client.post(reverse("reviews:cdop_update", args=[year.pk]), form_data(year, **changes))

    assert create.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)
    assert edit.status_code in (HTTPStatus.OK, HTTPStatus.FOUND)


def test_editing_an_unknown_year_is_not_found(manager_client):
    url = reverse("reviews:cdop_update", args=[999_999])

    assert manager_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert manager_client.post(url, form_data()).status_code == HTTPStatus.NOT_FOUND


def test_a_stale_save_is_refused_and_shows_what_the_other_person_saved(manager_client, year, client):
    first = categories()[0]
    loaded = form_data(year)  # version 1, as the form was loaded
    colleague = UserFactory(
        username="colleague", first_name="Casey", last_name="Colleague", roles=[roles.BOARD_MANAGERS]
    )
    client.force_login(colleague)
    client.post(reverse("reviews:cdop_update", args=[year.pk]), form_data(year, counts={first: 4}, deaths_reviewed=32))

    loaded.update({"deaths_reviewed": 35, field(first): 6})
    response = manager_client.post(reverse("reviews:cdop_update", args=[year.pk]), loaded)

    content = text_of(response)
    year.refresh_from_db()
    assert response.status_code == HTTPStatus.OK
    assert "Casey Colleague saved this year while you were editing it" in content
    assert "after you opened it, so your changes were not saved." in content
    assert "<dt>Deaths reviewed</dt><dd>32</dd>" in content
    assert f"<dt>{first.name}</dt><dd>4</dd>" in content
    assert 'name="deaths_reviewed" value="35"' in content  # their own numbers stay in the form
    assert (year.deaths_reviewed, year.version) == (32, 2)
    assert CdopFigure.objects.get(year=year, category=first).deaths == 4


def test_saving_again_after_a_conflict_goes_through(manager_client, year):
    year.deaths_reviewed = 32
    year.version = 2
    year.save()

    response = manager_client.post(reverse("reviews:cdop_update", args=[year.pk]), form_data(year, deaths_reviewed=35))

    year.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert (year.deaths_reviewed, year.version) == (35, 3)


def test_a_summary_holding_an_nhs_number_is_saved_with_a_warning(manager_client):
    response = manager_client.post(
        reverse("reviews:cdop_create"), form_data(summary=f"One child ({VALID_NHS_NUMBER}) died."), follow=True
    )

    assert CdopYear.objects.get().summary == f"One child ({VALID_NHS_NUMBER}) died."
    assert f"The summary holds “{VALID_NHS_NUMBER}”, which looks like an NHS number." in text_of(response)


def test_a_summary_with_ten_digits_failing_the_check_gets_no_warning(manager_client):
    response = manager_client.post(
        reverse("reviews:cdop_create"), form_data(summary=f"Reference {INVALID_NHS_NUMBER}."), follow=True
    )

    assert CdopYear.objects.exists()
    assert "looks like an NHS number" not in text_of(response)


# Adding an action from the annual report


def action_data(plan, *agencies, changes=None) -> dict:
    data = {
        "plan": plan.pk,
        "text": "Promote safer sleep advice to every new parent.",
        "lead_agencies": [agency.pk for agency in agencies],
        "target": "March 2026",
    }
    data.update(changes or {})
    return data


def test_adding_an_action_makes_a_plan_action_of_the_year(manager_client, year, plan, lead_agency):
    response = manager_client.post(
        reverse("reviews:cdop_action_create", args=[year.pk]), action_data(plan, lead_agency), follow=True
    )

    action = Action.objects.get()
    assert "Action CDOP25-1 added." in text_of(response)
    assert response.redirect_chain[-1][0] == year.get_absolute_url() + "#actions"
    assert (action.ref, action.plan, action.objective) == ("CDOP25-1", plan, None)
    assert (action.target_on, action.target_is_month) == (date(2026, 3, 31), True)
    assert list(action.lead_agencies.all()) == [lead_agency]
    assert CdopAction.objects.get(action=action).year == year


def test_an_action_may_have_no_target_date(manager_client, year, plan):
    manager_client.post(
        reverse("reviews:cdop_action_create", args=[year.pk]), action_data(plan, changes={"target": ""})
    )

    assert Action.objects.get().target_on is None


def test_the_action_form_reports_in_the_latest_plan_and_offers_active_agencies(manager_client, year, plan):
    BusinessPlanFactory(title="2024/25", starts_on=date(2024, 4, 1), ends_on=date(2025, 3, 31))
    AgencyFactory(name="Fenbridge Probation")
    AgencyFactory(name="Closed Trust", is_active=False)

    content = text_of(manager_client.get(reverse("reviews:cdop_action_create", args=[year.pk])))

    assert f'<option value="{plan.pk}" selected>Business plan 2025/26</option>' in content
    assert "Reports in" in content
    assert "Fenbridge Probation" in content
    assert "Closed Trust" not in content


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": "soonish"}, "'soonish' is not a date: write 2026-03-31, 2026-03 or March 2026."),
        ({"text": "  "}, "Write what the action is."),
        ({"plan": "999999"}, "Choose one of the business plans listed."),
        ({"plan": "not a plan"}, "Choose one of the business plans listed."),
        ({"lead_agencies": ["999999"]}, "Choose from the agencies listed."),
        ({"lead_agencies": ["x"]}, "Choose from the agencies listed."),
    ],
)
def test_bad_action_input_is_named_and_nothing_is_added(manager_client, year, plan, lead_agency, changes, message):
    response = manager_client.post(
        reverse("reviews:cdop_action_create", args=[year.pk]), action_data(plan, lead_agency, changes=changes)
    )

    assert response.status_code == HTTPStatus.OK
    assert message in text_of(response)
    assert not Action.objects.exists()


def test_an_action_holding_an_nhs_number_is_added_with_a_warning(manager_client, year, plan):
    response = manager_client.post(
        reverse("reviews:cdop_action_create", args=[year.pk]),
        action_data(plan, changes={"text": f"Follow up {VALID_NHS_NUMBER}."}),
        follow=True,
    )

    assert Action.objects.exists()
    assert f"The action holds “{VALID_NHS_NUMBER}”, which looks like an NHS number." in text_of(response)


def test_adding_an_action_to_an_unknown_year_is_not_found(manager_client, plan):
    url = reverse("reviews:cdop_action_create", args=[999_999])

    assert manager_client.get(url).status_code == HTTPStatus.NOT_FOUND
    assert manager_client.post(url, action_data(plan)).status_code == HTTPStatus.NOT_FOUND


# Who may do what


@pytest.mark.parametrize("persona", ["reader", "contributor", "training_admin"])
def test_other_roles_read_the_panel_but_change_nothing(request, client, persona, year, plan):
    client.force_login(request.getfixturevalue(persona))
    writes = [
        (reverse("reviews:cdop_create"), form_data(title="2030/31")),
        (reverse("reviews:cdop_update", args=[year.pk]), form_data(year, deaths_reviewed=1, with_modifiable_factors=0)),
        (reverse("reviews:cdop_action_create", args=[year.pk]), action_data(plan)),
    ]

    assert client.get(reverse("reviews:cdop_list")).status_code == HTTPStatus.OK
    assert client.get(year.get_absolute_url()).status_code == HTTPStatus.OK
    for url, data in writes:
        assert client.get(url).status_code == HTTPStatus.FORBIDDEN
        assert client.post(url, data).status_code == HTTPStatus.FORBIDDEN
    year.refresh_from_db()
    assert (CdopYear.objects.count(), year.deaths_reviewed, Action.objects.count()) == (1, 30, 0)


def test_someone_with_no_role_may_not_read_the_panel(client, year):
    client.force_login(UserFactory(username="nobody"))

    assert client.get(reverse("reviews:cdop_list")).status_code == HTTPStatus.FORBIDDEN
    assert client.get(year.get_absolute_url()).status_code == HTTPStatus.FORBIDDEN


def test_signed_out_visitors_are_sent_to_sign_in(client, year):
    response = client.get(year.get_absolute_url())

    assert response.status_code == HTTPStatus.FOUND
    assert reverse("login") in response["Location"]
