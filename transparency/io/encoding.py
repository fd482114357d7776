"""Decode the bytes of a plain-text letter without a heavy detection library.

Letters reach us from Windows desktops (GBK, UTF-16 from Notepad "Unicode"), from Taiwan and Hong Kong
offices (Big5) and from everything else (UTF-8). The order of the decisions below is what makes the
guess reliable:

1. A byte-order mark is proof: UTF-32, UTF-8 and UTF-16 BOMs decide the encoding outright.
2. NUL bytes never occur in text encoded in UTF-8, GBK or Big5, but every ASCII character (newline,
   digit, Latin letter) in UTF-16 has one NUL byte: NULs that sit almost all on odd offsets mean
   UTF-16-LE, on even offsets UTF-16-BE. NULs in any other pattern mean a binary file.
3. Valid UTF-8 with non-ASCII bytes rarely happens by accident in GBK or Big5 text (their lead bytes
   0x81-0xFE would need exactly the right continuation bytes), so a strict UTF-8 decode that reads as
   plausible text (below) wins at once. A few GBK characters do form valid UTF-8 (为 = CE AA reads as
   Greek Ϊ), which is why even a successful UTF-8 decode must also look like a letter.
4. GB18030 and Big5 both accept most Chinese byte strings, so both strict decodes are tried and the
   more *plausible* text wins: the share of characters that are ordinary ASCII, CJK punctuation or
   ideographs from the *frequent* part of that encoding's own table (GB2312 level 1 for GB, the Big5
   "常用字" block for Big5), minus a penalty for characters that do not occur in Chinese prose
   (control characters, private use, kana, bopomofo, box drawing, Cyrillic, Greek). Decoding one as
   the other yields rare ideographs and those symbols, so the real encoding scores far higher.
"""

from __future__ import annotations

import codecs
import re

# Characters that are fine anywhere: whitespace controls.
_OK_CONTROLS = frozenset("\t\n\r\f\v")


def _frequent_gb(ch: str) -> bool:
    """An ideograph from GB2312 level 1 (the 3,755 most used simplified characters)."""
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7


def _frequent_big5(ch: str) -> bool:
    """An ideograph from the Big5 frequent block (常用字, 0xA440-0xC67E)."""
    try:
        b = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and (0xA4 <= b[0] <= 0xC5 or (b[0] == 0xC6 and b[1] <= 0x7E))


def _implausible(ch: str) -> bool:
    """A character that does not belong in a letter: controls, private use, scripts and symbols that
    show up when Chinese bytes are decoded with the wrong table."""
    o = ord(ch)
    if o < 0x20:
        return ch not in _OK_CONTROLS
    return (0x7F <= o <= 0x9F            # DEL and C1 controls
            or 0x0370 <= o <= 0x052F     # Greek, Cyrillic
            or 0x2500 <= o <= 0x259F     # box drawing, blocks
            or 0x3040 <= o <= 0x30FF     # kana
            or 0x3100 <= o <= 0x312F     # bopomofo
            or 0xAC00 <= o <= 0xD7AF     # Hangul
            or 0xE000 <= o <= 0xF8FF     # private use
            or o == 0xFFFD)


def _plausibility(text: str, frequent) -> float:  # noqa: ANN001 - a predicate
    """Share of ordinary characters minus three times the share of implausible ones."""
    if not text:
        return 1.0
    good = bad = 0
    for ch in text:
        o = ord(ch)
        if o < 0x80:
            if ch.isprintable() or ch in _OK_CONTROLS:
                good += 1
            else:
                bad += 1
        elif 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x206F:
            good += 1          # CJK and full-width punctuation, dashes and quotes
        elif _implausible(ch):
            bad += 1
        elif frequent(ch):
            good += 1
    return (good - 3 * bad) / len(text)


# For UTF-8 any script is possible, so "good" is broader (any CJK ideograph, Latin-1 letters) and is
# counted with regular expressions: this runs on every non-ASCII letter, so it has to be fast.
_UTF8_GOOD = re.compile("[\t\n\r\x20-\x7e\u00a0-\u00ff\u2010-\u206f\u3000-\u303f\u3400-\u4dbf"
                        "\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f]")
