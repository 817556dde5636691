"""Statements (claims): who / did what / to whom, counts, places, times, polarity, attribution, labels."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.crosscheck.claims import RULES_METHOD, extract_claims, method_name
from corroborate.crosscheck.rules import person_keys, rule_claim
from corroborate.ingest.segment import segment
from corroborate.model import Article, Passage
from corroborate.text.claim_words import lemma, name_key, number_value, same_participant


def claim_of(text: str, *, persons: frozenset[str] | None = None):
    art = Article("t", "outlet", None, None, None, text)
    return rule_claim(art, Passage("t", 0, 0, 0, len(text), text),
                      persons=person_keys(text) if persons is None else persons)


def test_who_did_what_to_whom_and_place() -> None:
    c = claim_of("After receiving an open letter by Boris Johnson, Ms. Patel cancelled her meeting with "
                 "President Emmanuel Macron in Paris to discuss the crisis.")
    assert ("Ms. Patel", lemma("cancelled"), "her meeting") in c.triples
    assert [p for p, _ in c.places] == ["Paris"]
    assert "meet" in c.events  # "meeting" is the event noun of "meet"


def test_passive_voice_puts_the_agent_first() -> None:
    c = claim_of("The meeting was cancelled by the French government on Friday.")
    assert (c.who, c.target) == ("the French government", "The meeting")
    assert c.times == ["friday"]


def test_negation_and_attribution() -> None:
    c = claim_of("A Home Office source said: ‘Priti Patel was not invited to the meeting.’")
    assert c.polarity == "negative"
    assert c.attribution == "A Home Office source"
    assert claim_of("Priti Patel was invited to the meeting.").polarity == "positive"


@pytest.mark.parametrize(("text", "head", "low", "high"), [
    ("The dinghy sank, killing 27 people including seven women - one of whom was pregnant - and three children",
     "pregnant woman", 1, 1),
    ("Mr Darmanin revealed multiple pregnant women and children were among the dead.", "pregnant woman", 2, None),
    ("Among the dead was a pregnant woman and a child.", "pregnant woman", 1, 1),
    ("Twenty-seven migrants, including women and children, died on Wednesday.", "migrant", 27, 27),
    ("The disaster saw dozens of migrants drown off the French coast.", "migrant", 24, None),
])
def test_counts(text: str, head: str, low: int, high: int | None) -> None:
    qs = [q for q in claim_of(text).numbers if q.head == head]
    assert qs, [q.head for q in claim_of(text).numbers]
    assert (qs[0].low, qs[0].high) == (low, high)
    assert qs[0].frame == "death"


def test_counts_compatibility() -> None:
    one = next(q for q in claim_of("including a pregnant woman who died").numbers if q.head == "pregnant woman")
    many = next(q for q in claim_of("multiple pregnant women died").numbers if q.head == "pregnant woman")
    dozens = next(q for q in claim_of("dozens of migrants drowned").numbers)
    exact = next(q for q in claim_of("27 migrants drowned").numbers)
    assert not one.compatible(many)
    assert dozens.compatible(exact) and exact.compatible(dozens)


def test_dates_and_ages_are_not_counts() -> None:
    assert claim_of("date 2021-11-26 France has told Britain to stay away.").numbers == []
    assert claim_of("Priti Patel, 49, last night launched a defence of her record").numbers == []


def test_labels_name_who_called_whom_what() -> None:
    a = claim_of("Emmanuel Macron exploded at Boris Johnson, calling him ‘not serious’ and blaming the PM.")
    b = claim_of("Macron’s meltdown, as Boris labels Boris “not serious” about the migrant crisis")
    assert [(lab.labeler, lab.quote) for lab in a.labels] == [("Emmanuel Macron", "not serious")]
    assert [(lab.labeler, lab.quote) for lab in b.labels] == [("Boris", "not serious")]
    assert not [lab for lab in claim_of("Mr Johnson called for “urgent progress” on patrols.").labels]


def test_person_names_are_not_places() -> None:
    text = "Mr Macron spoke. Emmanuel Macron exploded at Boris Johnson, and Mr Johnson flew to Calais."
    c = claim_of(text)
    assert [p for p, _ in c.places] == ["Calais"]


def test_clauses_split_at_strong_boundaries() -> None:
    from corroborate.crosscheck.claims import clauses

    text = ("Ms Patel was due to meet President Emmanuel Macron to discuss the crisis, but the French "
            "government cancelled the meeting after the letter.")
    parts = clauses(Passage("t", 3, 1, 100, 100 + len(text), text))
    assert [p.text for p in parts] == ["Ms Patel was due to meet President Emmanuel Macron to discuss the crisis",
                                       "the French government cancelled the meeting after the letter."]
    assert all(text[p.start - 100:p.end - 100] == p.text and p.index == 3 for p in parts)
    short = "He came, but left."
    assert [p.text for p in clauses(Passage("t", 0, 0, 0, len(short), short))] == [short]


def test_word_helpers() -> None:
    assert number_value("twenty-seven") == 27 and number_value("27") == 27 and number_value("word") is None
    assert lemma("deaths") == lemma("death") and lemma("women") == "woman" and lemma("urged") == lemma("urge")
    assert name_key("Ms. Patel") & name_key("Priti Patel") == {"patel"}
    assert same_participant("Boris Johnson", "Mr Johnson") and not same_participant("Boris", "Emmanuel Macron")


def _seed_articles(seeds: Path) -> list[Article]:
    return [Article(p.stem, p.stem, None, "2021-11-26" if p.stem.startswith("001") else None, str(p),
                    p.read_text(encoding="utf-8")) for p in sorted(seeds.glob("*.txt"))]


def test_seed_claims_keep_the_span_rule(seeds_dir: Path) -> None:
    for art in _seed_articles(seeds_dir):
        passages = segment(art)
        claims = extract_claims(art, passages)
        assert len(claims) >= len(passages)  # one claim per clause
        assert {c.passage for c in claims} == {p.index for p in passages}
        for c in claims:
            spans = [c.span, *(q.span for q in c.numbers), *(s for _, s in c.places), *(lab.span for lab in c.labels)]
            for s in spans:
                assert art.text[s.start:s.end] == s.text
    assert method_name(None) == RULES_METHOD


def test_nlp_pipeline_path_when_built() -> None:
    from corroborate import nlp

    if not nlp.available():
        pytest.skip("the project's NLP model is not built yet (make model); the rule path is tested above")
    pipe = nlp.load_pipeline()
    text = "The French government cancelled the meeting in Paris on Friday."
    art = Article("t", "o", None, None, None, text)
    [c] = extract_claims(art, [Passage("t", 0, 0, 0, len(text), text)], nlp=pipe)
    assert c.predicate == lemma("cancelled") and c.who == "The French government"
    assert ("The French government", lemma("cancelled"), "the meeting") in c.triples
    assert [p for p, _ in c.places] == ["Paris"]
    text = "The meeting was cancelled by the French government."
    [c] = extract_claims(Article("t", "o", None, None, None, text), [Passage("t", 0, 0, 0, len(text), text)],
                         nlp=pipe)
    assert (c.who, c.target) == ("the French government", "The meeting")
    assert method_name(pipe) != RULES_METHOD
