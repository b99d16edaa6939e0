"""The demo's users: invented people with example.org addresses and one shared demo password."""

# Long and uncommon enough for Django's password validators; printed by `load_demo`.
PASSWORD = "eastmere-demo-2025"

MANAGER = "manager"

USERS = [
    {
        "username": MANAGER,
        "first_name": "Alex",
        "last_name": "Marlowe",
        "role": "board manager",
        # Roles and groups arrive later; until then the manager may do everything.
        "is_staff": True,
        "is_superuser": True,
    },
    {
        "username": "chair",
        "first_name": "Helen",
        "last_name": "Ashcombe",
        "role": "independent chair (reader)",
    },
    {
        "username": "police.officer",
        "first_name": "Daniel",
        "last_name": "Okonedo",
        "role": "agency officer, Eastmere Constabulary",
        # Progress on actions this agency leads is written by this officer.
        "agency": "Police",
    },
    {
        "username": "health.officer",
        "first_name": "Fiona",
        "last_name": "Trelawney",
        "role": "agency officer, NHS Eastmere Integrated Care Board",
        "agency": "ICB",
    },
]
