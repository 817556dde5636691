"""JSON Lines exports: one article per line, with configurable field names (``IngestConfig.jsonl_*``).

A bad line is an InputError for that line ("line 7: not valid JSON (...)"); the other lines still
yield their articles. Field types are checked, not coerced: a number where a title should be is a
sign the export is not what the settings say, and guessing would hide that.

A file that is one JSON document (an object, or an array of objects, pretty-printed over many lines: the
way BASIL and many scrapers store one article per ``.json`` file) is read as that document, not as a
hundred broken lines. The text field may hold a list of paragraphs, each a string or a list of sentences
(BASIL's ``body-paragraphs``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from corroborate.config import IngestConfig
from corroborate.ingest.common import Source, article_id, file_outlet, iso_date, one_line, url_host
from corroborate.model import Article, InputError

_DATE_FIELDS = ("published", "date", "published_at", "publish_date", "pubDate")
# Where exports keep an article's body when it is not under the configured name (BASIL: "body-paragraphs";
# schema.org and news-please: "articleBody", "maintext"). Used only when exactly one of them is present, so a
# record that offers two bodies is an error to settle with --jsonl-text-field, never a guess.
_TEXT_FIELDS = ("text", "body", "body-paragraphs", "content", "articleBody", "maintext", "article", "body_text")


class _LineError(Exception):
    """A problem with one line; the message becomes the InputError's."""


def _string(record: dict[str, Any], name: str, *, required: bool = False) -> str | None:
    if name not in record or record[name] is None:
        if required:
            fields = ", ".join(sorted(record)[:12])
            raise _LineError(f"missing text field {name!r} (fields here: {fields}; name the text field with "
                             "--jsonl-text-field)")
        return None
    value = record[name]
    if required and isinstance(value, list) and all(isinstance(p, (str, list)) for p in value):
        return _paragraphs(value, name)
    if not isinstance(value, str):
        raise _LineError(f"field {name!r} must be a string, got {type(value).__name__}")
    return value


def _text_field(record: dict[str, Any], configured: str) -> str:
    """The configured text field, else the one common body field the record holds (else the configured name,
    whose absence ``_string`` reports with the record's fields)."""
    if record.get(configured) is not None:
        return configured
    present = [n for n in _TEXT_FIELDS if record.get(n) is not None]
    if len(present) > 1:
        raise _LineError(f"missing text field {configured!r} and more than one other body field "
                         f"({', '.join(present)}); name the text field with --jsonl-text-field")
    return present[0] if present else configured


def _paragraphs(value: list[Any], name: str) -> str:
    """Paragraphs, each a string or a list of sentence strings, as text: sentences joined by a space and
    paragraphs by a blank line (the segmenter reads paragraph breaks from it)."""
    out = []
    for p in value:
        parts = p if isinstance(p, list) else [p]
        if not all(isinstance(x, str) for x in parts):
            raise _LineError(f"field {name!r} must hold strings or lists of strings")
        out.append(" ".join(x.strip() for x in parts if x.strip()))
    return "\n\n".join(x for x in out if x)


def _article(record: Any, *, line: int, source: Source, config: IngestConfig, fmt: str = "jsonl") -> Article:
    if not isinstance(record, dict):
        raise _LineError(f"expected a JSON object, got {type(record).__name__}")
    text_field = _text_field(record, config.jsonl_text_field)
    text = _string(record, text_field, required=True)
    if not text or not text.strip():
        raise _LineError(f"text field {text_field!r} is empty")
    title = _string(record, config.jsonl_title_field)
    # Exports name the date field many ways; the configured name first, then the common ones (BASIL: "date").
    date_field = next((n for n in (config.jsonl_date_field, *_DATE_FIELDS) if record.get(n) is not None),
                      config.jsonl_date_field)
    published_raw = _string(record, date_field)
    outlet = _string(record, config.jsonl_outlet_field)
    url = _string(record, config.jsonl_url_field)
    # An export's own id is kept for reference, but Article.id stays the content hash so duplicates
    # across sources still collapse. Integers are common for ids, so both are accepted here.
    source_id = record.get(config.jsonl_id_field)
    if source_id is not None and (isinstance(source_id, bool) or not isinstance(source_id, (str, int))):
        raise _LineError(f"field {config.jsonl_id_field!r} must be a string or an integer, "
                         f"got {type(source_id).__name__}")
    meta = {"format": fmt, "encoding": source.encoding, "line" if fmt == "jsonl" else "record": str(line)}
    if text_field != config.jsonl_text_field:
        meta["text_field"] = text_field  # said, so a reader can see the body came from another field
    if source_id is not None:
        meta["source_id"] = str(source_id)
    published = iso_date(published_raw)
    if published_raw and published is None:
        meta["published_raw"] = published_raw  # kept visible rather than dropped: the date may be fixable
    return Article(
        id=article_id(text),
        outlet=(outlet or "").strip() or url_host(url) or file_outlet(source.path),
        title=(title or "").strip() or None,
        published=published,
        path=source.path,
        text=text,
        url=url or None,
        meta=meta,
    )


def _document(text: str) -> Any | None:
    """The file as one JSON document, when its first line alone is not JSON but the whole text is (a
    pretty-printed object or array); None for JSON Lines."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        json.loads(first)
        return None
    except (json.JSONDecodeError, RecursionError):
        pass
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return None
    return doc if isinstance(doc, (dict, list)) else None


def _records(value: Any, *, source: Source, config: IngestConfig, line: int | None) -> Iterator[Article | InputError]:
    """The articles of one JSON value, an object or an array of them: a JSON Lines line (``line``, its number) or
    the whole file (``line`` None). A bad record is named by its number in the array, after the line's."""
    prefix, fmt = ("", "json") if line is None else (f"line {line}: ", "jsonl")
    records = value if isinstance(value, list) else [value]
    if not records:
        yield InputError(source.path, f"{prefix}empty JSON array")
    for k, record in enumerate(records, start=1):
        try:
            yield _article(record, line=k if line is None else line, source=source, config=config, fmt=fmt)
        except _LineError as exc:
            where = f"{prefix}record {k}: " if isinstance(value, list) else prefix
            yield InputError(source.path, one_line(f"{where}{exc}"))


def read_jsonl(source: Source, *, config: IngestConfig) -> Iterator[Article | InputError]:
    """Articles from a JSON Lines source, in line order (blank lines are skipped), or from a file that is one
    JSON document: an object is one article, an array one per object."""
    doc = _document(source.text)
    if doc is not None:
        yield from _records(doc, source=source, config=config, line=None)
        return
    seen_any = False
    # split("\n"), not splitlines(): JSON strings may hold raw U+2028 or U+0085, which splitlines breaks on.
    for line_no, line in enumerate(source.text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_any = True
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            # Some of json's messages end in "at" already ("Unterminated string starting at").
            where = f"{'' if exc.msg.endswith(' at') else ' at'} column {exc.colno}"
            yield InputError(source.path, one_line(f"line {line_no}: not valid JSON ({exc.msg}{where})"))
            continue
        except RecursionError:
            yield InputError(source.path, f"line {line_no}: JSON nested too deeply")
            continue
        # A line that is an array (a compact `json.dump` of a list of articles is one line) holds one article
        # per object, as a pretty-printed array does.
        yield from _records(record, source=source, config=config, line=line_no)
    if not seen_any:
        yield InputError(source.path, "empty file")
