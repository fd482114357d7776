"""Gap reports as pandas DataFrames (pandas is imported here, never on the lint path)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..case.models import Case
from .gaps import AREAS, ROW_COLUMNS, GapReport, build_gap_report

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TIER_ORDER: tuple[str, ...] = ("core", "key", "ordinary")
SUMMARY_COLUMNS: tuple[str, ...] = ("tier", "area", "clients", "rows", "gaps", "gap_rate", "mean_score",
                                    "clients_at_risk")


def as_report(case: Case | GapReport | str | Path, **kwargs: Any) -> GapReport:
    """A :class:`GapReport` from a report, a loaded case, or a case folder path."""
    if isinstance(case, GapReport):
        return case
    if not isinstance(case, Case):
        from ..case.load import load_case

        case = load_case(case)
    return build_gap_report(case, **kwargs)


def gap_report(case: Case | GapReport | str | Path, **kwargs: Any) -> "pd.DataFrame":
    """One row per client x area x dimension.

    Columns, in order: ``client_id``, ``client_name``, ``tier``, ``area`` (matrix, formula, checklist,
    timing, channel, followup), ``dimension``, ``status``, ``score`` (0-1), ``finding_codes`` (a list of
    rule codes), ``evidence`` (text), ``fix`` (text or None). ``area`` is an ordered categorical, so
    sorting and grouping keep the report's order. Keyword arguments go to
    :func:`~transparency.report.gaps.build_gap_report` (``evaluator``, ``ruleset``, ``language``,
    ``progress``, ``backend``).
    """
    import pandas as pd

    report = as_report(case, **kwargs)
    frame = pd.DataFrame([r.as_dict() for r in report.rows], columns=list(ROW_COLUMNS))
    frame["area"] = pd.Categorical(frame["area"], categories=list(AREAS), ordered=True)
    frame["score"] = frame["score"].astype(float)
    frame.attrs["company"] = report.case.closure.company
    return frame


def clients_frame(case: Case | GapReport | str | Path, **kwargs: Any) -> "pd.DataFrame":
    """One row per client: ``client_id``, ``client_name``, ``tier``, ``remote``, ``score`` (0-100),
    ``at_risk``, ``gaps`` (rows that are not ok/concrete), ``hours_to_first_contact`` (NaN when nothing
    was sent) and ``letter`` (the judged letter's path)."""
    import pandas as pd

    report = as_report(case, **kwargs)
    gaps: dict[str, int] = {}
    for r in report.rows:
        gaps[r.client_id] = gaps.get(r.client_id, 0) + int(r.gap)
    return pd.DataFrame([{"client_id": c.client_id, "client_name": c.client_name, "tier": c.tier,
                          "remote": c.remote, "score": c.score, "at_risk": c.at_risk,
                          "gaps": gaps.get(c.client_id, 0),
                          "hours_to_first_contact": c.hours_to_first_contact,
                          "letter": (c.letter or {}).get("path")}
                         for c in report.clients])


def portfolio_summary(case: Case | GapReport | str | Path, **kwargs: Any) -> "pd.DataFrame":
    """Per tier and per area: ``clients``, ``rows``, ``gaps`` (rows not ok/concrete), ``gap_rate``,
    ``mean_score`` (mean row score, 0-1) and ``clients_at_risk`` (clients of the tier with a gap in the
    area who are at risk overall: score below 60 or a missing/violating timing or channel row). A tier
    ``all`` row per area sums the tiers."""
    import pandas as pd

    report = as_report(case, **kwargs)
    at_risk = {c.client_id for c in report.clients if c.at_risk}
    records = []
    tiers = [t for t in TIER_ORDER if any(c.tier == t for c in report.clients)] + ["all"]
    for tier in tiers:
        for area in AREAS:
            rows = [r for r in report.rows if r.area == area and (tier == "all" or r.tier == tier)]
            if not rows:
                continue
            gap_clients = {r.client_id for r in rows if r.gap}
            records.append({
                "tier": tier, "area": area, "clients": len({r.client_id for r in rows}), "rows": len(rows),
                "gaps": sum(r.gap for r in rows), "gap_rate": round(sum(r.gap for r in rows) / len(rows), 4),
                "mean_score": round(sum(r.score for r in rows) / len(rows), 4),
                "clients_at_risk": len(gap_clients & at_risk)})
    return pd.DataFrame(records, columns=list(SUMMARY_COLUMNS))


def heatmap_frame(case: Case | GapReport | str | Path, **kwargs: Any) -> "pd.DataFrame":
    """Clients x ``area:dimension`` with the status in each cell (the heatmap's data)."""
    frame = gap_report(case, **kwargs)
    frame["column"] = frame["area"].astype(str) + ":" + frame["dimension"]
    order = list(dict.fromkeys(frame.sort_values("area", kind="stable")["column"]))
    pivot = frame.pivot_table(index=["client_id", "client_name", "tier"], columns="column", values="status",
                              aggfunc="first", sort=False)
    return pivot.reindex(columns=order)
