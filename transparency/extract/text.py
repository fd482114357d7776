"""Length-preserving text folding and sentence boundaries shared by every extractor.

Extractors match on a *folded* copy of the text: full-width ASCII becomes half-width, the ideographic
space becomes a space and Traditional characters become Simplified ones, one character for one
character. The folded text has exactly the length of the original, so every offset found in it is an
offset in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

# Ideographs (CJK unified, extension A, compatibility) as a regex class body.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Not a Latin letter or digit: the word edge to use in English patterns instead of \b, which never
# fires between an ideograph and a Latin letter the way a reader expects.
EN_L = r"(?<![A-Za-z0-9])"
EN_R = r"(?![A-Za-z0-9])"

_SENTENCE_END = re.compile(r"[。！？!?；;\n\uff01\uff1f\uff1b]+|\.")
# A full stop ends a sentence unless it closes an abbreviation (Inc., Mr., U.S.) or an initial.
_ABBREVIATION = re.compile(r"(?:Inc|Ltd|Co|Corp|Mr|Ms|Mrs|Dr|St|No|vs|etc|Jr|Sr|Bros|(?<![A-Za-z])[A-Z])$")


class Hit(NamedTuple):
    """One piece of evidence before it becomes an :class:`~transparency.models.Evidence`."""

    kind: str
    subkind: str
    quality: str
    start: int
    end: int
    value: Any = None
    attrs: dict | None = None


def build_fold_table(simplified_for: dict[str, str]) -> dict[int, str]:
    """The ``str.translate`` table of the fold: full-width -> half-width, Traditional -> Simplified."""
    table: dict[int, str] = {cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}
    table[0x3000] = " "
    table[0xFFE5] = "¥"  # full-width yen sign
    for trad, simp in simplified_for.items():
        if len(trad) != 1 or len(simp) != 1:
            raise ValueError(f"fold map entries must be single characters: {trad!r} -> {simp!r}")
        table[ord(trad)] = simp
    return table


_FOLD_RE: dict[int, re.Pattern[str]] = {}


# A line break inside an English sentence (a hard-wrapped e-mail): after a word or comma, before a
# lower-case word. Read as a space, so the sentence is matched whole (the length does not change).
_HARD_WRAP = re.compile(r"(?<=[A-Za-z0-9,;)])[ \t]*\n(?=[ \t]*[a-z])")


@lru_cache(maxsize=8)  # extraction and the relation stage both read the same text
def unify_line_ends(text: str) -> str:
    """CRLF and lone CR as LF, and hard-wrapped English lines joined, without changing the length:
    "\r\n" becomes " \n", a lone "\r" becomes "\n", and a line break inside an English sentence
    becomes a space; so a CRLF or hard-wrapped letter reads like its plain copy and every offset stays
    exact."""
    if "\r" in text:
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    if "\n" in text:
        text = _HARD_WRAP.sub(lambda m: m.group().replace("\n", " "), text)
    return text


def fold(text: str, table: dict[int, str]) -> str:
    """The folded text, always of the same length as ``text``."""
    pattern = _FOLD_RE.get(id(table))
    if pattern is None:  # one character class of every folded character, built once per table
        pattern = _FOLD_RE[id(table)] = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")
    out = pattern.sub(lambda m: table[ord(m.group())], text)
    if len(out) != len(text):  # cannot happen with single-character maps; guard the offsets anyway
        raise AssertionError("folding changed the text length")
    return out


def _between(text: str, separators: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """The non-empty (start, end) ranges of ``text`` between the given separator matches."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in separators:
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; sentences end at 。！？!?；; a newline or a full stop + space."""
    n = len(text)

    def ends() -> Iterator[re.Match[str]]:
        for m in _SENTENCE_END.finditer(text):
            if m.group() == ".":
                after = m.end()
                if after < n and not text[after].isspace():
                    continue  # 3.5, example.com
                if _ABBREVIATION.search(text, max(0, m.start() - 5), m.start()):
                    continue
            yield m

    return _between(text, ends())


_PARAGRAPH_BREAK = re.compile(r"(?:\r?\n|\r)[ \t\u3000]*(?:\r?\n|\r)\s*")


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blocks separated by a blank line)."""
    return _between(text, _PARAGRAPH_BREAK.finditer(text))


class Bounds:
    """Find the sentence or paragraph around an offset by bisection."""

    def __init__(self, bounds: list[tuple[int, int]]) -> None:
        self.bounds = bounds
        self.starts = [b[0] for b in bounds]

    def index(self, offset: int) -> int:
        """Index of the unit containing ``offset`` (the nearest one before it in a gap), or -1."""
        return bisect_right(self.starts, offset) - 1

    def around(self, offset: int) -> tuple[int, int]:
        """The unit containing ``offset`` (an empty range at the offset when there is none)."""
        i = self.index(offset)
        if i >= 0 and self.bounds[i][0] <= offset < self.bounds[i][1]:
            return self.bounds[i]
        return (offset, offset)


def phrase_pattern(phrase: str) -> str:
    """A lexicon phrase as a regex: literal text, ``…`` a short gap, English edges guarded."""
    parts = [re.escape(p) for p in phrase.split("…")]
    body = r"[^。！？!?；;\n]{0,24}?".join(parts)
    if phrase[:1].isascii() and phrase[:1].isalnum():
        body = EN_L + body
    if phrase[-1:].isascii() and phrase[-1:].isalnum():
        body = body + EN_R
    return body


def alternation(phrases: list[str]) -> str:
    """One regex alternative for all ``phrases``, longest first so the longest phrase wins."""
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=lambda s: (-len(s), s)))


_ASCII_LOWER = {cp: chr(cp + 32) for cp in range(0x41, 0x5B)}


