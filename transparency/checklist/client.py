"""Evaluate one client's letters and checklist together (``transparency.evaluate_client``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import InputError, TransparencyError
from ..language import detect_language
from ..models import Document, Evidence
from ..rules.loader import RuleSet, default_ruleset
from .crosscheck import BUILTIN, mismatch_findings
from .evaluate import TableLike, as_table, client_score, evaluate_checklist, group_by_client, sort_findings
from .report import ChecklistReport
from .schema import ChecklistTable

Letter = Document | str | Path
Extractor = Callable[[Document], list[Evidence]]


def _document(letter: Letter) -> Document:
    if isinstance(letter, Document):
        return letter
    if isinstance(letter, Path):
        try:
            text = letter.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(str(letter), f"cannot read the letter: {exc}") from exc
        return Document(text=text, language=detect_language(text), path=str(letter))
    return Document(text=letter, language=detect_language(letter))


def _default_extractor() -> Extractor:
    try:
        from ..extract import extract  # lazy: the extraction stage is optional for checklist-only use
    except ImportError as exc:
        raise TransparencyError("letter evidence extraction (transparency.extract) is not available; "
                                "pass extractor=... to evaluate_client") from exc
    return extract


def _pick_client(table: ChecklistTable, letters: list[Document], client_id: str | None) -> str:
    ids = list(group_by_client(table.items))
    if client_id is None:
        named = {d.client.id for d in letters if d.client is not None and d.client.id}
        if len(named) == 1:
            client_id = named.pop()
        elif len(ids) == 1:
            client_id = ids[0]
        else:
            raise TransparencyError(f"the checklist has {len(ids)} clients ({', '.join(ids[:10])}); "
                                    "say which one with client_id=")
    if client_id not in ids:
        raise TransparencyError(f"client {client_id!r} has no readable row in the checklist")
    return client_id


def evaluate_client(letters: Letter | Sequence[Letter], checklist: TableLike, client_id: str | None = None,
                    *, extractor: Extractor | None = None, ruleset: RuleSet | None = None,
                    language: str | None = None) -> ChecklistReport:
    """One client's checklist report, plus a ``letter-checklist-mismatch`` finding for every amount,
    deadline or owner a letter states differently from the checklist.

    ``letters``: documents, texts (``str``) or file paths (``Path``). ``checklist``: a table, a file path
    or a list of records. ``client_id`` may be left out when the checklist (or the letters' ``client``)
    names one client. ``extractor`` turns a document into evidence (default: ``transparency.extract``).
    Rejected rows of the checklist stay in the report, so ``rows_read == rows_evaluated + rejected``.
    """
    docs = [_document(x) for x in (letters if isinstance(letters, (list, tuple)) else [letters])]
    table = as_table(checklist)
    chosen = _pick_client(table, docs, client_id)
    items = [i for i in table.items if i.client_id == chosen]
    own = ChecklistTable(items=items, rejected=list(table.rejected),
                         rows_read=len(items) + len(table.rejected), warnings=list(table.warnings))
    ruleset = ruleset or default_ruleset()
    report = evaluate_checklist(own, ruleset=ruleset, language=language)
    rules = [r for r in ruleset.for_target("checklist") if r.builtin == BUILTIN]
    if rules:
        extract = extractor or _default_extractor()
        for doc in docs:
            report.findings.extend(mismatch_findings(doc, extract(doc), items, rules[0], language))
        report.findings = sort_findings(report.findings)
        for client in report.clients:
            client.score = client_score(items, [f for f in report.findings if f.client_id == client.client_id])
    return report
