"""Cross-check one story: statements with their independent sources, typed conflicts, and the cited brief.

Stage 1 of a story: needs its passages and the repeats; adds statements, conflicts and the brief.

``cross_check`` is the stage the pipeline calls per story. Steps, each linear in the number of sentences:

1. claims: atomic statements per sentence (:mod:`corroborate.crosscheck.claims`; the NLP pipeline when given);
2. blocking + alignment (:mod:`corroborate.crosscheck.align`): candidate pairs from an inverted index, then
   same / paraphrase / supports / elaborates;
3. statements: claims merged over same/paraphrase links, plus count facts ("27 died") merged over all
   sources that state the same count of the same event; independence from the repeats' reuse;
4. conflicts (:mod:`corroborate.crosscheck.conflicts`), and drift from the repeats' paraphrase groups;
5. the brief (:mod:`corroborate.crosscheck.brief`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from corroborate.config import ConflictConfig
from corroborate.crosscheck.align import AlignConfig, Link, Similarity, align, candidate_pairs, structured_pairs
from corroborate.crosscheck.brief import (
    OPENERS,
    SENTENCE_ENDS,
    BriefConfig,
    content_words,
    inside_quotes,
    is_prose,
    make_brief,
    states_when,
    supported,
    unnamed_quotes,
    within,
)
from corroborate.crosscheck.claim_types import Claim, Quantity
from corroborate.crosscheck.claims import extract_claims, method_name
from corroborate.crosscheck.conflicts import (
    drift_findings,
    label_findings,
    negation_findings,
    number_findings,
    participant_findings,
    place_date_findings,
)
from corroborate.crosscheck.findings import dedupe_conflicts, merge_findings
from corroborate.crosscheck.independence import independence, source_of
from corroborate.crosscheck.judge import JudgeContext, review
from corroborate.crosscheck.lead_model import lead_scores, scores_by_id
from corroborate.model import Article, BriefSentence, Passage, RepeatGroup, Span, Statement, Story
from corroborate.text.claim_words import FRAMES
from corroborate.unionfind import UnionFind

if TYPE_CHECKING:
    from corroborate.eval.pairs import PairJudge

FALLBACK_DRIFT_SIM = 0.4
MIN_CLAIM_WORDS = 4  # "Pictured:", bylines and one-word lines carry no statement
LEAD_SENTENCES = 2  # an article's lead: its first two sentences of running text
LEAD_MIN_WORDS = 8


def _fact_span(claim: Claim, q: Quantity, article: Article) -> Span:
    """The count together with its nearest event word: "killing 27 people", "claiming 27 lives",
    "twenty-seven migrants (including children) died"."""
    words = FRAMES.get(q.frame or "", ())
    best: tuple[int, int, int] | None = None
    for m in re.finditer(r"[A-Za-z]+", claim.text):
        if m.group(0).lower() in words:
            s, e = claim.span.start + m.start(), claim.span.start + m.end()
            dist = q.span.start - e if e <= q.span.start else s - q.span.end
            if dist < 0:
                dist = 0
            if dist <= 60 and (best is None or dist < best[0]):
                best = (dist, s, e)
    if best is None:
        return q.span
    return Span.of(article, min(best[1], q.span.start), max(best[2], q.span.end))


def _statement(text: str, members: list[Claim], spans: list[Span], rep: Claim, source: dict[str, str],
               why: dict[str, str], numbers: list[str] | None = None) -> Statement:
    count, note = independence((c.article for c in members), source, why)
    return Statement(
        text=text, spans=sorted(set(spans)), outlets=sorted({c.outlet for c in members}), independent_sources=count,
        who=rep.who, predicate=rep.verb or rep.predicate, target=rep.target,
        numbers=numbers if numbers is not None else [q.surface for q in rep.numbers],
        places=[p for p, _ in rep.places], times=list(rep.times), polarity=rep.polarity,
        attribution=rep.attribution, single_source=count <= 1, independence=note)


def build_statements(claims: list[Claim], links: list[Link], articles: dict[str, Article], source: dict[str, str],
                     why: dict[str, str], rewrites: frozenset[tuple[str, int, int]], *,
                     apart: Callable[[Claim, Claim], bool] | None = None
                     ) -> tuple[list[Statement], dict[int, list[Claim]]]:
    """Statements from claims merged over same/paraphrase links (never two claims ``apart`` says are on
    different sides of a conflict), plus count facts across sources."""
    uf = UnionFind(len(claims))
    for link in links:
        if link.kind in ("same", "paraphrase") and not (apart and apart(claims[link.a], claims[link.b])):
            uf.union(link.a, link.b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if len(c.text.split()) >= MIN_CLAIM_WORDS:
            groups[uf.find(i)].append(i)
    out: list[Statement] = []
    members_of: dict[int, list[Claim]] = {}
    for idxs in groups.values():
        members = [claims[i] for i in idxs]
        # The representative is an original wording, not a spun rewrite, and the first one published here.
        rep = min(members, key=lambda c: (c.ref in rewrites, c.article, c.span.start))
        st = _statement(rep.text, members, [c.span for c in members], rep, source, why)
        members_of[id(st)] = members
        out.append(st)
    # Count facts: the same count of the same event, stated by any source in any wording.
    facts: dict[tuple[str, int], list[tuple[Claim, Quantity]]] = defaultdict(list)
    for c in claims:
        seen: set[tuple[str, int]] = set()
        for q in c.numbers:
            if q.frame and q.high == q.low and q.low > 1 and (q.frame, q.low) not in seen:
                seen.add((q.frame, q.low))
                facts[(q.frame, q.low)].append((c, q))
    for (_frame, _value), cqs in sorted(facts.items()):
        members = [c for c, _ in cqs]
        if len({c.article for c in members}) < 2:
            continue  # a count only one article gives is already in that article's sentence statement
        spans = [_fact_span(c, q, articles[c.article]) for c, q in cqs]
        order = sorted(range(len(cqs)), key=lambda k: (cqs[k][0].ref in rewrites, cqs[k][0].article,
                                                       cqs[k][0].span.start))
        rep_c, rep_q = cqs[order[0]]
        st = _statement(spans[order[0]].text, members, spans, rep_c, source, why, numbers=[rep_q.surface])
        members_of[id(st)] = members
        out.append(st)
    out.sort(key=lambda s: (-s.independent_sources, -len(s.outlets), -len(s.spans), s.spans[0].article,
                            s.spans[0].start, s.text))
    return out, members_of


def _rewrites(groups: list[RepeatGroup], spun: set[str]) -> frozenset[tuple[str, int, int]]:
    """Spans that rewrite another passage of the same article (the sloppy scrape's "spun" copies), as the
    repeats stage judged them: position alone cannot tell, since scrapes interleave the rewrite anywhere.
    Only in ``spun`` articles, those that repeat themselves sentence by sentence as the judge counts it
    (crosscheck/judge.py, JudgeContext.spun): a page that restates its headline in its lead is no spun copy,
    and its lead must not be shown as a "spun rewrite" or kept out of the brief."""
    out: set[tuple[str, int, int]] = set()
    for g in groups:
        if g.kind != "paraphrase" or g.scope != "within" or g.members[0].article not in spun:
            continue
        first = g.original or min(g.members, key=lambda s: (s.article, s.start))
        out.update((m.article, m.start, m.end) for m in g.members if m != first)
    return frozenset(out)


def _drift_groups(repeats: Any, claims: list[Claim], links: list[Link], ids: set[str]) -> list[RepeatGroup]:
    if repeats is not None:
        return [g for g in repeats.groups if g.drift is not None and all(m.article in ids for m in g.members)]
    # No repeats stage ran: look for drift on our own paraphrase links (same detector the repeats stage uses).
    from corroborate.repeats.drift import detect_drift

    out = []
    # On a loose pair, only a curated flip or a changed actor is evidence of a rewrite that distorts; another
    # number or name there is more often another fact.
    strong = {"antonym", "distortion", "actor"}
    seen: dict[tuple[str, str], Any] = {}  # syndicated copies repeat the same pair of wordings
    for link in links:
        a, b = claims[link.a], claims[link.b]
        # A loose rewrite inside one article (the scrape interleaves a spun copy); below this similarity two
        # sentences that share a subject are different statements, not a rewrite.
        rewrite = link.kind == "supports" and a.article == b.article and link.similarity >= FALLBACK_DRIFT_SIM
        if link.kind not in ("paraphrase", "same") and not rewrite:
            continue
        first, second = (a, b) if (a.article, a.span.start) <= (b.article, b.span.start) else (b, a)
        if first.text == second.text or not (is_prose(first.text) and is_prose(second.text)):
            continue  # an exact copy cannot drift; datelines and timestamps differ without meaning anything
        key = (first.text, second.text)
        if key not in seen:
            seen[key] = detect_drift(first.text, second.text)
        drift = seen[key]
        if drift is not None and rewrite and not set(drift.kinds) & strong:
            continue  # on a loose pair, an added "not" is more often another statement than a flip
        if drift is not None:
            scope = "within" if a.article == b.article else "across"
            out.append(RepeatGroup("paraphrase", [first.span, second.span], scope, link.similarity, drift,
                                   original=first.span))
    return out


def _shared_share(claim: Claim, holders: list[Claim]) -> float:
    words = content_words(claim.text)
    others = set().union(*(content_words(h.text) for h in holders if h.article != claim.article))
    return len(words & others) / len(words) if words else 0.0


def cross_check(articles: list[Article], passages: dict[str, list[Passage]], *, story_id: str,
                repeats: Any | None, judge: PairJudge | None = None, embedder: Any = None,
                nlp: Any = None, align_config: AlignConfig | None = None,
                brief_config: BriefConfig | None = None, conflict_config: ConflictConfig | None = None) -> Story:
    """Statements, conflicts (quote conflicts excluded: the misquote stage owns them) and the brief."""
    articles = sorted(articles, key=lambda a: a.id)
    by_id = {a.id: a for a in articles}
    claims: list[Claim] = []
    for a in articles:
        claims.extend(extract_claims(a, passages.get(a.id, []), nlp=nlp))
    if embedder is None and judge is not None and getattr(judge, "_use_semantic", False):
        embedder = judge._embedder  # the judge's MiniLM, so vectors are computed once
    cfg = align_config or AlignConfig()
    pairs = candidate_pairs(claims, config=cfg)
    links, sim = align(claims, embedder=embedder, config=cfg, pairs=pairs)
    related_sim = cfg.supports_semantic if sim.semantic else cfg.supports_lexical
    source, why = source_of(articles, repeats.reuse if repeats is not None else [])
    judge_ctx = JudgeContext.for_story(articles, passages, repeats)
    spun = set(judge_ctx.spun)
    sentence_rewrites = _rewrites(list(repeats.groups) if repeats is not None else [], spun)
    # Repeats work on sentences, claims on clauses: a clause of a rewritten sentence is a rewrite too.
    rewrites = sentence_rewrites | {c.ref for c in claims if within(c.span, sentence_rewrites)}
    pair_set = set(pairs)

    def related(i: int, j: int) -> bool:
        key = (i, j) if i < j else (j, i)
        return key in pair_set and sim(*key) >= related_sim

    frame_pairs = sorted(set(structured_pairs(claims)) | pair_set)
    findings = [*number_findings(claims, related),
                *participant_findings(claims, frame_pairs, sim, min_sim=related_sim),
                *label_findings(claims),
                *place_date_findings(claims, frame_pairs, sim, published=_published_dates(by_id.values())),
                *negation_findings(claims, pairs, sim, min_sim=related_sim),
                *drift_findings(_drift_groups(repeats, claims, links, set(by_id)))]
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        by_article[c.article].append(c)

    def sentence(span: Span) -> tuple[str, int, int]:
        """The sentence (passage) holding a span: clauses, fragments and whole sentences then compare."""
        return next(((p.article, p.start, p.end) for p in passages.get(span.article, [])
                     if p.start <= span.start and span.end <= p.end), (span.article, span.start, span.end))

    candidates = dedupe_conflicts(merge_findings(findings, by_id, rewrites), sentence=sentence)
    conflict_cfg = conflict_config or ConflictConfig()
    conflicts, dropped = review(candidates, judge_ctx, conflict_cfg)
    # Sentences on different sides of a conflict never merge into one statement, however similar.
    apart: set[frozenset[tuple[str, int, int]]] = set()
    for k in conflicts:
        sides = [(sentence(s), v) for s, v in zip(k.spans, k.values, strict=True)]
        apart.update(frozenset((x, y)) for x, vx in sides for y, vy in sides if x != y and vx != vy)
    statements, members = build_statements(claims, links, by_id, source, why, rewrites,
                                           apart=lambda a, b: frozenset((sentence(a.span), sentence(b.span)))
                                           in apart)
    # The brief states what sources agree on: a sentence on either side of a conflict is left to the
    # conflicts section (a count fact then reads from a sentence that is not contested).
    contested = frozenset(c.ref for k in conflicts for s in k.spans for c in by_article[s.article]
                          if sentence(c.span) == sentence(s))
    quoted = inside_quotes(passages, claims) | unnamed_quotes(claims)
    brief = _brief(statements, members, links, claims, sim, avoid=contested | rewrites | quoted, source=source,
                   passages=passages, config=brief_config or BriefConfig())
    return Story(id=story_id, articles=[a.id for a in articles], statements=statements, conflicts=conflicts,
                 brief=brief, dropped=dropped if conflict_cfg.explain else [])


def _lead_passages(passages: dict[str, list[Passage]]) -> dict[str, set[int]]:
    """Per article, the indices of its first LEAD_SENTENCES passages that are sentences of running text: its
    lead. Headlines, datelines and bylines come first on many pages (ECB+ prints the title, then the date,
    then the lede), and are no lead."""
    out: dict[str, set[int]] = {}
    for aid, ps in passages.items():
        lead = [p.index for p in ps if len(p.text.split()) >= LEAD_MIN_WORDS and is_prose(p.text)
                and p.text.rstrip().endswith(SENTENCE_ENDS)][:LEAD_SENTENCES]
        out[aid] = set(lead)
    return out


def _brief(statements: list[Statement], members: dict[int, list[Claim]], links: list[Link], claims: list[Claim],
           sim: Similarity, *, avoid: frozenset[tuple[str, int, int]], source: dict[str, str],
           passages: dict[str, list[Passage]],
           config: BriefConfig) -> list[BriefSentence]:
    """Order statements for the brief and let :func:`make_brief` choose. Corroborated statements first (most
    sources, then most supported by related statements of other sources, then nearest the top of their
    article: news puts what matters first); then single-source ones, taking each source in turn so one long
    article does not fill the brief."""
    index = {id(c): i for i, c in enumerate(claims)}
    support: dict[int, set[str]] = defaultdict(set)
    for link in links:
        a, b = claims[link.a], claims[link.b]
        if source.get(a.article, a.article) != source.get(b.article, b.article):
            support[link.a].add(source.get(b.article, b.article))
            support[link.b].add(source.get(a.article, a.article))

    def key(st: Statement) -> tuple[int, int, int, str]:
        ms = members[id(st)]
        others = set().union(*(support[index[id(c)]] for c in ms)) - {source.get(c.article, c.article) for c in ms}
        return (-st.independent_sources, -len(others), min(c.passage for c in ms), st.spans[0].article)

    ranked = sorted(statements, key=key)
    # The brief leads with the event: a lead sentence (an article's first two), the one most sources back or
    # relate to, even when no other outlet worded it alike enough to merge (real leads rarely are).
    # Somebody's words ("“We already have things on the calendar,” said ...") report a reaction, not the event.
    lead_passages = _lead_passages(passages)
    leads = [st for st in ranked if any(c.passage in lead_passages.get(c.article, ()) for c in members[id(st)])
             and not all(c.ref in avoid for c in members[id(st)]) and not st.text.lstrip().startswith(OPENERS)]

    firsts = {aid: min(lead) for aid, lead in lead_passages.items() if lead}
    # Of leads the rules below rank equal, the one the lead model rates likelier to state the event opens the brief,
    # not the one whose article id sorts first (semantic path only: it reads the sentence vectors; off by default).
    learned = scores_by_id(leads, sim.embedder) if sim.semantic and config.lead_model else {}

    def lead_key(st: Statement) -> tuple[int, int, bool, int, float, str]:
        sources, others, passage, article = key(st)
        # Sources and related sources count alike here, but an article's second lead sentence needs one more to
        # pass a first: the second gives a figure other outlets repeat (the season's toll), the first the news
        # (the day's deaths). Of leads equally backed, the one that dates its happening states the news (the
        # court's sentence, not the crime a feature opens with); then the one more outlets state, not one outlet's
        # line the others only relate to (a teaser, "the company is preparing some changes", against the
        # news two outlets lead with).
        second = not any(firsts.get(c.article) == c.passage for c in members[id(st)])
        return (sources + others + second, passage, not states_when(st.text), sources, -learned.get(id(st), 0.0),
                article)

    # Every lead in that order, so that when the best one has no usable wording (a 64-word lead that quotes a
    # whole letter) the next lead opens the brief, not the most corroborated later line.
    leads.sort(key=lead_key)
    multi = [st for st in ranked if st.independent_sources > 1]
    queues: dict[str, list[Statement]] = defaultdict(list)
    for st in ranked:
        if st.independent_sources <= 1:
            queues[st.spans[0].article].append(st)
    singles: list[Statement] = []
    while any(queues.values()):
        for art in sorted(queues):
            if queues[art]:
                singles.append(queues[art].pop(0))

    facts_done: set[tuple[str, int]] = set()

    def facts(st: Statement) -> set[tuple[str, int]]:
        return {(q.frame, q.low) for c in members[id(st)] for q in c.numbers
                if q.frame and q.high == q.low and q.low > 1}

    def vectors_cosine(x: str, y: str) -> float:
        u, v = sim.embedder.encode([x, y])
        return float(u @ v)

    # On the semantic path the citation check also keeps a close paraphrase (crosscheck/citations.py).
    cosine = vectors_cosine if sim.semantic else None

    def sentence_of(st: Statement) -> list[tuple[str, list[Span]]]:
        ms = members[id(st)]
        if any(c.text == st.text for c in ms):
            # The representative wording first, then the other members' own wordings; each cites all.
            texts = [st.text, *sorted({c.text for c in ms} - {st.text}, key=lambda t: (len(t), t))]
            # Only the spans that state what the wording says (its own span first, always kept).
            return [(t, supported(t, sorted(st.spans, key=lambda s, t=t: (s.text != t, s.article, s.start)),
                                  cosine=cosine)) for t in texts]
        # A count fact: cite every fragment (each states the same count of the same event), and read the
        # sentence (not a rewrite) whose other words other sources also state, so the count is not the only
        # corroborated thing in it.
        holders = [c for c in ms if c.ref not in avoid] or ms
        best = max(holders, key=lambda c: (_shared_share(c, holders), -len(c.text), c.article, -c.span.start))
        return [(best.text, [best.span, *[s for s in st.spans if s.article != best.article or
                                          not best.span.start <= s.start < best.span.end]])]

    def lead_score(text: str) -> float:
        return lead_scores([text], sim.embedder.encode([text]))[0]

    def repeats_fact(st: Statement) -> bool:
        # A sentence whose count was already given by a more corroborated brief sentence says it again.
        f = facts(st)
        if f and f <= facts_done:
            return True
        facts_done.update(f)
        return False

    if sim.semantic:
        similarity = vectors_cosine
        cfg = replace(config, max_similarity=config.semantic_max_similarity)
    else:
        def similarity(x: str, y: str) -> float:
            wx, wy = content_words(x), content_words(y)
            return len(wx & wy) / (len(wx | wy) or 1)
        cfg = replace(config, max_similarity=config.lexical_max_similarity)
    return make_brief([*multi, *singles], sentence_of=sentence_of, similarity=similarity, avoid=avoid,
                      skip=repeats_fact, config=cfg, leads=leads,
                      lead_spans=frozenset((p.article, p.start, p.end) for aid, ps in passages.items()
                                           for p in ps if p.index in lead_passages.get(aid, ())),
                      first_spans=frozenset((p.article, p.start, p.end) for aid, ps in passages.items()
                                            for p in ps if p.index == min(lead_passages.get(aid) or (-1,))),
                      sources=lambda spans: len({source.get(s.article, s.article) for s in spans}), cosine=cosine,
                      **({"lead_score": lead_score, "lead_rank": lambda st: lead_key(st)[0]}
                         if sim.semantic and config.lead_yield else {}))


def _published_dates(articles: Iterable[Article]) -> dict[str, date | None]:
    """Each article's publication date, so relative day words can be placed (see judge._same_days)."""
    from corroborate.crosscheck.timeline import published_date

    return {a.id: published_date(a)[0] for a in articles}


def methods(*, embedder: Any = None, nlp: Any = None) -> dict[str, str]:
    """What ran, for the report's ``method`` block."""
    sim = Similarity([], embedder=embedder)
    return {"statements": method_name(nlp), "crosscheck_alignment": sim.method}
