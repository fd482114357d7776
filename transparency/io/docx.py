"""The text of a Word (.docx) letter: body paragraphs and tables in document order.

python-docx is imported here only, and this module only when a .docx file is read, so linting plain
text never pays for it. Each paragraph is one line; each table row is one line with its cells separated
by a tab (a merged cell is written once); a paragraph inside a table cell joins the cell's other
paragraphs with a space, so a row stays one line.
"""

from __future__ import annotations

from pathlib import Path


class DocxUnreadable(ValueError):
    """The file is not a Word document python-docx can open; the message says why."""


def docx_to_text(path: Path) -> str:
    """The text of the .docx file at ``path``, one line per paragraph or table row."""
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - a broken installation
        raise DocxUnreadable("reading .docx files needs python-docx (pip install python-docx)") from exc
    import zipfile

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DocxUnreadable(f"is not a valid .docx file ({exc.__class__.__name__}: {exc})") from exc

    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            _table_lines(Table(child, document), lines)
    return "\n".join(lines)


def _table_lines(table, lines: list[str]) -> None:  # noqa: ANN001 - a docx Table
    for row in table.rows:
        cells: list[str] = []
        seen: list[object] = []  # lxml elements compare by identity
        for cell in row.cells:
            if any(cell._tc is s for s in seen):  # a merged cell appears once per grid column
                continue
            seen.append(cell._tc)
            cells.append(" ".join(p.text for p in cell.paragraphs).strip())
        lines.append("\t".join(cells))
