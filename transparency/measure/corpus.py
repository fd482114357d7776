"""Reading a labelled corpus: ``labels.csv`` (one row per document) and ``evidence.csv`` (gold spans).

The format is the one of ``tests/corpus`` (see its README): ``labels.csv`` has the columns
path, set, language, script, kind, the seven status columns and notes, with ``path`` relative to
the CSV's folder. ``evidence.csv`` has path, column, start, end, text: a gold span [start, end) of
the document's text that carries the column's status; ``text`` must equal the text at that span.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .agreement import COLUMNS, STATUSES


@dataclass(frozen=True)
class LabelledDocument:
    """One labelled document: where it is, its metadata, its labels and its text."""

    path: str
    set: str
    language: str
    script: str
    kind: str
    labels: dict[str, str]
    text: str


class CorpusError(ValueError):
    """A labels or evidence file is malformed; the message names the file and line."""


def read_labels(csv_path: Path | str) -> list[LabelledDocument]:
    """The documents of a ``labels.csv``, with their texts read from beside it (UTF-8)."""
    csv_path = Path(csv_path)
    root = csv_path.parent
    out = []
    with csv_path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"path", "set", "language", "script", "kind", *COLUMNS} - set(reader.fieldnames or ())
        if missing:
            raise CorpusError(f"{csv_path}:1: missing columns {sorted(missing)}")
        for line, row in enumerate(reader, start=2):
            bad = [c for c in COLUMNS if row[c] not in STATUSES]
            if bad:
                raise CorpusError(f"{csv_path}:{line}: {bad[0]} is {row[bad[0]]!r}, expected one of {STATUSES}")
            doc_path = root / row["path"]
            try:
                text = doc_path.read_text(encoding="utf-8")
            except OSError as exc:
                raise CorpusError(f"{csv_path}:{line}: cannot read {row['path']}: {exc.strerror}") from exc
            out.append(LabelledDocument(
                path=row["path"], set=row["set"], language=row["language"], script=row["script"],
                kind=row["kind"], labels={c: row[c] for c in COLUMNS}, text=text))
    return out


def read_evidence(csv_path: Path | str, texts: dict[str, str]) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """Gold spans by document path and column, checked against ``texts`` (path -> text).

    A span whose ``text`` differs from the document's characters at [start, end) is an error: offsets
    that drift silently would make every recall figure wrong.
    """
    csv_path = Path(csv_path)
    spans: dict[str, dict[str, list[tuple[int, int]]]] = {}
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            where = f"{csv_path}:{line}"
            if row["path"] not in texts:
                raise CorpusError(f"{where}: {row['path']} is not a labelled document")
            if row["column"] not in COLUMNS:
                raise CorpusError(f"{where}: column {row['column']!r} is not one of {COLUMNS}")
            start, end = int(row["start"]), int(row["end"])
            actual = texts[row["path"]][start:end]
            if not 0 <= start < end or actual != row["text"]:
                raise CorpusError(f"{where}: span [{start}, {end}) reads {actual!r}, not {row['text']!r}")
            spans.setdefault(row["path"], {}).setdefault(row["column"], []).append((start, end))
    return spans


# The project's corpus folder holds two corpora: the letters the team wrote (labels.csv) and real public
# notices (real/labels.csv), each split into dev (read and tuned on) and holdout (never read while tuning).
SET_FILES = {
    "written-dev": ("labels.csv", "dev"),
    "written-holdout": ("labels.csv", "holdout"),
    "real-dev": ("real/labels.csv", "dev"),
    "real-holdout": ("real/labels.csv", "holdout"),
}


def corpus_sets(root: Path | str) -> dict[str, list[LabelledDocument]]:
    """The documents of each set in :data:`SET_FILES` under ``root`` (an empty list where a file is absent)."""
    root = Path(root)
    cache: dict[str, list[LabelledDocument]] = {}
    out = {}
    for name, (file, split) in SET_FILES.items():
        if file not in cache:
            cache[file] = read_labels(root / file) if (root / file).exists() else []
        out[name] = [d for d in cache[file] if d.set == split]
    return out
