"""The raw-SQL floor of the committee report: one query for the rows the report shows, joined into an HTML table.

The rows: each action of the plan (not deleted, nor under a deleted objective or aim) with its objective and aim,
and its latest accepted update from this round or an earlier one of the same plan, in the report's order. The
same SQL runs on PostgreSQL and SQLite (a window function filtered in the join), so a test can prove it returns
what the report selector returns.
"""

from html import escape

# Parameters, in order: the plan, the round, the plan.
FLOOR_SQL = """
SELECT action.id, action.ref, action.text, objective.ref, objective.title, aim.number, aim.title,
       latest.id, latest.progress, latest.impact, latest.rag, latest.as_of
FROM objectives_action action
JOIN objectives_objective objective ON objective.id = action.objective_id
JOIN objectives_aim aim ON aim.id = objective.aim_id
LEFT JOIN (
    SELECT progress.id, progress.action_id, progress.progress, progress.impact, progress.rag, round.as_of,
           ROW_NUMBER() OVER (PARTITION BY progress.action_id ORDER BY round.as_of DESC) AS position
    FROM objectives_progressupdate progress
    JOIN objectives_progressround round ON round.id = progress.round_id
    WHERE progress.state = 'accepted' AND round.plan_id = %s
      AND round.as_of <= (SELECT as_of FROM objectives_progressround WHERE id = %s)
) latest ON latest.action_id = action.id AND latest.position = 1
WHERE aim.plan_id = %s AND NOT action.is_deleted AND NOT objective.is_deleted AND NOT aim.is_deleted
ORDER BY aim.sort_key, objective.sort_key, action.sort_key
"""


def fetch(cursor, *, plan_id: int, round_id: int) -> list[tuple]:
    cursor.execute(FLOOR_SQL, [plan_id, round_id, plan_id])
    return cursor.fetchall()


def _paragraphs(text: str | None) -> str:
    return "".join(f"<p>{escape(part)}</p>" for part in (text or "No update").split("\n\n"))


def render(rows: list[tuple]) -> str:
    """The rows as one table, an aim's and an objective's heading where they change; text escaped, never cut."""
    out, aim, objective = ["<!doctype html><title>Floor</title><table>"], None, None
    for _, ref, text, objective_ref, objective_title, aim_number, aim_title, _, progress, impact, rag, _ in rows:
        if aim_number != aim:
            aim = aim_number
            out.append(f'<tr><th colspan="3">Aim {escape(aim_number)}: {escape(aim_title)}</th></tr>')
        if objective_ref != objective:
            objective = objective_ref
            out.append(f'<tr><th colspan="3">{escape(objective_ref)} {escape(objective_title)}</th></tr>')
        out.append(
            f"<tr><td>{escape(ref)}</td><td>{escape(text)}</td><td>{_paragraphs(progress)}"
            f"{_paragraphs(impact) if impact else ''}<p>{escape(rag or '')}</p></td></tr>"
        )
    out.append("</table>")
    return "".join(out)
