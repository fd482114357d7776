"""Checklist loaders: CSV (UTF-8, UTF-8 with BOM, GB18030), XLSX (every sheet, or one), YAML and JSON.

Headers are English or Chinese (``vocabulary.yaml``). Decisions, so that nothing disappears:

* A row that cannot be read is rejected with its file, sheet, row number (the header is row 1, as a
  spreadsheet shows it; for YAML and JSON the record's 1-based position) and column; the other rows
  are still read. ``rows_read == len(items) + len(rejected)`` always.
* Blank rows (every cell empty) are not data and are not counted.
* An unknown column is an **error** for the whole file (:class:`~transparency.errors.InputError`):
  a misspelt header would otherwise silently drop a field such as the owner. So is a header without
  the ``client_id``/``客户编号`` or ``item``/``事项`` column, and a column given twice.
* In an XLSX file read without ``--sheet``, a sheet whose header has neither ``client_id`` nor
  ``item`` (a notes sheet, an empty sheet) is skipped with a warning in ``ChecklistTable.warnings``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ..errors import InputError
from . import values
from .schema import ChecklistItem, ChecklistTable, Rejection, Source
from .values import CellError
from .vocabulary import vocabulary

REQUIRED_HEADERS: tuple[str, ...] = ("client_id", "item")
MAX_BYTES = 50 * 1024 * 1024
SUFFIXES: tuple[str, ...] = (".csv", ".xlsx", ".yaml", ".yml", ".json")


def load_checklist(path: str | Path, sheet: str | None = None) -> ChecklistTable:
    """Read one checklist file. Raises :class:`InputError` when the file as a whole cannot be read."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(str(p), f"unsupported checklist format {suffix or '(none)'!r}: use .csv, .xlsx, .yaml or .json")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise InputError(str(p), f"cannot read the file: {exc.strerror or exc}") from exc
    if size > MAX_BYTES:
        raise InputError(str(p), f"file is larger than {MAX_BYTES // 1024 // 1024} MB")
    if sheet is not None and suffix != ".xlsx":
        raise InputError(str(p), "--sheet applies to .xlsx files only")
    if suffix == ".xlsx":
        return _load_xlsx(p, sheet)
    data = p.read_bytes()
    if suffix == ".csv":
        return _load_csv_text(_decode(p, data), str(p))
    return _load_records(p, data, suffix)


def load_checklists(paths: Sequence[str | Path], sheet: str | None = None
                    ) -> tuple[ChecklistTable, list[InputError]]:
    """Read several files into one table; files that cannot be read are returned as errors."""
    table, errors = ChecklistTable(), []
    for path in paths:
        try:
            table.extend(load_checklist(path, sheet))
        except InputError as exc:
            errors.append(exc)
    return table, errors


def records_table(records: Sequence[Any], path: str = "<records>") -> ChecklistTable:
    """Read records already in memory (mappings with English or Chinese keys)."""
    return _records_to_table(list(records), path)


# -- formats ----------------------------------------------------------------------------------------

def _decode(path: Path, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(str(path), "cannot decode the file: save it as UTF-8 or GB18030")


def _load_csv_text(content: str, path: str) -> ChecklistTable:
    rows = list(csv.reader(io.StringIO(content, newline="")))
    return _grid_to_table(rows, path, sheet=None, first_row=1, strict_header=True)


def _load_xlsx(path: Path, sheet: str | None) -> ChecklistTable:
    try:
        import openpyxl  # lazy: only spreadsheet users pay for it
    except ImportError as exc:  # pragma: no cover - a dependency
        raise InputError(str(path), "reading .xlsx needs openpyxl (pip install openpyxl)") from exc
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on a corrupt file
        raise InputError(str(path), f"cannot open the workbook: {exc}") from exc
    try:
        names = wb.sheetnames
        if sheet is not None and sheet not in names:
            raise InputError(str(path), f"no sheet named {sheet!r} (sheets: {', '.join(names)})")
        table = ChecklistTable()
        for name in ([sheet] if sheet is not None else names):
            ws = wb[name]
            # Some writers store wrong sheet dimensions, which truncates a read-only sheet: read all rows.
            ws.reset_dimensions()
            grid = [list(r) for r in ws.iter_rows(values_only=True)]
            table.extend(_grid_to_table(grid, str(path), sheet=name, first_row=1,
                                        strict_header=sheet is not None))
        return table
    finally:
        wb.close()


class _NoDatesLoader(yaml.SafeLoader):
    """Safe YAML without implicit timestamps: 2024-02-30 must reach the row check as text."""


_NoDatesLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def _load_records(path: Path, data: bytes, suffix: str) -> ChecklistTable:
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), "cannot decode the file: save it as UTF-8") from exc
    try:
        records = json.loads(content) if suffix == ".json" else yaml.load(content, Loader=_NoDatesLoader)  # noqa: S506 - a SafeLoader
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"not valid {suffix[1:].upper()}: {exc}") from exc
    if not isinstance(records, list):
        raise InputError(str(path), "expected a list of records (one mapping per checklist item)")
    return _records_to_table(records, str(path))


