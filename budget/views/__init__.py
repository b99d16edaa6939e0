"""The budget's pages: pages.py reads, contributions.py and spend_lines.py are the board manager's editing."""
