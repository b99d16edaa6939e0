"""The at-a-glance summary and exceptions in the Word file, before the plan table."""


def write_glance(document, paper) -> None:
    """Append the paper's at-a-glance summary and exceptions."""
