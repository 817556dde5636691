"""A story's conflicts and statements as downloads: CSV for a spreadsheet, JSON for other tools.

The CSV has one row per side of a conflict (a conflict between two articles is two rows sharing its number) and
one row per statement. Article text is untrusted: a cell that a spreadsheet would read as a formula (``=``, ``+``,
``-``, ``@`` first) is prefixed with an apostrophe, so opening an export can never run one.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass, fields
from typing import Any

from corroborate.model import SCHEMA_VERSION, Report, to_json
from corroborate.render.wording import conflict_kind

TABLES = ("conflicts", "statements")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}


@dataclass(slots=True, frozen=True)
class ConflictRow:
    """One side of a conflict: a conflict between two articles is two rows with the same number."""

    conflict: int
    kind: str
    what: str  # the kind in plain words
    confidence: float
    explanation: str
    side: int
    outlet: str
    value: str
    passage: str
    article: str
    start: int
    end: int


@dataclass(slots=True, frozen=True)
class StatementRow:
    statement: int
    text: str
    independent_sources: int
    single_source: bool
    outlets: str  # "; " between outlets
    polarity: str
    who: str
    predicate: str
    target: str
    numbers: str
    places: str
    times: str
    attribution: str
    passages: str  # "outlet: passage", " | " between them


def _conflicts(report: Report) -> list[Any]:
    # Most confident first, as the story page shows them.
    return sorted((c for s in report.stories for c in s.conflicts), key=lambda c: -c.confidence)


def _outlet(report: Report, article_id: str) -> str:
    try:
        return report.article(article_id).outlet
    except KeyError:
        return article_id


def conflict_rows(report: Report) -> list[ConflictRow]:
    rows = []
    for number, c in enumerate(_conflicts(report), start=1):
        values = list(c.values) + [""] * max(0, len(c.spans) - len(c.values))
        for side, (span, value) in enumerate(zip(c.spans, values, strict=False), start=1):
            rows.append(ConflictRow(number, c.kind, conflict_kind(c.kind), round(c.confidence, 4), c.explanation, side,
                                    _outlet(report, span.article), value, span.text, span.article, span.start,
                                    span.end))
    return rows


def statement_rows(report: Report) -> list[StatementRow]:
    rows = []
    statements = [st for s in report.stories for st in s.statements]
    for number, st in enumerate(statements, start=1):
        rows.append(StatementRow(number, st.text, st.independent_sources, st.single_source, "; ".join(st.outlets),
                                 st.polarity, st.who or "", st.predicate or "", st.target or "",
                                 "; ".join(st.numbers), "; ".join(st.places), "; ".join(st.times),
                                 st.attribution or "",
                                 " | ".join(f"{_outlet(report, x.article)}: {x.text}" for x in st.spans)))
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[Any], row_type: type) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f.name for f in fields(row_type)], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in asdict(row).items()})
    # A byte-order mark: spreadsheet programs then read the file as UTF-8 (names with accents, curly quotes).
    return "\ufeff" + out.getvalue()


def export(report: Report, story_id: str, table: str, fmt: str) -> tuple[str, str]:
    """The document and its media type. ``table``: conflicts or statements; ``fmt``: csv or json."""
    if table not in TABLES or fmt not in FORMATS:
        raise ValueError(f"export {table}.{fmt}: tables are {', '.join(TABLES)}, formats {', '.join(FORMATS)}")
    if fmt == "csv":
        if table == "conflicts":
            return to_csv(conflict_rows(report), ConflictRow), FORMATS[fmt]
        return to_csv(statement_rows(report), StatementRow), FORMATS[fmt]
    import json

    items = _conflicts(report) if table == "conflicts" else [st for s in report.stories for st in s.statements]
    document = {"version": SCHEMA_VERSION, "story": story_id, table: [to_json(x) for x in items]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", FORMATS[fmt]
