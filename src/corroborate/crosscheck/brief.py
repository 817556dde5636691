"""The cited brief: a deduplicated summary of a story, most corroborated statements first.

Each sentence is the text of a statement as one source wrote it (never generated), carries its citation
spans and its independent-source count, and is marked ``single_source`` when only one source states it.
No sentence repeats another: a candidate too similar to one already chosen, or whose content words are
mostly covered by one, is skipped. A sentence cites its own span and only those spans of the other members
of its statement that state what it says (:func:`citation_supports`). Somebody's words whose speaker the
sentence does not name stay out (:func:`inside_quotes`, :func:`unnamed_quotes`). The conflicts section is
``Story.conflicts``, which the renderers show.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from corroborate.config import BriefConfig
from corroborate.crosscheck.citations import citation_supports as citation_supports
from corroborate.crosscheck.citations import content_words as content_words
from corroborate.crosscheck.citations import supported
from corroborate.crosscheck.lead_model import yielding_lead
from corroborate.crosscheck.lead_text import continues_another, cut_at_initial, habitual
from corroborate.model import BriefSentence, Conflict, Passage, Span, Statement
from corroborate.text.claim_words import DAY_WORDS
from corroborate.text.lexicon import COMMON_CAPITALISED, DEMONYMS, SPEECH_VERBS
from corroborate.text.quotemarks import close_open_quote
from corroborate.text.stopwords import STOPWORDS

if TYPE_CHECKING:
    from corroborate.crosscheck.claim_types import Claim


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


OPENERS = ('"', "“", "‘", "``", "'")
SENTENCE_ENDS = (".", "!", '"', "”", "’", "'", "''")


_PRONOUN_OPENERS = frozenset(("he", "she", "they", "it", "his", "her", "their", "its", "this", "that", "these"))
# A sentence in the first person is somebody's words (a witness's post quoted as a block, with no quote marks) or
# a columnist's aside, never the outlet stating the event: "I once sent the mayor an email about ...".
_FIRST_PERSON = frozenset(("i", "we", "my", "our", "i'm", "i've", "we're", "we've"))
# Openers that continue the sentence before: "But ...", "For although ... , Russia could still recover".
_LINK_OPENERS = frozenset(("and", "but", "or", "nor", "yet", "so", "however"))
_SUBORDINATORS = frozenset(("although", "though", "while", "if", "since", "because", "as"))


def _sentence(text: str) -> bool:
    """A sentence that can open a brief: it ends as sentences do (a headline, "Williams' DUI arrest just the
    latest for Chargers", tells an angle, not the event, and reads as a fragment; one that ends in "!", "Critical
    IE patch now available: go get it!", is a slogan), and it does not open with a pronoun or a conjunction,
    which have nothing to refer back to at the top, nor in the first person (somebody's words)."""
    words = [w.lower().strip(",") for w in text.split()]
    stripped = text.rstrip()
    if not words or not stripped.endswith(SENTENCE_ENDS) or stripped.endswith("!"):
        return False
    return words[0].replace("’", "'") not in _PRONOUN_OPENERS | _LINK_OPENERS | _FIRST_PERSON \
        and not (words[0] == "for" and len(words) > 1 and words[1] in _SUBORDINATORS) \
        and not continues_another(text) and not cut_at_initial(text) and not habitual(text)


_WHEN = re.compile(rf"\b(?i:{'|'.join(sorted(DAY_WORDS))}|last night|this morning)\b")


def states_when(text: str) -> bool:
    """Whether a sentence dates what it reports to the days of the news: a weekday, "yesterday", "today", "last
    night" (a month and day, "At that March 2 event", as often dates the background). A lead that says when
    tells the news; one that does not is more often the background a feature opens with ("While he was
    replacing the motor ..., an electrician was electrocuted")."""
    return bool(_WHEN.search(text))


def make_brief(statements: list[Statement], *,
               sentence_of: Callable[[Statement], list[tuple[str, list[Span]]]],
               similarity: Callable[[str, str], float], avoid: frozenset[tuple[str, int, int]] = frozenset(),
               skip: Callable[[Statement], bool] | None = None, config: BriefConfig | None = None,
               leads: Sequence[Statement] = (), lead_spans: frozenset[tuple[str, int, int]] = frozenset(),
               first_spans: frozenset[tuple[str, int, int]] = frozenset(),
               sources: Callable[[list[Span]], int] | None = None,
               cosine: Callable[[str, str], float] | None = None,
               lead_score: Callable[[str], float] | None = None,
               lead_rank: Callable[[Statement], int] | None = None) -> list[BriefSentence]:
    """Choose brief sentences from ``statements`` (already ordered most corroborated first).

    ``sentence_of`` gives the readable wordings of a statement with their citations, best first (the first
    usable one is taken: a wording that opens a quotation it does not close reads badly alone); ``avoid``
    holds spans known to distort (the drifted side of a rewrite), never used as a brief sentence's text; ``skip``
    (asked only of otherwise usable candidates, in order) can veto a candidate for the caller's reasons.
    ``leads`` (best first) are tried for the first sentence before ``statements``: the first usable one opens
    the brief, in a wording that is not a quotation, preferring one that lies in ``lead_spans`` (articles'
    lead sentences), and of those one in ``first_spans`` (articles' first lead sentences). ``sources`` counts
    the independent sources of a list of spans: a brief sentence shows the count of the citations it keeps (the
    outlets that state its fact), never more than its statement's. ``cosine`` (sentence-vector similarity, the
    semantic path) lets the citation check keep a close paraphrase (:func:`supported`): pass the one that
    ``sentence_of`` used, or the check here drops what it kept. ``lead_score`` (a wording's learned log-odds of
    stating the event) and ``lead_rank`` (a lead's backing rank, lower is better) let a doubtful first lead yield to
    a likely one nearly as well backed (:func:`~corroborate.crosscheck.lead_model.yielding_lead`)."""
    cfg = config or BriefConfig()
    # An article's first sentence may run half as long again as other brief sentences when it quotes nobody (a
    # wire lede that lists a coalition's members): the next lead would be a side fact of the event.
    long_lead = replace(cfg, max_words=cfg.max_words * 3 // 2)
    chosen: list[tuple[BriefSentence, frozenset[str]]] = []
    taken: set[int] = set()
    singles = 0

    # _unbacked_lead reads the leads' wordings before the loop below does: each is worked out (and its citations
    # checked) once.
    worded: dict[tuple[int, bool], tuple[str, list[Span]] | None] = {}

    def wording(st: Statement, lead: bool) -> tuple[str, list[Span]] | None:
        if (id(st), lead) not in worded:
            worded[(id(st), lead)] = _wording(st, lead)
        return worded[(id(st), lead)]

    def _wording(st: Statement, lead: bool) -> tuple[str, list[Span]] | None:
        wordings = sentence_of(st)
        # A lead opens the brief in a wording that is an article's lead sentence, not in a member from deep in its
        # article; a count fact ("27 people died": no member is worded as the statement) is worded by the
        # sentence whose other words other outlets state, wherever it lies, and its count is what leads.
        deep_ok = not lead_spans or all(t != st.text for t, _ in wordings)
        options = [(t, cs) for t, cs in wordings
                   if cs and (_usable(t, cfg) or (lead and within(cs[0], first_spans) and not any(
                       q in t for q in '"“”') and _usable(t, long_lead)))
                   and (cs[0].article, cs[0].start, cs[0].end) not in avoid
                   and not (lead and (t.lstrip().startswith(OPENERS) or not _sentence(t)
                                      or not (deep_ok or within(cs[0], lead_spans))))]
        if not options:
            return None
        if lead:
            # A wording that is itself an article's lead opens the brief, not the shortest member: a statement
            # can hold the lede of every outlet and one line on a related event ("X was also arrested"). Of the
            # leads, an article's first: a statement chained through copies holds the wire's lede and another
            # outlet's second line (a knockdown in the fifth round of a fight stopped in the sixth).
            options.sort(key=lambda o: (not within(o[1][0], lead_spans), not within(o[1][0], first_spans)))
        text, citations = options[0]
        # Every wording's citations pass the check, a count fact's fragments too (each holds the count, but
        # the same number can count other things: "two people" found alive in a sentence on two deaths).
        return text, supported(text, citations, counts=True, cosine=cosine)

    passed = _unbacked_lead(leads, wording, sources, first_spans)
    if lead_score is not None and lead_rank is not None:
        # The scorer reads the wording the brief would show, a whole sentence as it was trained on, not the
        # statement's text (often a clause: "Like many Republicans, X is opposed not only to Y").
        usable = [(st, lead_rank(st), found[0]) for st in leads
                  if id(st) != passed and (found := wording(st, True)) is not None]
        better = yielding_lead(usable, lead_score)
        if better is not None:
            leads = [better, *(st for st in leads if st is not better)]
    for st, lead in [*((st, True) for st in leads), *((st, False) for st in statements)]:
        if len(chosen) >= cfg.max_sentences:
            break
        if (lead and (chosen or id(st) == passed)) or id(st) in taken:
            continue
        found = wording(st, lead)
        if found is None:
            continue
        text, citations = found
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
        taken.add(id(st))
        shown = min(st.independent_sources, sources(citations)) if sources is not None else st.independent_sources
        chosen.append((BriefSentence(text, citations, shown, single_source=shown <= 1), words))
    # (Shown last, after every choice: a sentence cut from a quotation that runs on gets its closing mark.)
    out = [replace(b, text=close_open_quote(b.text)) for b, _ in chosen]
    # The lead stays first; after it, most corroborated first by the counts shown (a kept citation can lower a
    # sentence's count below the next one's, and an editor reads the order as the ranking).
    return out[:1] + sorted(out[1:], key=lambda b: -b.independent_sources)


def _unbacked_lead(leads: Sequence[Statement],
                   wording: Callable[[Statement, bool], tuple[str, list[Span]] | None],
                   sources: Callable[[list[Span]], int] | None,
                   first_spans: frozenset[tuple[str, int, int]]) -> int | None:
    """The first usable lead, when the check leaves its wording no other outlet and a later lead, an article's
    first sentence, keeps two: its statement ranked first for outlets that merged with it through a chain (a
    rumour's debunk chained to the report), and none of them states what its wording says, so it is backed by
    one outlet; the later lede's outlets do state its wording. A later second sentence does not pass it (the
    check misses paraphrases, and a second line that two outlets copy is often a figure: the deal's value).
    Returns the ``id`` of the lead to pass over, or None."""
    if sources is None:
        return None
    first = None
    for st in leads:
        found = wording(st, True)
        if found is None:
            continue
        if first is None:
            if st.independent_sources < 2 or sources(found[1]) >= 2:
                return None
            first = st
        elif sources(found[1]) >= 2 and within(found[1][0], first_spans):
            return id(first)
    return None


# -- quotes ------------------------------------------------------------------------------------------------

_APOSTROPHE = re.compile(r"\w[’']\w|s’(?=\s)")


def within(span: Span, refs: frozenset[tuple[str, int, int]]) -> bool:
    return any(a == span.article and s <= span.start and span.end <= e for a, s, e in refs)


def inside_quotes(passages: dict[str, list[Passage]], claims: list[Claim]) -> frozenset[tuple[str, int, int]]:
    """Claims of sentences that continue a quotation opened in an earlier sentence of the paragraph ("We've
    already made every offer ..."): somebody's words, not the outlet's, so the brief does not state them."""
    inside: set[tuple[str, int, int]] = set()
    for article, ps in passages.items():
        depth, paragraph, open_straight = 0, None, False
        for p in sorted(ps, key=lambda p: p.start):
            if p.paragraph != paragraph:
                depth, paragraph, open_straight = 0, p.paragraph, False
            text = _APOSTROPHE.sub("", p.text)
            # Straight double quotes carry no direction: an odd count opens or closes a quotation
            # ('You've been debating a coin for baseball?"' closes one opened a sentence earlier), and every
            # sentence while one is open, with a mark or without, is inside it.
            straight = text.count('"') % 2
            if depth > 0 or (open_straight and not text.lstrip().startswith('"')):
                inside.add((article, p.start, p.end))
            open_straight = open_straight != bool(straight)
            depth = max(0, depth + text.count("“") + text.count("‘") - text.count("”") - text.count("’"))
    refs = frozenset(inside)
    return frozenset(c.ref for c in claims if within(c.span, refs))


_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "i", "we", "it"})
_QUOTED_SEGMENT = re.compile(r"[“\"][^”\"]*[”\"]?")
_ARTICLES = frozenset({"the", "a", "an"})
_PUNCT = ",.;:()!?—-–"


def _names(outside: list[str]) -> list[str]:
    """The capitalised words of the text outside the quotation that name someone. A capitalised word between
    an article and a common noun describes ("said the Democratic staffer", "a BuzzFeed article titled"), and
    sentence openers, weekdays and nationalities name nobody."""
    bare = [w.strip(_PUNCT) for w in outside]
    names = []
    for k, w in enumerate(bare):
        if not w[:1].isupper() or w.lower() in STOPWORDS or w.lower() in COMMON_CAPITALISED \
                or w.lower() in DEMONYMS:
            continue
        first = k
        while first > 0 and bare[first - 1][:1].isupper():
            first -= 1
        after = bare[k + 1] if k + 1 < len(bare) else ""
        if first > 0 and bare[first - 1].lower() in _ARTICLES and after[:1].islower() \
                and after.lower() not in SPEECH_VERBS:
            continue
        names.append(w)
    return names


def unnamed_quotes(claims: list[Claim]) -> frozenset[tuple[str, int, int]]:
    """Claims of sentences that quote somebody without naming them ("“...,” she said", "said the Democratic
    staffer"): placed in a brief after another person's words they would read as that person's, so the brief
    leaves them to the quotes section."""
    out = set()
    for c in claims:
        text = c.text.replace("``", "“").replace("''", "”")
        if not any(m in text for m in "“”\""):
            continue
        # A sentence that closes a quotation opened a sentence earlier ("…try showing a little class,” she
        # wrote") starts inside it.
        close, open_ = text.find("”"), text.find("“")
        if close >= 0 and (open_ < 0 or close < open_):
            text = text[close + 1:]
        outside = _QUOTED_SEGMENT.sub(" ", text).split()
        # "He did pledge to “eradicate …” Islamic terrorism": a pronoun subject leaves the words unowned.
        if not _names(outside) or (outside and outside[0].lower() in _PRONOUN_SUBJECTS):
            out.add(c.ref)
    return frozenset(out)


MAX_DISAGREEMENTS = 2


def disagreements(conflicts: list[Conflict], *, limit: int = MAX_DISAGREEMENTS) -> list[BriefSentence]:
    """The brief's closing lines: what sources disagree on, strongest conflicts first, each citing both sides.
    Only conflicts the judge kept reach here, so the brief never repeats a doubtful flag."""
    ranked = sorted(conflicts, key=lambda c: (-c.confidence, c.kind, c.explanation))[:limit]
    return [BriefSentence(text=f"Sources disagree — {c.explanation}", citations=sorted(set(c.spans)),
                          independent_sources=len({s.article for s in c.spans}), single_source=False)
            for c in ranked]
