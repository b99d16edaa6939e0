"""Factories for training: boring valid defaults; tests name what they care about."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.factories import AgencyFactory
from training.models import AgencyWorkforce, Course, Evaluation, Registration, TrainingFigure, TrainingSession


class CourseFactory(DjangoModelFactory):
    class Meta:
        model = Course
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Course {n}")
    description = "Recognising and responding to neglect."
    level = Course.Level.INTERMEDIATE
    duration_hours = Decimal("3.0")
    non_attendance_charge = Decimal("50.00")

    @factory.post_generation
    def objectives(self, create, extracted, **kwargs):
        if create and extracted:
            self.objectives.set(extracted)


class TrainingSessionFactory(DjangoModelFactory):
    class Meta:
        model = TrainingSession

    course = factory.SubFactory(CourseFactory)
    # A week ahead by default, so bookings are open; attendance tests pass a past start.
    starts_at = factory.LazyFunction(lambda: (timezone.now() + timedelta(days=7)).replace(microsecond=0))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=3))
    venue = "Fenbridge Civic Centre, Room 2"
    is_online = False
    trainer = "Alex Trainer"
    places = 20


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(TrainingSessionFactory)
    attendee_name = factory.Sequence(lambda n: f"Attendee {n}")
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
    agency = factory.SubFactory(AgencyFactory)
    job_role = "Social worker"
    status = Registration.Status.BOOKED


class AgencyWorkforceFactory(DjangoModelFactory):
    class Meta:
        model = AgencyWorkforce

    agency = factory.SubFactory(AgencyFactory)
    staff_count = 100
    recorded_on = factory.LazyFunction(lambda: timezone.localdate())


class EvaluationFactory(DjangoModelFactory):
    class Meta:
        model = Evaluation

    registration = factory.SubFactory(RegistrationFactory, status=Registration.Status.ATTENDED)
    kind = Evaluation.Kind.AFTER_SESSION
    relevance = 4
    quality = 4
    confidence_before = 2
    confidence_after = 4
    will_do_differently = "Check the chronology before a strategy discussion."


class TrainingFigureFactory(DjangoModelFactory):
    class Meta:
        model = TrainingFigure

    course_title = factory.Sequence(lambda n: f"Course run elsewhere {n}")
    starts_on = date(2011, 3, 1)
    ends_on = date(2013, 3, 31)
    attended = 20
