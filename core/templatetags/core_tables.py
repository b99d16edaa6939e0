"""{% table_body %}: a table's rows drawn in Python (core.table_rows), for the site's table templates.

{% scroll_region %}: a wide table's own sideways scroll, which a keyboard can reach and a screen reader can name.

WCAG 2.2 1.4.10 (reflow) lets a data table scroll sideways on a narrow screen, but only inside a region a
keyboard user can tab to (to scroll it with the arrow keys) and a screen reader announces by the table's name.
The region takes its name from the table's own caption, so the two never disagree and no template says it twice.
"""

import html
import re

from django import template
from django.utils.html import format_html, strip_tags
from django.utils.safestring import SafeString

from core.table_rows import tbody_html

register = template.Library()

_CAPTION = re.compile(r"<caption\b[^>]*>(.*?)</caption>", re.DOTALL | re.IGNORECASE)


def caption_text(table_html: str) -> str:
    """The words of the first caption in `table_html`, as a screen reader would read them."""
    found = _CAPTION.search(table_html)
    return " ".join(html.unescape(strip_tags(found[1])).split()) if found else ""


def scroll_region_html(table: SafeString) -> SafeString:
    """`table` (safe HTML) inside its own scroll region, named by its caption; for tables drawn in Python."""
    name = caption_text(table)
    if not name:
        raise template.TemplateSyntaxError("{% scroll_region %} needs a table with a caption: it names the region.")
    return format_html('<div class="table-scroll" role="region" tabindex="0" aria-label="{}">{}</div>', name, table)


class ScrollRegionNode(template.Node):
    def __init__(self, nodelist: template.NodeList):
        self.nodelist = nodelist

    def render(self, context) -> str:
        return scroll_region_html(self.nodelist.render(context))


@register.tag
def scroll_region(parser, token):
    """{% scroll_region %}<table><caption>Uptake by course</caption>…</table>{% endscroll_region %}"""
    if len(token.split_contents()) != 1:
        raise template.TemplateSyntaxError("{% scroll_region %} takes no arguments: the table's caption names it.")
    nodelist = parser.parse(("endscroll_region",))
    parser.delete_first_token()
    return ScrollRegionNode(nodelist)


@register.simple_tag(takes_context=True)
def table_body(context, table, row_header=False):
    """{% table_body table %}: the <tbody> of a django-tables2 table; row_header=True makes each first cell a <th>."""
    return tbody_html(table, context, row_header=row_header)
