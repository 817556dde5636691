"""Misquotes: one quote worded differently, or attributed to different speakers, in different articles.

Stage 4 of a story: needs ``story.quotes``; adds quote conflicts to ``story.conflicts``.

Only direct quotes are compared (reported speech is the outlet's own wording). Two quotes from different
articles are the same quote when their word sequences match well (difflib ratio >= 0.5, or the shorter one,
of eight words or more, is mostly contained in the longer one). Then:

* the words differ inside the shared stretch (a substitution or insertion, not just one outlet quoting less,
  a bracketed editorial insertion "(Tara Reid)", spacing around an apostrophe, a hyphen, a dropped "the",
  or one word spelt two ways: "fibre"/"fiber")
  -> a ``quote`` conflict whose values are the two wordings and whose explanation lists the word-level
  changes ("'Boris Johnson’s' -> 'the British Prime Minister’s'");
* the speakers differ (both are proper names and neither contains the other: "Craig Zadan" vs "Neil Meron";
  a description such as "a spokesman for Mr Darmanin" or "a witness" may be the same person as any name)
  -> said too, in the same conflict; a quote worded identically but attributed to different speakers gets
  its own conflict with the two speakers as values. Both attributions are always named in the explanation.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter

from corroborate.model import Article, Conflict, Quote
from corroborate.text.lexicon import DEMONYMS
from corroborate.text.misquote_words import _ARTICLES, _DESCRIPTIVE, spelling_variant

_WORD = re.compile(r"[\w’']+")
_BRACKETED = re.compile(r"[(\[][^)\]]*[)\]]")
_SPACED_CLITIC = re.compile(r"\s+(['’])\s*(?=(?:s|t|d|m|re|ve|ll)\b)")
_MIN_RATIO = 0.5
_MIN_CONTAINED = 0.8
_MIN_WORDS = 4
# A short quote inside a long one is the same quote only when it has enough words to be distinctive.
_MIN_CONTAINED_WORDS = 8


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


def _words(text: str) -> list[str]:
    # "time ’ s" (tokenised) and "time’s" are one word; a bracketed insertion is the outlet's, not the speaker's.
    text = _BRACKETED.sub(" ", _SPACED_CLITIC.sub(r"\1", text)).replace("-", " ")  # "cyber-criminals"
    return _WORD.findall(text)


def _trivial(changes: list[tuple[str, str]]) -> bool:
    """Only articles ("the" dropped) or spellings ("fibre"/"fiber", "cant"/"can't") differ: no rewording."""
    for old, new in changes:
        if {w.lower() for w in f"{old} {new}".split()} <= _ARTICLES:
            continue
        if len(old.split()) == 1 and len(new.split()) == 1 and spelling_variant(old, new):
            continue
        return False
    return True


def _core_ops(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes without leading/trailing one-sided edits: quoting less of a statement is no misquote."""
    ops = list(ops)
    while ops and ops[0][0] != "equal" and (ops[0][1] == ops[0][2] or ops[0][3] == ops[0][4]):
        ops.pop(0)
    while ops and ops[-1][0] != "equal" and (ops[-1][1] == ops[-1][2] or ops[-1][3] == ops[-1][4]):
        ops.pop()
    return ops


def word_diff(a: str, b: str) -> list[tuple[str, str]]:
    """Word-level changes from ``a`` to ``b`` inside their shared stretch: (old words, new words) pairs."""
    wa, wb = _words(a), _words(b)
    sm = difflib.SequenceMatcher(a=[_norm(w) for w in wa], b=[_norm(w) for w in wb], autojunk=False)
    return [(" ".join(wa[i1:i2]), " ".join(wb[j1:j2]))
            for tag, i1, i2, j1, j2 in _core_ops(sm.get_opcodes()) if tag != "equal"]


def _similarity(a: str, b: str) -> tuple[float, float]:
    wa, wb = [_norm(w) for w in _words(a)], [_norm(w) for w in _words(b)]
    sm = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    matched = sum(block.size for block in sm.get_matching_blocks())
    return sm.ratio(), matched / max(1, min(len(wa), len(wb)))


