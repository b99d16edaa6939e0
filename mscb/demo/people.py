"""The demo's users: invented people with example.org addresses and one shared demo password."""

from objectives import roles
from training.roles import TRAINING_ADMINS

# Long and uncommon enough for Django's password validators; printed by `load_demo`.
PASSWORD = "eastmere-demo-2025"

MANAGER = "manager"

USERS = [
    {
        "username": MANAGER,
        "first_name": "Alex",
        "last_name": "Marlowe",
        "role": "board manager",
        "group": roles.BOARD_MANAGERS,
        # Staff (given by the site admin), so the manager can keep the lists the app has no page for in the admin:
        # bank holidays, subgroups, CDOP categories, workforce figures. Users and groups are the site admin's alone.
        "is_staff": True,
    },
    {
        "username": "chair",
        "first_name": "Helen",
        "last_name": "Ashcombe",
        "role": "independent chair (reader)",
        "group": roles.READERS,
    },
    {
        "username": "police.officer",
        "first_name": "Daniel",
        "last_name": "Okonedo",
        "role": "agency officer, Eastmere Constabulary",
        "group": roles.AGENCY_CONTRIBUTORS,
        # Progress on actions this agency leads is written by this officer.
        "agency": "Police",
    },
    {
        "username": "health.officer",
        "first_name": "Fiona",
        "last_name": "Trelawney",
        "role": "agency officer, NHS Eastmere Integrated Care Board",
        "group": roles.AGENCY_CONTRIBUTORS,
        "agency": "ICB",
    },
    {
        "username": "trainer",
        "first_name": "Nadia",
        "last_name": "Holloway",
        "role": "training administrator",
        "group": TRAINING_ADMINS,
    },
]
