"""Plain-text articles, with the small headers scrapers and editors put on top.

Two header shapes are understood, both only at the very top of the file:

* a header block, one ``Key: value`` per line (``Title:``, ``Date:``, ``Outlet:``, ``URL:``, ...), as the
  bundled example corpus uses;
* a scraper's inline date header, ``" date 2021-11-26 France has told…"``, where the text follows the
  date on the same line.

The text itself is never changed but for one repair: mojibake ("AndrÃ©s" for "Andrés", see
``corroborate.text.mojibake``) is repaired before the Article is built, and where each repair lies is kept in
``Article.meta`` for ``clean`` to report. ``Article.text`` keeps the header, :func:`parse_header` reports where
each header line lies, and ``clean`` records those lines as removals so no passage contains them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from corroborate.config import IngestConfig
from corroborate.ingest.common import Source, article_id, file_outlet, iso_date, url_host
from corroborate.model import Article, InputError
from corroborate.text.mojibake import META_KEY, repair_mojibake, repairs_meta

# Header keys (lower case) → the Article field they fill. Aliases cover common export conventions.
HEADER_KEYS: dict[str, str] = {
    "title": "title", "headline": "title",
    "date": "published", "published": "published", "pubdate": "published",
    "outlet": "outlet", "source": "outlet", "publication": "outlet", "site": "outlet",
    "url": "url", "link": "url",
    "author": "author", "byline": "author", "by": "author",
}
_HEADER_LINE = re.compile(
    r"[ \t\ufeff]*(?P<key>" + "|".join(sorted(HEADER_KEYS, key=len, reverse=True)) + r")[ \t]*:[ \t]*"
    r"(?P<value>\S[^\n]*?)[ \t\r]*(?:\n|\Z)",
    re.IGNORECASE,
)
# " date 2021-11-26 France has told…": the scraper's date, then the text on the same line.
_INLINE_DATE = re.compile(
    r"[ \t\ufeff]*(?P<header>date[ \t]*:?[ \t]*"
    r"(?P<value>\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?))(?=\s|\Z)",
    re.IGNORECASE,
)
# A first line short enough, and without sentence punctuation at its end, to be a headline.
_HEADLINE_MAX_WORDS = 20
_HEADLINE_MAX_CHARS = 160


@dataclass(slots=True, frozen=True)
class HeaderField:
    """One header line found at the top of a text: which field, its value, and where it lies."""

    field: str  # title | published | outlet | url | author
    value: str
    start: int  # offsets of the header (key and value, no surrounding whitespace) in the text
    end: int
    reason: str  # the removal reason clean records: "metadata header" or "date header"


def parse_header(text: str) -> list[HeaderField]:
    """The header lines at the top of ``text``, in order; empty when it has none.

    A ``Date:`` line whose value is not a date ends the block there: such a line is prose, not a
    header, and leaving it in the text is safer than hiding a sentence.
    """
    fields: list[HeaderField] = []
    pos = 0
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1  # leading blank lines
    while True:
        m = _HEADER_LINE.match(text, pos)
        if not m:
            break
        name = HEADER_KEYS[m.group("key").lower()]
        value = m.group("value").strip()
        if name == "published" and iso_date(value) is None:
            break
        start = m.start("key")
        fields.append(HeaderField(name, value, start, m.end("value"), "metadata header"))
        pos = m.end()
        if pos < len(text) and text[pos] == "\r":
            pos += 1
    if fields:
        return fields
    m = _INLINE_DATE.match(text)
    if m and iso_date(m.group("value")):
        return [HeaderField("published", m.group("value"), m.start("header"), m.end("header"), "date header")]
    return []


def _headline(text: str, body_start: int) -> str | None:
    """The first line of the body when it reads as a headline: short, unpunctuated, more text after."""
    rest = text[body_start:].lstrip()
    if "\n" not in rest:
        return None
    first, after = rest.split("\n", 1)
    first = first.strip()
    if not first or not after.strip():
        return None
    if len(first) > _HEADLINE_MAX_CHARS or len(first.split()) > _HEADLINE_MAX_WORDS:
        return None
    if first[-1] in ".!?,;:\"”’'…" or not (first[0].isupper() or first[0].isdigit()):
        return None
    return first


def read_text(source: Source, *, config: IngestConfig) -> Iterator[Article | InputError]:
    """One Article from a plain-text source; the header (if any) fills title, date, outlet and URL."""
    del config  # plain text has no settings today; kept for the common reader signature
    # Repaired first, so the header, the title and every span downstream read the text the user is shown.
    text, repairs = repair_mojibake(source.text)
    header = parse_header(text)
    values: dict[str, str] = {}
    for f in header:
        values.setdefault(f.field, f.value)
    body_start = header[-1].end if header else 0
    url = values.get("url")
    title = values.get("title") or _headline(text, body_start)
    meta = {"format": "text", "encoding": source.encoding}
    if "author" in values:
        meta["author"] = values["author"]
    if repairs:
        meta[META_KEY] = repairs_meta(repairs)
    yield Article(
        id=article_id(text),
        outlet=values.get("outlet") or url_host(url) or file_outlet(source.path),
        title=title,
        published=iso_date(values.get("published")),
        path=source.path,
        text=text,
        url=url,
        meta=meta,
    )
