"""The line chart: a point per period, its value in words, the target dashed with its key, readable without colour."""

from core.charts import LinePoint, line_chart


def points(count: int) -> list[LinePoint]:
    return [LinePoint(f"Period {number}", float(number * 10), f"{number * 10}") for number in range(1, count + 1)]


def test_each_point_is_marked_and_worded_when_there_is_room():
    chart = line_chart(chart_id="c", title="Audits", description="A point per period.", points=points(4))

    assert chart.count("<circle") == 4
    for value in ("10", "20", "30", "40"):
        assert f">{value}</text>" in chart
    assert ">Period 1</text>" in chart
    assert ">Period 4</text>" in chart
    assert 'aria-labelledby="c-title c-desc"' in chart


def test_crowded_points_word_only_the_first_and_last_value():
    chart = line_chart(chart_id="c", title="Audits", description="A point per period.", points=points(12))

    assert chart.count("<circle") == 12
    assert ">10</text>" in chart
    assert ">120</text>" in chart
    assert ">60</text>" not in chart


def test_the_target_is_a_dashed_line_with_its_key():
    chart = line_chart(
        chart_id="c", title="Audits", description="d", points=points(2), target=25.0, target_text="Target 25"
    )

    assert chart.count('stroke-dasharray="6 4"') == 2
    assert ">Target 25</text>" in chart


def test_no_points_says_there_is_nothing_to_chart():
    chart = line_chart(chart_id="c", title="Audits", description="d", points=[])

    assert "No figures to chart." in chart
    assert "<polyline" not in chart


def test_labels_are_escaped_and_no_style_attribute_is_written():
    chart = line_chart(chart_id="c", title="A <b> & C", description="d", points=[LinePoint("<i>", 1.0, "1")])

    assert "&lt;b&gt; &amp; C" in chart
    assert "&lt;i&gt;" in chart
    assert "style=" not in chart
