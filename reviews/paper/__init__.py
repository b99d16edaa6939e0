"""The committee paper's case reviews and "Child Death Overview Panel" sections.

build.py and cdop.py read the models into each section's data; the templates, word.py and the Typst templates
(reviews.typ and cdop.typ, fed by typst.py) show that data.
mscb registers both sections, in the place the committee reads them.
"""

from objectives.paper import sections

from .build import REVIEWS_KIND, build_case_reviews
from .cdop import CDOP_KIND, build_cdop
from .typst import case_reviews_data, cdop_data
from .word import write_case_reviews, write_cdop

REVIEWS_SECTION = sections.SectionType(
    kind=REVIEWS_KIND,
    build=build_case_reviews,
    template_name="reviews/_report_reviews.html",
    write_word=write_case_reviews,
    typst_template="/reviews/paper/reviews.typ",
    typst_data=case_reviews_data,
)
CDOP_SECTION = sections.SectionType(
    kind=CDOP_KIND,
    build=build_cdop,
    template_name="reviews/_report_cdop.html",
    write_word=write_cdop,
    typst_template="/reviews/paper/cdop.typ",
    typst_data=cdop_data,
)
