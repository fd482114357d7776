"""Legal citations (《合同法》第94条, 民法典第五百六十三条, "Article 577 of the Civil Code"), checked
against ``matrices/repealed_law.yaml``.

Each citation is kind ``citation``, subkind ``law``, with attrs ``law`` (canonical short name),
``article`` (when given) and ``status``: current | repealed | renumbered | unknown. ``value`` adds the
current law and articles for a repealed or renumbered citation (合同法第94条 -> 民法典第563条).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .numerals import cn_to_number
from .text import EN_L, EN_R, Hit, ascii_lower

_ARTICLES = re.compile(r"^\s*(?:\d+(?:\s*-\s*\d+)?(?:\s*,\s*\d+(?:\s*-\s*\d+)?)*)?\s*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LawEntry(_Strict):
    """One law: whether it is in force, and what replaced it."""

    status: Literal["current", "repealed"]
    repealed_on: dt.date | None = None
    repealed_by: str | None = None
    successor: str | None = None
    note: str | None = None
    aliases: list[str] = Field(default_factory=list)


class ArticleRow(_Strict):
    """One row of the mapping table: old article(s) -> current article(s)."""

    law: str
    articles: str
    current_law: str
    current_articles: str
    status: Literal["repealed", "renumbered"]
    version: str | None = None
    verified: Literal["V", "S", "M"] | None = None
    note: str | None = None

    @field_validator("articles", "current_articles")
    @classmethod
    def _article_list(cls, v: str) -> str:
        if not _ARTICLES.match(v):
            raise ValueError(f"{v!r} is not an article number, a range 39-41 or a list 144,146")
        return v


class RepealedLawTable(_Strict):
    """The whole ``repealed_law.yaml``."""

    laws: dict[str, LawEntry]
    articles: list[ArticleRow]

    @model_validator(mode="after")
    def _known_laws(self) -> "RepealedLawTable":
        for i, row in enumerate(self.articles):
            for name in (row.law, row.current_law):
                if name not in self.laws:
                    raise ValueError(f"articles[{i}]: law {name!r} is not listed under laws")
        for name, law in self.laws.items():
            if law.successor and law.successor not in self.laws:
                raise ValueError(f"laws.{name}: successor {law.successor!r} is not listed under laws")
        return self


def _expand(spec: str) -> list[int]:
    out: list[int] = []
    for part in filter(None, (p.strip() for p in spec.split(","))):
        if "-" in part:
            a, b = (int(x) for x in part.split("-"))
            out.extend(range(a, b + 1))
        else:
            out.append(int(part))
    return out


class LawTable:
    """Lookups over a validated :class:`RepealedLawTable`."""

    def __init__(self, table: RepealedLawTable) -> None:
        self.table = table
        self.canonical: dict[str, str] = {}
        for name, law in table.laws.items():
            for alias in (name, *law.aliases):
                self.canonical[alias.lower()] = name
        self.mapping: dict[tuple[str, int], tuple[ArticleRow, list[int]]] = {}
        for row in table.articles:
            old, new = _expand(row.articles), _expand(row.current_articles)
            pairwise = len(old) == len(new) and len(old) > 1
            for i, article in enumerate(old):
                self.mapping[(row.law, article)] = (row, [new[i]] if pairwise else new)

    def names(self) -> list[str]:
        """Every name and alias, longest first."""
        return sorted(self.canonical, key=len, reverse=True)

    def check(self, law: str, article: int | None, version: str | None = None) -> dict:
        """Status and current equivalent of a citation of ``law`` (any alias) and ``article``."""
        name = self.canonical.get(law.lower())
        if name is None:
            return {"law": law, "article": article, "status": "unknown"}
        entry = self.table.laws[name]
        out: dict = {"law": name, "article": article, "status": entry.status}
        mapped = self.mapping.get((name, article)) if article is not None else None
        if entry.status == "repealed":
            out["current_law"] = entry.successor
            if mapped:
                row, new = mapped
                out["current_law"], out["current_articles"] = row.current_law, new
                if row.note:
                    out["note"] = row.note
            if entry.repealed_on:
                out["repealed_on"] = entry.repealed_on.isoformat()
        elif mapped and mapped[0].status == "renumbered" and (version is None or version == mapped[0].version):
            row, new = mapped
            out.update(status="renumbered", old_version=row.version, current_law=row.current_law,
                       current_articles=new)
            if row.note:
                out["note"] = row.note
        return out


def load_law_table(path: Path | None = None) -> LawTable:
    """Load and validate a repealed-law table (the bundled one by default)."""
    from ..data import matrices_dir
    from ..datafile import load_data_file

    path = path or matrices_dir() / "repealed_law.yaml"
    return LawTable(load_data_file(path, RepealedLawTable, "the repealed-law table"))


@cache
def bundled_law_table() -> LawTable:
    """The bundled table, loaded once."""
    return load_law_table()


_NUM = r"[\d一二三四五六七八九十百千零〇两]+"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    table = bundled_law_table()
    zh = [n for n in table.names() if not n[:1].isascii()]
    en = [n.lower() for n in table.names() if n[:1].isascii()]
    zh_alt = "|".join(re.escape(n) for n in zh)
    en_alt = "|".join(re.escape(n) for n in en)
    tail = (rf"\s*(?:[(（]\s*(?P<ver>\d{{4}})\s*年?\s*(?:修订|修正|版|revision)?\s*[)）])?\s*(?:的)?\s*"
            rf"(?:第\s*(?P<art>{_NUM})\s*条)?")
    return {
        "zh": re.compile(rf"(?:《\s*(?:中华人民共和国)?(?P<bk>[^《》\n]{{1,30}}?)\s*》|(?:中华人民共和国)?(?P<bare>{zh_alt})){tail}"),
        "more": re.compile(rf"\s*[、,和及与]\s*第\s*(?P<art>{_NUM})\s*条"),
        "en_article_of": re.compile(rf"{EN_L}(?:article|art\.)\s*(?P<art>\d+)(?:\(\d+\))?\s+of\s+(?:the\s+)?(?:prc\s+|people's republic of china\s+|chinese\s+)?(?P<law>{en_alt}){EN_R}"),
        "en_law_article": re.compile(rf"{EN_L}(?:the\s+)?(?P<law>{en_alt})(?:\s*\((?P<ver>\d{{4}})\))?,?\s+(?:article|art\.)\s*(?P<art>\d+){EN_R}"),
        "en_law": re.compile(rf"{EN_L}(?:the\s+)?(?:prc\s+)?(?P<law>{en_alt}){EN_R}"),
    }


_LAWLIKE = re.compile(r"(?:法|法典|条例|规定|办法|解释|规则|通则|总则)(?:[(（][一二三四五六七八九十]+[)）])?$")


def _hit(table: LawTable, s: int, e: int, law: str, art: str | None, ver: str | None) -> Hit:
    article = cn_to_number(art) if art else None
    article = int(article) if article is not None else None
    info = table.check(law, article, ver)
    if ver:
        info["version"] = ver
    attrs: dict = {"law": info["law"], "status": info["status"]}
    if article is not None:
        attrs["article"] = article
    return Hit("citation", "law", "concrete", s, e, info, attrs)


def find_citations(folded: str) -> list[Hit]:
    """Legal citations in the folded text."""
    table = bundled_law_table()
    pats = _patterns()
    hits: list[Hit] = []
    zh_possible = "《" in folded or "法" in folded or "条例" in folded
    for m in (pats["zh"].finditer(folded) if zh_possible else ()):
        law = (m.group("bk") or m.group("bare") or "").strip()
        if m.group("bk") and not (law.lower() in table.canonical or _LAWLIKE.search(law)):
            continue
        hits.append(_hit(table, m.start(), m.end(), law, m.group("art"), m.group("ver")))
        pos = m.end()
        if m.group("art"):
            while (more := pats["more"].match(folded, pos)):
                hits.append(_hit(table, more.start("art") - 1, more.end(), law, more.group("art"), m.group("ver")))
                pos = more.end()
    taken: list[tuple[int, int]] = []
    low = ascii_lower(folded)
    en_possible = any(n in low for n in ("law", "code", "pipl", "regulation"))
    for key in (("en_article_of", "en_law_article", "en_law") if en_possible else ()):
        for m in pats[key].finditer(low):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            groups = m.groupdict()
            hits.append(_hit(table, m.start(), m.end(), m.group("law"), groups.get("art"), groups.get("ver")))
    return hits
