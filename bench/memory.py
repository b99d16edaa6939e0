"""The resident memory of each gunicorn worker after the run, read from /proc."""

from pathlib import Path

from .results import Results


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def record_memory(results: Results, masters: dict[str, int]) -> None:
    section = results.section("Memory after the run (resident, MB)", ["process", "pid", "MB"])
    for name, master in masters.items():
        section.rows.append([f"{name} master", master, rss_mb(master)])
        for number, worker in enumerate(children(master), start=1):
            section.rows.append([f"{name} worker {number}", worker, rss_mb(worker)])
