"""Atomic statements (claims) from segmented sentences: who did what to whom, numbers, place, time, polarity.

Two extractors fill the same :class:`Claim`, and :func:`extract_claims` says which one ran:

* ``nlp``: the project's own spaCy pipeline (dependency parse + NER) when it is built
  (:mod:`corroborate.crosscheck.parsed`);
* ``rules``: a transparent fallback over word shapes and small closed word lists (auxiliaries, prepositions,
  titles, weekdays, number words), good enough for news English and fully predictable.

A claim is the unit that alignment compares. Besides its sentence-level frame, a claim carries
:class:`Quantity` facts ("27 people", "one of whom was pregnant", "multiple pregnant women") and
:class:`Label` facts ("calling him 'not serious'") that the judge compares across sources.
"""

from __future__ import annotations

import re
from typing import Any

from corroborate.crosscheck.claim_types import Claim
from corroborate.crosscheck.rules import (
    person_keys,
    rule_claim,
)
from corroborate.model import Article, Passage

RULES_METHOD = "rules"

# Strong clause boundaries: a semicolon, or a comma before a contrastive conjunction. Each side is a
# statement of its own ("Ms Patel was due to meet Mr Macron, | but the French government cancelled it").
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?=(?:but|while|whereas|although|yet)\s)")
MIN_CLAUSE_WORDS = 5


def clauses(passage: Passage) -> list[Passage]:
    """A sentence cut at strong clause boundaries, each piece a Passage with its own offsets (pieces shorter
    than ``MIN_CLAUSE_WORDS`` stay with their neighbour). The leading conjunction is left out of the clause."""
    text = passage.text
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(text):
        if len(text[cuts[-1]:m.start()].split()) >= MIN_CLAUSE_WORDS and \
                len(text[m.end():].split()) >= MIN_CLAUSE_WORDS + 1:
            cuts.append(m.end())
    if len(cuts) == 1:
        return [passage]
    out = []
    for k, start in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(text)
        piece = text[start:end].rstrip(" ,;")
        conj = re.match(r"(?:but|while|whereas|although|yet)\s+", piece)
        skip = conj.end() if conj and k else 0
        s, e = passage.start + start + skip, passage.start + start + len(piece)
        out.append(Passage(passage.article, passage.index, passage.paragraph, s, e,
                           text[start + skip:start + len(piece)]))
    return out


def extract_claims(article: Article, passages: list[Passage], *, nlp: Any = None) -> list[Claim]:
    """Claims of one article's passages, one per clause; ``nlp`` (a loaded spaCy pipeline) switches to the
    parser path."""
    passages = [c for p in passages if p.article == article.id for c in clauses(p)]
    if nlp is not None:
        from corroborate.crosscheck.parsed import nlp_claims

        out = nlp_claims(article, passages, nlp)
    else:
        persons = person_keys(article.text)
        out = [rule_claim(article, p, persons=persons) for p in passages]
    # The names of a whole sentence are the context of each of its clauses ("... met in Calais on Sunday,
    # but neither Priti Patel nor ..."): who the clause is about is often named in its sibling.
    names: dict[int, frozenset[str]] = {}
    for c in out:
        names[c.passage] = names.get(c.passage, frozenset()) | c.names
    for c in out:
        c.names = names[c.passage]
    return out


def method_name(nlp: Any) -> str:
    if nlp is None:
        return RULES_METHOD
    from corroborate.nlp.loader import describe_loaded

    return describe_loaded(nlp)
