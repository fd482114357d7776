"""Read a closure case folder into :class:`~transparency.case.models.Case`.

Every problem is collected before anything is returned: each names the file, the spreadsheet row
(the header is row 1) and the column, and says what to write instead. A case with any problem is
rejected as a whole (:class:`CaseError`), so a report never rests on silently dropped rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import Problem, ProblemsError
from .models import (
    CHANNELS, COMMUNICATION_KINDS, FOLLOWUP_KINDS, LEAD_ROLES, TIERS, Case, Client, Closure,
    Communication, FollowUp,
)
from .tiers import tier_for


class CaseProblem(Problem):
    """A problem at a file, row and column of a case folder."""

    __slots__ = ("column",)

    def __init__(self, path: str, row: int | None, column: str | None, message: str) -> None:
        super().__init__(path, row, message)
        self.column = column

    @property
    def row(self) -> int | None:
        """The spreadsheet row (header is row 1), or None for a whole-file problem."""
        return self.line

    def __str__(self) -> str:
        where = self.path + (f", row {self.line}" if self.line else "") + (
            f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape used in error reports."""
        return {"path": self.path, "row": self.line, "column": self.column, "message": self.message}


class CaseError(ProblemsError):
    """A case folder that cannot be read as it is; ``problems`` lists every problem found."""

    def __init__(self, problems: list[CaseProblem]) -> None:
        super().__init__(problems, "invalid closure case")  # type: ignore[arg-type]


# -- cell parsers: each returns a value or raises ValueError with a message the user can act on -----

_TRUE = {"yes", "y", "true", "1", "是", "√", "✓"}
_FALSE = {"no", "n", "false", "0", "否", ""}


def parse_bool(text: str) -> bool:
    """yes/no, 是/否, true/false, 1/0 (blank is no)."""
    t = text.strip().lower()
    if t in _TRUE:
        return True
    if t in _FALSE:
        return False
    raise ValueError(f"{text!r} is not yes/no (write yes, no, 是 or 否)")


_AMOUNT = re.compile(r"^(?P<num>\d+(?:\.\d+)?)(?P<unit>亿|万)?元?$")


def parse_amount(text: str) -> float | None:
    """A yuan amount: 1200000000, 1,200,000,000, 12亿, 8000万元 (blank is None)."""
    t = re.sub(r"[\s,，]", "", text)
    if not t:
        return None
    m = _AMOUNT.match(t)
    if not m:
        raise ValueError(f"{text!r} is not an amount in yuan (e.g. 1200000000, 12亿 or 8000万)")
    factor = {"亿": 1e8, "万": 1e4, None: 1.0}[m.group("unit")]
    return float(m.group("num")) * factor


def parse_timestamp(text: str) -> datetime:
    """ISO 8601 with a UTC offset: 2024-03-01T09:00+08:00 (a trailing Z means UTC)."""
    t = text.strip()
    try:
        value = datetime.fromisoformat(t)
    except ValueError:
        raise ValueError(f"{text!r} is not an ISO 8601 timestamp (e.g. 2024-03-01T09:00+08:00)") from None
    if value.tzinfo is None:
        raise ValueError(f"{text!r} has no UTC offset; add one, e.g. {t}+08:00")
    return value


def parse_date(text: str) -> date:
    """An ISO date (2024-03-31); a timestamp with an offset is accepted and its date is used."""
    t = text.strip()
    try:
        return date.fromisoformat(t)
    except ValueError:
        pass
    return parse_timestamp(t).date()


def _choice(values: tuple[str, ...], aliases: dict[str, str] | None = None) -> Callable[[str], str]:
    def parse(text: str) -> str:
        t = text.strip()
        t = (aliases or {}).get(t, t)
        if t not in values:
            raise ValueError(f"{text!r} is not one of {', '.join(values)}")
        return t
    return parse


def _text(text: str) -> str:
    return text.strip()