# -- from rows to items -----------------------------------------------------------------------------

def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def _map_headers(header: list[Any], path: str, sheet: str | None, strict: bool) -> dict[int, str] | None:
    """Column index -> field. None when the header is not a checklist header (non-strict sheets)."""
    index = vocabulary().header_index()
    where = f"sheet {sheet!r}, " if sheet else ""
    fields: dict[int, str] = {}
    unknown: list[str] = []
    for i, cell in enumerate(header):
        if _blank(cell):
            continue
        name = str(cell).strip()
        field = index.get(name.casefold())
        if field is None:
            unknown.append(name)
        elif field in fields.values():
            raise InputError(path, f"{where}column {name!r} ({field}) is given twice")
        else:
            fields[i] = field
    if not strict and not any(f in fields.values() for f in REQUIRED_HEADERS):
        return None
    if unknown:
        raise InputError(path, f"{where}unknown column(s) {', '.join(map(repr, unknown))}: rename them to "
                               "a known header (see `transparency schema checklist`) or remove them")
    missing = [f for f in REQUIRED_HEADERS if f not in fields.values()]
    if missing:
        zh = vocabulary().chinese_header
        raise InputError(path, f"{where}missing required column(s): "
                               + ", ".join(f"{f} ({zh[f]})" for f in missing))
    return fields


def _grid_to_table(grid: list[list[Any]], path: str, sheet: str | None, first_row: int,
                   strict_header: bool) -> ChecklistTable:
    table = ChecklistTable()
    numbered = [(first_row + i, row) for i, row in enumerate(grid)]
    data = [(n, row) for n, row in numbered if not all(_blank(c) for c in row)]
    if not data:
        if strict_header and sheet is None:
            raise InputError(path, "the file is empty: expected a header row and one row per item")
        table.warnings.append(f"{path}: sheet {sheet!r} is empty; skipped")
        return table
    header_row, header = data[0]
    fields = _map_headers(header, path, sheet, strict_header)
    if fields is None:
        table.warnings.append(f"{path}: sheet {sheet!r} has no client_id/客户编号 or item/事项 column; skipped")
        return table
    headers = {f: str(header[i]).strip() for i, f in fields.items()}
    chinese = any(not h.isascii() for h in headers.values())
    for n, row in data[1:]:
        table.rows_read += 1
        extra = [c for i, c in enumerate(row) if i >= len(header) and not _blank(c)]
        if extra:
            table.rejected.append(Rejection(path=path, sheet=sheet, row=n, column=None,
                                            message=f"the row has {len(extra)} value(s) beyond the last "
                                                    "header column"))
            continue
        cells = {f: row[i] if i < len(row) else None for i, f in fields.items()}
        _add_row(table, cells, Source(path=path, sheet=sheet, row=n, chinese_headers=chinese, headers=headers))
    return table


