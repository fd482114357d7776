"""Per-client process assessment: timing, channels and follow-up, as statuses and as engine facts.

For one client of a case this module computes, in plain Python and from the tables in ``matrices/``:

* the statuses the gap report shows (timing: ok / late / missing; channel: ok / insufficient /
  missing; follow-up: ok / insufficient / missing, and ``violation`` for a pay-out the liquidation
  rules forbid), each with a score in [0, 1] and a sentence of evidence; and
* the facts the process rules (``rules/process.yaml``, ``target: case``) are evaluated on: one
  ``client`` marker and ``communication``, ``followup``, ``payout``, ``requirement`` and
  ``liquidation`` facts.

Both come from the same computation, so a row is not ``ok`` exactly when a rule of its row fired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from .models import Case, Client, Communication, FollowUp
from .plans import ChannelTable, FollowupPlan, channel_table, followup_plan

Fact = dict[str, str | int | float | bool]

FIRST_CONTACT_HOURS = 24.0      # TL-24H-01: the "golden 24 hours" (seed, 及时沟通)
SITUATION_LETTER_HOURS = 72.0   # seed, 信息透明: 《停业情况说明函》 within 3 days of the decision
CREDITOR_NOTICE_DAYS = 10       # 《公司法》(2023)第235条: notify creditors within 10 days of forming the 清算组
LIQUIDATION_GROUP_DAYS = 15     # 《公司法》(2023)第232条: 清算组 within 15 days of the dissolution cause
CLAIMS_PERIOD_NOTIFIED = 30     # 《公司法》第235条: declare claims within 30 days of receiving the notice
CLAIMS_PERIOD_ANNOUNCED = 45    # ... or 45 days from the announcement for creditors not notified

# Row scores for the non-fractional statuses (documented in docs/report.md).
STATUS_SCORE: dict[str, float] = {"ok": 1.0, "late": 0.5, "missing": 0.0, "violation": 0.0}


@dataclass
class ProcessRow:
    """One gap-report row of the timing, channel or follow-up area for one client."""

    area: str
    dimension: str
    status: str
    score: float
    evidence: str


@dataclass
class ClientProcess:
    """The process assessment of one client: rows for the report, facts for the rules."""

    client: Client
    rows: list[ProcessRow]
    facts: list[Fact]
    described: dict[int, str] = field(default_factory=dict)  # fact id -> where it comes from

    def row(self, area: str, dimension: str) -> ProcessRow:
        """The row of ``area`` / ``dimension`` (KeyError when the case has no such row)."""
        for r in self.rows:
            if r.area == area and r.dimension == dimension:
                return r
        raise KeyError((area, dimension))


def _t(language: str, en: str, zh: str) -> str:
    return zh if language == "zh" else en


def _hours(a: datetime, b: datetime) -> float:
    return round((b - a).total_seconds() / 3600.0, 2)


def _day(case: Case, d: date) -> int:
    # Day 1 is the closure date (the first day of the 100-day plan).
    return (d - case.closure.closure_date).days + 1


def _fmt_hours(h: float) -> str:
    return f"{h:g}"


def claims_period_end(case: Case, comms: list[Communication]) -> tuple[datetime | None, str]:
    """When a client's claim-declaration period ends in a dissolution, and how that was found.

    30 days from the individual written notice (taken as received when sent), else 45 days from the
    public announcement; None when neither is known (then every pay-out after the resolution counts
    as inside the period: the safe reading of 《公司法》第235条第3款).
    """
    written = [c for c in comms if c.written]
    if written:
        return written[0].sent_at + timedelta(days=CLAIMS_PERIOD_NOTIFIED), "notice"
    if case.closure.creditor_announcement_at is not None:
        return case.closure.creditor_announcement_at + timedelta(days=CLAIMS_PERIOD_ANNOUNCED), "announcement"
    return None, "unknown"


def assess_client(case: Case, client: Client, *, language: str = "en",
                  channels: ChannelTable | None = None, plan: FollowupPlan | None = None) -> ClientProcess:
    """Statuses and rule facts for one client of ``case`` (evidence sentences in ``language``)."""
    channels = channels or channel_table()
    plan = plan or followup_plan()
    closure = case.closure
    board = closure.board_resolution_at
    disclosure = closure.public_disclosure_at
    comms = case.communications_of(client.client_id)
    followups = case.followups_of(client.client_id)
    L = language
    rows: list[ProcessRow] = []
    facts: list[Fact] = []
    described: dict[int, str] = {}

    def add(fact: Fact, where: str) -> None:
        fact["id"] = len(facts) + 1
        facts.append(fact)
        described[int(fact["id"])] = where

    # -- communications ------------------------------------------------------------------------------
    first_written = next((c for c in comms if c.written), None)
    for c in comms:
        add({"fact": "communication", "channel": c.channel, "kind": c.kind, "lead_role": c.lead_role,
             "hours_after_resolution": _hours(board, c.sent_at),
             "before_disclosure": disclosure is None or c.sent_at < disclosure,
             "written": c.written, "first_written": c is first_written,
             "explains_delay": bool(c.explains_delay)}, f"communications.csv row {c.row}")

    # -- timing: first contact -----------------------------------------------------------------------
    if not comms:
        rows.append(ProcessRow("timing", "first_contact", "missing", 0.0,
                               _t(L, "nothing was sent to this client", "未向该客户发送任何沟通")))
    else:
        first = comms[0]
        h = _hours(board, first.sent_at)
        in_time = h <= FIRST_CONTACT_HOURS
        before = disclosure is None or first.sent_at < disclosure
        via = channels.channel_label(first.channel, L)
        parts = [_t(L, f"first contact ({via}) {_fmt_hours(h)} h after the board resolution",
                    f"首次沟通（{via}）在董事会决议后{_fmt_hours(h)}小时")]
        if not before:
            parts.append(_t(L, f"after the news became public ({disclosure.isoformat()})",
                            f"晚于消息公开（{disclosure.isoformat()}）"))  # type: ignore[union-attr]
        if not in_time and first_written is not None and not first_written.explains_delay:
            parts.append(_t(L, "the first written notice does not say why it is late",
                            "首份书面通知未说明迟发原因"))
        status = "ok" if in_time and before else "late"
        rows.append(ProcessRow("timing", "first_contact", status, STATUS_SCORE[status], "; ".join(parts)))

    # -- timing: the full situation letter within 3 days ---------------------------------------------
    letters = [c for c in comms if c.kind == "letter" and c.written]
    if not letters:
        rows.append(ProcessRow("timing", "situation_letter", "missing", 0.0,
                               _t(L, "no situation letter in writing", "没有书面《停业情况说明函》")))
    else:
        h = _hours(board, letters[0].sent_at)
        status = "ok" if h <= SITUATION_LETTER_HOURS else "late"
        rows.append(ProcessRow("timing", "situation_letter", status, STATUS_SCORE[status],
                               _t(L, f"situation letter {_fmt_hours(h)} h after the board resolution (limit 72 h)",
                                  f"情况说明函在决议后{_fmt_hours(h)}小时发出（时限72小时）")))

    # -- timing: the statutory liquidation clock (dissolution only) -----------------------------------
    written = [c for c in comms if c.written]
    if closure.legal_status == "dissolution":
        liq: Fact = {"fact": "liquidation"}
        group_at = closure.liquidation_group_formed_at
        if group_at is None:
            rows.append(ProcessRow("timing", "liquidation_group", "missing", 0.0, _t(
                L, "closure.yaml gives no liquidation_group_formed_at (清算组 within 15 days, 公司法第232条)",
                "closure.yaml 未给出清算组成立时间（应在15日内成立，公司法第232条）")))
        else:
            days = round((group_at - board).total_seconds() / 86400.0, 2)
            liq["group_formed_days"] = days
            status = "ok" if days <= LIQUIDATION_GROUP_DAYS else "late"
            rows.append(ProcessRow("timing", "liquidation_group", status, STATUS_SCORE[status], _t(
                L, f"liquidation group formed {days:g} days after the resolution (limit 15)",
                f"清算组在决议后{days:g}日成立（时限15日）")))
        anchor = group_at or board
        if not written:
            rows.append(ProcessRow("timing", "creditor_notice", "missing", 0.0, _t(
                L, "no written notice to this creditor (公司法第235条: within 10 days of the liquidation group)",
                "未书面通知该债权人（公司法第235条：清算组成立后10日内）")))
        else:
            days = round((written[0].sent_at - anchor).total_seconds() / 86400.0, 2)
            liq["creditor_notice_days"] = days
            status = "ok" if days <= CREDITOR_NOTICE_DAYS else "late"
            since = _t(L, "the liquidation group formed", "清算组成立") if group_at else _t(
                L, "the resolution (no liquidation group date given)", "决议（未给出清算组成立时间）")
            rows.append(ProcessRow("timing", "creditor_notice", status, STATUS_SCORE[status], _t(
                L, f"written notice {days:g} days after {since} (limit 10)",
                f"书面通知在{since}后{days:g}日发出（时限10日）")))
        add(liq, "closure.yaml")

    # -- channel: tier requirements, lead, writing ---------------------------------------------------
    used = {c.channel for c in comms}
    tier_label = channels.tiers[client.tier].label.in_(L)
    needed = channels.required_for(client.tier, client.remote)
    missing_req: list[str] = []
    for name in needed:
        req = channels.requirements[name]
        met = bool(used & set(req.channels))
        if not met:
            missing_req.append(req.label.in_(L))
        add({"fact": "requirement", "area": "channel", "group": "channels", "name": name, "met": met},
            f"matrices/channels.yaml: {name}")
    who = tier_label + (_t(L, ", remote", "，远程") if client.remote else "")
    if not comms:
        rows.append(ProcessRow("channel", "channels", "missing", 0.0, _t(
            L, f"no channel used; this {who} needs: {', '.join(channels.requirements[n].label.en for n in needed)}",
            f"未使用任何渠道；{who}需要：{'、'.join(channels.requirements[n].label.zh for n in needed)}")))
    elif missing_req:
        share = round((len(needed) - len(missing_req)) / len(needed), 4)
        rows.append(ProcessRow("channel", "channels", "insufficient", share, _t(
            L, f"missing for this {who}: {', '.join(missing_req)}", f"{who}缺少：{'、'.join(missing_req)}")))
    else:
        rows.append(ProcessRow("channel", "channels", "ok", 1.0, _t(
            L, f"all channels for this {who} used", f"已使用{who}要求的全部渠道")))

    lead_needed = channels.tiers[client.tier].lead
    need = channels.role_label(lead_needed, L)
    best = max((channels.rank(c.lead_role) for c in comms), default=-1)
    lead_met = best >= channels.rank(lead_needed)
    add({"fact": "requirement", "area": "channel", "group": "lead", "name": lead_needed, "met": lead_met},
        "matrices/channels.yaml: lead")
    if not comms:
        rows.append(ProcessRow("channel", "lead", "missing", 0.0, _t(
            L, f"no one contacted the client; this {tier_label} needs a {need} to lead",
            f"无人联系客户；{tier_label}需要{need}带队")))
    elif lead_met:
        rows.append(ProcessRow("channel", "lead", "ok", 1.0, _t(
            L, f"led by a {channels.role_label(channels.lead_roles[best], L)}",
            f"由{channels.role_label(channels.lead_roles[best], L)}带队")))
    else:
        rows.append(ProcessRow("channel", "lead", "insufficient", 0.5, _t(
            L, f"led by a {channels.role_label(channels.lead_roles[best], L)}; this {tier_label} needs a {need}",
            f"由{channels.role_label(channels.lead_roles[best], L)}带队；{tier_label}需要{need}带队")))

    if written:
        rows.append(ProcessRow("channel", "written", "ok", 1.0, _t(
            L, f"in writing by {channels.channel_label(written[0].channel, L)}",
            f"已通过{channels.channel_label(written[0].channel, L)}书面送达")))
    else:
        rows.append(ProcessRow("channel", "written", "missing", 0.0, _t(
            L, "nothing in writing (letter, e-mail, express mail or WeChat group)",
            "没有任何书面沟通（函件、邮件、快递或微信群）")))

    # -- follow-up -----------------------------------------------------------------------------------
    for f in followups:
        add({"fact": "followup", "kind": f.kind, "day": _day(case, f.planned_at), "done": f.done_at is not None},
            f"followup.csv row {f.row}")
    liquidating = closure.legal_status in ("dissolution", "bankruptcy")

    missing_phases: list[str] = []
    required_phases = 0
    for name, phase in plan.phases.items():
        lo, hi = phase.days
        met = any(f.kind in phase.kinds and lo <= _day(case, f.planned_at) <= hi for f in followups)
        add({"fact": "requirement", "area": "followup", "group": "phase", "name": name, "met": met},
            f"matrices/followup.yaml: phases.{name}")
        if name == "urgent" and liquidating:
            continue  # the statutory clock overrides the urgent-refund phase (STANDARDS section 8.1)
        required_phases += 1
        if not met:
            missing_phases.append(phase.label.in_(L))
    override = _t(L, " (days 1-30 not required: the liquidation rules come first)",
                  "（清算程序优先，不要求前30天紧急退款）") if liquidating else ""
    if not followups:
        rows.append(ProcessRow("followup", "plan_100_days", "missing", 0.0, _t(
            L, "no follow-up planned for this client", "未为该客户制定任何后续服务计划") + override))
    elif missing_phases:
        share = round((required_phases - len(missing_phases)) / required_phases, 4)
        rows.append(ProcessRow("followup", "plan_100_days", "insufficient", share, _t(
            L, f"no action planned for: {'; '.join(missing_phases)}",
            f"以下阶段无计划：{'；'.join(missing_phases)}") + override))
    else:
        rows.append(ProcessRow("followup", "plan_100_days", "ok", 1.0, _t(
            L, "every phase of the 100-day plan has an action", "100天计划各阶段均有安排") + override))

    missing_rv: list[str] = []
    for name, point in plan.revisits.at.items():
        met = any(f.kind == plan.revisits.kind and abs(_day(case, f.planned_at) - 1 - point.day) <= point.tolerance
                  for f in followups)
        add({"fact": "requirement", "area": "followup", "group": "revisit", "name": name, "met": met},
            f"matrices/followup.yaml: revisits.{name}")
        if not met:
            missing_rv.append(point.label.in_(L))
    rows.append(_share_row("revisits", len(plan.revisits.at), missing_rv, bool(followups), L))

    missing_three: list[str] = []
    for kind, label in plan.three_ones.items():
        met = any(f.kind == kind and _day(case, f.planned_at) >= 1 for f in followups)
        add({"fact": "requirement", "area": "followup", "group": "three_ones", "name": kind, "met": met},
            f"matrices/followup.yaml: three_ones.{kind}")
        if not met:
            missing_three.append(label.in_(L))
    rows.append(_share_row("three_ones", len(plan.three_ones), missing_three, bool(followups), L))

    if liquidating:
        rows.append(_payouts(case, client, comms, followups, plan, add, L))

    marker: Fact = {"id": 0, "fact": "client", "tier": client.tier, "remote": client.remote,
                    "legal_status": closure.legal_status, "contacted": bool(comms), "has_written": bool(written)}
    if comms:
        marker["hours_to_first_contact"] = _hours(board, comms[0].sent_at)
        marker["first_contact_before_disclosure"] = disclosure is None or comms[0].sent_at < disclosure
        marker["written_within_3_days"] = any(_hours(board, c.sent_at) <= SITUATION_LETTER_HOURS for c in letters)
    described[0] = f"clients row {client.row}"
    return ClientProcess(client=client, rows=rows, facts=[marker, *facts], described=described)


def _share_row(dimension: str, total: int, missing: list[str], any_plan: bool, L: str) -> ProcessRow:
    if not any_plan:
        return ProcessRow("followup", dimension, "missing", 0.0,
                          _t(L, "no follow-up planned for this client", "未为该客户制定任何后续服务计划"))
    if missing:
        return ProcessRow("followup", dimension, "insufficient", round((total - len(missing)) / total, 4),
                          _t(L, f"not planned: {', '.join(missing)}", f"未计划：{'、'.join(missing)}"))
    return ProcessRow("followup", dimension, "ok", 1.0, _t(L, "all planned", "均已计划"))


def _payouts(case: Case, client: Client, comms: list[Communication], followups: list[FollowUp],
             plan: FollowupPlan, add, L: str) -> ProcessRow:  # noqa: ANN001 - the local fact adder
    closure = case.closure
    board = closure.board_resolution_at
    end, basis = claims_period_end(case, comms)
    accepted = closure.bankruptcy_accepted_at or board
    bad: list[str] = []
    for f in followups:
        if f.kind not in plan.payout_kinds:
            continue
        # A date-only plan is taken at the end of its day: the conservative reading for a ban.
        at = datetime.combine(f.planned_at, datetime.max.time(), tzinfo=board.tzinfo)
        within = at >= board and (end is None or at < end)
        after_acceptance = at >= accepted
        add({"fact": "payout", "day": _day(case, f.planned_at), "within_claims_period": within,
             "after_bankruptcy_acceptance": after_acceptance}, f"followup.csv row {f.row}")
        if closure.legal_status == "dissolution" and within:
            bad.append(_t(L, f"{f.kind} on {f.planned_at} is inside the claims period",
                          f"{f.planned_at}的{f.kind}在债权申报期内"))
        elif closure.legal_status == "bankruptcy" and after_acceptance:
            bad.append(_t(L, f"{f.kind} on {f.planned_at} is an individual pay-out after the bankruptcy acceptance",
                          f"{f.planned_at}的{f.kind}属于破产受理后的个别清偿"))
    if closure.legal_status == "dissolution":
        period = {"notice": _t(L, f"claims period ends {end.date() if end else ''} (30 days from the notice)",
                               f"申报期至{end.date() if end else ''}（通知后30日）"),
                  "announcement": _t(L, f"claims period ends {end.date() if end else ''} (45 days from the announcement)",
                                     f"申报期至{end.date() if end else ''}（公告后45日）"),
                  "unknown": _t(L, "claims period not yet started (no notice, no announcement)",
                                "债权申报期尚未起算（无通知、无公告）")}[basis]
    else:
        period = _t(L, "bankruptcy: no individual pay-out after the acceptance (企业破产法第16条)",
                    "破产：受理后不得个别清偿（企业破产法第16条）")
    if bad:
        return ProcessRow("followup", "payouts", "violation", 0.0, "; ".join(bad) + "; " + period)
    return ProcessRow("followup", "payouts", "ok", 1.0, _t(L, "no forbidden individual pay-out planned; ",
                                                              "未计划违规的个别清偿；") + period)
