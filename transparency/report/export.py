"""Write a gap report as XLSX (one sheet per view), CSV (the rows) and a self-contained HTML page.

Every file is written to a temporary name and renamed into place, so a failed export never leaves a
half-written report behind.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .frames import clients_frame, gap_report, heatmap_frame, portfolio_summary
from .gaps import GapReport

# Colours by status: green for good, amber for partial, red for a gap, grey when not applicable.
STATUS_COLOURS: dict[str, str] = {
    "ok": "C6EFCE", "concrete": "C6EFCE",
    "vague": "FFEB9C", "late": "FFEB9C", "insufficient": "FFEB9C",
    "absent": "FFC7CE", "missing": "FFC7CE", "violation": "E06666",
}
NEUTRAL = "EEEEEE"
FILES = ("gap-report.xlsx", "gap-report.csv", "gap-report.html")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _atomic(path: Path, write: Callable[[Path], None]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        # mkstemp makes the file private (0600); a report gets the permissions of any new file.
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _codes(frame):  # noqa: ANN001, ANN202 - a DataFrame
    out = frame.copy()
    out["finding_codes"] = out["finding_codes"].map(lambda codes: ";".join(codes))
    out["area"] = out["area"].astype(str)
    return out


def write_csv(report: GapReport, path: Path) -> Path:
    """The rows as CSV (UTF-8 with BOM so that spreadsheet programs read Chinese); ``finding_codes``
    joined with ``;``."""
    frame = _codes(gap_report(report))
    _atomic(path, lambda p: frame.to_csv(p, index=False, encoding="utf-8-sig"))
    return path


def write_xlsx(report: GapReport, path: Path) -> Path:
    """Sheets ``Summary``, ``Clients``, ``Gaps``, ``Heatmap``: frozen header, widths, status colours."""
    import pandas as pd
    from openpyxl.styles import Alignment, Font, PatternFill

    views = {
        "Summary": portfolio_summary(report),
        "Clients": clients_frame(report),
        "Gaps": _codes(gap_report(report)),
        "Heatmap": heatmap_frame(report).reset_index(),
    }

    def write(p: Path) -> None:
        with pd.ExcelWriter(p, engine="openpyxl") as writer:
            for name, frame in views.items():
                frame.to_excel(writer, sheet_name=name, index=False)
                ws = writer.sheets[name]
                ws.freeze_panes = "D2" if name == "Heatmap" else "A2"
                for cell in ws[1]:
                    cell.font = Font(bold=True)
                for i, column in enumerate(frame.columns, start=1):
                    values = [str(column)] + [str(v) for v in frame[column].head(200)]
                    width = min(60, max(len(v) + sum(1 for ch in v if ord(ch) > 0x2E7F) for v in values) + 2)
                    ws.column_dimensions[ws.cell(row=1, column=i).column_letter].width = width
                status_cols = [i for i, c in enumerate(frame.columns, start=1)
                               if c == "status" or (name == "Heatmap" and ":" in str(c))]
                for i in status_cols:
                    for row in range(2, ws.max_row + 1):
                        cell = ws.cell(row=row, column=i)
                        colour = STATUS_COLOURS.get(str(cell.value), NEUTRAL if cell.value in (None, "") else None)
                        if colour:
                            cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
                if name == "Gaps":
                    # Wrap the long text columns only: styling every cell costs seconds on big cases.
                    wrap = Alignment(vertical="top", wrap_text=True)
                    for i, column in enumerate(frame.columns, start=1):
                        if column in ("evidence", "fix"):
                            for row in range(2, ws.max_row + 1):
                                ws.cell(row=row, column=i).alignment = wrap

    _atomic(path, write)
    return path


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
p.meta{color:#555;margin:0 0 16px}
table{border-collapse:collapse;font-size:12px;margin-bottom:16px}
th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3;position:sticky;top:0}
table.heatmap td.s{text-align:center;min-width:56px}
table.heatmap th.v{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;height:140px}
.legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #ccc}
"""


