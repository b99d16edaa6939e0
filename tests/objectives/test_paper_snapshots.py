"""Published papers keep the plan's shape, names, columns and scale; older snapshots render as they always did."""

from datetime import date
from io import BytesIO

import pytest
from docx import Document

from core.models import RatingScale
from objectives.models import ProgressUpdate, implicit_aim
from objectives.paper.build import build_paper
from objectives.paper.files import FILE_FORMATS
from objectives.paper.html import render_standalone_html
from objectives.paper.snapshot import from_snapshot
from objectives.paper.typst_data import paper_data
from objectives.paper.word import render_word
from objectives.services.publishing import publish_report
from objectives.views.report import report_round
from reviews.paper import build as review_sections
from reviews.services import add_recommendation_action
from tests.factories import ActionFactory, BusinessPlanFactory, ProgressRoundFactory, ProgressUpdateFactory
from tests.objectives.paper_reading import plan_tables, without_glance
from tests.reviews.factories import RecommendationFactory, ReviewFactory

pytestmark = pytest.mark.django_db

# A publication stored before plans had shapes, columns and scales: exactly the keys it was saved with.
OLD_SNAPSHOT = {
    "schema": 1,
    "board_name": "Fenbridge LSCB",
    "committee_name": "Children's Scrutiny Committee",
    "plan_title": "2025/26",
    "round_label": "Progress report September 2025",
    "as_of": "2025-09-30",
    "produced_on": "2025-10-03",
    "author": "",
    "changes": None,
    "aims": [
        {
            "number": 1,
            "title": "Keep children safe",
            "objectives": [
                {
                    "ref": "1.1",
                    "title": "Audit the front door",
                    "rows": [
                        {
                            "action_id": 7,
                            "ref": "1.1.1",
                            "text": "Audit referrals",
                            "lead_agencies": [],
                            "target": "March 2026",
                            "status": "",
                            "rag": "",
                            "rag_label": "No update",
                            "progress": "",
                            "impact": "",
                            "earlier_round": "",
                            "changes": [],
                        },
                        {
                            "action_id": 8,
                            "ref": "1.1.2",
                            "text": "Train the front door",
                            "lead_agencies": ["Police"],
                            "target": "",
                            "status": "",
                            "rag": "green",
                            "rag_label": "Green",
                            "progress": "Done",
                            "impact": "",
                            "earlier_round": "",
                            "changes": [],
                        },
                    ],
                }
            ],
        }
    ],
    "sections": [],
}


def test_an_old_snapshot_renders_as_papers_did_before_plans_had_shapes():
    html = without_glance(render_standalone_html(from_snapshot(OLD_SNAPSHOT)))

    assert '<h2 id="report-aim-1">Aim 1: Keep children safe</h2>' in html
    assert '<td id="report-objective-1.1-ref">Obj 1.1</td>' in html
    assert '<td id="report-objective-1.1-title" colspan="2">Audit the front door</td>' in html
    assert '<th scope="col">Ref</th>' in html
    assert '<th scope="col">Progress report September 2025</th>' in html
    assert html.count('<th scope="col">') == 3
    assert '<p class="report-label">RAG key</p>' in html
    assert '<li><span class="rag rag-not_started">Not started</span> not yet begun</li>' in html
    assert '<p class="report-rag"><span class="rag rag-none">No update</span></p>' in html
    assert '<p class="report-rag"><span class="rag rag-green">Green</span></p>' in html
    assert "<span>Lead: none named</span>" in html
    assert "<span>Lead: Police</span>" in html
    assert "<span>Target: March 2026</span>" in html


def test_an_old_snapshot_writes_the_word_file_as_before():
    document = Document(BytesIO(render_word(from_snapshot(OLD_SNAPSHOT))))

    rows = [[cell.text for cell in row.cells] for row in plan_tables(document.tables)[0].rows]
    assert rows[1] == ["Ref", "Action", "Progress report September 2025"]
    assert rows[2][1] == "Audit referrals\nLead: none named\nTarget: March 2026"
    assert rows[2][2] == "RAG: No update "
    assert rows[3][2] == "RAG: Green \nDone"
    assert "RAG key" in [paragraph.text for paragraph in document.paragraphs]


@pytest.fixture
def recommendations(board_manager):
    plan = BusinessPlanFactory(
        title="Scrutiny review",
        shape="list",
        action_name="Recommendation",
        rating_scale=RatingScale.objects.get(name="four-point"),
    )
    progress_round = ProgressRoundFactory(plan=plan, as_of=date(2025, 12, 31))
    objective = implicit_aim(plan).implicit_objective()
    for ref, rated in (("1", "1"), ("2", "3")):
        action = ActionFactory(objective=objective, ref=ref, text=f"Recommendation text {ref}", success_measure="Seen")
        action.target_on, action.target_is_month = date(2026, 3, 31), True
        action.revise_target(date(2026, 6, 30), is_month=True)
        action.save()
        ProgressUpdateFactory(action=action, round=progress_round, rag=rated)
    return progress_round


