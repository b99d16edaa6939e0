"""Finding the agencies a cell names, by name or short name, with a message for each name that is not one."""

import difflib

from objectives.importing.cells import quoted
from objectives.models import Agency


class AgencyNames:
    """Finds agencies by name or short name, ignoring case, as the plan import does."""

    def __init__(self, agencies: list[Agency]):
        self.by_name = {agency.name.casefold(): agency for agency in agencies}
        self.by_short_name: dict[str, list[Agency]] = {}
        for agency in agencies:
            if agency.short_name:
                self.by_short_name.setdefault(agency.short_name.casefold(), []).append(agency)
        self.known = [agency.name for agency in agencies] + [
            agency.short_name for agency in agencies if agency.short_name
        ]

    def read(self, text: str) -> tuple[list[Agency], list[str]]:
        """The agencies a cell names, between ";" or ","; and a problem for each name that is not an agency."""
        found: dict[int, Agency] = {}
        problems = []
        for part in text.split(";"):
            # A name may hold a comma ("Fenbridge Council, Children's Services"), so try the whole part first.
            names = [part] if self._find(part)[0] or "," not in part else part.split(",")
            for name in (name.strip() for name in names):
                if not name:
                    continue
                agency, problem = self._find(name)
                if agency:
                    found.setdefault(agency.pk, agency)
                else:
                    problems.append(problem)
        return list(found.values()), problems

    def _find(self, name: str) -> tuple[Agency | None, str]:
        key = name.strip().casefold()
        if key in self.by_name:
            return self.by_name[key], ""
        matches = self.by_short_name.get(key, [])
        if len(matches) == 1:
            return matches[0], ""
        if matches:
            names = ", ".join(agency.name for agency in matches)
            return None, f"{quoted(name.strip())} is the short name of {names}; write the full name."
        close = difflib.get_close_matches(name.strip(), self.known, n=1, cutoff=0.75)
        hint = f" Did you mean {close[0]}?" if close else ""
        return None, (
            f"{quoted(name.strip())} is not an agency’s name or short name.{hint} "
            "Check the spelling, or add the agency before importing."
        )
