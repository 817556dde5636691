"""RSS and Atom feeds through feedparser: one Article per entry.

feedparser is lenient ("bozo" feeds still yield what could be recovered), which suits scraped feeds. A
broken feed that yields no usable entry is one InputError naming the parser's complaint; a usable feed
with a few empty entries yields its articles plus one error per empty entry.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from corroborate.config import IngestConfig
from corroborate.ingest.common import Source, article_id, file_outlet, iso_date, one_line, url_host
from corroborate.ingest.html import html_to_text
from corroborate.model import Article, InputError


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    if exc is None:
        return "unknown error"
    reason = getattr(exc, "getMessage", lambda: str(exc))()
    line = getattr(exc, "getLineNumber", lambda: None)()
    return f"{reason} at line {line}" if line else str(reason)


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            # feedparser normalises to UTC struct_time; timegm keeps it in UTC (mktime would use local time).
            return datetime.fromtimestamp(calendar.timegm(t), tz=UTC).isoformat(timespec="seconds")
    for key in ("published", "updated"):
        if entry.get(key):
            return iso_date(entry[key])
    return None


def _entry_text(entry: Any) -> str:
    """The fullest body the entry carries: ``content`` (Atom, content:encoded) over ``summary``."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_to_text(c) for c in candidates if c and c.strip()]
    return max(texts, key=len, default="")


def _plain(value: str | None) -> str | None:
    if not value:
        return None
    text = html_to_text(value) if "<" in value else " ".join(value.split())
    return text or None


def read_feed(source: Source, *, config: IngestConfig) -> Iterator[Article | InputError]:
    """Articles from an RSS/Atom feed, in feed order."""
    del config  # no feed settings today; kept for the common reader signature
    import feedparser  # lazy: only feed input needs it

    # Raw bytes: feedparser honours the XML encoding declaration itself. Never a URL or a path here,
    # so feedparser cannot fetch anything over the network.
    # feedparser's own sanitizer removes an <iframe> tag but keeps its fallback text; html_to_text drops
    # the element whole, and only text ever leaves this reader, so the raw HTML is what it should see.
    parsed = feedparser.parse(source.data, sanitize_html=False, resolve_relative_uris=False)
    bozo = bool(parsed.get("bozo"))
    entries = parsed.get("entries", [])
    if not entries:
        if bozo:
            yield InputError(source.path, one_line(f"malformed feed: {_bozo_reason(parsed)}"))
        elif not parsed.get("version"):
            yield InputError(source.path, "not an RSS or Atom feed")
        else:
            yield InputError(source.path, "feed has no entries")
        return
    feed = parsed.get("feed", {})
    feed_outlet = _plain(feed.get("title")) or url_host(feed.get("link"))
    items: list[Article | InputError] = []
    for n, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        title = _plain(entry.get("title"))
        if not text:
            items.append(InputError(source.path, f"entry {n}{f' ({title})' if title else ''}: no text"))
            continue
        link = entry.get("link") or None
        meta = {"format": "feed", "encoding": source.encoding, "entry": str(n)}
        if bozo:
            meta["warning"] = one_line(f"feed is malformed ({_bozo_reason(parsed)}); entries were recovered")
        if entry.get("author"):
            meta["author"] = str(entry["author"])
        items.append(Article(
            id=article_id(text),
            outlet=feed_outlet or url_host(link) or file_outlet(source.path),
            title=title,
            published=_entry_date(entry),
            path=source.path,
            text=text,
            url=link,
            meta=meta,
        ))
    if bozo and not any(isinstance(item, Article) for item in items):
        yield InputError(source.path, one_line(f"malformed feed: {_bozo_reason(parsed)}"))
        return
    yield from items
