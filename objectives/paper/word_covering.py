"""The covering report in the Word file, before the at-a-glance summary and the plan table."""


def write_covering(document, paper) -> None:
    """Append the paper's covering report, when it has one."""
