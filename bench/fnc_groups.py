"""FNC-1 bodies grouped by the claim they report, as multi-article events (brief-lead pool 3, GUIDELINE.md
section 17).

FNC-1's competition test set (../shared/data/fnc1, SOURCE.md) pairs claim headlines with article bodies; the
bodies a headline marks ``agree`` or ``discuss`` report that claim, so together they are several outlets' reports
of one happening (no outlets or dates are given: each body is its own source). A group is a headline's bodies in
SHA-1 order of ``fnc1:<Body ID>``, a body whose first 300 characters repeat an earlier one's skipped, at most
``MAX_BODIES``; headlines are taken in SHA-1 order of ``fnc1:<headline>``, and one whose bodies overlap a group
already taken is passed over (several headlines state one claim). The headline itself is not used (it is the
dataset's claim, not any outlet's title).

Sentences are cut by a plain rule that does not depend on corroborate's segmenter, so a locator stays put when the
segmenter changes: a line break ends one, and so does '.', '!' or '?' (with any closing quote marks) followed by
a space and a capital letter, a digit or an opening quote mark.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

DATASET = "fnc1"
MIN_BODIES, MAX_BODIES = 3, 6
_END = re.compile(r"[.!?][\"”’']*(?=\s+[\"“‘']?[A-Z0-9])")


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a body, in order; whitespace trimmed."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        pos = line.start()
        cuts = [m.end() + line.start() for m in _END.finditer(line.group())] + [line.end()]
        for cut in cuts:
            piece = text[pos:cut]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                out.append((pos + lead, pos + lead + len(piece.strip())))
            pos = cut
    return out


def groups(data: Path, count: int) -> list[tuple[str, list[int]]]:
    """The first ``count`` claim groups: (event name, body IDs in hash order)."""
    stances, bodies = data / "fnc1" / "competition_test_stances.csv", data / "fnc1" / "competition_test_bodies.csv"
    if not stances.is_file() or not bodies.is_file():
        return []
    with bodies.open(encoding="utf-8", newline="") as fh:
        text = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    by_claim: dict[str, set[int]] = defaultdict(set)
    with stances.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            if r["Stance"] in ("agree", "discuss") and int(r["Body ID"]) in text:
                by_claim[r["Headline"]].add(int(r["Body ID"]))
    used: set[int] = set()
    out = []
    for headline in sorted(by_claim, key=lambda h: _hash(f"fnc1:{h}")):
        if by_claim[headline] & used:
            continue
        chosen, openings = [], set()
        for bid in sorted(by_claim[headline], key=lambda b: _hash(f"fnc1:{b}")):
            opening = text[bid][:300]
            if opening not in openings and len(chosen) < MAX_BODIES:
                openings.add(opening)
                chosen.append(bid)
        if len(chosen) >= MIN_BODIES:
            used |= by_claim[headline]
            out.append((f"fncg-{_hash(f'fnc1:{headline}')[:8]}", chosen))
        if len(out) >= count:
            break
    return out


def events(data: Path, count: int) -> list[Any]:
    """The groups as events: document ``fnc_<Body ID>``, sentence keys ``(doc, index)``."""
    from corroborate.eval.gold import GoldEvent, article_id
    from corroborate.model import Article

    path = data / "fnc1" / "competition_test_bodies.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        text = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    out = []
    for name, bids in groups(data, count):
        ev = GoldEvent(DATASET, name, "tune", path, {})
        for bid in bids:
            doc, body = f"fnc_{bid}", text[bid]
            aid = article_id(f"fnc1:{bid}", body)
            ev.articles.append(Article(aid, doc, None, None, f"fnc1:{bid}", body))
            ev.doc_article[doc], ev.article_doc[aid] = aid, doc
            for k, (s, e) in enumerate(sentences(body)):
                ev.sentences[(doc, k)] = (s, e, body[s:e])
        out.append(ev)
    return out
