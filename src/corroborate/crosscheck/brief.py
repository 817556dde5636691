"""The cited brief: a deduplicated summary of a story, most corroborated statements first.

Each sentence is the text of a statement as one source wrote it (never generated), carries its citation
spans and its independent-source count, and is marked ``single_source`` when only one source states it.
No sentence repeats another: a candidate too similar to one already chosen, or whose content words are
mostly covered by one, is skipped. The conflicts section is ``Story.conflicts``, which the renderers show.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from corroborate.config import BriefConfig
from corroborate.model import BriefSentence, Conflict, Span, Statement
from corroborate.text.claim_words import lemma

_WORD = re.compile(r"[A-Za-z0-9]+")


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP = _wordset(
    "the a an of to in on at by for with from and or but as is are was were be been has have had it its "
    "this that their his her he she they who which said says will would not"
)


def content_words(text: str) -> frozenset[str]:
    return frozenset(lemma(w) for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1)


def is_prose(text: str) -> bool:
    """Running text (a sentence or a headline), not a dateline, timestamp or URL: some lower-case words, and
    mostly words rather than numbers and punctuation."""
    words = text.split()
    alpha = [w for w in words if w.strip(".,;:!?\"'’”“‘()").isalpha()]
    lower = [w for w in alpha if w[:1].islower()]
    return "://" not in text and "www." not in text and len(lower) >= 2 and len(alpha) >= 0.6 * len(words)


def _usable(text: str, cfg: BriefConfig) -> bool:
    words = text.split()
    if not cfg.min_words <= len(words) <= cfg.max_words or text.rstrip().endswith("?") or not is_prose(text):
        return False
    # A fragment of a quotation or a line that opens with a quote mark and never closes it reads badly alone.
    opens = sum(text.count(q) for q in "“‘")
    closes = sum(text.count(q) for q in "”’") - len(re.findall(r"\w’\w", text))
    return opens <= closes


def make_brief(statements: list[Statement], *,
               sentence_of: Callable[[Statement], list[tuple[str, list[Span]]]],
               similarity: Callable[[str, str], float], avoid: frozenset[tuple[str, int, int]] = frozenset(),
               skip: Callable[[Statement], bool] | None = None, config: BriefConfig | None = None
               ) -> list[BriefSentence]:
    """Choose brief sentences from ``statements`` (already ordered most corroborated first).

    ``sentence_of`` gives the readable wordings of a statement with their citations, best first (the first
    usable one is taken: a wording that opens a quotation it does not close reads badly alone); ``avoid``
    holds spans known to distort (the drifted side of a rewrite), never used as a brief sentence's text; ``skip``
    (asked only of otherwise usable candidates, in order) can veto a candidate for the caller's reasons."""
    cfg = config or BriefConfig()
    chosen: list[tuple[BriefSentence, frozenset[str]]] = []
    singles = 0
    for st in statements:
        if len(chosen) >= cfg.max_sentences:
            break
        options = [(t, cs) for t, cs in sentence_of(st)
                   if cs and _usable(t, cfg) and (cs[0].article, cs[0].start, cs[0].end) not in avoid]
        if not options:
            continue
        text, citations = options[0]
        if st.independent_sources <= 1 and singles >= cfg.max_single_source:
            continue
        words = content_words(text)
        if not words:
            continue
        repeat = False
        for prev, pwords in chosen:
            shared = len(words & pwords)
            # Repeats: mostly said already, or says everything a chosen sentence says and a little more.
            if shared / len(words) >= cfg.max_cover or shared / len(pwords) >= 0.8 \
                    or similarity(text, prev.text) >= cfg.max_similarity:
                repeat = True
                break
        if repeat or (skip is not None and skip(st)):
            continue
        if st.independent_sources <= 1:
            singles += 1
        chosen.append((BriefSentence(text, citations, st.independent_sources,
                                     single_source=st.independent_sources <= 1), words))
    return [b for b, _ in chosen]


MAX_DISAGREEMENTS = 2


def disagreements(conflicts: list[Conflict], *, limit: int = MAX_DISAGREEMENTS) -> list[BriefSentence]:
    """The brief's closing lines: what sources disagree on, strongest conflicts first, each citing both sides.
    Only conflicts the judge kept reach here, so the brief never repeats a doubtful flag."""
    ranked = sorted(conflicts, key=lambda c: (-c.confidence, c.kind, c.explanation))[:limit]
    return [BriefSentence(text=f"Sources disagree — {c.explanation}", citations=sorted(set(c.spans)),
                          independent_sources=len({s.article for s in c.spans}), single_source=False)
            for c in ranked]
