"""The grid and a return's page read a fixed number of queries, however many agencies and standards there are."""

from http import HTTPStatus

import pytest

from assurance.services import section11 as services
from tests.assurance.section11_world import moderate, open_test_cycle, submitted
from tests.factories import AgencyFactory, StandardFactory

pytestmark = pytest.mark.django_db


def grown_cycle(lead_agency, contributor, board_manager, *, agencies: int, standards: int):
    """A cycle, and the one before it, with a moderated return of the lead agency among `agencies` others."""
    asked = [lead_agency, *AgencyFactory.create_batch(agencies)]
    standards = StandardFactory.create_batch(standards)
    earlier = open_test_cycle(agencies=asked, standards=standards, opens_on="2024-09-01")
    moderate(submitted(earlier.returns.get(agency=lead_agency), contributor), board_manager)
    cycle = open_test_cycle(agencies=asked, standards=standards)
    return_ = moderate(submitted(cycle.returns.get(agency=lead_agency), contributor), board_manager)
    return cycle, return_


# session, user, cycle with scale and plan, its levels, standards, the user's permissions (1), visible returns,
# their assessments, the cycle before, its agreed ratings
GRID_QUERIES = 10
# session, user, permissions (1), return with cycle, scale and agency, levels, assessments with standards,
# their action links with actions (a moderated return: no question whether the manager may edit it)
RETURN_QUERIES = 7


@pytest.mark.parametrize(("agencies", "standards"), [(1, 2), (4, 6)])
def test_the_grid_queries_do_not_grow(
    manager_client, lead_agency, contributor, board_manager, django_assert_num_queries, agencies, standards
):
    cycle, _return = grown_cycle(lead_agency, contributor, board_manager, agencies=agencies, standards=standards)

    with django_assert_num_queries(GRID_QUERIES):
        response = manager_client.get(cycle.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["grid"].rows) == agencies + 1


@pytest.mark.parametrize("standards", [2, 7])
def test_the_return_page_queries_do_not_grow(
    manager_client, lead_agency, contributor, board_manager, django_assert_num_queries, standards
):
    _cycle, return_ = grown_cycle(lead_agency, contributor, board_manager, agencies=1, standards=standards)
    for assessment in return_.assessments.all():
        services.agree_improvement_action(assessment=assessment, text="Audit")

    with django_assert_num_queries(RETURN_QUERIES):
        response = manager_client.get(return_.get_absolute_url())

    assert response.status_code == HTTPStatus.OK
    assert response.content.decode().count("Audit</li>") == standards
