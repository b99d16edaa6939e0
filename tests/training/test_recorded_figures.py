"""Training figures the board records for training it did not book here: validation, the pages and who may use them."""

from datetime import date
from http import HTTPStatus

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from tests.page_text import text_of
from tests.training.factories import CourseFactory, TrainingFigureFactory
from training.models import TrainingFigure

pytestmark = pytest.mark.django_db


def form_data(figure: TrainingFigure | None = None, **changes) -> dict:
    data = {
        "course_title": "Domestic abuse (full day)",
        "course": "",
        "starts_on": "2011-03-01",
        "ends_on": "2013-03-31",
        "attended": "111",
        "provider": "Eastmere Women's Aid",
        "note": "",
        "version": "",
    }
    if figure is not None:
        data |= {"course_title": figure.course_title, "starts_on": f"{figure.starts_on:%Y-%m-%d}"}
        data |= {"ends_on": f"{figure.ends_on:%Y-%m-%d}", "attended": str(figure.attended), "version": figure.version}
    return data | changes


# The model


def test_a_single_days_training_ends_the_day_it_starts():
    figure = TrainingFigure(course_title="Safer sleep briefing", starts_on=date(2012, 5, 5), attended=40)

    figure.full_clean()

    assert figure.ends_on == date(2012, 5, 5)
    assert figure.period_text == "5 May 2012"


def test_a_period_names_both_ends():
    figure = TrainingFigureFactory(starts_on=date(2011, 3, 1), ends_on=date(2013, 3, 31))

    assert figure.period_text == "1 March 2011 to 31 March 2013"


def test_the_database_refuses_a_period_ending_before_it_starts_and_nobody_attending():
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingFigureFactory(starts_on=date(2012, 5, 5), ends_on=date(2012, 5, 4))
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingFigureFactory(attended=0)


# Adding, editing, deleting


def test_a_board_manager_records_a_figure_and_the_history_names_them(manager_client, board_manager):
    course = CourseFactory(title="Domestic abuse and safeguarding children")

    response = manager_client.post(reverse("training:figure_create"), form_data(course=course.pk))

    figure = TrainingFigure.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert response["Location"] == reverse("training:figure_list")
    assert (figure.attended, figure.course, figure.ends_on) == (111, course, date(2013, 3, 31))
    assert figure.history.get().history_user == board_manager


def test_a_training_administrator_records_a_single_days_figure(training_admin_client):
    training_admin_client.post(reverse("training:figure_create"), form_data(starts_on="2012-05-05", ends_on=""))

    figure = TrainingFigure.objects.get()
    assert (figure.starts_on, figure.ends_on) == (date(2012, 5, 5), date(2012, 5, 5))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ends_on": "2011-02-28"}, "The period cannot end before it starts (1 March 2011)."),
        ({"attended": "0"}, "Enter the number who attended: 1 or more."),
        ({"attended": "lots"}, "Enter the number who attended as a whole number, such as 111."),
        ({"attended": ""}, "This field is required."),
        ({"starts_on": "the spring"}, "Enter the date the training ran or the period starts, such as 1 March 2011."),
        ({"starts_on": ""}, "This field is required."),
        ({"ends_on": "2013-02-30"}, "Enter the date the period ends, such as 31 March 2013."),
        ({"course_title": ""}, "This field is required."),
        ({"course": "999999"}, "Select a valid choice."),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(manager_client, changes, message):
    response = manager_client.post(reverse("training:figure_create"), form_data(**changes))

    assert response.status_code == HTTPStatus.OK
    assert message in text_of(response)
    assert not TrainingFigure.objects.exists()


def test_editing_a_figure_saves_it_and_raises_its_version(manager_client):
    figure = TrainingFigureFactory(attended=100)

    response = manager_client.post(reverse("training:figure_update", args=[figure.pk]), form_data(figure, attended=111))

    figure.refresh_from_db()
    assert response.status_code == HTTPStatus.FOUND
    assert (figure.attended, figure.version) == (111, 2)


def test_a_stale_edit_is_refused_and_keeps_what_was_typed(manager_client):
    figure = TrainingFigureFactory(attended=100)
    stale = form_data(figure, attended=120)
    manager_client.post(reverse("training:figure_update", args=[figure.pk]), form_data(figure, attended=111))

    response = manager_client.post(reverse("training:figure_update", args=[figure.pk]), stale)

    figure.refresh_from_db()
    content = text_of(response)
    assert figure.attended == 111
    assert "after you opened it, so your changes were not saved" in content
    assert "<dt>Number attended</dt><dd>111</dd>" in content
    assert 'name="attended" value="120"' in content


def test_deleting_asks_first_then_deletes_and_the_history_keeps_it(manager_client):
    figure = TrainingFigureFactory(course_title="Neglect toolkit briefing")
    url = reverse("training:figure_delete", args=[figure.pk])

    asked = manager_client.get(url)
    response = manager_client.post(url)

    assert "Delete this figure?" in text_of(asked)
    assert response.status_code == HTTPStatus.FOUND
    assert not TrainingFigure.objects.exists()
    assert TrainingFigure.history.filter(course_title="Neglect toolkit briefing", history_type="-").exists()


def test_the_list_shows_each_figure_with_links_to_change_it(manager_client):
    figure = TrainingFigureFactory(course_title="Domestic abuse (full day)", attended=111, provider="")

    content = text_of(manager_client.get(reverse("training:figure_list")))

    assert '<th scope="row">Domestic abuse (full day)</th>' in content
    assert '<td class="text-end">111</td>' in content
    assert "<td>The board</td>" in content
    assert reverse("training:figure_update", args=[figure.pk]) in content
    assert reverse("training:figure_delete", args=[figure.pk]) in content


def test_a_reader_sees_the_figures_without_links_to_change_them(reader_client):
    figure = TrainingFigureFactory(course_title="Domestic abuse (full day)")

    content = text_of(reader_client.get(reverse("training:figure_list")))

    assert "Domestic abuse (full day)" in content
    assert reverse("training:figure_update", args=[figure.pk]) not in content
    assert reverse("training:figure_create") not in content


def test_the_training_pages_link_to_the_recorded_figures_and_the_papers_period(reader_client):
    content = text_of(reader_client.get(reverse("training:course_list")))

    assert reverse("training:figure_list") in content
    assert reverse("training:paper_period_list") in content


@pytest.mark.parametrize("client_name", ["reader_client", "contributor_client"])
def test_other_roles_read_the_figures_but_change_nothing(request, client_name):
    client = request.getfixturevalue(client_name)
    figure = TrainingFigureFactory()

    assert client.get(reverse("training:figure_list")).status_code == HTTPStatus.OK
    assert client.post(reverse("training:figure_create"), form_data()).status_code == HTTPStatus.FORBIDDEN
    assert client.post(reverse("training:figure_update", args=[figure.pk]), form_data(figure)).status_code == 403
    assert client.post(reverse("training:figure_delete", args=[figure.pk])).status_code == HTTPStatus.FORBIDDEN
    assert TrainingFigure.objects.get() == figure


def test_the_list_queries_do_not_grow_with_figures(manager_client, django_assert_num_queries):
    TrainingFigureFactory.create_batch(2)
    with django_assert_num_queries(5):
        manager_client.get(reverse("training:figure_list"))
    TrainingFigureFactory.create_batch(5)

    # session, user, the user's own and their groups' permissions, the count for the pager, one page of figures
    with django_assert_num_queries(5):
        response = manager_client.get(reverse("training:figure_list"))

    assert response.status_code == HTTPStatus.OK
