"""Committee papers: the progress report as plain data (a `Paper`), kept as a JSON snapshot when
published, compared with the previous publication, and rendered to HTML, PDF and Word.

Every renderer reads a `Paper`, never the live models, so a published snapshot renders the same paper
again. The round's covering report comes first (`covering.py`); sections beyond the objectives table (case
reviews, CDOP, training) join through `sections.py`.
"""
