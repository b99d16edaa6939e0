"""Committee papers built by hand, for the renderers' tests: long enough to run over several pages."""

from datetime import date

from objectives.paper.snapshot import ChangeSummary, Paper, PaperAim, PaperObjective, PaperRow

ROUND_LABEL = "Progress report December 2025"
COLUMN_HEADER = f"Ref Action {ROUND_LABEL}"


def progress_text(ref: str) -> str:
    """Three paragraphs and two bullets, each sentence naming its action so a text found is the right one."""
    return (
        f"Work on action {ref} moved on this quarter. The subgroup met twice and agreed the next steps "
        f"with every partner agency.\n\n"
        f"- audit {ref} found 18 of 20 cases with the child's voice recorded\n"
        f"- the re-audit of {ref} is booked for March\n\n"
        f"Repeat referrals for action {ref} fell from 24% to 17% over the year, and the board will see the "
        f"figures again in June."
    )


def row(ref: str, **fields) -> PaperRow:
    values = {
        "action_id": int(ref.replace(".", "")),
        "ref": ref,
        "text": f"Action {ref}: extend the multi-agency quality assurance framework to early help",
        "lead_agencies": ("Eastmere Constabulary", "NHS Eastmere"),
        "target": "March 2026",
        "status": "",
        "rag": "amber",
        "rag_label": "Amber",
        "progress": progress_text(ref),
        "impact": f"Evidence for {ref}: 40 practitioners trained.",
        "earlier_round": "",
        "changes": (),
    }
    return PaperRow(**{**values, **fields})


def long_paper(**fields) -> Paper:
    """Two aims, four objectives and 24 actions (refs up to 1.1.10, so natural order shows)."""
    objectives = {
        1: [("1.1", 10), ("1.2", 6)],
        2: [("2.1", 5), ("2.2", 3)],
    }
    aims = tuple(
        PaperAim(
            number=number,
            title=f"Aim title {number}",
            objectives=tuple(
                PaperObjective(
                    ref=ref,
                    title=f"Objective {ref} title",
                    rows=tuple(row(f"{ref}.{index}") for index in range(1, count + 1)),
                )
                for ref, count in objectives[number]
            ),
        )
        for number in (1, 2)
    )
    values = {
        "board_name": "Eastmere Safeguarding Children Partnership",
        "committee_name": "Children's Scrutiny Committee",
        "plan_title": "2025/26",
        "round_label": ROUND_LABEL,
        "as_of": date(2025, 12, 31),
        "produced_on": date(2026, 1, 15),
        "author": "Alex Marlowe",
        "aims": aims,
    }
    return Paper(**{**values, **fields})


def changed_paper() -> Paper:
    """A short paper whose rows carry change marks and whose cover summarises them."""
    rows = (
        row("1.1.1", changes=("New action",)),
        row("1.1.2", changes=("RAG changed from Amber to Green", "New progress"), rag="green", rag_label="Green"),
        row("1.1.3"),
    )
    aims = (PaperAim(1, "Aim title 1", (PaperObjective("1.1", "Objective 1.1 title", rows),)),)
    summary = ChangeSummary(since=date(2025, 10, 3), new_actions=1, rag_changes=1, new_progress=1)
    return long_paper(aims=aims, changes=summary)
