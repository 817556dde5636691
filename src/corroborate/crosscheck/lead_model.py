"""A learned judgement of whether a lead sentence states the event, for the brief's first sentence (issue 24).

The lead rules of :mod:`corroborate.crosscheck.core` rank candidate leads by how many outlets back them; among
leads they rank equal, the one this scorer rates likelier to state the event (who did what) opens the brief, not
the one whose article id sorts first (a commemoration line, a reaction-only body). The scorer is a logistic
regression over the sentence's all-MiniLM-L6-v2 vector (the vectors the semantic path already computed) and a few
wording features, trained by train/lead.py on the labelled lead sentences of the brief pools
(bench/gold/pool_brief*.json); its weights ship in data/lead_model.json and load on first use. Scores are
rounded before any comparison, so the order they give does not depend on float noise.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "lead_model.json"
DIGITS = 4  # scores are compared at this precision: two leads closer than that stay tied (then article id)

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
