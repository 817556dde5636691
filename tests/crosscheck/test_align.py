"""Alignment: the kinds of links, and blocking that never compares all pairs."""

from __future__ import annotations

from corroborate.crosscheck.align import (
    AlignConfig,
    align,
    candidate_pairs,
    classify,
    lexical_similarity,
    structured_pairs,
)
from corroborate.crosscheck.claim_types import Claim
from corroborate.crosscheck.rules import rule_claim
from corroborate.model import Article, Passage


def claims_of(*texts: str) -> list[Claim]:
    out = []
    for k, text in enumerate(texts):
        art = Article(f"a{k}", f"outlet{k}", None, None, None, text)
        out.append(rule_claim(art, Passage(art.id, 0, 0, 0, len(text), text)))
    return out


def kind(a: str, b: str) -> str | None:
    x, y = claims_of(a, b)
    link = classify(x, y, lexical_similarity(x, y), semantic=False)
    return link.kind if link else None


def test_link_kinds() -> None:
    assert kind("The Home Office declined to comment.", "The Home Office declined to comment") == "same"
    assert kind("Twenty-seven migrants died when their dinghy sank off Calais on Wednesday.",
                "On Wednesday twenty-seven migrants died when their boat sank off Calais.") == "paraphrase"
    assert kind("Ms Patel cancelled the meeting.",
                "Ms Patel cancelled the meeting with President Macron in Paris after the letter on Twitter "
                "angered French ministers.") == "elaborates"
    assert kind("The dinghy sank, killing 27 people.", "France mourned the deaths of 27 people at sea.") == "supports"
    assert kind("The Home Office declined to comment.", "Frontex will monitor the shores from December 1.") is None


def _letters(i: int) -> str:
    return "".join("abcdefghijklmnopqrstuvwxyz"[int(d)] for d in f"{i:03d}")


def test_blocking_is_not_all_pairs() -> None:
    # 400 claims: 200 topics stated twice in different words. All pairs would be 79,800.
    texts = []
    for i in range(200):
        t, b, s = (f"{w}{_letters(i)}" for w in ("town", "bridge", "storm"))
        texts.append(f"Officials in {t} reported that {b} collapsed after {s} on Monday.")
        texts.append(f"The {b} in {t} collapsed on Monday, officials said, blaming {s}.")
    claims = claims_of(*texts)
    cfg = AlignConfig()
    pairs = candidate_pairs(claims, config=cfg)
    assert len(pairs) <= len(claims) * cfg.top_k
    found = {(2 * i, 2 * i + 1) for i in range(200)} & set(pairs)
    assert len(found) == 200  # every true partner is a candidate
    links, sim = align(claims, pairs=pairs)
    assert sim.method == "lexical"
    assert {(link.a, link.b) for link in links if link.kind in ("paraphrase", "supports")} >= found


def test_structured_pairs_bucket_actions_on_the_same_thing() -> None:
    claims = claims_of("the French government cancelled the meeting in a fit of pique",
                       "After the letter, Ms. Patel cancelled her meeting with President Macron",
                       "The Home Office declined to comment.")
    assert (0, 1) in structured_pairs(claims)
    assert all(2 not in p for p in structured_pairs(claims))


def test_embedding_similarity_is_used_when_given() -> None:
    import numpy as np

    class FakeEmbedder:
        name = "fake"

        def encode(self, texts: list[str]) -> np.ndarray:
            return np.asarray([[1.0, 0.0] if "sank" in t else [0.0, 1.0] for t in texts], dtype=np.float32)

    claims = claims_of("The boat sank off Calais with 27 people.", "27 people on the boat sank off Calais.",
                       "27 people on the boat drowned off Calais.")
    links, sim = align(claims, embedder=FakeEmbedder())
    assert sim.method == "fake" and sim(0, 1) == 1.0 and sim(0, 2) == 0.0
    assert any(link.kind in ("paraphrase", "same") and (link.a, link.b) == (0, 1) for link in links)
