"""Warning (never blocking) when free text looks like a child's NHS number or date of birth."""

from datetime import date
from html import unescape
from http import HTTPStatus

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from objectives.identifiers import Finding, find_identifiers, identifier_warnings, is_valid_nhs_number
from objectives.models import Action, ProgressUpdate
from tests.factories import ActionFactory, ObjectiveFactory, ProgressRoundFactory, ProgressUpdateFactory

State = ProgressUpdate.State

# Each checked by hand: the first nine digits times 10, 9 … 2, the total's remainder after dividing by 11,
# and 11 less that remainder (11 counting as 0) is the last digit.
VALID_NHS_NUMBERS = [
    "9434765919",  # 90+36+24+28+42+30+20+27+2 = 299; 299 = 27×11 + 2; 11 − 2 = 9
    "4010232137",  # 40+0+8+0+12+15+8+3+6 = 92; 92 = 8×11 + 4; 11 − 4 = 7
    "4857773457",  # 40+72+40+49+42+35+12+12+10 = 312; 312 = 28×11 + 4; 11 − 4 = 7
    "6000000006",  # 60; 60 = 5×11 + 5; 11 − 5 = 6
    "7000000090",  # 70+18 = 88 = 8×11, remainder 0: 11 − 0 = 11, which counts as 0
]


# is_valid_nhs_number


@pytest.mark.parametrize("digits", VALID_NHS_NUMBERS)
def test_numbers_passing_the_modulus_11_check_are_valid(digits):
    assert is_valid_nhs_number(digits)


@pytest.mark.parametrize(
    ("digits", "why"),
    [
        ("9434765918", "check digit should be 9"),
        ("4010232136", "check digit should be 7"),
        ("7000000091", "check digit should be 0"),
        ("1234567890", "10+18+24+28+30+30+28+24+18 = 210 = 19×11 + 1, so the check digit would be 10"),
        ("1234567891", "the same first nine: no last digit can be 10"),
        ("7000000040", "70+8 = 78 = 7×11 + 1, check digit 10 again"),
        ("943476591", "nine digits"),
        ("94347659190", "eleven digits"),
        ("943 476 5919", "the check takes the digits alone"),
        ("94347659l9", "a letter l, not a one"),
        ("", "nothing"),
    ],
)
def test_numbers_failing_the_check_or_of_the_wrong_length_are_not_valid(digits, why):
    assert not is_valid_nhs_number(digits), why


def test_digits_from_other_scripts_are_not_taken_for_an_nhs_number():
    arabic_indic = "٩٤٣٤٧٦٥٩١٩"  # 9434765919 in Arabic-Indic digits: str.isdigit() accepts them

    assert not is_valid_nhs_number(arabic_indic)


# find_identifiers: NHS numbers


@pytest.mark.parametrize("written", ["9434765919", "943 476 5919", "943-476-5919", "943\u00a0476\u00a05919"])
def test_an_nhs_number_is_found_with_or_without_spaces_and_hyphens(written):
    assert find_identifiers(f"Seen by the health visitor, NHS no. {written}, in May.") == [
        Finding("an NHS number", written)
    ]


def test_an_nhs_number_is_found_in_brackets_and_at_the_end_of_a_sentence():
    found = find_identifiers("One child (401 023 2137) was seen. Another was 9434765919.")

    assert [finding.text for finding in found] == ["401 023 2137", "9434765919"]


def test_ten_digits_failing_the_check_are_not_flagged():
    assert find_identifiers("Case reference 943 476 5918 and 1234567890.") == []


@pytest.mark.parametrize("text", ["Ref 19434765919", "Ref 94347659191", "Account 0009434765919000"])
def test_a_valid_number_inside_a_longer_run_of_digits_is_not_flagged(text):
    assert find_identifiers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Call the front door on 0161 496 0000.",
        "Call 0161 496 0008.",  # 161 496 0008 would not be read out of it either
        "From abroad call +44 161 496 0003.",  # 161 496 0003 passes the check on its own
        "Text 07700 900123 for an appointment.",
    ],
)
def test_phone_numbers_are_not_flagged(text):
    assert is_valid_nhs_number("1614960003")

    assert find_identifiers(text) == []


def test_a_number_written_without_gaps_after_a_year_is_still_flagged():
    assert find_identifiers("In 2019 9434765919 was recorded.") == [Finding("an NHS number", "9434765919")]


# find_identifiers: dates of birth


