"""The columns of a plan file, in the order the export writes them; the import takes them in any order."""

COLUMNS = (
    "aim",
    "aim_title",
    "objective",
    "objective_title",
    "action",
    "action_text",
    "lead_agency",
    "target_date",
    "progress_date",
    "progress",
    "impact",
    "rag",
)
OPTIONAL_COLUMNS = ("impact",)
REQUIRED_COLUMNS = tuple(column for column in COLUMNS if column not in OPTIONAL_COLUMNS)