def heatmap_html(report: GapReport) -> str:
    """The clients x dimensions table, each cell coloured by status with its evidence as a tooltip
    (inline styles only, so it also renders inside Jupyter)."""
    e = html.escape
    heat = heatmap_frame(report)
    evidence = {(r.client_id, f"{r.area}:{r.dimension}"): r for r in report.rows}
    clients = {c.client_id: c for c in report.clients}
    vertical = "writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap"
    out = ['<table class="heatmap" style="border-collapse:collapse;font-size:12px"><thead><tr><th>client</th>'
           "<th>tier</th><th>score</th>" + "".join(f'<th class="v" style="{vertical}">{e(c)}</th>'
                                                  for c in heat.columns) + "</tr></thead><tbody>"]
    for (cid, name, tier), statuses in heat.iterrows():
        c = clients[cid]
        risk = " ⚠" if c.at_risk else ""
        out.append(f"<tr><th>{e(cid)} {e(name)}{risk}</th><td>{e(tier)}</td><td>{c.score:g}</td>")
        for col, status in statuses.items():
            if not isinstance(status, str):
                out.append(f'<td class="s" style="background:#{NEUTRAL}"></td>')
                continue
            row = evidence.get((cid, col))
            title = e(row.evidence if row else "", quote=True)
            codes = " ".join(row.finding_codes) if row else ""
            out.append(f'<td class="s" style="background:#{STATUS_COLOURS.get(status, NEUTRAL)}" '
                       f'title="{title}">{e(status)}<br><small>{e(codes)}</small></td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(report: GapReport) -> str:
    """The report as one self-contained HTML page (inline CSS, no scripts, no external assets)."""
    e = html.escape
    closure = report.case.closure
    rows = gap_report(report)
    out = ["<!DOCTYPE html>", '<html lang="%s"><head><meta charset="utf-8">' % e(report.language),
           f"<title>Gap report - {e(closure.company)}</title><style>{_CSS}</style></head><body>",
           f"<h1>Gap report: {e(closure.company)}</h1>",
           f'<p class="meta">Board resolution {e(closure.board_resolution_at.isoformat())}; closure '
           f"{e(closure.closure_date.isoformat())}; legal status {e(closure.legal_status)}; "
           f"{len(report.clients)} clients.</p>"]
    for note in report.notes:
        out.append(f'<p class="meta">Note: {e(note)}</p>')
    out.append('<p class="legend">' + "".join(
        f'<span style="background:#{c}">{e(s)}</span>' for s, c in STATUS_COLOURS.items()) + "</p>")
    out.append("<h2>Clients × dimensions</h2>" + heatmap_html(report))
    summary = portfolio_summary(report)
    out.append("<h2>Portfolio summary</h2>" + summary.to_html(index=False, escape=True, border=0))
    out.append("<h2>Gaps</h2><table><thead><tr>" + "".join(f"<th>{e(c)}</th>" for c in rows.columns)
               + "</tr></thead><tbody>")
    for rec in rows[rows["status"].map(lambda s: s not in ("ok", "concrete"))].itertuples(index=False):
        cells = []
        for col, value in zip(rows.columns, rec):
            missing = value is None or (isinstance(value, float) and value != value)  # None or NaN
            text = ";".join(value) if col == "finding_codes" else ("" if missing else str(value))
            style = f' style="background:#{STATUS_COLOURS[text]}"' if col == "status" and text in STATUS_COLOURS else ""
            cells.append(f"<td{style}>{e(text)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table></body></html>")
    return "\n".join(out)


def write_html(report: GapReport, path: Path) -> Path:
    """The self-contained HTML page with the clients x dimensions heatmap."""
    text = render_html(report)
    _atomic(path, lambda p: p.write_text(text, encoding="utf-8"))
    return path


def write_all(report: GapReport, out_dir: str | Path) -> list[Path]:
    """``gap-report.xlsx``, ``gap-report.csv`` and ``gap-report.html`` in ``out_dir`` (created)."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_xlsx(report, folder / FILES[0]), write_csv(report, folder / FILES[1]),
            write_html(report, folder / FILES[2])]
