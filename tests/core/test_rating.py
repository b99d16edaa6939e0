import re
from datetime import date
from http import HTTPStatus
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from docx import Document

from core import rating
from core.rating import PALETTE
from objectives.models import ProgressUpdate
from objectives.paper.html import render_standalone_html
from objectives.paper.snapshot import Paper
from objectives.paper.word import render_word
from objectives.paper.word_parts import rag_run
from tests.factories import RatingLevelFactory, RatingScaleFactory

_CSS_RULE = re.compile(r"^\.rag-(\w+) \{([^}]*)\}", re.MULTILINE)
_HEX = re.compile(r"#([0-9a-fA-F]{6})")


def _css_classes() -> dict[str, dict[str, str]]:
    css = (Path(settings.BASE_DIR) / "static" / "css" / "mscb.css").read_text()
    classes = {}
    for name, body in _CSS_RULE.findall(css):
        declarations = dict(part.split(":", 1) for part in body.split(";") if part.strip())
        classes[name] = {
            prop.strip(): _HEX.search(value)[1].upper() for prop, value in declarations.items() if _HEX.search(value)
        }
    return classes


def _paper() -> Paper:
    day = date(2026, 3, 31)
    return Paper("Board", "Committee", "2025/26", "Progress report March 2026", day, day, "", aims=())


def test_the_key_reads_from_red_to_no_update():
    assert [entry.key for entry in PALETTE] == ["red", "amber", "green", "complete", "not_started", "none"]


def test_sorting_runs_from_nothing_reported_to_done():
    ranked = sorted(PALETTE, key=lambda entry: entry.rank)

    assert [entry.key for entry in ranked] == ["none", "not_started", "red", "amber", "green", "complete"]


def test_the_palette_names_every_stored_rag_in_the_models_words():
    stored = {entry.value: entry.label for entry in PALETTE if entry.value}

    assert stored == dict(ProgressUpdate.Rag.choices)


def test_blank_and_none_are_no_update():
    assert rating.rating("") is rating.rating(None) is rating.rating("none") is rating.NO_UPDATE


def test_the_css_classes_are_the_palettes_colours():
    classes = _css_classes()

    # "unknown": a stored code its plan's scale no longer has, shown in words without a colour.
    assert set(classes) == {entry.key for entry in PALETTE} | {"unknown"}
    for entry in PALETTE:
        shown = classes[entry.key]
        assert (shown["background"], shown["color"]) == (entry.fill, entry.text), entry.key
        assert shown.get("border-color", shown.get("border", "")) == entry.border, entry.key


def test_word_shades_each_rating_in_its_palette_colours():
    document = Document()
    for entry in PALETTE:
        rag_run(document.add_paragraph(), entry.value, entry.label)

    runs = [paragraph.runs[0] for paragraph in document.paragraphs]

    for run, entry in zip(runs, PALETTE, strict=True):
        fill = run._r.rPr.xpath("./w:shd/@w:fill")[0]
        assert (run.text.strip(), fill, str(run.font.color.rgb)) == (entry.label, entry.fill, entry.text)


def test_the_word_key_lists_the_palette_in_order():
    document = Document(BytesIO(render_word(_paper())))
    texts = [" ".join(paragraph.text.split()) for paragraph in document.paragraphs]

    start = texts.index("RAG key") + 1

    assert texts[start : start + len(PALETTE)] == [f"{entry.label} {entry.meaning}" for entry in PALETTE]


def test_the_page_key_lists_the_palette_in_order():
    html = render_standalone_html(_paper())
    key = html[html.index("RAG key") :]

    shown = re.findall(r'<li><span class="rag ([\w-]+)">([^<]+)</span> ([^<]+)</li>', key)

    assert shown == [(entry.css_class, entry.label, entry.meaning.replace("'", "&#x27;")) for entry in PALETTE]


def test_counts_start_at_zero_in_the_keys_order():
    assert list(rating.RAG.empty_counts().items()) == [(entry.key, 0) for entry in PALETTE]


# Every scale's badges, from /ratings.css


@pytest.mark.django_db
def test_ratings_css_holds_a_boards_level_colour_without_sign_in(client):
    scale = RatingScaleFactory(name="council")
    RatingLevelFactory(scale=scale, code="late", fill="8A2BE2", text="FFFFFF")

    response = client.get(reverse("ratings_css"))

    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert ".rag.rag-council--late { background: #8A2BE2; color: #FFFFFF; }" in css
    assert ".rag.rag-four-point--3 { background: #FFBF47; color: #1A1A1A; border-color: #6F777B; }" in css


@pytest.mark.django_db
def test_ratings_css_is_not_sent_again_until_a_scale_changes(client):
    etag = client.get(reverse("ratings_css"))["ETag"]

    unchanged = client.get(reverse("ratings_css"), headers={"if-none-match": etag})
    RatingLevelFactory(fill="8A2BE2", text="FFFFFF")
    changed = client.get(reverse("ratings_css"), headers={"if-none-match": etag})

    assert unchanged.status_code == HTTPStatus.NOT_MODIFIED
    assert changed.status_code == HTTPStatus.OK
    assert "no-cache" in changed["Cache-Control"]


@pytest.mark.django_db
def test_every_page_links_the_ratings_stylesheet_after_the_sites_own(client):
    html = client.get(reverse("login")).content.decode()

    assert html.index("css/mscb.css") < html.index(f'href="{reverse("ratings_css")}"')


def test_counts_follow_the_scale_and_keep_a_code_it_no_longer_has():
    counts = rating.FOUR_POINT.counted([("1", 2), ("", 1), (None, 1), ("gone", 1)])

    assert counts == {"1": 2, "2": 0, "3": 0, "4": 0, "none": 2, "gone": 1}


def test_a_scale_of_no_levels_counts_nothing():
    assert rating.NO_RATING.counted([("", 3)]) == {}


def test_a_blank_rating_prints_nothing_on_any_scale():
    assert rating.FOUR_POINT.badge("") == "" == rating.NO_RATING.badge(None)


def test_the_badge_tag_uses_the_scale_it_is_given():
    from core.templatetags.core_rating import rating_badge

    assert rating_badge(rating.FOUR_POINT, "3") == '<span class="rag rag-four-point--3">3 Slipped</span>'
    assert rating_badge(None, "red") == '<span class="rag rag-red">Red</span>'


def test_two_scales_whose_names_and_codes_run_together_get_their_own_classes():
    assert rating.css_class_for("a", "b-c") != rating.css_class_for("a-b", "c")
