"""The yearly report's pages: the plans' reports, a draft with its figures and narratives, its files, publishing."""