def ascii_lower(text: str) -> str:
    """``text`` lowered for case-insensitive matching, always of the same length as ``text``."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


class PhraseIndex:
    """Find many literal phrases in one pass (faster than a regex alternation of hundreds of them).

    Phrases are matched case-insensitively (ASCII), anywhere for CJK, and at Latin word edges for
    phrases that begin or end with a Latin letter or digit. A phrase containing ``…`` (a short gap)
    is matched by a small regex instead.
    """

    def __init__(self, phrases: dict[str, list[tuple[str, str]]]) -> None:
        # Candidates keyed by their first three characters (shorter phrases by all of theirs), so that
        # each position costs a few dictionary lookups and few `startswith` checks.
        self.keyed: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
        gapped: list[tuple[str, list[tuple[str, str]]]] = []
        for phrase, targets in phrases.items():
            low = ascii_lower(phrase)
            if "…" in low:
                gapped.append((low, targets))
            else:
                self.keyed.setdefault(low[:3], []).append((low, targets))
        for cands in self.keyed.values():
            cands.sort(key=lambda c: -len(c[0]))
        lengths: dict[str, set[int]] = {}
        for k in self.keyed:
            lengths.setdefault(k[0], set()).add(len(k))
        self.lengths_for = {c: sorted(v, reverse=True) for c, v in lengths.items()}
        firsts = {k[0] for k in self.keyed}
        latin = sorted(c for c in firsts if c < "\x80" and c.isalnum())
        other = sorted(c for c in firsts if not (c < "\x80" and c.isalnum()))
        # Only positions whose character starts a phrase (and, for Latin, starts a word) reach Python.
        parts = []
        if latin:
            parts.append("(?<![a-z0-9])[" + "".join(re.escape(c) for c in latin) + "]")
        if other:
            parts.append("[" + "".join(re.escape(c) for c in other) + "]")
        self.first_re = re.compile("|".join(parts)) if parts else None
        # Each gapped phrase is its own regex: it runs only when its first literal part is in the text.
        self.gapped = [(p.split("…", 1)[0], re.compile(phrase_pattern(p)), t) for p, t in gapped]

    def scan(self, folded: str) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """(lexicon, group) -> [(start, end), ...] of every phrase occurrence, in text order."""
        low = ascii_lower(folded)
        out: dict[tuple[str, str], list[tuple[int, int]]] = {}
        keyed, lengths_for = self.keyed, self.lengths_for
        n = len(low)
        for m in (self.first_re.finditer(low) if self.first_re is not None else ()):
            i = m.start()
            for k in lengths_for[low[i]]:
                cands = keyed.get(low[i:i + k])
                if cands is None:
                    continue
                for phrase, targets in cands:
                    if low.startswith(phrase, i):
                        end = i + len(phrase)
                        last = phrase[-1]
                        if last < "\x80" and last.isalnum() and end < n and low[end] < "\x80" and low[end].isalnum():
                            continue
                        for t in targets:
                            out.setdefault(t, []).append((i, end))
        for first, pattern, targets in self.gapped:
            if first not in low:
                continue
            for m in pattern.finditer(low):
                for t in targets:
                    out.setdefault(t, []).append((m.start(), m.end()))
        return out


def windows(text: str, anchors: re.Pattern[str], before: int, after: int) -> list[tuple[int, int]]:
    """Merged ranges [p - before, p + after) around each match of ``anchors`` (a cheap literal scan).

    Running a costly pattern only inside these ranges finds the same matches as a whole-text scan as
    long as every match contains an anchor and lies within ``before``/``after`` of it (lookbehinds
    see the text before a range; ``after`` must leave room for lookaheads).
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in anchors.finditer(text):
        lo, hi = max(0, m.start() - before), min(n, m.end() + after)
        if out and lo <= out[-1][1] + 40:  # close ranges are merged: one scan costs less than two calls
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


# A defined term (上海恒远科技有限公司（下称「恒远」）, Acme Ltd ("Acme"), "hereinafter the Company") is a
# short name for a party already named: the same party, never a new one (general contract language).
DEFINED_TERM = re.compile(
    r"(?:下称|以下简称|以下称|简称|下稱|以下簡稱|以下稱|簡稱)\s*[「『“\"]?(?P<zh>[^」』”\"）)\n]{1,12})[」』”\"]?"
    r"|\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?|the\s+)?[\"“](?P<en>[^\"”\n]{1,40})[\"”]\s*\)", re.I)


def defined_terms(folded: str) -> set[str]:
    """The short names a text defines for a party it has already named (下称「恒远」 -> 恒远)."""
    if not any(w in folded for w in ("称", "稱", "(", "（")):
        return set()
    out = set()
    for m in DEFINED_TERM.finditer(folded):
        term = (m.group("zh") or m.group("en") or "").strip()
        if term:
            out.add(term)
    return out


@lru_cache(maxsize=8)
def _paragraph_breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the blank-line breaks of ``text``, found once per text."""
    spans = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    return [s for s, _ in spans], [e for _, e in spans]


def paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph holding [start, end) together with the paragraph before it, as (lo, hi) offsets;
    a paragraph break is a blank line, with or without spaces or a CR in it. Breaks are found once per
    text and searched by bisection, so many calls on a long text stay cheap."""
    starts, ends = _paragraph_breaks(text)
    k = bisect_right(ends, start)  # breaks that end at or before ``start``
    lo = ends[k - 2] if k >= 2 else 0
    j = bisect_left(starts, end)
    hi = starts[j] if j < len(starts) else len(text)
    return lo, hi


@lru_cache(maxsize=8)
def letter_length(text: str) -> int:
    """The text's length as its LF copy would have it (a CRLF letter is not longer than its LF twin)."""
    return len(text) - text.count(" \n")  # after unify_line_ends, a CR is the space before its LF

