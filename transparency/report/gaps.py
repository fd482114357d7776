"""The gap report of a closure case, in plain Python (no pandas): one row per client x area x dimension.

Areas and their statuses:

* ``matrix`` (reason, time, responsibility, compensation) and ``formula`` (cause, plan, owner):
  ``concrete`` / ``vague`` / ``absent``, from the evaluation of the client's **best-scoring written
  communication** (the letter that serves the client best is the one to judge the channel by; all of
  them are evaluated, and the choice is named in the evidence).
* ``timing``: ``ok`` / ``late`` / ``missing``; ``channel``: ``ok`` / ``insufficient`` / ``missing``;
  ``followup``: ``ok`` / ``insufficient`` / ``missing``, and ``violation`` for a pay-out the
  liquidation rules forbid. Computed by :mod:`transparency.case.process`; findings from
  ``rules/process.yaml``.
* ``checklist``: see :mod:`transparency.report.checklist_area`.

:mod:`transparency.report.frames` turns a :class:`GapReport` into pandas frames.
"""

from __future__ import annotations

from functools import partial

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..case.models import Case, Client, Communication
from ..case.process import assess_client
from ..case.rules import run_process_rules
from ..models import FORMULA_PARTS, MATRIX_DIMENSIONS, SEVERITY_RANK, ClientRef, Evaluation
from ..rules.loader import RuleSet, default_ruleset
from .checklist_area import checklist_rows

AREAS: tuple[str, ...] = ("matrix", "formula", "checklist", "timing", "channel", "followup")
ROW_COLUMNS: tuple[str, ...] = ("client_id", "client_name", "tier", "area", "dimension", "status", "score",
                                "finding_codes", "evidence", "fix")
GOOD_STATUSES: frozenset[str] = frozenset({"ok", "concrete"})

# evaluate(path, kind, client, language) -> Evaluation; the default runs the library's evaluator.
Evaluator = Callable[[Path, str, ClientRef, "str | None"], Evaluation]
Progress = Callable[[int, int], None]

_DOCUMENT_KINDS = {"letter": "letter", "faq": "faq", "meeting_script": "meeting_script", "notice": "notice",
                   "wechat": "other"}


def default_evaluator(path: Path, kind: str, client: ClientRef, language: str | None,
                      legal_status: str | None = None, config: Any = None) -> Evaluation:
    """Evaluate a communication's document with :func:`transparency.evaluate` (with the configuration's
    house status rules, when ``config`` names any)."""
    from ..api import evaluate

    return evaluate(path, kind=_DOCUMENT_KINDS[kind], client=client, language=language,  # type: ignore[arg-type]
                    legal_status=legal_status, config=config)  # type: ignore[arg-type]


@dataclass
class GapRow:
    """One row of the gap report (the contract's columns) plus the severities behind its codes."""

    client_id: str
    client_name: str
    tier: str
    area: str
    dimension: str
    status: str
    score: float
    finding_codes: list[str]
    evidence: str
    fix: str | None
    severity: str | None = None  # the worst severity among finding_codes (not a contract column)

    def as_dict(self) -> dict[str, Any]:
        """The row with exactly the contract's columns."""
        return {c: getattr(self, c) for c in ROW_COLUMNS}

    @property
    def gap(self) -> bool:
        """Whether the row shows a gap (anything but ``ok`` / ``concrete``)."""
        return self.status not in GOOD_STATUSES


