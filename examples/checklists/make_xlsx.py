"""Write rights.xlsx from rights.csv (the same rows on a sheet named 权益清单, plus a notes sheet that
the loader skips with a warning). The XLSX is generated, not committed:

    python examples/checklists/make_xlsx.py [OUT.xlsx]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_xlsx(out: Path, source: Path = HERE / "rights.csv") -> Path:
    """Write the CSV's rows to ``out`` as a workbook; numbers stay text as in the CSV, dates too."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "权益清单"
    with source.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.reader(fh):
            ws.append([cell if cell != "" else None for cell in row])
    notes = wb.create_sheet("说明")
    notes.append(["本工作簿由 make_xlsx.py 生成；第一个工作表为客户权益清单。"])
    wb.save(out)
    return out


if __name__ == "__main__":
    print(make_xlsx(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "rights.xlsx"))
