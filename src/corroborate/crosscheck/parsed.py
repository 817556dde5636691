"""Claims from a dependency parse: the ``nlp`` extractor of :mod:`corroborate.crosscheck.claims`.

It fills the same :class:`~corroborate.crosscheck.claims.Claim` as the rule extractor, starting from it, so counts,
labels, times and polarity agree on both paths; the parse replaces who / did what / to whom, and NER adds
names and vetoes places.
"""

from __future__ import annotations

from typing import Any

from corroborate.crosscheck.claim_types import Claim
from corroborate.crosscheck.rules import person_keys, rule_claim
from corroborate.model import Article, Passage
from corroborate.text.claim_words import PRONOUNS, REPORTING, lemma, name_key

_NP_DEPS = frozenset(("det", "amod", "compound", "nmod:poss", "poss", "flat", "flat:name", "nmod:desc", "nummod",
                      "nn", "case:poss"))


def nlp_claims(article: Article, passages: list[Passage], nlp: Any) -> list[Claim]:
    """Claims from the project's spaCy pipeline: the dependency parse gives who / did what / to whom for every
    verb (UD labels: ``nsubj``, ``nsubj:pass``, ``obj``, ``obl:agent``), NER adds names and places. Counts,
    labels, times and polarity keep the rule extractor (lexical patterns), so both paths agree on them, and
    predicates use the same lemma key as the rules."""
    out: list[Claim] = []
    persons = person_keys(article.text)
    docs = nlp.pipe([p.text for p in passages], batch_size=64)
    for passage, doc in zip(passages, docs, strict=True):
        claim = rule_claim(article, passage, persons=persons)
        triples: list[tuple[str | None, str, str | None]] = []
        for v in doc:
            if v.pos_ != "VERB" or v.dep_ in ("amod", "compound"):
                continue  # "a sprained knee": a participle used as an adjective names no event of the sentence
            subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")), None)
            obj = next((c for c in v.children if c.dep_ in ("obj", "dobj")), None)
            agent = next((c for c in v.children if c.dep_ in ("obl:agent", "agent")
                          or (c.dep_ == "obl" and any(k.lower_ == "by" for k in c.children))), None)
            passive = subj is not None and subj.dep_ in ("nsubj:pass", "nsubjpass")
            who = _np_text(subj) if subj is not None else None
            target = _np_text(obj) if obj is not None else None
            if passive:
                who, target = (_np_text(agent) if agent is not None else None), who
            if who and who.lower() in PRONOUNS:
                who = None
            triples.append((who, lemma(v.text), target))
        if triples:
            claim.triples = triples
            main = next((t for t in triples if t[1] not in REPORTING and t[0]), None) or \
                next((t for t in triples if t[1] not in REPORTING), triples[0])
            claim.who, claim.predicate, claim.target = main
            claim.verb = next((t.text for t in doc if t.pos_ == "VERB" and lemma(t.text) == main[1]), None)
            claim.events = frozenset(claim.events | {t[1] for t in triples})
            rep = next((t for t in triples if t[1] in REPORTING and t[0]), None)
            claim.attribution = rep[0] if rep else claim.attribution
        # NER vetoes rule places that it reads as people or organisations; it does not add places, since a
        # country merely mentioned ("migrants bound for the UK") is not where the event happened.
        not_places = {w for e in doc.ents if e.label_ in ("PER", "PERSON", "ORG") for w in name_key(e.text)}
        claim.places = [(p, s) for p, s in claim.places if not name_key(p) <= not_places or not name_key(p)]
        ents = [e for e in doc.ents if e.label_ in ("PER", "PERSON", "ORG", "LOC", "GPE")]
        if ents:
            claim.names = frozenset(claim.names | {w for e in ents for w in name_key(e.text)})
        out.append(claim)
    return out


def _np_text(tok: Any) -> str:
    """The core noun phrase of a head token: its determiners, modifiers and name parts, not its clauses."""
    left, right = tok.i, tok.i
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in _NP_DEPS:
                left, right = min(left, c.i), max(right, c.i)
                stack.append(c)
    return tok.doc[left:right + 1].text
