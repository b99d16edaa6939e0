"""The load-average guard: no figure is timed on a busy machine unless asked, and then it says so."""

import os


class BusyMachine(RuntimeError):
    pass


class LoadGuard:
    def __init__(self, *, threshold: float = 1.5, anyway: bool = False, read=os.getloadavg):
        self.threshold, self.anyway, self._read = threshold, anyway, read

    def check(self, section: str) -> float:
        """The one-minute load average before a timed section; refuses above the threshold unless --anyway."""
        load = self._read()[0]
        if load > self.threshold and not self.anyway:
            raise BusyMachine(refusal(section, load, self.threshold))
        return load


def refusal(section: str, load: float, threshold: float) -> str:
    return (
        f"Not timing {section}: the load average is {load:.2f}, above {threshold:.2f}, so the figures would be "
        "the other work's. Wait for a quiet machine, raise --max-load, or pass --anyway to time it regardless "
        "(the load average is then printed beside each figure)."
    )