def _optional(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    def wrapped(text: str) -> Any:
        return parse(text) if text.strip() else None
    return wrapped


_TIER_ALIASES = {"核心战略": "core", "核心战略客户": "core", "核心": "core", "重点": "key", "重点客户": "key",
                 "普通": "ordinary", "普通客户": "ordinary"}


# -- table specs -----------------------------------------------------------------------------------

class Column:
    """One known column: its field name, accepted headers, parser, and whether it is required."""

    def __init__(self, field: str, parse: Callable[[str], Any], *, required: bool = True,
                 blank: bool | None = None, aliases: tuple[str, ...] = ()) -> None:
        self.field, self.parse, self.required, self.aliases = field, parse, required, aliases
        # Whether a cell may be left blank (by default: when the column itself is optional).
        self.blank = (not required) if blank is None else blank


CLIENT_COLUMNS = (
    Column("client_id", _text, aliases=("客户编号",)),
    Column("client_name", _text, required=False, aliases=("客户名称",)),
    Column("annual_output", parse_amount, required=False, aliases=("年产值",)),
    Column("industry_chain_key", parse_bool, required=False, aliases=("产业链关键环节",)),
    Column("remote", parse_bool, required=False, aliases=("远程客户", "远程")),
    Column("tier", _optional(_choice(TIERS, _TIER_ALIASES)), required=False, aliases=("客户等级",)),
)
COMMUNICATION_COLUMNS = (
    Column("client_id", _text, aliases=("客户编号",)),
    Column("path", _optional(_text), blank=True, aliases=("文件",)),
    Column("kind", _choice(COMMUNICATION_KINDS), aliases=("类型",)),
    Column("channel", _choice(CHANNELS), aliases=("渠道",)),
    Column("sent_at", parse_timestamp, aliases=("发送时间",)),
    Column("lead_role", _choice(LEAD_ROLES), aliases=("带队",)),
)
FOLLOWUP_COLUMNS = (
    Column("client_id", _text, aliases=("客户编号",)),
    Column("planned_at", parse_date, aliases=("计划日期",)),
    Column("kind", _choice(FOLLOWUP_KINDS), aliases=("类型",)),
    Column("done_at", _optional(parse_date), required=False, aliases=("完成日期",)),
    Column("owner", _optional(_text), required=False, aliases=("责任人",)),
)


# -- reading raw tables ------------------------------------------------------------------------------

def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _read_rows(path: Path) -> Iterator[list[str]]:
    """Rows of a CSV (UTF-8, with or without BOM, or GB18030) or the first sheet of an XLSX, as text."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook  # lazy: heavy, and only needed for spreadsheets

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            for row in wb.worksheets[0].iter_rows(values_only=True):
                yield [_cell_text(v) for v in row]
        finally:
            wb.close()
        return
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise ValueError("cannot decode")
    yield from csv.reader(io.StringIO(text, newline=""))


def read_table(path: Path, columns: tuple[Column, ...], rel: str,
               problems: list[CaseProblem]) -> list[tuple[int, dict[str, Any]]]:
    """Parse a table into ``(row number, {field: value})`` pairs; append every problem found.

    Rows whose every cell is blank are spacing, not data, and are skipped. A row with a bad cell is
    reported (each bad cell separately) and not returned; the caller rejects the case.
    """
    try:
        rows = list(_read_rows(path))
    except (OSError, ValueError, KeyError) as exc:
        problems.append(CaseProblem(rel, None, None, f"cannot read the table: {exc}"))
        return []
    except Exception as exc:  # openpyxl raises its own zoo of errors on a damaged workbook
        problems.append(CaseProblem(rel, None, None, f"cannot read the spreadsheet: {exc}"))
        return []
    if not rows or not any(c.strip() for c in rows[0]):
        problems.append(CaseProblem(rel, 1, None, "the header row is missing"))
        return []
    by_header: dict[str, Column] = {}
    for col in columns:
        for name in (col.field, *col.aliases):
            by_header[name] = col
    header = [h.strip() for h in rows[0]]
    index: dict[str, int] = {}
    before = len(problems)
    for i, h in enumerate(header):
        if not h:
            if any(i < len(r) and r[i].strip() for r in rows[1:]):
                problems.append(CaseProblem(rel, 1, f"#{i + 1}", "a column with data has no header"))
            continue
        col = by_header.get(h)
        if col is None:
            known = ", ".join(c.field for c in columns)
            problems.append(CaseProblem(rel, 1, h, f"unknown column {h!r}; known columns: {known}"))
        elif col.field in index:
            problems.append(CaseProblem(rel, 1, h, f"column {col.field!r} appears twice"))
        else:
            index[col.field] = i
    for col in columns:
        if col.required and col.field not in index:
            problems.append(CaseProblem(rel, 1, col.field, f"required column {col.field!r} is missing"))
    if len(problems) > before:
        return []
    out: list[tuple[int, dict[str, Any]]] = []
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) > len(header) and any(c.strip() for c in row[len(header):]):
            problems.append(CaseProblem(rel, n, None, "the row has more cells than the header has columns"))
            continue
        values: dict[str, Any] = {}
        ok = True
        for col in columns:
            if col.field not in index:
                continue
            i = index[col.field]
            text = row[i] if i < len(row) else ""
            if not col.blank and not text.strip():
                problems.append(CaseProblem(rel, n, header[i], f"{col.field} is required"))
                ok = False
                continue
            try:
                values[col.field] = col.parse(text)
            except ValueError as exc:
                problems.append(CaseProblem(rel, n, header[i], str(exc)))
                ok = False
        if ok:
            out.append((n, values))
    return out


def _one_of(root: Path, stem: str, suffixes: tuple[str, ...], problems: list[CaseProblem],
            required: bool) -> Path | None:
    found = [root / f"{stem}{s}" for s in suffixes if (root / f"{stem}{s}").is_file()]
    if len(found) > 1:
        problems.append(CaseProblem(found[0].name, None, None,
                                    f"both {' and '.join(p.name for p in found)} exist; keep one"))
        return None
    if not found:
        if required:
            names = " or ".join(f"{stem}{s}" for s in suffixes)
            problems.append(CaseProblem(names, None, None, f"missing: the case folder needs {names}"))
        return None
    return found[0]


def _pydantic_problems(rel: str, row: int | None, exc: ValidationError) -> list[CaseProblem]:
    out = []
    for e in exc.errors():
        column = ".".join(str(x) for x in e["loc"]) or None
        out.append(CaseProblem(rel, row, column, e["msg"]))
    return out


# -- the folder --------------------------------------------------------------------------------------

def load_closure(path: Path, problems: list[CaseProblem]) -> Closure | None:
    """``closure.yaml`` into :class:`Closure`; unknown keys are errors."""
    rel = path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        problems.append(CaseProblem(rel, None, None, f"cannot read: {exc}"))
        return None
    if not isinstance(raw, dict):
        problems.append(CaseProblem(rel, None, None, "must be a mapping of keys (company, board_resolution_at, …)"))
        return None
    known = set(Closure.model_fields)
    unknown = sorted(str(k) for k in raw if k not in known)
    for key in unknown:
        problems.append(CaseProblem(rel, None, key, f"unknown key {key!r}; known keys: {', '.join(sorted(known))}"))
    if unknown:
        return None
    # YAML gives datetimes for unquoted timestamps and strings for quoted ones; parse strings the same way.
    values: dict[str, Any] = {}
    ok = True
    for key, value in raw.items():
        if isinstance(value, str) and key.endswith("_at"):
            try:
                value = parse_timestamp(value)
            except ValueError as exc:
                problems.append(CaseProblem(rel, None, key, str(exc)))
                ok = False
        elif isinstance(value, str) and key == "closure_date":
            try:
                value = date.fromisoformat(value.strip())
            except ValueError:
                problems.append(CaseProblem(rel, None, key, f"{value!r} is not a date (YYYY-MM-DD)"))
                ok = False
        elif isinstance(value, datetime) and key == "closure_date":
            problems.append(CaseProblem(rel, None, key, "closure_date is a date (YYYY-MM-DD), not a timestamp"))
            ok = False
        values[key] = value
    if not ok:
        return None
    try:
        return Closure.model_validate(values)
    except ValidationError as exc:
        problems.extend(_pydantic_problems(rel, None, exc))
        return None


def _document_ok(root: Path, text: str, rel: str, row: int, column: str,
                 problems: list[CaseProblem]) -> str | None:
    """Resolve a communication's document: relative to the case folder, or a bare name in communications/."""
    candidate = Path(text)
    if candidate.is_absolute() or ".." in candidate.parts:
        problems.append(CaseProblem(rel, row, column, f"{text!r} must be a path inside the case folder"))
        return None
    for option in (candidate, Path("communications") / candidate):
        if (root / option).is_file():
            return option.as_posix()
    problems.append(CaseProblem(rel, row, column,
                                f"document {text!r} not found in the case folder or in communications/"))
    return None


def load_case(folder: str | Path) -> Case:
    """Read a closure case folder; raise :class:`CaseError` listing every problem when it does not validate."""
    root = Path(folder)
    if not root.is_dir():
        raise CaseError([CaseProblem(str(root), None, None, "not a folder; give the path of a closure case folder")])
    problems: list[CaseProblem] = []

    closure_path = root / "closure.yaml"
    closure = None
    if closure_path.is_file():
        closure = load_closure(closure_path, problems)
    else:
        problems.append(CaseProblem("closure.yaml", None, None, "missing: the case folder needs closure.yaml"))

    clients: list[Client] = []
    clients_path = _one_of(root, "clients", (".csv", ".xlsx"), problems, required=True)
    if clients_path is not None:
        seen: dict[str, int] = {}
        for n, v in read_table(clients_path, CLIENT_COLUMNS, clients_path.name, problems):
            cid = v["client_id"]
            if cid in seen:
                problems.append(CaseProblem(clients_path.name, n, "client_id",
                                            f"client {cid!r} is already on row {seen[cid]}"))
                continue
            seen[cid] = n
            tier, source = v.get("tier"), "given"
            if tier is None:
                tier, source = tier_for(v.get("annual_output"), bool(v.get("industry_chain_key")))
            clients.append(Client(client_id=cid, client_name=v.get("client_name") or "",
                                  annual_output=v.get("annual_output"),
                                  industry_chain_key=bool(v.get("industry_chain_key")),
                                  remote=bool(v.get("remote")), tier=tier, tier_source=source, row=n))
        if not clients and not any(p.path == clients_path.name for p in problems):
            problems.append(CaseProblem(clients_path.name, None, None, "lists no client"))
    known_ids = {c.client_id for c in clients}

    communications: list[Communication] = []
    comm_path = root / "communications.csv"
    if comm_path.is_file():
        rel = comm_path.name
        for n, v in read_table(comm_path, COMMUNICATION_COLUMNS, rel, problems):
            ok = True
            if clients_path is not None and v["client_id"] not in known_ids:
                problems.append(CaseProblem(rel, n, "client_id", f"client {v['client_id']!r} is not in {clients_path.name}"))
                ok = False
            if v.get("path"):
                resolved = _document_ok(root, v["path"], rel, n, "path", problems)
                ok = ok and resolved is not None
                v["path"] = resolved
            if ok:
                communications.append(Communication(row=n, **v))
    else:
        problems.append(CaseProblem("communications.csv", None, None,
                                    "missing: the case folder needs communications.csv (a header row is enough "
                                    "when nothing has been sent yet)"))

    followups: list[FollowUp] = []
    fu_path = root / "followup.csv"
    if fu_path.is_file():
        rel = fu_path.name
        for n, v in read_table(fu_path, FOLLOWUP_COLUMNS, rel, problems):
            if clients_path is not None and v["client_id"] not in known_ids:
                problems.append(CaseProblem(rel, n, "client_id", f"client {v['client_id']!r} is not in {clients_path.name}"))
                continue
            followups.append(FollowUp(row=n, **v))

    checklist_path = _one_of(root, "checklist", (".csv", ".xlsx"), problems, required=False)

    if problems or closure is None:
        raise CaseError(problems)
    return Case(root=root, closure=closure, clients=clients, communications=communications,
                followups=followups, followup_given=fu_path.is_file(), checklist_path=checklist_path)
