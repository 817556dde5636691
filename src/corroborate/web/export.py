"""A story's conflicts and statements as downloads: CSV for a spreadsheet, JSON for other tools.

The CSV has one row per side of a conflict (a conflict between two articles is two rows sharing its number) and
one row per statement. Article text is untrusted: a cell that a spreadsheet would read as a formula (``=``, ``+``,
``-``, ``@`` first) is prefixed with an apostrophe, so opening an export can never run one.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from corroborate.model import SCHEMA_VERSION, Report, to_json
from corroborate.render.wording import conflict_kind

TABLES = ("conflicts", "statements")
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
CONFLICT_COLUMNS = ["conflict", "kind", "what", "confidence", "explanation", "side", "outlet", "value", "passage",
                    "article", "start", "end"]
STATEMENT_COLUMNS = ["statement", "text", "independent_sources", "single_source", "outlets", "polarity", "who",
                     "predicate", "target", "numbers", "places", "times", "attribution", "passages"]


def _conflicts(report: Report) -> list[Any]:
    # Most confident first, as the story page shows them.
    return sorted((c for s in report.stories for c in s.conflicts), key=lambda c: -c.confidence)


def _outlet(report: Report, article_id: str) -> str:
    try:
        return report.article(article_id).outlet
    except KeyError:
        return article_id


def conflict_rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    for number, c in enumerate(_conflicts(report), start=1):
        values = list(c.values) + [""] * max(0, len(c.spans) - len(c.values))
        for side, (span, value) in enumerate(zip(c.spans, values, strict=False), start=1):
            rows.append({"conflict": number, "kind": c.kind, "what": conflict_kind(c.kind),
                         "confidence": round(c.confidence, 4), "explanation": c.explanation, "side": side,
                         "outlet": _outlet(report, span.article), "value": value, "passage": span.text,
                         "article": span.article, "start": span.start, "end": span.end})
    return rows


def statement_rows(report: Report) -> list[dict[str, Any]]:
    rows = []
    statements = [st for s in report.stories for st in s.statements]
    for number, st in enumerate(statements, start=1):
        rows.append({"statement": number, "text": st.text, "independent_sources": st.independent_sources,
                     "single_source": st.single_source, "outlets": "; ".join(st.outlets), "polarity": st.polarity,
                     "who": st.who or "", "predicate": st.predicate or "", "target": st.target or "",
                     "numbers": "; ".join(st.numbers), "places": "; ".join(st.places), "times": "; ".join(st.times),
                     "attribution": st.attribution or "",
                     "passages": " | ".join(f"{_outlet(report, x.article)}: {x.text}" for x in st.spans)})
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    # A byte-order mark: spreadsheet programs then read the file as UTF-8 (names with accents, curly quotes).
    return "\ufeff" + out.getvalue()


def export(report: Report, story_id: str, table: str, fmt: str) -> tuple[str, str]:
    """The document and its media type. ``table``: conflicts or statements; ``fmt``: csv or json."""
    if table not in TABLES or fmt not in FORMATS:
        raise ValueError(f"export {table}.{fmt}: tables are {', '.join(TABLES)}, formats {', '.join(FORMATS)}")
    if fmt == "csv":
        if table == "conflicts":
            return to_csv(conflict_rows(report), CONFLICT_COLUMNS), FORMATS[fmt]
        return to_csv(statement_rows(report), STATEMENT_COLUMNS), FORMATS[fmt]
    import json

    items = _conflicts(report) if table == "conflicts" else [st for s in report.stories for st in s.statements]
    document = {"version": SCHEMA_VERSION, "story": story_id, table: [to_json(x) for x in items]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n", FORMATS[fmt]
