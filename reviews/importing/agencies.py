"""Finding the agencies a cell names, with a message for each name that is not one (a review import adds none)."""

import difflib

from objectives.importing.agencies import AgencyIndex
from objectives.importing.cells import quoted
from objectives.models import Agency


class AgencyNames(AgencyIndex):
    """Finds agencies by name or short name, ignoring case, as the plan import does."""

    def __init__(self, agencies: list[Agency]):
        super().__init__(agencies)
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
        agency, problem = self.find(name)
        if agency is not None or problem:
            return agency, problem
        close = difflib.get_close_matches(name.strip(), self.known, n=1, cutoff=0.75)
        hint = f" Did you mean {close[0]}?" if close else ""
        return None, (
            f"{quoted(name.strip())} is not an agency’s name or short name.{hint} "
            "Check the spelling, or add the agency before importing."
        )
