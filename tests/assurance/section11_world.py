"""Opening Section 11 cycles for tests, through the service the pages use."""

from assurance.models import Section11Return, Standard
from assurance.services import section11 as services
from tests.factories import BusinessPlanFactory, Section11CycleFactory, StandardFactory

AGREED_ALL = "met"


def open_test_cycle(*, agencies, standards=None, **fields):
    """A cycle asking `agencies` about `standards` (two new ones unless given), on the built-in scale."""
    standards = standards if standards is not None else StandardFactory.create_batch(2)
    fields.setdefault("plan", BusinessPlanFactory())
    cycle = Section11CycleFactory.build(**fields)
    return services.open_cycle(cycle=cycle, standards=standards, agencies=agencies)


def default_standards():
    return list(Standard.objects.filter(number__lte=11))


def fill_in(section11_return: Section11Return, rating: str = "partly_met") -> Section11Return:
    answers = {
        assessment.standard_id: services.AssessmentInput(rating, "Our policy", "Train staff")
        for assessment in section11_return.assessments.all()
    }
    return services.save_return(
        section11_return=section11_return, expected_version=section11_return.version, answers=answers
    )


def moderate(section11_return: Section11Return, user, agreed: str = AGREED_ALL) -> Section11Return:
    answers = {
        assessment.standard_id: services.ModerationInput("How do you know?", agreed)
        for assessment in section11_return.assessments.all()
    }
    return services.moderate_return(
        section11_return=section11_return, user=user, expected_version=section11_return.version, answers=answers
    )


def submitted(section11_return: Section11Return, user, rating: str = "partly_met") -> Section11Return:
    fill_in(section11_return, rating)
    return services.submit_return(section11_return=section11_return, user=user)
