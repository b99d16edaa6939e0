"""Parts of the committee paper after the objectives table (case reviews, CDOP, training).

Each app describes its own as a SectionType; mscb registers them in the order the committee reads them
(see mscb/apps.py), so objectives never imports them and no app names another:

    SECTION = SectionType(kind="minutes", build=..., template_name="minutes/_report_section.html",
                          write_word=..., typst_template="/minutes/paper/minutes.typ", typst_data=...)

`build(plan=, progress_round=)` returns a PaperSection whose `data` is JSON-ready, or None when the
section has nothing to say; the HTML includes `template_name` with `section` in its context,
`write_word(document, section)` appends the section to the Word document, and the PDF calls the
`section(data)` function of the Typst file `typst_template` (a path from the project's folder) with
`typst_data(section)`: the section's data with whatever its HTML template works out, worked out in Python.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .snapshot import PaperSection

# A section whose kind is no longer registered (say, in an old publication) still shows its title.
FALLBACK_TEMPLATE = "objectives/_paper_section.html"


@dataclass(frozen=True)
class SectionType:
    kind: str
    build: Callable[..., PaperSection | None]
    template_name: str
    write_word: Callable[..., None]
    typst_template: str = ""
    typst_data: Callable[[PaperSection], dict] | None = None


_REGISTERED: dict[str, SectionType] = {}


def register(section_type: SectionType) -> None:
    """Add a section to every committee paper from now on, after those registered before it."""
    _REGISTERED.pop(section_type.kind, None)
    _REGISTERED[section_type.kind] = section_type


def unregister(kind: str) -> None:
    _REGISTERED.pop(kind, None)


def build_sections(*, plan, progress_round) -> tuple[PaperSection, ...]:
    """Each registered section that has something to report for this round, in registration order."""
    built = (section_type.build(plan=plan, progress_round=progress_round) for section_type in _REGISTERED.values())
    return tuple(section for section in built if section is not None)


def template_for(section: PaperSection) -> str:
    section_type = _REGISTERED.get(section.kind)
    return section_type.template_name if section_type else FALLBACK_TEMPLATE


def word_writer_for(section: PaperSection) -> Callable[..., None] | None:
    section_type = _REGISTERED.get(section.kind)
    return section_type.write_word if section_type else None


def typst_templates() -> list[str]:
    """Each registered section's Typst template, in registration order; the PDF's entry imports them all."""
    return [section_type.typst_template for section_type in _REGISTERED.values() if section_type.typst_template]


def typst_section(section: PaperSection, templates: list[str]) -> dict:
    """A section as the PDF draws it: which of `templates` lays it out (-1 for none: its title alone, as the HTML's
    fallback prints it) and its data."""
    section_type = _REGISTERED.get(section.kind)
    if section_type is None or section_type.typst_template not in templates or section_type.typst_data is None:
        return {"template": -1, "title": section.title}
    return {"template": templates.index(section_type.typst_template), **section_type.typst_data(section)}


def registered_kinds() -> tuple[str, ...]:
    """The kinds of section a paper made now has room for, in order (part of what a stored paper depends on)."""
    return tuple(_REGISTERED)
