"""The home page at `/`: one panel per role the person holds, each reading its lists in a fixed number of queries.

panels.py says which panels a person sees; attention.py (the board manager), contributor.py, overview.py (the
chair and readers) and sessions.py (the training administrator) read each panel's lists; views.py draws them.
"""
