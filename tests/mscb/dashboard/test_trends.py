"""The trend panel: the chart of the plan's ratings across its rounds, its data table and its summary sentence."""

import xml.etree.ElementTree as ET

from django.utils.html import escape

from core.charts import Segment, StackedBar, stacked_bar_chart

SVG = "{http://www.w3.org/2000/svg}"


def test_the_summary_sentence_names_the_commonest_rating_and_the_exceptions_with_their_change(
    reader_client, world, dashboard_url
):
    panel = reader_client.get(dashboard_url).context["dashboard"].panels[0]

    assert panel.summary == (
        "In December 2025, 2 of 4 actions were rated Green, the same as in September 2025; 1 was rated Red, up from 0."
    )


def test_the_table_beside_the_chart_has_a_row_per_round_with_its_total(reader_client, world, dashboard_url):
    response = reader_client.get(dashboard_url)

    panel = response.context["dashboard"].panels[0]
    # Red, Amber, Green, Complete, Not started, No update, Total.
    assert panel.rows == (
        ("September 2025", (0, 1, 2, 0, 0, 1, 4)),
        ("December 2025", (1, 1, 2, 0, 0, 0, 4)),
    )
    page = response.content.decode()
    assert '<table class="table table-sm dashboard-counts" id="table-ratings">' in page
    assert f"<caption>{escape(panel.caption)}</caption>" in page
    assert escape(panel.summary) in page


def test_the_chart_on_the_page_is_a_named_image_with_no_style_attribute(reader_client, world, dashboard_url):
    page = reader_client.get(dashboard_url).content.decode()

    svg = ET.fromstring(page[page.index("<svg") : page.index("</svg>") + len("</svg>")])
    assert svg.get("role") == "img"
    assert svg.find(f"{SVG}title").text == "Ratings of business plan 2025/26's actions in each round"
    assert "table beside the chart" in svg.find(f"{SVG}desc").text
    assert "style=" not in page[page.index("<main") :]
    segments = [
        (rect.get("data-series"), rect.get("data-value")) for rect in svg.iter(f"{SVG}rect") if rect.get("data-value")
    ]
    assert segments == [
        ("Amber", "1"),
        ("Green", "2"),
        ("No update", "1"),
        ("Red", "1"),
        ("Amber", "1"),
        ("Green", "2"),
    ]


def _chart(bars):
    segments = [Segment("Red", "#B4232A", "#FFFFFF"), Segment("Green", "#00703C", "#FFFFFF"), Segment("No update")]
    return ET.fromstring(
        stacked_bar_chart(chart_id="c", title="Ratings", description="Also in the table.", segments=segments, bars=bars)
    )


def test_each_segment_is_as_wide_as_its_share_and_says_its_figure_in_words():
    svg = _chart([StackedBar("March 2026", (1, 3, 0)), StackedBar("June 2026", (2, 2, 4))])

    rows = svg.findall(f"{SVG}g[@class='chart-row']")
    march = [(rect.get("width"), rect.find(f"{SVG}title").text) for rect in rows[0].iter(f"{SVG}rect")]
    # The longest bar (8) spans the 344 units between the margins; a nothing segment is not drawn.
    assert march == [("43", "Red: 1 of 4"), ("129", "Green: 3 of 4")]
    assert sum(int(rect.get("width")) for rect in rows[1].iter(f"{SVG}rect")) == 344
    assert [row.find(f"{SVG}text").text for row in rows] == ["March 2026", "June 2026"]


def test_segments_differ_by_pattern_and_the_legend_names_each_in_words():
    svg = _chart([StackedBar("March 2026", (1, 1, 1))])

    fills = [rect.get("fill") for rect in svg.find(f"{SVG}g[@class='chart-row']").iter(f"{SVG}rect")]
    assert fills == ["url(#c-pattern-0)", "url(#c-pattern-1)", "url(#c-pattern-2)"]
    legend = [text.text for text in svg.find(f"{SVG}g[@class='chart-legend']").iter(f"{SVG}text")]
    assert legend == ["Red", "Green", "No update"]
    # Solid, hatched, dotted: apart in black and white.
    assert svg.find(f".//{SVG}pattern[@id='c-pattern-1']/{SVG}line") is not None
    assert svg.find(f".//{SVG}pattern[@id='c-pattern-2']/{SVG}circle") is not None


def test_the_chart_is_named_escapes_its_words_and_has_no_style_attribute():
    markup = stacked_bar_chart(
        chart_id="c",
        title="<b>Ratings</b>",
        description="d & e",
        segments=[Segment("<script>x</script>")],
        bars=[StackedBar("<i>March</i>", (1,))],
    )

    svg = ET.fromstring(markup)
    assert "<script>" not in markup
    assert "style=" not in markup
    assert svg.get("aria-labelledby") == "c-title c-desc"
    assert svg.find(f"{SVG}title").text == "<b>Ratings</b>"
    assert svg.find(f"{SVG}desc").text == "d & e"


def test_an_empty_chart_says_so():
    assert _chart([]).find(f"{SVG}text[@class='chart-empty']").text == "No figures to chart."
