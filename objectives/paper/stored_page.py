"""The report page's paper, kept as HTML and shown again while nothing it shows has changed.

Building the paper takes dozens of queries and rendering it most of the page's time at 1,000 actions; the page's
paper does not depend on who asks beyond its author (objectives.paper.build.author_for), so it is rendered once per
content version (core.content_version) and scope (objectives.paper.generated.paper_scope), and kept as a ready
GeneratedFile whose content is the page's parts as JSON. What depends on the request (the toolbar's links, the
nonce of the <style> element) stays in the page's own template.
"""

import json
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core import generated as files

from .build import build_paper
from .generated import paper_scope
from .html import paper_context

KIND = "committee-paper.page"


@dataclass(frozen=True)
class PaperPage:
    round_label: str
    plan_title: str
    page_css: SafeString
    badge_css: SafeString
    body: SafeString


def paper_page(progress_round, *, author: str) -> PaperPage:
    """The paper's parts of the report page as they stand now, rendered only if something shown may have changed."""
    scope = paper_scope(progress_round, KIND, author=author)
    found, version = files.unchanged_file(kind=KIND, scope=scope)
    if found is not None:
        return _page(json.loads(bytes(found.content)))
    parts = _render(build_paper(progress_round=progress_round, author=author))
    if version is not None:  # else nobody could find it again (see core.generated.unchanged_file)
        content = json.dumps(parts, sort_keys=True)
        kept = files.keep(
            kind=KIND,
            key=files.content_key(content),
            source_label=f"round {progress_round.pk}",
            content=content.encode("utf-8"),
        )
        files.remember(scope=scope, version=version, key=kept.key)
    return _page(parts)


def _page(parts: dict) -> PaperPage:
    # Safe: our own templates rendered them, escaping every typed text.
    return PaperPage(
        round_label=parts["round_label"],
        plan_title=parts["plan_title"],
        page_css=mark_safe(parts["page_css"]),
        badge_css=mark_safe(parts["badge_css"]),
        body=mark_safe(parts["body"]),
    )


def _render(paper) -> dict:
    context = paper_context(paper)
    return {
        "round_label": paper.round_label,
        "plan_title": paper.plan_title,
        "page_css": str(context["page_css"]),
        "badge_css": str(context["badge_css"]),
        "body": render_to_string("objectives/_report_body.html", context),
    }
