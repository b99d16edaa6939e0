"""The editions of Working Together to Safeguard Children, held as data: what each calls a local review and its clocks.

A review is governed by the edition in force on the day it began (Review.began_on), for its whole life: a serious
case review begun in 2012 keeps the 2010 edition's words and timescales however late it is printed. Every rule
names where it comes from, and `checked_at` says where its wording was checked; an empty `checked_at` marks a rule
held from the guidance's known text but not yet checked against a published copy.
"""

from dataclasses import dataclass
from datetime import date

from objectives.dates import add_months

SERIOUS_CASE_REVIEW = "Serious case review"
PRACTICE_REVIEW = "Child safeguarding practice review"


@dataclass(frozen=True)
class Rule:
    """A number the guidance sets (months or working days), where it says so, and where that was checked."""

    number: int
    source: str
    checked_at: str = ""

    @property
    def is_verified(self) -> bool:
        return bool(self.checked_at)


@dataclass(frozen=True)
class Edition:
    name: str
    in_force_on: date
    in_force_source: str
    # What a local review begun under the edition is called; a second term is allowed until `transition_ends_on`.
    review_term: str
    completion_months: Rule | None = None  # from the decision to initiate the review
    panel_working_days: Rule | None = None  # tell the national panel, from learning of the incident
    rapid_review_working_days: Rule | None = None  # hold the rapid review, from learning of the incident
    transition_ends_on: date | None = None
    transition_term: str = ""
    transition_source: str = ""
    in_force_checked_at: str = ""

    @property
    def has_national_panel(self) -> bool:
        return self.panel_working_days is not None

    def terms(self, began_on: date | None) -> tuple[str, ...]:
        """The names a local review begun on `began_on` may go by under this edition."""
        in_transition = self.transition_ends_on and (began_on is None or began_on < self.transition_ends_on)
        return (self.review_term, self.transition_term) if in_transition else (self.review_term,)

    def completion_due(self, decided_on: date | None) -> date | None:
        """When a review decided on `decided_on` should be complete, where the edition sets a timescale."""
        if decided_on is None or self.completion_months is None:
            return None
        return add_months(decided_on, self.completion_months.number)


PANEL_GUIDANCE_CHECKED = (
    "workingtogetheronline.co.uk (from 29 June 2018 notify the national panel within 5 working days); "
    "Solihull LSCB procedures 8.2 (same)"
)
RAPID_REVIEW_CHECKED = (
    "childsafeguarding.independent-panel.uk FAQs (a rapid review should be completed within 15 working days); "
    "North Yorkshire SCP rapid review guide (a 15 day rapid review)"
)

