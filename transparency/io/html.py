"""The visible text of an HTML letter, with block elements as line breaks (stdlib ``html.parser``).

What a reader sees is what we lint: ``<script>``, ``<style>``, ``<head>`` (title included) and
``<template>`` are skipped; runs of white space collapse to one space as a browser renders them (except
inside ``<pre>``); each block element (paragraph, heading, list item, table row, ``<br>``…) ends a line;
table cells on one row are separated by a tab. ``<!-- transparency: … -->`` comments are kept as text,
so suppression comments work in HTML letters as in plain text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset({"script", "style", "head", "template", "noscript", "svg", "math"})
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "tfoot", "thead", "tr", "ul",
})
_CELL = frozenset({"td", "th"})
# Void elements never get an end tag, so they must not open a skipped region.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_SPACE = re.compile(r"[ \t\n\r\f]+")
_DIRECTIVE = re.compile(r"^\s*transparency:", re.IGNORECASE)


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.skip_depth = 0
        self.pre_depth = 0
        self.cell_open = False
        self.in_head = False

    # -- structure -----------------------------------------------------------------------------
    def _break(self) -> None:
        line = "".join(self.current).strip(" ")
        if line.strip():
            self.lines.append(line)
        self.current = []
        self.cell_open = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - html.parser's signature
        if tag == "body" and self.in_head:
            # </head> is optional in HTML: the body starts the visible part in any case.
            self.skip_depth, self.in_head = 0, False
        if tag in _SKIP and tag not in _VOID:
            self.in_head = self.in_head or tag == "head"
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag == "pre":
            self._break()
            self.pre_depth += 1
        elif tag in _BLOCK:
            self._break()
        elif tag in _CELL:
            if self.cell_open:
                self.current.append("\t")
            self.cell_open = True

    def handle_startendtag(self, tag: str, attrs) -> None:  # noqa: ANN001
        if tag in _SKIP:
            return
        if not self.skip_depth and tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            self.in_head = self.in_head and tag != "head"
            return
        if self.skip_depth:
            return
        if tag == "pre":
            self._break()
            self.pre_depth = max(0, self.pre_depth - 1)
        elif tag in _BLOCK:
            self._break()

    # -- content -------------------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.pre_depth:
            parts = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for i, part in enumerate(parts):
                if i:
                    self.lines.append("".join(self.current))
                    self.current = []
                self.current.append(part)
            return
        text = _SPACE.sub(" ", data)
        if not self.current or self.current[-1].endswith((" ", "\t")):
            text = text.lstrip(" ")
        if text:
            self.current.append(text)

    def handle_comment(self, data: str) -> None:
        if not self.skip_depth and _DIRECTIVE.match(data):
            self.current.append(f"<!--{data}-->")


def html_to_text(markup: str) -> str:
    """The visible text of ``markup``: one line per block element, no trailing newline."""
    parser = _VisibleText()
    parser.feed(markup)
    parser.close()
    parser._break()
    return "\n".join(parser.lines)
