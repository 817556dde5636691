"""Rule-based spaCy components that run after the statistical NER (registered on import; imports spaCy).

They encode two general regularities of edited news prose that a model trained on sentence-level web text
(UD/UNER English EWT) cannot see:

- **Honorifics**: a title-cased name right after "Mr", "Ms", "President", "Prime Minister", ... is a person.
- **Organisation descriptors**: a capitalised name right after "agency", "charity", "company", ... (in
  lower case) is an organisation, when the model left it unlabelled.
- **One label per name per document**: a name that recurs in one document refers to the same thing, so its
  mentions take the label the model gives it most often there, and unlabelled repeats of a name the model
  did recognise elsewhere in the document are labelled too.

No name lists: the rules only look at titles, capitalisation and the model's own predictions.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from corroborate.text.titles import ORG_DESCRIPTORS, TITLE_CONTINUATIONS, TITLES

FACTORY = "corroborate_entity_rules"

PERSON = "PER"
ORGANISATION = "ORG"


def _is_name_token(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.lower_.rstrip(".") not in TITLES


def _titled_names(doc: Doc) -> list[Span]:
    """Title-cased runs (up to 4 tokens) right after an honorific."""
    spans: list[Span] = []
    for token in doc[:-1]:
        word = token.lower_.rstrip(".")
        if word not in TITLES:
            continue
        # "Prime Minister Boris Johnson" needs nothing special: the run starts after "Minister".
        start = token.i + 1
        if start < len(doc) and doc[start].text == ".":
            start += 1  # "Dr . Smith" when the tokenizer splits the stop
        while start < len(doc) and doc[start].lower_ in TITLE_CONTINUATIONS:
            start += 1
        end = start
        while end < len(doc) and end - start < 4 and _is_name_token(doc[end]):
            end += 1
        if end > start:
            spans.append(doc[start:end])
    return spans


def _described_orgs(doc: Doc) -> list[Span]:
    """Capitalised runs (up to 4 tokens) right after a lower-case organisation descriptor."""
    spans: list[Span] = []
    for token in doc[:-1]:
        if token.text not in ORG_DESCRIPTORS:
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < 4 and (doc[end].is_title or doc[end].is_upper) and doc[end].is_alpha:
            end += 1
        if end > start:
            spans.append(doc[start:end])
    return spans


def _apply(doc: Doc) -> Doc:
    ents = list(doc.ents)
    # 1. honorific + name -> PER, replacing a model span over exactly those tokens (or overlapping them).
    titled = _titled_names(doc)
    if titled:
        covered = {i for span in titled for i in range(span.start, span.end)}
        ents = [e for e in ents if not covered.intersection(range(e.start, e.end))]
        ents += [Span(doc, s.start, s.end, label=PERSON) for s in titled]
    # 1b. descriptor + name -> ORG, only where the model and the honorific rule found nothing.
    taken = {i for e in ents for i in range(e.start, e.end)}
    for span in _described_orgs(doc):
        if not taken.intersection(range(span.start, span.end)):
            ents.append(Span(doc, span.start, span.end, label=ORGANISATION))
            taken.update(range(span.start, span.end))
    # 2. one label per name per document. A name (or surname) seen after an honorific is a person
    #    throughout; otherwise the majority label of the exact text wins, and ties keep the model's label.
    surnames = {s[-1].text for s in titled}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in ents:
        votes[ent.text][ent.label_] += 1
    relabelled = []
    for ent in ents:
        if ent[-1].text in surnames and all(_is_name_token(t) for t in ent):
            best, tie = PERSON, False
        else:
            (best, n_best), *rest = votes[ent.text].most_common()
            tie = bool(rest) and rest[0][1] == n_best
        relabelled.append(ent if tie or best == ent.label_ else Span(doc, ent.start, ent.end, label=best))
    votes = defaultdict(Counter)
    for ent in relabelled:
        votes[ent.text][ent.label_] += 1
    # 3. unlabelled repeats of a recognised name (all tokens capitalised, so "the" or "May" alone are not).
    taken = {i for e in relabelled for i in range(e.start, e.end)}
    names = {
        text: counts.most_common(1)[0][0]
        for text, counts in votes.items()
        if all(w[:1].isupper() for w in text.split()) and len(text) > 2
    }
    extra: list[Span] = []
    if names:
        by_first: dict[str, list[str]] = defaultdict(list)
        for text in names:
            by_first[text.split()[0]].append(text)
        for token in doc:
            if token.i in taken or token.text not in by_first:
                continue
            for text in sorted(by_first[token.text], key=len, reverse=True):
                end = _match(doc, token.i, text)
                if end and not taken.intersection(range(token.i, end)):
                    extra.append(Span(doc, token.i, end, label=names[text]))
                    taken.update(range(token.i, end))
                    break
    doc.ents = filter_spans(relabelled + extra)
    return doc


def _match(doc: Doc, start: int, text: str) -> int:
    """End token index when doc tokens from ``start`` spell ``text`` exactly (at token boundaries), else 0."""
    pos = 0
    i = start
    while i < len(doc) and pos < len(text):
        token = doc[i]
        if not text.startswith(token.text, pos):
            return 0
        pos += len(token.text)
        if pos < len(text):
            if not token.whitespace_ or text[pos] != " ":
                return 0
            pos += 1
        i += 1
    # the match must end at an entity-like boundary, not inside a longer capitalised run
    if pos != len(text) or (i < len(doc) and doc[i].is_title and doc[i].is_alpha):
        return 0
    return i


@Language.component(FACTORY, requires=["doc.ents"], assigns=["doc.ents"])
def entity_rules(doc: Doc) -> Doc:
    """Honorific names as PER, then one label per name across the document (see the module docstring)."""
    return _apply(doc)
