"""The parser path of claim extraction: who did what to whom from the dependency parse."""

from __future__ import annotations

import pytest

from corroborate import nlp
from corroborate.crosscheck.parsed import nlp_claims
from corroborate.model import Article, Passage


@pytest.mark.parametrize("variant", [v for v in ("cnn", "minilm") if nlp.available(v)] or
                         [pytest.param("cnn", marks=pytest.mark.skip(reason="no NLP model built"))])
def test_actor_action_target_and_passive_agent(variant: str) -> None:
    text = ("The French government cancelled the meeting with the Home Secretary. "
            "The meeting was cancelled by the French government.")
    article = Article("a" * 16, "outlet", None, None, None, text)
    cut = text.index("The meeting")
    passages = [Passage(article.id, 0, 0, 0, cut - 1, text[:cut - 1]),
                Passage(article.id, 1, 0, cut, len(text), text[cut:])]
    active, passive = nlp_claims(article, passages, nlp.load_pipeline(variant))
    assert (active.who, active.predicate) == ("The French government", "cancel")
    assert active.target is not None and active.target.startswith("the meeting")
    # The passive voice names the same actor through its "by" agent.
    assert (passive.who, passive.predicate, passive.target) == ("the French government", "cancel", "The meeting")


@pytest.mark.parametrize("variant", [v for v in ("cnn", "minilm") if nlp.available(v)] or
                         [pytest.param("cnn", marks=pytest.mark.skip(reason="no NLP model built"))])
def test_a_participle_used_as_an_adjective_names_no_event(variant: str) -> None:
    text = "The Saints placed Bush on the injured reserve list Wednesday with a sprained left knee."
    article = Article("b" * 16, "outlet", None, None, None, text)
    (claim,) = nlp_claims(article, [Passage(article.id, 0, 0, 0, len(text), text)], nlp.load_pipeline(variant))
    from corroborate.text.claim_words import lemma

    assert claim.events == {lemma("placed")}  # not the sprain, not the injury
