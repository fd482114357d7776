"""The bundled example case (examples/case) loads, spans the tiers, and shows the gaps its README
describes."""

from __future__ import annotations

import csv
from pathlib import Path

from transparency.case import load_case
from transparency.case.process import assess_client

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "case"


def _status(case, client_id, area, dimension):
    return assess_client(case, case.client(client_id)).row(area, dimension).status


def test_the_example_case_is_realistic_and_valid():
    case = load_case(EXAMPLE)
    tiers = [c.tier for c in case.clients]
    assert len(case.clients) >= 12
    assert {"core", "key", "ordinary"} <= set(tiers)
    assert sum(c.remote for c in case.clients) >= 2
    assert case.client("C03").tier_source == "industry_chain"
    kinds = {c.kind for c in case.communications}
    assert {"letter", "faq", "meeting_script"} <= kinds
    assert case.checklist_path is not None and case.followups
    with case.checklist_path.open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == ["客户编号", "客户名称", "事项"]


def test_the_example_case_shows_good_and_bad_practice():
    case = load_case(EXAMPLE)
    assert _status(case, "C01", "timing", "first_contact") == "ok"
    assert _status(case, "C01", "channel", "channels") == "ok"
    assert _status(case, "C02", "channel", "channels") == "ok"          # remote, all three remote channels
    assert _status(case, "C03", "timing", "first_contact") == "late"
    assert _status(case, "K02", "timing", "first_contact") == "late"    # after the news broke
    assert _status(case, "P03", "timing", "first_contact") == "missing"
    assert _status(case, "P06", "channel", "written") == "missing"      # a phone call only
    assert _status(case, "C01", "followup", "plan_100_days") == "ok"
    assert _status(case, "K02", "followup", "plan_100_days") == "missing"
