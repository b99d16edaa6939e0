"""Stub: replaced by the report sections."""


def register_paper_sections() -> None:
    pass
