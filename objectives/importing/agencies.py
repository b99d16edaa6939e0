"""Finding the agency an import names, by its name or short name, ignoring case: the rule both imports share."""

from objectives.models import Agency

from .cells import quoted


class AgencyIndex:
    """The agencies by name and by short name, ignoring case; a short name two agencies share names neither."""

    def __init__(self, agencies: list[Agency]):
        self.by_name: dict[str, Agency] = {}
        self.by_short_name: dict[str, list[Agency]] = {}
        for agency in agencies:
            self.add(agency)

    def add(self, agency: Agency) -> None:
        """Know this agency too, such as one the import is about to create."""
        self.by_name[agency.name.casefold()] = agency
        if agency.short_name:
            self.by_short_name.setdefault(agency.short_name.casefold(), []).append(agency)

    def find(self, name: str) -> tuple[Agency | None, str]:
        """The agency `name` names; or None and why, when it is a short name of several ("" when it names none)."""
        key = name.strip().casefold()
        if key in self.by_name:
            return self.by_name[key], ""
        matches = self.by_short_name.get(key, [])
        if len(matches) == 1:
            return matches[0], ""
        if matches:
            names = ", ".join(agency.name for agency in matches)
            return None, f"{quoted(name.strip())} is the short name of {names}; write the full name."
        return None, ""
