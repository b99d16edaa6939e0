from datetime import date

import factory
from factory.django import DjangoModelFactory

from reviews import services
from reviews.models import CdopYear, Recommendation, Review, Subgroup


class SubgroupFactory(DjangoModelFactory):
    class Meta:
        model = Subgroup
        django_get_or_create = ["name"]

    name = "Quality assurance and case review"


class ReviewFactory(DjangoModelFactory):
    class Meta:
        model = Review

    name = factory.Sequence(lambda n: f"Child {chr(65 + n % 26)}{n // 26 or ''}")
    code = factory.Sequence(lambda n: f"C{chr(65 + n % 26)}{n // 26 or ''}")
    kind = Review.Kind.PRACTICE_REVIEW
    status = Review.Status.IN_PROGRESS
    summary = "A review of how agencies worked together before a serious incident."
    subgroup = factory.SubFactory(SubgroupFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # As every page that saves a review does, so the deadlines the register filters on are stored.
        review = model_class(*args, **kwargs)
        services.set_statutory_deadlines(review=review)
        review.save()
        return review


class RecommendationFactory(DjangoModelFactory):
    class Meta:
        model = Recommendation
        skip_postgeneration_save = True

    review = factory.SubFactory(ReviewFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = factory.Sequence(lambda n: f"Agencies share information about recommendation {n} sooner.")

    @factory.post_generation
    def agencies(self, create, extracted, **kwargs):
        if create and extracted:
            self.agencies.set(extracted)


class CdopYearFactory(DjangoModelFactory):
    class Meta:
        model = CdopYear
        django_get_or_create = ["title"]

    title = "2024/25"
    ends_on = date(2025, 3, 31)
    deaths_reviewed = 30
    with_modifiable_factors = 9
