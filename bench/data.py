"""The bench's data: a board with agencies and people in each role, and plans of 5, 200 and 1,000 actions.

Each plan has ten closed rounds in which every action has accepted progress of about 1,000 characters, and an
open eleventh round in which the agency officers save progress during the load test. Written with bulk_create
(no history rows, as nobody edited anything), deterministic for a seed.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, transaction

from objectives import roles
from objectives.models import Action, Agency, Aim, BusinessPlan, Objective, ProgressRound, ProgressUpdate
from objectives.refs import natural_sort_key

from . import words

SIZES = (5, 200, 1000)
ROUNDS = 10
AGENCIES = 25
OFFICERS = 250
ACTIONS_PER_OBJECTIVE, OBJECTIVES_PER_AIM = 10, 4
# Every bench user signs in with it; fictional accounts in a database of the bench's own.
PASSWORD = "bench-password-not-secret-2026"
MANAGER = "bench.manager"
READER = "bench.reader"
RAGS = [ProgressUpdate.Rag.GREEN, ProgressUpdate.Rag.AMBER, ProgressUpdate.Rag.RED]


@dataclass
class PlanData:
    size: int
    plan_id: int
    report_round_id: int
    open_round_id: int
    action_ids: list[int]


@dataclass
class BenchData:
    plans: dict[int, PlanData]
    # (username, the action in the load plan whose progress they save), one per agency officer.
    officers: list[tuple[str, int]] = field(default_factory=list)


def officer_name(number: int) -> str:
    return f"bench.officer.{number:03d}"


def plan_title(size: int) -> str:
    return f"Bench plan of {size} actions"


def build(*, seed=17, sizes=SIZES, rounds=ROUNDS, officers=OFFICERS, load_size=200) -> BenchData:
    """Write everything into the migrated, empty database; about a minute for the three plans."""
    call_command("sync_roles", verbosity=0)
    rng = random.Random(seed)
    with transaction.atomic():
        agencies = Agency.objects.bulk_create(
            Agency(name=f"Bench agency {number:02d}", short_name=f"BA{number:02d}") for number in range(AGENCIES)
        )
        manager = _people(agencies, officers)
        for size in sizes:
            _plan(size, rounds, agencies, manager, rng)
    return read(sizes=sizes, rounds=rounds, load_size=load_size)


def analyse() -> None:
    """Fresh planner statistics and visibility map, as autovacuum keeps them in production: without statistics
    PostgreSQL plans the bulk-written tables as empty and nested-loops the floor's (and the pages') joins; without
    the visibility map it cannot answer from an index alone (the latest accepted rating of each action)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def read(*, sizes=SIZES, rounds=ROUNDS, load_size=200) -> BenchData:
    """What build() made, found again by name (for --reuse-data)."""
    plans = {}
    for size in sizes:
        plan = BusinessPlan.objects.get(title=plan_title(size))
        in_order = list(plan.rounds.order_by("as_of"))
        action_ids = list(Action.objects.filter(plan=plan).order_by("sort_key").values_list("pk", flat=True))
        plans[size] = PlanData(size, plan.pk, in_order[rounds - 1].pk, in_order[-1].pk, action_ids)
    led = Action.lead_agencies.through.objects.filter(action__plan_id=plans[load_size].plan_id)
    by_agency: dict[str, list[int]] = {}
    for agency_name, action_id in led.order_by("action__sort_key").values_list("agency__name", "action_id"):
        by_agency.setdefault(agency_name, []).append(action_id)
    officers = []
    members = Agency.members.through.objects.filter(user__username__startswith="bench.officer.")
    for username, agency_name in members.order_by("user__username").values_list("user__username", "agency__name"):
        own = by_agency.get(agency_name)
        if own:  # in a small plan some agencies lead nothing, and their officers save nothing
            officers.append((username, own[len(officers) // AGENCIES % len(own)]))
    return BenchData(plans, officers)


def _people(agencies: list[Agency], officer_count: int):
    User = get_user_model()
    # One hash for everyone: hashing 250 passwords would take minutes and measure nothing.
    hashed = make_password(PASSWORD)
    names = [MANAGER, READER, *(officer_name(number) for number in range(officer_count))]
    users = User.objects.bulk_create(User(username=name, password=hashed, first_name=name.title()) for name in names)
    manager, reader, officers = users[0], users[1], users[2:]
    groups = {group.name: group for group in Group.objects.all()}
    roles_of = [(manager, roles.BOARD_MANAGERS), (reader, roles.READERS)]
    roles_of += [(officer, roles.AGENCY_CONTRIBUTORS) for officer in officers]
    User.groups.through.objects.bulk_create(
        User.groups.through(user=user, group=groups[role]) for user, role in roles_of
    )
    Agency.members.through.objects.bulk_create(
        Agency.members.through(agency=agencies[number % AGENCIES], user=officer)
        for number, officer in enumerate(officers)
    )
    return manager


def _plan(size: int, round_count: int, agencies: list[Agency], manager, rng: random.Random) -> None:
    plan = BusinessPlan.objects.create(title=plan_title(size), starts_on=date(2021, 4, 1), ends_on=date(2027, 3, 31))
    objective_count = math.ceil(size / ACTIONS_PER_OBJECTIVE)
    aims = Aim.objects.bulk_create(
        Aim(plan=plan, number=str(number), sort_key=natural_sort_key(str(number)), title=_aim_title(number))
        for number in range(1, math.ceil(objective_count / OBJECTIVES_PER_AIM) + 1)
    )
    objectives = Objective.objects.bulk_create(
        Objective(
            plan=plan,
            aim=aims[index // OBJECTIVES_PER_AIM],
            ref=(ref := f"{index // OBJECTIVES_PER_AIM + 1}.{index % OBJECTIVES_PER_AIM + 1}"),
            sort_key=natural_sort_key(ref),
            title=f"Objective {ref}: show how partners' work improves children's lives",
        )
        for index in range(objective_count)
    )
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            objective=(objective := objectives[index // ACTIONS_PER_OBJECTIVE]),
            ref=(ref := f"{objective.ref}.{index % ACTIONS_PER_OBJECTIVE + 1}"),
            sort_key=natural_sort_key(ref),
            text=words.action_text(rng, ref),
            target_on=date(2027, 3, 31),
            target_is_month=True,
        )
        for index in range(size)
    )
    Action.lead_agencies.through.objects.bulk_create(
        Action.lead_agencies.through(action=action, agency=agency)
        for index, action in enumerate(actions)
        for agency in {agencies[index % AGENCIES], agencies[index * 7 % AGENCIES] if index % 3 == 0 else None} - {None}
    )
    rounds = ProgressRound.objects.bulk_create(
        ProgressRound(plan=plan, as_of=_as_of(number), closed_at=_closed_at(number) if number < round_count else None)
        for number in range(round_count + 1)
    )
    accepted_at = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)
    for progress_round in rounds[:round_count]:
        ProgressUpdate.objects.bulk_create(
            (
                ProgressUpdate(
                    action=action,
                    round=progress_round,
                    progress=words.progress(rng),
                    impact=words.impact(rng),
                    rag=rng.choice(RAGS),
                    state=ProgressUpdate.State.ACCEPTED,
                    author=manager,
                    accepted_by=manager,
                    accepted_at=accepted_at,
                )
                for action in actions
            ),
            batch_size=1000,
        )


def _aim_title(number: int) -> str:
    return words.AIM_TITLES[(number - 1) % len(words.AIM_TITLES)]


def _as_of(number: int) -> date:
    """Every six months from September 2021: the tenth is March 2026, the open eleventh September 2026."""
    return date(2021 + number // 2, 9, 30) if number % 2 == 0 else date(2022 + number // 2, 3, 31)


def _closed_at(number: int) -> datetime:
    as_of = _as_of(number)
    return datetime(as_of.year, as_of.month, 28, tzinfo=UTC) + timedelta(days=30)