EDITIONS: tuple[Edition, ...] = (
    Edition(
        name="Working Together 2006",
        in_force_on=date(2006, 4, 1),
        in_force_source="Working Together to Safeguard Children (HM Government, 2006)",
        review_term=SERIOUS_CASE_REVIEW,
        completion_months=Rule(
            4,
            "Working Together 2006, chapter 8",
            "familylaw.co.uk, 'Consultation launched on serious case review guidance' (2009): the revised chapter 8 "
            "extends the suggested timescale for completing an SCR from four to six months",
        ),
    ),
    Edition(
        name="Working Together 2010",
        in_force_on=date(2010, 3, 26),
        in_force_source="Working Together to Safeguard Children (HM Government, March 2010)",
        review_term=SERIOUS_CASE_REVIEW,
        completion_months=Rule(
            6,
            "Working Together 2010, chapter 8",
            "familylaw.co.uk, 'Consultation launched on serious case review guidance' (2009): four to six months",
        ),
    ),
    Edition(
        name="Working Together 2013",
        in_force_on=date(2013, 4, 15),
        in_force_source="Working Together to Safeguard Children (HM Government, March 2013)",
        in_force_checked_at="familylaw.co.uk, 'New guide on inter-agency working' (21 March 2013): comes into effect "
        "from 15 April 2013; safeguardinginschools.co.uk (came into force on 15th April 2013)",
        review_term=SERIOUS_CASE_REVIEW,
        completion_months=Rule(
            6,
            "Working Together 2013, chapter 4, 'Timescale for SCR completion'",
            "heart.co.uk 'Q&As on serious case reviews' (January 2014): the target is to complete them within 6 "
            "months; West Yorkshire CB procedures 3.2, 1.5 'Timescale for Serious Case Review Completion'",
        ),
    ),
    Edition(
        name="Working Together 2015",
        in_force_on=date(2015, 3, 26),
        in_force_source="Working Together to Safeguard Children (HM Government, 26 March 2015)",
        in_force_checked_at="docsbay.net, 'Notifiable incidents, serious case review and other multi-agency review "
        "procedures' (WT2015 published 26th March 2015)",
        review_term=SERIOUS_CASE_REVIEW,
        completion_months=Rule(
            6,
            "Working Together 2015, chapter 4, paragraph on the timescale for SCR completion",
            "Milton Keynes SCB procedures 2.5 (taken from Working Together 2015 chapter 4); antiessays.com summary "
            "of the statutory guidance (the LSCB should aim to complete an SCR within 6 months)",
        ),
    ),
    Edition(
        # The duty to notify the national panel began on 29 June 2018; the guidance itself was published on 4 July.
        name="Working Together 2018",
        in_force_on=date(2018, 6, 29),
        in_force_source="Children and Social Work Act 2017 commencement; Working Together 2018, chapter 4",
        in_force_checked_at=PANEL_GUIDANCE_CHECKED,
        review_term=PRACTICE_REVIEW,
        panel_working_days=Rule(
            5, "Working Together 2018, chapter 4, notifying the national panel", PANEL_GUIDANCE_CHECKED
        ),
        rapid_review_working_days=Rule(15, "Working Together 2018, chapter 4, rapid reviews", RAPID_REVIEW_CHECKED),
        # Boards moved to safeguarding partner arrangements by 29 September 2019 at the latest; until then a
        # board could still hold serious case reviews.
        transition_ends_on=date(2019, 9, 29),
        transition_term=SERIOUS_CASE_REVIEW,
        transition_source="Working Together 2018, transitional guidance; checked at Solihull LSCB procedures 8.1 "
        "(arrangements published by 29 June 2019 and implemented by 29 September 2019)",
    ),
    Edition(
        name="Working Together 2023",
        in_force_on=date(2023, 12, 15),
        in_force_source="Working Together to Safeguard Children (HM Government, 15 December 2023)",
        in_force_checked_at="Cumberland Council bulletin: on 15th December 2023 the DfE launched Working Together 2023",
        review_term=PRACTICE_REVIEW,
        panel_working_days=Rule(
            5, "Working Together 2023, chapter 5, notifying the national panel", PANEL_GUIDANCE_CHECKED
        ),
        rapid_review_working_days=Rule(
            15,
            "Working Together 2023, chapter 5, rapid reviews",
            "Plymouth SCP 'Rapid Reviews' (Working Together 2023: a fifteen-day period)",
        ),
    ),
)

NATIONAL_PANEL_FROM = next(edition.in_force_on for edition in EDITIONS if edition.has_national_panel)


def edition_on(day: date | None) -> Edition:
    """The edition in force on `day`; the latest for a review not dated yet, the first for one before 2006."""
    if day is None:
        return EDITIONS[-1]
    in_force = [edition for edition in EDITIONS if edition.in_force_on <= day]
    return in_force[-1] if in_force else EDITIONS[0]


def section_title(as_of: date) -> str:
    """The paper's heading for local reviews in the words of the day: both names during the 2018 transition."""
    edition = edition_on(as_of)
    return " and ".join(f"{term.lower()}s" for term in edition.terms(as_of)).capitalize()
