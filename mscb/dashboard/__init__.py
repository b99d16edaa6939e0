"""The dashboard: a plan's ratings per aim, objective and lead agency for a round, their movement since the round
before, the exceptions, and trend panels (the plan's ratings across its rounds) with charts, tables and summaries.

`forms.py` reads the filters, `selectors.py` gathers the figures, `movement.py` says whether a rating got better,
`trends.py` draws the trend panels, `views.py` puts them on the page.
"""