@dataclass
class ClientSummary:
    """A client's tier, overall score (0-100) and the letter its matrix rows were judged on."""

    client_id: str
    client_name: str
    tier: str
    remote: bool
    score: float
    at_risk: bool
    letter: dict[str, Any] | None = None
    hours_to_first_contact: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of ``clients[]``."""
        return {"client_id": self.client_id, "client_name": self.client_name, "tier": self.tier,
                "score": self.score, "remote": self.remote, "at_risk": self.at_risk,
                "hours_to_first_contact": self.hours_to_first_contact, "letter": self.letter}


@dataclass
class GapReport:
    """The whole report of one case."""

    case: Case
    clients: list[ClientSummary]
    rows: list[GapRow]
    language: str = "en"
    notes: list[str] = field(default_factory=list)
    #: house status-rule files the letters were judged by; empty: the default matrix
    status_rules: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        """The ``transparency report --format json`` document (schema_version 1)."""
        c = self.case.closure
        return {
            "schema_version": "1",
            "case": {"company": c.company, "board_resolution_at": c.board_resolution_at.isoformat(),
                     "closure_date": c.closure_date.isoformat(), "legal_status": c.legal_status,
                     "public_disclosure_at": c.public_disclosure_at.isoformat() if c.public_disclosure_at else None},
            "clients": [s.as_dict() for s in self.clients],
            "rows": [r.as_dict() for r in self.rows],
            "notes": list(self.notes),
            "status_rules": list(self.status_rules),
        }

    def _repr_html_(self) -> str:
        """Jupyter shows the clients x dimensions heatmap."""
        from .export import heatmap_html

        return heatmap_html(self)

    def worst_severity(self) -> str | None:
        """The worst severity of any finding in the report, or None."""
        found = [r.severity for r in self.rows if r.severity]
        return max(found, key=SEVERITY_RANK.__getitem__) if found else None


def _worst(severities: list[str]) -> str | None:
    return max(severities, key=SEVERITY_RANK.__getitem__) if severities else None


def _quote(evaluation: Evaluation, dimension: str) -> str:
    result = evaluation.matrix.get(dimension) if dimension in MATRIX_DIMENSIONS else (
        getattr(evaluation.formula, dimension) if evaluation.formula else None)
    if result is None:
        return ""
    texts = [f"“{e.span.text}”" for e in result.evidence if e.span.text][:3]
    if texts:
        return ", ".join(texts)
    return result.looked_for or ""


def _letter_rows(client: Client, evaluation: Evaluation | None, comm: Communication | None,
                 language: str) -> list[GapRow]:
    rows: list[GapRow] = []
    if evaluation is None or comm is None:
        why = ("no written communication with a document was sent to this client" if language == "en"
               else "未向该客户发送任何带文件的书面沟通")
        for area, dims in (("matrix", MATRIX_DIMENSIONS), ("formula", FORMULA_PARTS)):
            for d in dims:
                rows.append(GapRow(client.client_id, client.client_name, client.tier, area, d, "absent", 0.0,
                                   [], why, None))
        return rows
    source = f"{comm.path}: "
    for area, dims in (("matrix", MATRIX_DIMENSIONS), ("formula", FORMULA_PARTS)):
        for d in dims:
            result = evaluation.matrix.get(d) if area == "matrix" else getattr(evaluation.formula, d, None)
            if result is None:
                continue
            if area == "matrix":
                found = [f for f in evaluation.findings if f.dimension == d]
            else:  # formula findings concern the parts that are not concrete
                found = [f for f in evaluation.findings if f.dimension == "formula"] if result.status != "concrete" else []
            codes = list(dict.fromkeys(f.code for f in found))
            fix = next((f.fix for f in found if f.fix), None)
            rows.append(GapRow(client.client_id, client.client_name, client.tier, area, d, result.status,
                               round(float(result.score), 4), codes, source + _quote(evaluation, d), fix,
                               _worst([f.severity for f in found])))
    return rows


def build_gap_report(case: Case, *, evaluator: Evaluator | None = None, ruleset: RuleSet | None = None,
                     language: str | None = None, progress: Progress | None = None,
                     backend: str | None = None, config: Any = None) -> GapReport:
    """Assess every client of ``case``: evaluate its written communications, run the process rules, and
    collect the rows of all six areas. ``progress(done, total)`` is called after each client."""
    ruleset = ruleset or default_ruleset()
    # The case's legal status reaches the letters' rules (a notice in liquidation must say how to
    # declare claims, whatever words it uses).
    evaluate = evaluator or partial(default_evaluator, legal_status=case.closure.legal_status, config=config)
    lang = language or case.closure.language or "en"
    cache: dict[tuple[str, str, str, bool], Evaluation | None] = {}
    rows: list[GapRow] = []
    summaries: list[ClientSummary] = []
    checklist, notes = checklist_rows(case, lang)
    total = len(case.clients)
    for n, client in enumerate(case.clients, start=1):
        ref = ClientRef(id=client.client_id, name=client.client_name or None, tier=client.tier,  # type: ignore[arg-type]
                        remote=client.remote)
        best: tuple[Evaluation, Communication] | None = None
        comms: list[Communication] = []
        for comm in case.communications_of(client.client_id):
            if not comm.written or not comm.path:
                comms.append(comm)
                continue
            key = (comm.path, comm.kind, client.tier, client.remote)
            if key not in cache:
                # The language is detected per document: one case may hold Chinese and English letters.
                try:
                    cache[key] = evaluate(case.root / comm.path, comm.kind, ref, None)
                except (ValueError, RuntimeError, OSError) as exc:
                    # One letter that cannot be evaluated is reported with its file; the case goes on.
                    cache[key] = None
                    notes.append(f"{comm.path}: could not be evaluated ({exc}); its client's letter gaps are "
                                 "judged without it")
            ev = cache[key]
            if ev is None:
                comms.append(comm)
                continue
            comms.append(comm.model_copy(update={"explains_delay": explains_delay(ev)}))
            if best is None or ev.score > best[0].score:
                best = (ev, comm)
        client_rows = _letter_rows(client, best[0] if best else None, best[1] if best else None, lang)
        client_rows += [r for r in checklist if r.client_id == client.client_id]

        # The process rules see what the letters say about a delay (TL009), hence this client's copy.
        process = assess_client(case.model_copy(update={"communications": comms}), client, language=lang)
        fired = run_process_rules(process, ruleset, backend)
        for prow in process.rows:
            mine = [f for f in fired if (f.area, f.dimension) == (prow.area, prow.dimension)]
            codes = list(dict.fromkeys(f.code for f in mine))
            fix = ruleset.by_code[codes[0]].fix_in(lang) if codes else None
            # Name the rows of the case's own files that made a rule fire (e.g. a planned refund).
            sources = list(dict.fromkeys(process.described[i] for f in mine for i in f.fact_ids
                                         if process.described.get(i, "").startswith(_CASE_FILES)))
            evidence = prow.evidence + (f" ({', '.join(sources)})" if sources else "")
            client_rows.append(GapRow(client.client_id, client.client_name, client.tier, prow.area, prow.dimension,
                                      prow.status, prow.score, codes, evidence, fix,
                                      _worst([f.severity for f in mine])))
        client_rows.sort(key=lambda r: AREAS.index(r.area))
        rows.extend(client_rows)
        summary = _summary(client, client_rows, best)
        hours = process.facts[0].get("hours_to_first_contact")
        summary.hours_to_first_contact = float(hours) if hours is not None else None
        summaries.append(summary)
        if progress is not None:
            progress(n, total)
    used = sorted({f for ev in cache.values() if ev is not None for f in ev.explanation.status_rules})
    return GapReport(case=case, clients=summaries, rows=rows, language=lang, notes=notes, status_rules=used)


AT_RISK_SCORE = 60.0
_CASE_FILES = ("communications.csv", "followup.csv")


def explains_delay(evaluation: Evaluation) -> bool:
    """Whether a document says why it comes late (a ``topic`` evidence of subkind ``delay_reason``)."""
    return any(e.kind == "topic" and e.subkind == "delay_reason" for e in evaluation.evidence)


def _summary(client: Client, rows: list[GapRow], best: tuple[Evaluation, Communication] | None) -> ClientSummary:
    by_area: dict[str, list[float]] = {}
    for r in rows:
        by_area.setdefault(r.area, []).append(r.score)
    score = round(100.0 * sum(sum(v) / len(v) for v in by_area.values()) / len(by_area), 1) if by_area else 0.0
    hard_gap = any(r.area in ("timing", "channel") and r.status in ("missing", "violation") or
                   r.status == "violation" for r in rows)
    letter = None
    if best is not None:
        ev, comm = best
        letter = {"path": comm.path, "score": round(ev.score, 1),
                  "finding_codes": list(dict.fromkeys(f.code for f in ev.findings)),
                  "formula_complete": bool(ev.formula and ev.formula.complete)}
    return ClientSummary(client.client_id, client.client_name, client.tier, client.remote, score,
                         at_risk=score < AT_RISK_SCORE or hard_gap, letter=letter)