_UTF8_BAD = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u0370-\u052f\u2500-\u259f\u3040-\u30ff"
                       "\u3100-\u312f\uac00-\ud7af\ue000-\uf8ff\ufffd]")


def _utf8_plausibility(text: str) -> float:
    good = len(_UTF8_GOOD.findall(text))
    bad = len(_UTF8_BAD.findall(text))
    return (good - 3 * bad) / len(text) if text else 1.0


def _implausible_share(text: str) -> float:
    return len(_UTF8_BAD.findall(text)) / len(text) if text else 0.0


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 before UTF-16: the UTF-32-LE BOM starts with the UTF-16-LE one.
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


class DecodeFailure(ValueError):
    """The bytes are not text in any supported encoding; the message says why."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` as text; returns ``(text, encoding name)`` or raises :class:`DecodeFailure`.

    Supported: UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL pattern is
    clear), UTF-32 with BOM, GB18030/GBK and Big5. A BOM is removed from the text.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            text = _strict(data, codec)
            if text is None:
                raise DecodeFailure(f"starts with a {name} byte-order mark but is not valid {name}")
            return _check_controls(text, name), name
    if b"\x00" in data:
        return _decode_utf16_without_bom(data)
    text = _strict(data, "utf-8")
    candidates: list[tuple[float, int, str, str]] = []
    if text is not None:
        if data.isascii():
            return _check_controls(text, "utf-8"), "utf-8"
        score = _utf8_plausibility(text)
        if score >= 0.9:
            return _check_controls(text, "utf-8"), "utf-8"
        candidates.append((score, 1, "utf-8", text))
    # GBK before GB18030: same text for GBK bytes, and the narrower name is the more useful one.
    for order, (codec, frequent) in enumerate((("gbk", _frequent_gb), ("gb18030", _frequent_gb),
                                                ("big5", _frequent_big5), ("cp950", _frequent_big5))):
        decoded = _strict(data, codec)
        if decoded is None:
            continue
        if codec == "gb18030" and any(c[2] == "gbk" for c in candidates):
            continue
        if codec == "cp950" and any(c[2] == "big5" for c in candidates):
            continue
        candidates.append((_plausibility(decoded, frequent), -order, codec, decoded))
    if not candidates:
        raise DecodeFailure("is not valid UTF-8, UTF-16, GB18030/GBK or Big5 text; "
                            "save it as UTF-8 and try again")
    score, _, codec, decoded = max(candidates)
    if _implausible_share(decoded) > 0.1:
        # Rare ideographs are fine (a name, a traditional character in GBK); control characters,
        # private-use code points and stray kana in one character of ten are not a letter.
        raise DecodeFailure(f"does not look like text (best guess {codec} leaves too many "
                            "unusual characters); save it as UTF-8 and try again")
    return _check_controls(decoded, codec), codec


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str]:
    even = sum(1 for i in range(0, len(data), 2) if data[i] == 0)
    odd = sum(1 for i in range(1, len(data), 2) if data[i] == 0)
    codec = None
    if len(data) % 2 == 0:
        if odd and even <= odd // 20:
            codec = "utf-16-le"
        elif even and odd <= even // 20:
            codec = "utf-16-be"
    text = _strict(data, codec) if codec else None
    if text is None or "\x00" in text:
        raise DecodeFailure("is a binary file (it contains NUL bytes and is not UTF-16 text)")
    return _check_controls(text, codec), codec


# C0 controls other than whitespace; \x1a (the DOS end-of-file mark) is tolerated.
_BAD_CONTROL = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")


def _check_controls(text: str, encoding: str) -> str:
    """Refuse text with NUL or other non-whitespace C0 controls: a binary file that happened to decode."""
    bad = _BAD_CONTROL.search(text)
    if bad:
        raise DecodeFailure(f"is a binary file (control character U+{ord(bad.group()):04X} at "
                            f"character {bad.start()} after decoding as {encoding})")
    return text
