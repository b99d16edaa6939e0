"""What a run found: one table per section (with the load average when it was timed) and the named figures the
summary judges; written as JSON for the closing note."""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Section:
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    # The one-minute load average when the section started; None where nothing was timed.
    load: float | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Results:
    sections: list[Section] = field(default_factory=list)
    figures: dict[str, float | bool] = field(default_factory=dict)
    # The load average beside each figure, printed when --anyway timed a busy machine.
    figure_loads: dict[str, float] = field(default_factory=dict)

    def section(self, title: str, columns: list[str], *, load: float | None = None) -> Section:
        found = Section(title, columns, load=load)
        self.sections.append(found)
        return found

    def figure(self, name: str, value: float | bool, *, load: float | None = None) -> None:
        self.figures[name] = value
        if load is not None:
            self.figure_loads[name] = load

    def write(self, summary: list[dict], path: Path = RESULTS / "latest.json") -> Path:
        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps({**asdict(self), "summary": summary}, indent=2, default=str))
        return path
