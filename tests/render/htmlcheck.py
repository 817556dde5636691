"""Reading rendered HTML back with the standard library's parser, for the report and app tests.

:class:`Parsed` keeps every element's attributes, the text of ``<script>``/``<style>`` blocks, all text nodes,
and, for each article column (``section.column``), the text of its ``.article-body`` cut into runs with the
``data-a`` tokens of the marks around them: enough to check that highlights sit exactly on the span offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""  # raw content, for script and style


@dataclass
class Run:
    start: int
    text: str
    tokens: frozenset[str]
    classes: frozenset[str]


@dataclass
class Parsed:
    elements: list[Element] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    bodies: dict[str, list[Run]] = field(default_factory=dict)  # column id -> runs of its article body

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())]

    def by_id(self, element_id: str) -> Element:
        (found,) = [e for e in self.elements if e.attrs.get("id") == element_id]
        return found

    def body_text(self, column: str) -> str:
        return "".join(r.text for r in self.bodies[column])


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Parsed()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.column: str | None = None
        self.column_depth = 0
        self.body_depth: int | None = None
        self.raw: Element | None = None

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v or "" for k, v in attrs_list}
        element = Element(tag, attrs)
        self.out.elements.append(element)
        if tag in ("script", "style"):
            self.raw = element
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        classes = set(attrs.get("class", "").split())
        if tag == "section" and "column" in classes:
            self.column, self.column_depth = attrs["id"], len(self.stack)
        if "article-body" in classes and self.column:
            self.body_depth = len(self.stack)
            self.out.bodies[self.column] = []

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        while self.stack:
            open_tag, _ = self.stack.pop()
            if self.body_depth is not None and len(self.stack) < self.body_depth:
                self.body_depth = None
            if self.column and len(self.stack) < self.column_depth:
                self.column = None
            if open_tag == tag:
                break
        if tag in ("script", "style"):
            self.raw = None

    def handle_data(self, data: str) -> None:
        if self.raw is not None:
            self.raw.text += data
            return
        self.out.texts.append(data)
        if self.body_depth is not None and self.column:
            runs = self.out.bodies[self.column]
            start = sum(len(r.text) for r in runs)
            tokens: set[str] = set()
            classes: set[str] = set()
            for tag, attrs in self.stack[self.body_depth:]:
                if tag == "mark":
                    tokens.update(attrs.get("data-a", "").split())
                    classes.update(attrs.get("class", "").split())
            runs.append(Run(start, data, frozenset(tokens), frozenset(classes)))


def parse(document: str) -> Parsed:
    parser = _Parser()
    parser.feed(document)
    parser.close()
    return parser.out


def covering_token(runs: list[Run], start: int, end: int) -> set[str]:
    """Tokens carried by every character of [start, end) and by no character outside it."""
    inside: set[str] | None = None
    outside: set[str] = set()
    for r in runs:
        lo, hi = r.start, r.start + len(r.text)
        if hi <= start or lo >= end:
            outside |= r.tokens
            continue
        if lo < start or hi > end:  # a run straddling the span edge: a mark must have been cut there
            outside |= r.tokens
        inside = set(r.tokens) if inside is None else inside & r.tokens
    return (inside or set()) - outside