def test_a_published_paper_keeps_the_plans_names_columns_and_scale_after_they_change(board_manager, recommendations):
    published = publish_report(progress_round=recommendations, published_by=board_manager)
    plan = recommendations.plan
    plan.rating_scale = RatingScale.objects.get(name="rag")
    plan.action_name, plan.report_columns = "Action", ["ref", "action", "progress"]
    plan.progress_heading = "Update <Month YYYY>"
    plan.save()

    paper = from_snapshot(published.snapshot)

    assert FILE_FORMATS["html"].render(paper).decode() == published.html
    assert render_word(paper) == bytes(published.docx)
    assert (paper.shape, paper.action_name, paper.key_title) == ("list", "Recommendation", "Rating key")
    assert [entry.label for entry in paper.key][:2] == [
        "1 Achieved (fully)",
        "2 On track but not yet due for completion",
    ]
    assert paper.key[0].fill == "1D70B8"
    row = paper.rows[1]
    assert (row.rag_label, row.rating_class) == ("3 Slipped", "rag-four-point--3")
    assert row.target == "June 2026 (originally March 2026; slipped once)"
    assert (row.original_target, row.times_slipped) == ("March 2026", 1)
    assert row.success_measure == "Seen"
    assert '<th scope="col">Recommendation</th>' in published.html
    assert '<span class="rag rag-four-point--3">3 Slipped</span>' in published.html


def test_the_published_page_gets_the_papers_own_badge_colours(manager_client, board_manager, recommendations):
    published = publish_report(progress_round=recommendations, published_by=board_manager)

    response = manager_client.get(published.get_absolute_url())

    assert ".rag.rag-four-point--1 { background: #1D70B8; color: #FFFFFF; }" in response.content.decode()


@pytest.mark.parametrize("count", [2, 12])
def test_a_paper_of_any_shape_takes_the_same_queries_however_many_actions(count, django_assert_num_queries):
    plan = BusinessPlanFactory(shape="list", action_name="Recommendation")
    progress_round = ProgressRoundFactory(plan=plan)
    objective = implicit_aim(plan).implicit_objective()
    for number in range(1, count + 1):
        ProgressUpdateFactory(action=ActionFactory(objective=objective, ref=str(number)), round=progress_round)
    progress_round = report_round(plan.pk, progress_round.pk)

    # aims, objectives, actions, their lead agencies, updates, the previous publication, the open case reviews,
    # the CDOP years, the round's chosen training start, the training courses and the recorded training figures
    # (the plan's scale came with the round)
    # and one for the round's covering report (none here), and one for the plan's indicators with their values
    # and five for the Assurance section: the previous round's date, the Section 11 cycle, the case
    # audits, and the register's case review and other recommendations (none, so nothing more of theirs)
    # and two for the budget section: the plan's partner contributions with their agencies, and its
    # spend lines (none here, so the section is left out)
    with django_assert_num_queries(20):
        paper = build_paper(progress_round=progress_round, author="")

    assert len(paper.rows) == count


def test_case_review_actions_are_rated_on_their_plans_scale(recommendations):
    plan = recommendations.plan
    recommendation = RecommendationFactory(review=ReviewFactory(name="Child S", code="CS"), number=1)
    action = add_recommendation_action(recommendation, plan=plan, text="Share the learning", lead_agencies=[])
    ProgressUpdateFactory(action=action, round=recommendations, rag="3")

    section = review_sections.build_case_reviews(plan=plan, progress_round=recommendations)

    (review,) = section.data["reviews"]
    assert [count["label"] for count in review["rag_counts"]] == [
        "1 Achieved (fully)",
        "2 On track but not yet due for completion",
        "3 Slipped",
        "4 Not achieved",
        "No update",
    ]
    assert [count["count"] for count in review["rag_counts"]] == [0, 0, 1, 0, 0]
    row = review["recommendations"][0]["actions"][0]
    assert (row["rag_label"], row["rating_class"]) == ("3 Slipped", "rag-four-point--3")


def test_the_pdf_gets_the_plans_badge_colours_and_words(recommendations):
    paper = build_paper(progress_round=recommendations, author="")

    data = paper_data(paper, [])

    key = {entry["badge"]["label"]: entry["badge"] for entry in data["cover"]["key"]}
    assert (key["1 Achieved (fully)"]["fill"], key["1 Achieved (fully)"]["text"]) == ("1D70B8", "FFFFFF")
    (table,) = data["aims"][0]["tables"]
    badges = [part["badge"] for cell in table["rows"][1]["cells"] for part in cell if part["t"] == "badge"]
    assert [badge["label"] for badge in badges] == ["3 Slipped"]


def test_a_rating_left_blank_since_the_last_publication_is_not_a_rating_change(board_manager, recommendations):
    publish_report(progress_round=recommendations, published_by=board_manager)
    update = ProgressUpdate.objects.get(action__ref="2", round=recommendations)
    update.rag, update.progress = "", "Rewritten without a rating."
    update.save()

    paper = build_paper(progress_round=recommendations, author="")

    assert paper.rows[1].changes == ("New progress",)


def test_case_review_counts_say_what_they_count_by(recommendations):
    plan = recommendations.plan
    recommendation = RecommendationFactory(review=ReviewFactory(name="Child S", code="CS"), number=1)
    add_recommendation_action(recommendation, plan=plan, text="Share the learning", lead_agencies=[])

    section = review_sections.build_case_reviews(plan=plan, progress_round=recommendations)
    plan.rating_scale = RatingScale.objects.get(name="none")
    plan.save()
    del plan.scale
    unrated = review_sections.build_case_reviews(plan=plan, progress_round=recommendations)

    assert section.data["summary_caption"] == "Open reviews and their action plans by rating"
    assert unrated.data["summary_caption"] == "Open reviews and their action plans"
    assert unrated.data["reviews"][0]["rag_counts"] == []


def test_a_change_of_rating_on_another_scale_is_called_a_rating_change(board_manager, recommendations):
    publish_report(progress_round=recommendations, published_by=board_manager)
    update = ProgressUpdate.objects.get(action__ref="2", round=recommendations)
    update.rag = "4"
    update.save()

    paper = build_paper(progress_round=recommendations, author="")

    assert paper.rows[1].changes == ("Rating changed from 3 Slipped to 4 Not achieved",)
    assert "1 rating change" in paper.changes.sentence
