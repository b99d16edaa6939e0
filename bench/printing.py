"""The run's tables on the terminal: one a section, then the summary against the issue's bar."""

from .results import Results, Section


def _cell(value) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:,.2f}" if value < 10 else f"{value:,.0f}"
    return str(value)


def table(columns: list[str], rows: list[list]) -> str:
    cells = [columns, *([_cell(value) for value in row] for row in rows)]
    widths = [max(len(row[index]) for row in cells) for index in range(len(columns))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def print_section(section: Section) -> None:
    load = "" if section.load is None else f"  (load average {section.load:.2f} when it started)"
    print(f"\n{section.title}{load}\n{table(section.columns, section.rows)}", flush=True)
    for note in section.notes:
        print(f"  {note}")


def print_summary(summary: list[dict]) -> None:
    print("\nSummary against issue 17's bar")
    print(table(["Done when", "figure", "bar", "result"], [list(row.values()) for row in summary]))


def print_results(results: Results, summary: list[dict]) -> None:
    for section in results.sections:
        print_section(section)
    print_summary(summary)