def _may_match(a: Counter[str], b: Counter[str]) -> bool:
    """A cheap upper bound of both scores from shared words, so most pairs never reach difflib."""
    shared = sum((a & b).values())
    la, lb = sum(a.values()), sum(b.values())
    return 2 * shared / (la + lb) >= _MIN_RATIO or (
        shared / max(1, min(la, lb)) >= _MIN_CONTAINED and min(la, lb) >= _MIN_CONTAINED_WORDS)


def _named(speaker: str) -> bool:
    """A proper name ("Gerald Darmanin", "French Interior Ministry"), not a description ("a witness")."""
    words = speaker.split()
    if len(words) == 1 and words[0].lower() in DEMONYMS:
        return False  # "Greek": an adjective read as a speaker
    return bool(words) and words[0].lower() not in _DESCRIPTIVE and all(
        w[:1].isupper() or w.lower() in ("of", "for", "and", "de", "la", "von", "van") for w in words)


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Two attributions can be the same speaker unless both are names, and neither name contains the other."""
    if a is None or b is None or not _named(a) or not _named(b):
        return True
    wa, wb = a.lower().split(), b.lower().split()
    short, long_ = sorted((wa, wb), key=len)
    return long_[len(long_) - len(short):] == short  # "Boone Isaacs" / "Cheryl Boone Isaacs"


def _label(q: Quote, article: Article) -> str:
    who = f"'{q.speaker}'" if q.speaker else "an unnamed speaker"
    return f"{who} ({article.outlet})"


def find_misquotes(quotes_by_article: dict[str, list[Quote]], articles: dict[str, Article]) -> list[Conflict]:
    """``quote`` conflicts between the articles' direct quotes, in a deterministic order."""
    ids = sorted(quotes_by_article)
    bags = {id(q): Counter(_norm(w) for w in _words(q.text)) for qs in quotes_by_article.values() for q in qs}
    out: list[Conflict] = []
    for x, aid in enumerate(ids):
        for bid in ids[x + 1:]:
            for qa in quotes_by_article[aid]:
                bag_a = bags[id(qa)]
                if qa.kind != "direct" or sum(bag_a.values()) < _MIN_WORDS:
                    continue
                best: tuple[float, Quote] | None = None
                for qb in quotes_by_article[bid]:
                    bag_b = bags[id(qb)]
                    if qb.kind != "direct" or sum(bag_b.values()) < _MIN_WORDS or not _may_match(bag_a, bag_b):
                        continue
                    ratio, contained = _similarity(qa.text, qb.text)
                    shorter = min(len(_words(qa.text)), len(_words(qb.text)))
                    related = ratio >= _MIN_RATIO or (contained >= _MIN_CONTAINED and shorter >= _MIN_CONTAINED_WORDS)
                    if related and (best is None or ratio > best[0]):
                        best = (ratio, qb)
                if best is not None:
                    conflict = _compare(qa, best[1], best[0], articles[aid], articles[bid])
                    if conflict is not None:
                        out.append(conflict)
    out.sort(key=lambda c: (c.spans[0].article, c.spans[0].start, c.spans[1].article, c.spans[1].start))
    return out


def _compare(qa: Quote, qb: Quote, ratio: float, a: Article, b: Article) -> Conflict | None:
    changes = word_diff(qa.text, qb.text)
    if _trivial(changes):
        changes = []
    same_speaker = _same_speaker(qa.speaker, qb.speaker)
    if not changes and same_speaker:
        return None
    spans = [qa.spans[0], qb.spans[0]]
    speakers = (f"attributed to {_label(qa, a)} and to {_label(qb, b)}" if not same_speaker
                else f"attributed to {_label(qa, a)} and {_label(qb, b)}")
    if not changes:
        return Conflict("quote", spans, [qa.speaker or "", qb.speaker or ""],
                        f"the same quote is attributed to different speakers: {_label(qa, a)} vs {_label(qb, b)}",
                        round(ratio, 4))
    diff = "; ".join(f"'{old or '∅'}' -> '{new or '∅'}'" for old, new in changes)
    explanation = f"the same quote in different wording, {speakers}: {diff}"
    if not same_speaker:
        explanation += "; the speakers differ as well"
    return Conflict("quote", spans, [qa.text, qb.text], explanation, round(ratio, 4))
