"""The paper as a PDF: laid out by Typst (objectives/paper/typst/paper.typ) on A4 landscape, tagged PDF/UA-1.

The data comes from objectives.paper.typst_data; each registered later section brings its own template. The entry
source is built here from those templates' paths alone (never from typed text), which are checked to be plain paths.
"""

import re

from core.typst_pdf import compile_pdf

from . import sections
from .snapshot import Paper
from .typst_data import paper_data

PAPER_TEMPLATE = "/objectives/paper/typst/paper.typ"
# A template's path as Typst reads it from the project's folder: nothing that could end the string in the source.
_PLAIN_PATH = re.compile(r"(/[A-Za-z0-9_.-]+)+\.typ")


class UnsafeTemplatePath(ValueError):
    pass


def entry_source(templates: list[str]) -> str:
    """The Typst source that imports the paper's layout and each section's template and lays the data out."""
    for path in templates:
        if not _PLAIN_PATH.fullmatch(path) or ".." in path:
            raise UnsafeTemplatePath(f"A committee paper section's Typst template must be a plain path, not {path!r}.")
    imports = "".join(f'#import "{path}" as section{number}\n' for number, path in enumerate(templates))
    renderers = "".join(f"section{number}.section, " for number in range(len(templates)))
    return (
        f'#import "{PAPER_TEMPLATE}": paper\n'
        f"{imports}"
        "#let data = json(bytes(sys.inputs.data))\n"
        f"#paper(data, renderers: ({renderers}))\n"
    )


def render_pdf(paper: Paper) -> bytes:
    """The paper as a tagged PDF's bytes; the same paper always gives the same bytes."""
    templates = sections.typst_templates()
    drawn = [sections.typst_section(section, templates) for section in paper.sections]
    return compile_pdf(entry_source(templates), paper_data(paper, drawn), made_on=paper.produced_on)
