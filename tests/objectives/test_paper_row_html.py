"""The committee table's rows and heads, drawn in Python (objectives.paper.row_html), and the at-a-glance rows
(glance_html): everything typed is escaped, and what has no column of its own is printed under the action or beside
the progress."""

from objectives.paper.glance import CountLine, Flagged, Glance
from objectives.paper.glance_html import count_lines_html, exceptions_html
from objectives.paper.layout import Column, TableLayout
from objectives.paper.row_html import head_html, row_html, rows_html
from objectives.paper.snapshot import PaperObjective, PaperRow

TYPED = "<script>alert(1)</script> & Co"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"


def layout(*keys: str, rated: bool = True) -> TableLayout:
    return TableLayout(
        tuple(Column(key, key.title(), 0.1) for key in keys), rated=rated, shows=dict.fromkeys(keys, True)
    )


def row(**fields) -> PaperRow:
    defaults = {
        "ref": "1.1.1", "text": "Audit.", "lead_agencies": ("Police",), "target": "March 2026", "status": "",
        "rag": "green", "rag_label": "Green", "progress": "Done.", "impact": "", "earlier_round": "", "reported": True,
    }  # fmt: skip
    return PaperRow(**{**defaults, **fields})


def test_every_typed_text_is_escaped_in_every_column():
    typed = row(
        ref=TYPED,
        text=TYPED,
        lead_agencies=(TYPED,),
        target=TYPED,
        status=TYPED,
        rag_label=TYPED,
        progress=TYPED,
        impact=TYPED,
        earlier_round=TYPED,
        changes=(TYPED,),
        success_measure=TYPED,
        responsibility=TYPED,
    )
    keys = ("ref", "action", "lead", "target", "success_measure", "rating", "progress")

    html = row_html(typed, layout(*keys)) + row_html(typed, layout("ref", "action", "progress"))

    assert "<script>" not in html
    assert html.count(ESCAPED) > 10


def test_what_has_no_column_is_printed_under_the_action_and_beside_the_progress():
    html = row_html(
        row(earlier_round="June 2025", success_measure="Fewer repeats"), layout("ref", "action", "progress")
    )

    assert '<p class="report-meta"><span>Success measure: Fewer repeats</span></p>' in html
    assert "<span>Lead: Police</span><span>Target: March 2026</span>" in html
    assert '<span class="rag rag-green">Green</span> <span class="report-earlier">From June 2025</span>' in html


def test_a_table_without_rows_says_so_across_its_columns():
    html = rows_html([], layout("ref", "action", "progress"), "No actions yet.")

    assert '<td colspan="3" class="report-empty">No actions yet.</td>' in html


def test_a_head_names_its_objective_across_the_columns_and_escapes_what_was_typed():
    objective = PaperObjective(ref=TYPED, title=TYPED, rows=())

    html = head_html(layout("ref", "action", "progress"), objective, TYPED, "")

    assert "<script>" not in html
    assert html.count(ESCAPED) == 5  # the two cells' ids, the label and ref, and the title
    assert 'colspan="2"' in html
    assert html.count('<th scope="col">') == 3


def test_a_section_head_has_no_objective_row_and_its_own_progress_heading():
    html = head_html(layout("ref", "action", "progress"), None, "Obj", TYPED)

    assert "report-objective-row" not in html
    assert [cell.split("</th>")[0] for cell in html.split('<th scope="col">')[1:]] == ["Ref", "Action", ESCAPED]


def test_the_glance_rows_escape_what_was_typed_and_give_every_figure():
    glance = Glance(
        note="", caption="", name_heading="", total_heading="", columns=("Red",), listed_for="",
        lines=(CountLine(kind="objective", name=TYPED, total=3, counts=(2,), no_update=1),),
        exceptions=(Flagged(ref=TYPED, text=TYPED, lead=TYPED, reasons=(TYPED, "Rated Red")),),
        exceptions_caption="", exception_headings=(), no_exceptions="",
    )  # fmt: skip

    html = count_lines_html(glance) + exceptions_html(glance)

    assert "<script>" not in html
    assert html.count(ESCAPED) == 5
    assert f'<th scope="row">{ESCAPED}</th><td>3</td><td>2</td><td>1</td>' in html
    assert f"<li>{ESCAPED}</li><li>Rated Red</li>" in html