@pytest.mark.parametrize(
    "written",
    [
        "DOB 03/05/2019",
        "DOB: 3/5/19",
        "dob 03-05-2019",
        "D.O.B. 3.5.2019",
        "D.O.B.: 3rd May 2019",
        "DoB - 3-May-19",
        "date of birth 2019-05-03",
        "Date of birth: 3 May 2019",
        "born on 3 May 2019",
        "born 3rd of May 2019",
        "Born May 3, 2019",
        "born on 03/05/2019",
    ],
)
def test_a_date_after_words_naming_a_birth_date_is_flagged(written):
    assert find_identifiers(f"The child, {written}, was seen.") == [Finding("a date of birth", written)]


@pytest.mark.parametrize(
    "text",
    [
        "Complete the audit by 31 March 2026.",
        "Target: 31/03/2026, reviewed on 2026-01-15.",
        "The panel met on 3 May 2019.",
        "The baby was born 3 weeks early.",
        "Agencies will do by 31/03/2026 what the review asks.",
        "Newborn 3 May 2019 checks were done.",
        "Born in Eastmere, the service is now county-wide.",
    ],
)
def test_ordinary_dates_are_not_flagged(text):
    assert find_identifiers(text) == []


def test_findings_come_in_the_order_written():
    found = find_identifiers("DOB 03/05/2019, NHS 943 476 5919; then born on 4 June 2020.")

    assert [finding.kind for finding in found] == ["a date of birth", "an NHS number", "a date of birth"]


def test_no_text_finds_nothing():
    assert find_identifiers("") == []
    assert find_identifiers(None) == []


def test_each_warning_names_the_field_and_what_was_found():
    warnings = identifier_warnings({"progress": "NHS 943 476 5919", "evidence of impact": "Nothing to report."})

    assert warnings == [
        "The progress holds “943 476 5919”, which looks like an NHS number. If it could identify a child, "
        "remove it: this product must hold no child’s NHS number or date of birth."
    ]


# The writer is warned after saving, and the text is saved all the same


@pytest.fixture
def action(lead_agency):
    return ActionFactory(
        ref="1.1.1", objective__ref="1.1", objective__aim__number=1, text="Audit", lead_agencies=[lead_agency]
    )


@pytest.fixture
def december(action):
    return ProgressRoundFactory(plan=action.plan, as_of=date(2025, 12, 31), deadline=date(2025, 12, 12))


def messages_of(response) -> list[tuple[str, str]]:
    return [(message.level_tag, str(message)) for message in get_messages(response.wsgi_request)]


def progress_data(intent="save", **fields):
    return {"rag": "green", "progress": "Audit done.", "impact": "", "version": "", "intent": intent, **fields}


@pytest.mark.parametrize("intent", ["save", "submit"])
def test_a_contributor_saving_progress_with_an_nhs_number_is_warned_and_the_text_is_saved(
    contributor_client, action, december, intent
):
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])

    response = contributor_client.post(
        url, progress_data(intent, progress="Seen with mum. NHS 943 476 5919.", impact="DOB: 03/05/2019")
    )

    update = ProgressUpdate.objects.get()
    assert response.status_code == HTTPStatus.FOUND
    assert (update.progress, update.impact) == ("Seen with mum. NHS 943 476 5919.", "DOB: 03/05/2019")
    levels = [level for level, _ in messages_of(response)]
    texts = [text for _, text in messages_of(response)]
    assert levels == ["success", "warning", "warning"]
    assert texts[1].startswith("The progress holds “943 476 5919”, which looks like an NHS number.")
    assert texts[2].startswith("The evidence of impact holds “DOB: 03/05/2019”, which looks like a date of birth.")


def test_the_warning_is_shown_on_the_page_the_writer_lands_on(contributor_client, action, december):
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])

    response = contributor_client.post(url, progress_data(progress="Born on 3 May 2019."), follow=True)

    assert "which looks like a date of birth" in unescape(response.content.decode())


def test_clean_progress_gives_no_warning(contributor_client, action, december):
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])

    response = contributor_client.post(
        url, progress_data(progress="Audit of 40 cases finished by 31 March 2026.", impact="Referrals down 7%.")
    )

    assert [level for level, _ in messages_of(response)] == ["success"]


def test_a_refused_save_gives_no_warning(contributor_client, action, december):
    url = reverse("objectives:progress_edit", args=[action.pk, december.pk])

    response = contributor_client.post(url, progress_data(rag="purple", progress="NHS 943 476 5919"))

    assert response.status_code == HTTPStatus.OK
    assert messages_of(response) == []
    assert not ProgressUpdate.objects.exists()


def test_the_manager_adding_an_action_with_an_nhs_number_is_warned_and_the_action_is_saved(manager_client):
    objective = ObjectiveFactory(ref="1.1", aim__number=1)

    response = manager_client.post(
        reverse("objectives:action_create", args=[objective.pk]),
        {"ref": "1.1.1", "text": "Follow up 9434765919 at clinic", "target": "", "status": "open"},
    )

    assert Action.objects.get().text == "Follow up 9434765919 at clinic"
    assert messages_of(response) == [
        ("success", "Action 1.1.1 added."),
        (
            "warning",
            "The action holds “9434765919”, which looks like an NHS number. If it could identify a child, "
            "remove it: this product must hold no child’s NHS number or date of birth.",
        ),
    ]


