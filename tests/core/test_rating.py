import re
from datetime import date
from io import BytesIO
from pathlib import Path

from django.conf import settings
from docx import Document

from core import rating
from core.rating import PALETTE
from objectives.models import ProgressUpdate
from objectives.paper.html import render_standalone_html
from objectives.paper.snapshot import Paper
from objectives.paper.word import render_word
from objectives.paper.word_parts import rag_run

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

    assert set(classes) == {entry.key for entry in PALETTE}
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
    assert list(rating.empty_counts().items()) == [(entry.key, 0) for entry in PALETTE]
