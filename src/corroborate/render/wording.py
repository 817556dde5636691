"""Plain words for the HTML pages: what the report and the web app say instead of the analysis' internal names.

An editor reads "different numbers", "person" and "matched by shared wording", not ``number``, ``PER`` and
``alignment: lexical``; the JSON keeps the contract's names.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Conflict kinds (OUTPUT.md) as a reader names them.
CONFLICT_KINDS = {
    "number": "different numbers",
    "entity": "different person or organisation",
    "role": "who did what, swapped",
    "place": "different place",
    "date": "different date",
    "negation": "one says it did not happen",
    "drift": "wording changed the meaning",
    "quote": "quote differs",
}
ENTITY_TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place", "OTH": "other"}
REPEAT_SCOPES = {"within": "within one article", "across": "across articles"}


def conflict_kind(kind: str) -> str:
    return CONFLICT_KINDS.get(kind, kind)


def entity_type(kind: str) -> str:
    return ENTITY_TYPES.get(kind, kind.lower())


def repeat_scope(scope: str) -> str:
    return REPEAT_SCOPES.get(scope, scope)


def percent(value: float | None) -> str:
    """``0.86`` as ``86%``."""
    return "" if value is None else f"{round(value * 100):d}%"


def web_link(url: str | None) -> str | None:
    """The URL when it can be a link (http or https with a host); None otherwise (``javascript:``, a path), so the
    page shows it as text."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.hostname else None


def full_outlets(text: str, outlets: list[str]) -> str:
    """``text`` with the outlet names that the cross-check's explanations shorten ("Harbour …") written out in
    full. A shortened name that could stand for two of the outlets is left as it is."""
    from corroborate.crosscheck.findings import short

    by_short: dict[str, set[str]] = {}
    for outlet in outlets:
        if short(outlet) != outlet:
            by_short.setdefault(short(outlet), set()).add(outlet)
    for cut, full in sorted(by_short.items(), key=lambda kv: -len(kv[0])):
        if len(full) == 1:
            # Only where an explanation lists outlets, "(latimes; bbc, spun rewrite)": a host's short name
            # ("ap", "yahoo") can be a word of the text too.
            text = re.sub(rf"(?:(?<=\()|(?<=; )){re.escape(cut)}(?=[);,])", next(iter(full)).replace("\\", "\\\\"),
                          text)
    return text


def how_checked(method: dict[str, str]) -> list[str]:
    """One sentence per part of the method, for a "How this was checked" note."""
    lines = []
    alignment = method.get("alignment")
    if alignment == "lexical":
        lines.append("Passages were matched by their shared wording (no meaning model was installed).")
    elif alignment:
        lines.append(f"Passages were matched by meaning with the {alignment} model.")
    nlp = method.get("nlp")
    if nlp:
        lines.append(f"Names, numbers and quotes were read with {nlp}.")
    if method.get("engine") and method["engine"] != "local":
        lines.append(f"The work ran on {method['engine']}.")
    return lines