def test_the_manager_editing_an_action_with_a_date_of_birth_is_warned_and_the_change_is_saved(manager_client, action):
    response = manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        {"ref": "1.1.1", "text": "Child born on 03/05/2019 to be seen", "target": "", "status": "open", "version": "1"},
    )

    action.refresh_from_db()
    assert action.text == "Child born on 03/05/2019 to be seen"
    assert [level for level, _ in messages_of(response)] == ["success", "warning"]
    assert "“born on 03/05/2019”, which looks like a date of birth" in messages_of(response)[1][1]


def test_editing_an_action_with_clean_text_gives_no_warning(manager_client, action):
    response = manager_client.post(
        reverse("objectives:action_update", args=[action.pk]),
        {"ref": "1.1.1", "text": "Audit by 31 March 2026", "target": "", "status": "open", "version": "1"},
    )

    assert messages_of(response) == [("success", "Action 1.1.1 saved.")]


# The board manager sees the same warnings when reviewing


def review_url(update):
    return reverse("objectives:progress_review", args=[update.pk])


def test_the_review_page_shows_the_submitted_texts_warnings_in_an_alert(manager_client, action, december):
    update = ProgressUpdateFactory(
        action=action, round=december, state=State.SUBMITTED, progress="NHS 943-476-5919", impact="DOB 3.5.19"
    )

    response = manager_client.get(review_url(update))

    content = unescape(response.content.decode())
    assert response.context["identifier_warnings"] == [
        "The progress holds “943-476-5919”, which looks like an NHS number. If it could identify a child, "
        "remove it: this product must hold no child’s NHS number or date of birth.",
        "The evidence of impact holds “DOB 3.5.19”, which looks like a date of birth. If it could identify a "
        "child, remove it: this product must hold no child’s NHS number or date of birth.",
    ]
    alert = content.split('role="alert"', 1)[1].split("</section>", 1)[0]
    assert "This text may identify a child" in alert
    assert "“943-476-5919”, which looks like an NHS number" in alert
    assert "“DOB 3.5.19”, which looks like a date of birth" in alert
    # Neither button is taken away: the manager still decides.
    assert 'value="accept"' in content
    assert 'value="return"' in content


def test_the_review_page_of_clean_text_has_no_warning(manager_client, action, december):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="Audit done.")

    response = manager_client.get(review_url(update))

    assert response.context["identifier_warnings"] == []
    assert "This text may identify a child" not in response.content.decode()


def test_the_review_page_keeps_warning_about_the_saved_text_while_the_manager_edits_it(
    manager_client, action, december
):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="NHS 9434765919")
    data = {"rag": "purple", "progress": "Edited.", "impact": "", "return_comment": "", "version": "1"}

    response = manager_client.post(review_url(update), {**data, "intent": "accept"})

    assert response.status_code == HTTPStatus.OK
    assert len(response.context["identifier_warnings"]) == 1
    assert "“9434765919”, which looks like an NHS number" in response.context["identifier_warnings"][0]


def review_data(update, intent, **fields):
    data = {"rag": update.rag, "progress": update.progress, "impact": update.impact, "return_comment": ""}
    return {**data, "version": str(update.version), "intent": intent, **fields}


def test_the_manager_can_accept_text_with_a_warning_and_is_not_told_again(manager_client, action, december):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="NHS 9434765919")

    response = manager_client.post(review_url(update), review_data(update, "accept"))

    update.refresh_from_db()
    assert (update.state, update.progress) == (State.ACCEPTED, "NHS 9434765919")
    assert [level for level, _ in messages_of(response)] == ["success"]


def test_the_manager_can_return_text_with_a_warning(manager_client, action, december):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="DOB 03/05/2019")

    manager_client.post(review_url(update), review_data(update, "return", return_comment="Please take out the DOB."))

    update.refresh_from_db()
    assert update.state == State.RETURNED


def test_the_manager_accepting_with_an_identifier_of_their_own_is_warned(manager_client, action, december):
    update = ProgressUpdateFactory(action=action, round=december, state=State.SUBMITTED, progress="Audit done.")

    response = manager_client.post(
        review_url(update), review_data(update, "accept", progress="Audit done. Born on 4 June 2020.")
    )

    update.refresh_from_db()
    assert update.progress == "Audit done. Born on 4 June 2020."
    assert [level for level, _ in messages_of(response)] == ["success", "warning"]
    assert "“Born on 4 June 2020”, which looks like a date of birth" in messages_of(response)[1][1]
