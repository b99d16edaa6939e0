"""What may be done in assurance, as permission lists; mscb says which roles get them.

Contributors write their own agencies' Section 11 returns and case-audit gradings (the querysets'
`editable_by` keep them to those); board managers run cycles and audits, moderate, publish the grid and
record the board's decisions; readers read published grids, audits and the register. Nobody but a
superuser deletes a cycle, an audit, a source or a recommendation: their actions are the plan's own.
"""

_RECORDS = [
    "standard",
    "section11cycle",
    "section11return",
    "standardassessment",
    "caseaudit",
    "auditquestion",
    "auditcase",
    "auditgrading",
    "recommendationsource",
    "assurancerecommendation",
]
VIEW = [f"assurance.view_{model}" for model in _RECORDS]
CONTRIBUTE = [
    "assurance.change_section11return",
    "assurance.change_standardassessment",
    "assurance.add_auditgrading",
    "assurance.change_auditgrading",
]
MANAGE = [
    *(f"assurance.{verb}_{model}" for model in _RECORDS for verb in ("add", "change")),
    "assurance.moderate_section11return",
    "assurance.delete_auditquestion",
    "assurance.delete_auditcase",
]
