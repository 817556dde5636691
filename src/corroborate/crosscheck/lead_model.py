"""A learned judgement of whether a lead sentence states the event, for the brief's first sentence (issue 24).

The lead rules of :mod:`corroborate.crosscheck.core` rank candidate leads by how many outlets back them. The scorer
reads the wording a lead would open the brief with: when it finds that wording unlikely to state the event (a
reaction, a scene, the background) and finds a lead the rules rank at most one backer lower likely, that one opens
the brief (:func:`yielding_lead`). It can also break ties among leads the rules rank equal (``BriefConfig.lead_model``,
off). The scorer is a logistic regression over the sentence's all-MiniLM-L6-v2 vector (the vectors the semantic
path computes) and a few wording features, trained by train/lead.py on the labelled lead sentences of the brief
pools (bench/gold/pool_brief*.json); its weights ship in data/lead_model.json and load on first use. Scores are
rounded before any comparison, so the order they give does not depend on float noise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "lead_model.json"
DIGITS = 4  # scores are compared at this precision: two leads closer than that stay tied (then article id)

# A shown lead whose log-odds of stating the event is below DOUBTFUL (p < 0.27) yields to the next usable lead at
# LIKELY or above (p >= 0.62) that the rules rank at most BACKING_GAP lower (one source or related source fewer).
# Chosen by cross-fitting on the four brief pools (each scored by the model trained without it) and the gold's tune
# half: at -1 / 0.5 / 1 four first sentences of 183 events change, three misses become hits and none is lost; a
# looser doubt (-0.5) or a wider gap brings losses (bench/RESULTS.md, brief-pool notes).
DOUBTFUL = -1.0
LIKELY = 0.5
BACKING_GAP = 1

_QUOTES = re.compile(r"[\"“”]")
# What is planned or expected rather than what happened ("will face trial", "is expected to").
_FUTURE = re.compile(r"\b(?:will|would|expected|expects|plans?|planning|could|might|may|set to|going to)\b", re.I)
# Somebody's own words: a witness's post or a columnist's aside.
_FIRST = re.compile(r"\b(?:I|we|my|our|me|us)\b")


def features(text: str) -> list[float]:
    """The wording features beside the vector: quote marks, a future or modal word, a first-person word, and the
    length in words (over 40)."""
    return [float(bool(_QUOTES.search(text))), float(bool(_FUTURE.search(text))),
            float(bool(_FIRST.search(text))), len(text.split()) / 40.0]


@cache
def _weights() -> tuple[Any, float]:
    import numpy as np

    model = json.loads(resources.files("corroborate").joinpath("data/lead_model.json").read_text(encoding="utf-8"))
    return np.asarray(model["coef"], dtype=np.float64), float(model["intercept"])


def lead_scores(texts: list[str], vectors: Any) -> list[float]:
    """Each text's log-odds of stating the event, from its sentence vector (a row of ``vectors``), rounded to
    ``DIGITS`` places."""
    import numpy as np

    coef, intercept = _weights()
    if not texts:
        return []
    x = np.hstack([np.asarray(vectors, dtype=np.float64), np.array([features(t) for t in texts])])
    return [round(float(s), DIGITS) for s in x @ coef + intercept]


def scores_by_id(leads: list[Any], embedder: Any) -> dict[int, float]:
    """``id(statement)`` -> its lead score, from its text's vector (the embedder's cache holds every claim's)."""
    texts = [st.text for st in leads]
    return dict(zip(map(id, leads), lead_scores(texts, embedder.encode(texts) if texts else []), strict=True))


def yielding_lead(leads: list[tuple[T, int, str]], score: Callable[[str], float]) -> T | None:
    """The lead that should open the brief in place of the first, or None. ``leads`` are the usable leads in the
    rules' order, each with its backing rank (lower is better backed) and the wording it would be shown in;
    ``score`` gives a wording's log-odds of stating the event. The first yields only when the scorer doubts it and
    finds a lead no more than ``BACKING_GAP`` lower likely: a side line the rules rank first by one extra backer
    (a reaction, "All was going well at the wedding ...") gives way to the lede, while a lede two backers ahead
    stands whatever the scorer says."""
    if len(leads) < 2 or score(leads[0][2]) >= DOUBTFUL:
        return None
    top_rank = leads[0][1]
    for lead, rank, text in leads[1:]:
        if rank - top_rank > BACKING_GAP:
            break
        if score(text) >= LIKELY:
            return lead
    return None
