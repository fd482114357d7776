"""Gap reports of closure cases: pandas frames, portfolio summaries and XLSX/CSV/HTML exports.

pandas and openpyxl are imported inside the functions that need them, so importing this package stays
cheap. See docs/report.md.
"""

from __future__ import annotations

from .export import render_html, write_all, write_csv, write_html, write_xlsx
from .frames import clients_frame, gap_report, heatmap_frame, portfolio_summary
from .gaps import AREAS, ROW_COLUMNS, GapReport, GapRow, build_gap_report

__all__ = ["AREAS", "ROW_COLUMNS", "GapReport", "GapRow", "build_gap_report", "clients_frame", "gap_report",
           "heatmap_frame", "portfolio_summary", "render_html", "write_all", "write_csv", "write_html",
           "write_xlsx"]
