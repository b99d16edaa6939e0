"""What may be done with the budget, as permission lists; mscb says which roles get them.

Everyone who reads the plan reads the budget, as the yearly report publishes it; only board managers record it.
"""

_RECORDS = ["partnercontribution", "spendline"]
VIEW = [f"budget.view_{model}" for model in _RECORDS]
MANAGE = [f"budget.{verb}_{model}" for model in _RECORDS for verb in ("add", "change", "delete")]