def _records_to_table(records: list[Any], path: str) -> ChecklistTable:
    table = ChecklistTable()
    index = vocabulary().header_index()
    for position, record in enumerate(records, start=1):
        table.rows_read += 1
        if not isinstance(record, dict):
            table.rejected.append(Rejection(path=path, row=position, column=None,
                                            message=f"record {position} is not a mapping of column -> value"))
            continue
        cells: dict[str, Any] = {}
        headers: dict[str, str] = {}
        for key in record:
            field = index.get(str(key).strip().casefold())
            if field is None:
                raise InputError(path, f"record {position}: unknown key {str(key)!r}: use a known header "
                                       "(see `transparency schema checklist`)")
            if field in cells:
                raise InputError(path, f"record {position}: {field} is given twice")
            cells[field], headers[field] = record[key], str(key)
        chinese = any(not h.isascii() for h in headers.values())
        _add_row(table, cells, Source(path=path, row=position, chinese_headers=chinese, headers=headers))
    return table


def _add_row(table: ChecklistTable, cells: dict[str, Any], source: Source) -> None:
    try:
        table.items.append(read_row(cells, source))
    except _RowError as exc:
        table.rejected.append(Rejection(path=source.path, sheet=source.sheet, row=source.row,
                                        column=column_name(exc.field, source), message=exc.message))


def column_name(field: str, source: Source) -> str:
    """The column as the file names it (its own header, else the canonical one in its language)."""
    if field in source.headers:
        return source.headers[field]
    return vocabulary().chinese_header[field] if source.chinese_headers else field


class _RowError(Exception):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


_READERS = {
    "client_id": values.text, "client_name": values.text, "item": values.text,
    "kind": lambda v: values.choice(v, "kind"), "amount": values.amount, "currency": values.currency,
    "deadline": values.deadline, "method": values.text, "owner": values.text,
    "contact_person": values.text, "contact": values.text, "status": values.text,
    "interest": values.text, "takeover_mode": lambda v: values.choice(v, "takeover_mode"),
    "successor": values.text, "signed": values.boolean, "confirmed_at": values.date,
    "transfer_clause": values.boolean, "breach_clause": values.boolean, "dispute_resolution": values.dispute,
    "administrative": values.boolean, "closure_date": values.date, "annual_output": values.amount,
    "industry_chain_key": values.boolean, "remote": values.boolean,
    "tier": lambda v: values.choice(v, "tier"), "notes": values.text,
}
_REQUIRED_VALUES = ("client_id", "item", "kind")


def read_row(cells: dict[str, Any], source: Source) -> ChecklistItem:
    """One row (field -> raw cell) as a :class:`ChecklistItem`; raises ``_RowError`` naming the
    first bad column (and listing the others) when the row cannot be read."""
    parsed: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for field, raw in cells.items():
        try:
            parsed[field] = _READERS[field](raw)
        except CellError as exc:
            problems.append((field, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a junk cell must reject its row, never stop the load
            problems.append((field, f"unreadable value {raw!r} ({type(exc).__name__})"))
    for field in _REQUIRED_VALUES:
        if parsed.get(field) is None and all(f != field for f, _ in problems):
            expected = ", ".join(vocabulary().values.kind) if field == "kind" else "a value"
            problems.append((field, f"{field} ({vocabulary().chinese_header[field]}) is empty: "
                                    f"write {expected}"))
    if problems:
        field, message = problems[0]
        if len(problems) > 1:
            message += "; also " + "; ".join(f"{column_name(f, source)}: {m}" for f, m in problems[1:])
        raise _RowError(field, message)
    if "dispute_resolution" in parsed:
        parsed["dispute"] = parsed.pop("dispute_resolution")
    if "currency" not in parsed:
        parsed["currency"] = "CNY"
    try:
        return ChecklistItem(source=source, **{k: v for k, v in parsed.items() if v is not None})
    except ValidationError as exc:  # a constraint the readers do not check (kept as a safety net)
        err = exc.errors()[0]
        field = str(err["loc"][0]) if err["loc"] else "item"
        field = "dispute_resolution" if field == "dispute" else field
        raise _RowError(field if field in _READERS else "item", err["msg"]) from None


def iter_fields() -> Iterable[str]:
    """The fields a checklist may have, in table order."""
    return _READERS.keys()
