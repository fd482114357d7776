"""The ``checklist`` area of the gap report: the case's rights checklist (《客户权益清单》), per client.

The checklist evaluator (:func:`transparency.checklist.evaluate.evaluate_checklist`) runs the
``checklist`` rules; here its findings become one row per client and rule dimension
(responsibility, time, compensation, legal, and consistency for the rules of dimension ``checklist``):

* ``ok``: no finding of that dimension on the client's items;
* ``insufficient``: some item has one (the score is the share of items without one; a finding about
  the client as a whole counts against every item);
* ``missing``: the case has a checklist but it lists nothing for this client.

Rejected checklist rows and rows of clients the case does not know are reported in the notes, each
with its file, row and column, so nothing disappears.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..case.models import Case
    from .gaps import GapRow

# The checklist rules' dimensions; "checklist" (tier and data consistency) is shown as "consistency".
DIMENSIONS: tuple[str, ...] = ("responsibility", "time", "compensation", "legal", "checklist")
ROW_NAME: dict[str, str] = {"checklist": "consistency"}


def checklist_rows(case: "Case", language: str) -> tuple[list["GapRow"], list[str]]:
    """Rows of the checklist area and notes for the reader (nothing when the case has no checklist)."""
    if case.checklist_path is None:
        return [], []
    from ..checklist.evaluate import evaluate_checklist
    from ..models import SEVERITY_RANK
    from .gaps import GapRow

    report = evaluate_checklist(case.checklist_path, language=language)
    name = case.checklist_path.name
    notes = [f"{name}, row {r.row}" + (f", column {r.column}" if r.column else "") + f": rejected: {r.message}"
             for r in report.rejected]
    notes += [f"{name}: {w}" for w in report.warnings]
    known = {c.client_id for c in case.clients}
    items = {c.client_id: c.items for c in report.clients}
    for cid in sorted(set(items) - known):
        notes.append(f"{name}: client {cid!r} is not in the case's client table; its items are not reported")
    rows: list[GapRow] = []
    for client in case.clients:
        n = items.get(client.client_id, 0)
        mine = [f for f in report.findings if f.client_id == client.client_id]
        for rule_dim in DIMENSIONS:
            found = [f for f in mine if f.dimension == rule_dim]
            dim = ROW_NAME.get(rule_dim, rule_dim)
            if n == 0:
                what = ("the rights checklist lists nothing for this client" if language == "en"
                        else "权益清单中没有该客户的任何事项")
                rows.append(GapRow(client.client_id, client.client_name, client.tier, "checklist", dim,
                                   "missing", 0.0, [], what, None))
                continue
            if not found:
                rows.append(GapRow(client.client_id, client.client_name, client.tier, "checklist", dim,
                                   "ok", 1.0, [], f"{n} item(s) in {name}" if language == "en"
                                   else f"{name} 中 {n} 项", None))
                continue
            whole = any(f.scope == "client" for f in found)
            bad_rows = {f.row for f in found if f.scope == "item"}
            score = 0.0 if whole else round((n - min(n, len(bad_rows))) / n, 4)
            evidence = "; ".join(
                f"row {f.row}" + (f" [{f.column}]" if f.column else "") + f": {f.message}" for f in found[:3])
            if len(found) > 3:
                evidence += f"; … {len(found) - 3} more"
            worst = max((f.severity for f in found), key=SEVERITY_RANK.__getitem__)
            rows.append(GapRow(client.client_id, client.client_name, client.tier, "checklist", dim,
                               "insufficient", score, list(dict.fromkeys(f.code for f in found)), evidence,
                               next((f.fix for f in found if f.fix), None), worst))
    return rows, notes
