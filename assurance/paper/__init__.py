"""The committee paper's optional "Assurance" section: Section 11, case audits and the recommendations' counts.

build.py (with section11.py) reads the models and the register into the section's data; the template
assurance/_report_assurance.html (the page), assurance.typ (the PDF, fed by typst.py) and word.py show that
data. mscb registers the section after CDOP and before Training.
"""

from objectives.paper.sections import SectionType

from .build import KIND, build
from .typst import typst_data
from .word import write_word

SECTION = SectionType(
    kind=KIND,
    build=build,
    template_name="assurance/_report_assurance.html",
    write_word=write_word,
    typst_template="/assurance/paper/assurance.typ",
    typst_data=typst_data,
)
