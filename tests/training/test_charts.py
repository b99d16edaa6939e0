"""The SVG charts' data: parsed back with ElementTree, each bar's label and value must match the figures."""

import xml.etree.ElementTree as ET

from training.charts import LABEL_CHARACTERS, Bar, Series, horizontal_bar_chart

SVG = "{http://www.w3.org/2000/svg}"
SERIES = [Series("attended", "solid"), Series("did not attend", "hatched")]
BARS = [Bar("Neglect", (12, 3)), Bar("Child exploitation", (7, 0)), Bar("Safer recruitment", (20, 5))]


def _chart(bars=BARS, series=SERIES):
    svg = horizontal_bar_chart(
        chart_id="chart-course",
        title="Attended by course",
        description="Also in the table below.",
        series=series,
        bars=bars,
    )
    return ET.fromstring(svg)


def test_chart_rows_carry_each_label_and_each_value_in_words():
    rows = _chart().findall(f"{SVG}g[@class='chart-row']")

    read = [
        (
            row.find(f"{SVG}text[@class='chart-label']").text,
            [text.text for text in row.findall(f"{SVG}text[@class='chart-value']")],
        )
        for row in rows
    ]
    assert read == [
        ("Neglect", ["12 attended", "3 did not attend"]),
        ("Child exploitation", ["7 attended", "0 did not attend"]),
        ("Safer recruitment", ["20 attended", "5 did not attend"]),
    ]


def test_bar_lengths_are_proportional_to_their_values():
    bars = _chart().iter(f"{SVG}rect")
    widths = {
        (bar.get("data-series"), int(bar.get("data-value"))): int(bar.get("width"))
        for bar in bars
        if bar.get("data-value")
    }

    # 5 is a quarter of the largest value, to within the rounding to whole pixels.
    assert abs(widths[("attended", 20)] - 4 * widths[("did not attend", 5)]) <= 4
    assert widths[("did not attend", 0)] == 0
    assert widths[("attended", 12)] > widths[("attended", 7)]


def test_chart_is_an_image_named_by_its_title_and_description():
    svg = _chart()

    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-course-title chart-course-desc"
    assert svg.find(f"{SVG}title").get("id") == "chart-course-title"
    assert svg.find(f"{SVG}title").text == "Attended by course"
    assert svg.find(f"{SVG}desc").text == "Also in the table below."


def test_series_differ_by_pattern_and_have_a_legend_in_words():
    svg = _chart()
    fills = {bar.get("data-series"): bar.get("fill") for bar in svg.iter(f"{SVG}rect") if bar.get("data-series")}

    assert fills == {"attended": "url(#chart-course-solid)", "did not attend": "url(#chart-course-hatched)"}
    legend = [text.text for text in svg.find(f"{SVG}g[@class='chart-legend']").iter(f"{SVG}text")]
    assert legend == ["attended", "did not attend"]
    assert svg.find(f".//{SVG}pattern[@id='chart-course-hatched']/{SVG}line") is not None


def test_chart_grows_with_its_rows():
    small = _chart(bars=BARS[:1])
    large = _chart(bars=BARS * 4)

    assert int(large.get("viewBox").split()[3]) > 4 * int(small.get("viewBox").split()[3]) / 2
    assert len(large.findall(f"{SVG}g[@class='chart-row']")) == 12


def test_chart_escapes_its_labels():
    svg = horizontal_bar_chart(
        chart_id="c",
        title="<b>t</b>",
        description="d & e",
        series=SERIES[:1],
        bars=[Bar("<script>x</script> & co", (1,))],
    )

    assert "<script>" not in svg
    assert ET.fromstring(svg).find(f".//{SVG}text[@class='chart-label']").text == "<script>x</script> & co"


def test_an_empty_chart_says_there_are_no_figures():
    svg = _chart(bars=[])

    assert svg.find(f"{SVG}text[@class='chart-empty']").text == "No figures for this period."


def test_chart_has_no_style_attribute_for_the_csp_to_refuse():
    svg = horizontal_bar_chart(chart_id="c", title="t", description="d", series=SERIES, bars=BARS)

    assert "style=" not in svg
    assert ET.fromstring(svg).get("class") == "training-chart"


def test_a_long_label_wraps_onto_lines_above_its_bars():
    title = "Domestic abuse and safeguarding children: a full day for managers"
    row = _chart(bars=[Bar(title, (3, 1))]).find(f"{SVG}g[@class='chart-row']")

    label = row.find(f"{SVG}text[@class='chart-label']")
    lines = [label.text, *(line.text for line in label.iter(f"{SVG}tspan"))]
    last_baseline = int(label.get("y")) + sum(int(line.get("dy")) for line in label.iter(f"{SVG}tspan"))
    assert " ".join(lines) == title
    assert len(lines) == 2
    assert all(len(line) <= LABEL_CHARACTERS for line in lines)
    assert min(int(bar.get("y")) for bar in row.iter(f"{SVG}rect")) > last_baseline
