"""What may be done with case reviews and CDOP, as permission lists; mscb says which roles get them.

Agency contributors write progress on review and CDOP actions through the plan's own permissions.
Nobody but a superuser deletes a review, a recommendation or a CDOP year: their actions are the plan's
own, and deleting the record would leave those actions and their progress behind with nothing to say
where they came from. The lookup tables (subgroups, CDOP categories, bank holidays) are the manager's
to keep up; the database refuses to delete a row still in use.
"""

_RECORDS = ["review", "recommendation", "cdopyear", "cdopfigure"]
_LOOKUPS = ["subgroup", "cdopcategory", "bankholiday"]
VIEW = [f"reviews.view_{model}" for model in _RECORDS]
MANAGE = [
    *(f"reviews.{verb}_{model}" for model in _RECORDS for verb in ("add", "change")),
    "reviews.delete_cdopfigure",
    *(f"reviews.{verb}_{model}" for model in _LOOKUPS for verb in ("view", "add", "change", "delete")),
]
