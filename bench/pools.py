"""What the labelled pools outside the gold share (bench/{speaker,brief,citation,timeline,entity,reported}_pool.py,
bench/conflict_fnc.py): the fingerprint that pins a locator to the words it was labelled on, the table rows, the
options and what a run does with its section (print, --explain, --notes, --write)."""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any


def fingerprint(text: str) -> str:
    """10 hex digits of the SHA-1 of ``text``: stored beside a locator, so a locator that moved fails loudly
    instead of scoring other words (no article text is stored)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def quoted_span(text: str, s: int, e: int, min_words: int = 4) -> tuple[int, int] | None:
    """The words between two quotation marks (``text[s:e]``) without their edge spaces, when they are
    ``min_words`` words or more: the quoted spans the speaker pools sample from."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if len(text[s:e].split()) >= min_words else None


def cell(value: Any) -> str:
    """A table cell: '–' for no value, three decimals for a rate, anything else as it is."""
    return "–" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)


def table_row(label: str, values: Mapping[str, Any], keys: Iterable[str]) -> str:
    """One table row: the label, then each key's value as a :func:`cell`."""
    return f"| {label} | " + " | ".join(cell(values[k]) for k in keys) + " |"


def pool_arguments(parser: argparse.ArgumentParser, *, explain: str, data: str) -> None:
    """The options every pool scorer takes: the path, the data root, --explain, --write and --notes."""
    parser.add_argument("--semantic", default="auto", choices=("auto", "on", "off"))
    parser.add_argument("--data", default=data)
    parser.add_argument("--explain", action="store_true", help=explain)
    parser.add_argument("--write", action="store_true", help="write the table to bench/RESULTS.md")
    parser.add_argument("--notes", default="", help="markdown appended to the section (before/after, classes)")


def merge(tallies: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Tallies added up key by key: counts summed, lists of rows (errors) joined."""
    out: dict[str, Any] = {}
    for t in tallies:
        for key, value in t.items():
            out[key] = out.get(key, [] if isinstance(value, list) else 0) + value
    return out


def table_rows(results: Mapping[str, Any], labels: Mapping[str, str], keys: Iterable[str],
               summarize: Callable[[Any], Mapping[str, Any]], seconds: float) -> list[str]:
    """A row per pool (its tallies summarised, named by ``labels`` or its own key), then the time line."""
    keys = list(keys)
    rows = [table_row(labels.get(name, name), summarize(t), keys) for name, t in results.items()]
    return [*rows, "", f"{seconds:.0f} s on this machine (shared with other jobs)."]


#: Marks where a section's notes start (before/after figures, error classes: prose written by hand). A --write
#: without --notes keeps the notes after this mark, so re-measuring a pool does not erase its history.
NOTES_MARK = "<!-- notes -->"


def kept_notes(section: str, results: Path | None = None) -> str:
    """The notes after :data:`NOTES_MARK` in ``section`` of RESULTS.md (up to its "_Measured" stamp), or ""."""
    import re

    from bench.results import RESULTS

    path = results or RESULTS
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    m = re.search(rf"<!-- BEGIN {re.escape(section)} -->(.*?)<!-- END {re.escape(section)} -->", text, re.S)
    if m is None or NOTES_MARK not in m.group(1):
        return ""
    notes = m.group(1).split(NOTES_MARK, 1)[1]
    return re.split(r"\n_Measured [^\n]*_\n?\s*$", notes)[0].strip()


def emit(args: argparse.Namespace, text: str, section: str, explained: Iterable[Any] = ()) -> None:
    """Print the section (with --notes appended, else with a --write the notes the section already has), then
    with --explain each explained row (a dict as one JSON line, a string as it is), and with --write put the
    section into bench/RESULTS.md."""
    from bench.results import write_section

    notes = args.notes or (kept_notes(section) if args.write else "")
    if notes:
        text += "\n\n" + NOTES_MARK + "\n" + notes
    print(text)
    if getattr(args, "explain", False):
        for row in explained:
            print(row if isinstance(row, str) else json.dumps(row, ensure_ascii=False))
    if args.write:
        write_section(section, text)
