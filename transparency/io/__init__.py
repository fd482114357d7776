"""Reading letters: plain text in any common Chinese encoding, Markdown, Word (.docx) and HTML.

``discover`` turns the paths a user typed into the files to lint; ``read_text`` decodes a text file;
``load_document`` gives a :class:`~transparency.models.Document` for any supported file. A file that is
missing, too large, binary or undecodable raises :class:`~transparency.errors.InputError` naming it,
so a caller can report it and go on with the other files.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..models import ClientRef, Document

__all__ = ["InputError", "MAX_TEXT_BYTES", "MAX_DOCX_BYTES", "STDIN", "SUPPORTED_SUFFIXES",
           "discover", "extract_text", "load_document", "read_document_text", "read_text",
           "read_bytes_text"]

#: Largest .txt/.md/.html file read (5 MiB, about 1.7 million Chinese characters in UTF-8): a letter
#: is a few pages; a bigger file is almost surely not one, and reading it would stall a batch.
MAX_TEXT_BYTES = 5 * 1024 * 1024
#: Largest .docx file read (20 MiB): Word files carry images and fonts, so they are allowed more; the
#: extracted text is still held to MAX_TEXT_BYTES characters.
MAX_DOCX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DOCX_SUFFIXES = frozenset({".docx"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES

#: The path that stands for standard input.
STDIN = "-"


def read_bytes_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` (the content of ``name``) as text: ``(text, encoding)`` or InputError."""
    from .encoding import DecodeFailure, decode_bytes

    if len(data) > MAX_TEXT_BYTES:
        raise InputError(name, f"is {len(data):,} bytes, more than the {MAX_TEXT_BYTES:,}-byte limit "
                               "for one letter; split it into separate files")
    try:
        return decode_bytes(data)
    except DecodeFailure as exc:
        raise InputError(name, str(exc)) from None


def _read_bytes(path: Path, limit: int) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "no such file or directory") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise InputError(name, "is a directory; pass it to discover() to lint the files inside")
    if size > limit:
        raise InputError(name, f"is {size:,} bytes, more than the {limit:,}-byte limit for one letter; "
                               "split it into separate files")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None


def read_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """The text of a .txt/.md file and the encoding it was detected in (see ``io.encoding``).

    ``"-"`` reads standard input. Raises :class:`InputError` naming the file when it is missing, larger
    than :data:`MAX_TEXT_BYTES`, binary, or not text in a supported encoding.
    """
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        return read_bytes_text(data, STDIN)
    p = Path(path)
    return read_bytes_text(_read_bytes(p, MAX_TEXT_BYTES), str(p))


def extract_text(path: str | os.PathLike[str]) -> str:
    """The text to lint in any supported file: the file's text, or the visible text of .html and .docx."""
    name = str(path)
    if name == STDIN:
        return read_text(STDIN)[0]
    p = Path(path)
    suffix = p.suffix.lower()
    if p.is_dir():
        raise InputError(name, "is a folder with no letters in it (looked for "
                               f"{', '.join(sorted(SUPPORTED_SUFFIXES))} files)")
    if suffix in DOCX_SUFFIXES:
        from .docx import DocxUnreadable, docx_to_text

        _read_bytes(p, MAX_DOCX_BYTES)  # existence and size checks with the usual messages
        try:
            text = docx_to_text(p)
        except DocxUnreadable as exc:
            raise InputError(name, str(exc)) from None
    elif suffix in HTML_SUFFIXES:
        from .html import html_to_text

        text = html_to_text(read_text(p)[0])
    elif suffix in TEXT_SUFFIXES:
        text = read_text(p)[0]
    else:
        if not p.exists():
            raise InputError(name, "no such file or directory")
        raise InputError(name, f"has an unsupported file type {p.suffix or '(no extension)'!r}; "
                               f"supported: {', '.join(sorted(SUPPORTED_SUFFIXES))}")
    if len(text) > MAX_TEXT_BYTES:
        raise InputError(name, f"has {len(text):,} characters of text, more than the limit of "
                               f"{MAX_TEXT_BYTES:,}; split it into separate files")
    return text


def load_document(path: str | os.PathLike[str], *, language: str | None = None,
                  kind: str | None = None, client: ClientRef | None = None,
                  legal_status: str | None = None) -> Document:
    """A :class:`Document` for the file at ``path`` (``"-"``: standard input).

    The language is detected from the text (``transparency.language.detect_language``) unless given;
    the kind defaults to ``letter``. Raises :class:`InputError` naming the file when it cannot be read.
    """
    text = extract_text(path)
    if language is None:
        from ..language import detect_language

        language = detect_language(text)
    return Document(text=text, language=language, kind=kind or "letter", client=client,  # type: ignore[arg-type]
                    path=str(path), legal_status=legal_status)  # type: ignore[arg-type]


def _hidden(name: str) -> bool:
    # Dot folders (.git, .venv) and Word's lock files (~$letter.docx) are never letters.
    return name.startswith((".", "~$"))


def discover(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | str]:
    """The files to lint for the paths a user gave, in a deterministic order, each once.

    A folder is walked recursively (sorted by name, hidden folders and files skipped, symlinked folders
    not followed) for files with a supported extension; a file is yielded as given, whatever its
    extension, so that reading it reports a clear error; a missing path is yielded too, for the same
    reason, and so is a folder with no supported file in it; ``"-"`` (standard input) is yielded as
    the string ``"-"``.
    """
    seen: set[str] = set()

    def once(p: Path) -> bool:
        key = os.path.normcase(os.path.abspath(p))
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        if str(raw) == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                yield STDIN
            continue
        root = Path(raw)
        if not root.is_dir():
            if once(root):
                yield root
            continue
        found = False
        for folder, dirnames, filenames in os.walk(root, followlinks=False):
            dirnames[:] = sorted(d for d in dirnames if not _hidden(d))
            for name in sorted(filenames):
                if _hidden(name) or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                    continue
                p = Path(folder, name)
                found = True
                if once(p):
                    yield p
        if not found and once(root):
            # A folder with nothing to lint is reported (reading it raises InputError), never a
            # silent "no problems".
            yield root

