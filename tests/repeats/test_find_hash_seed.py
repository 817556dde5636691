"""Same input, same bytes, whatever the process's hash seed: the lexical scores are float sums, and a set of
strings iterates in an order that changes with PYTHONHASHSEED. Summed in another order, two copies of one sentence
could tie one way in one run and the other way in the next (seen on 200 ECB+ documents: one `check` in a dozen
grouped a repeat around the other copy)."""

from __future__ import annotations

import os
import subprocess
import sys

# Made-up sentences with many content words each, so a float sum over them has many orders to differ in.
TEXTS = [
    "The harbour authority said seventeen fishing boats, two ferries and a cargo barge were damaged by the storm.",
    "Seventeen fishing boats, two ferries and a barge were damaged when the storm hit the harbour, officials said.",
    "A regional council spokesman confirmed that repair crews, divers and engineers reached the quay on Tuesday.",
    "Engineers, divers and repair crews from the regional council reached the damaged quay early on Tuesday.",
    "Insurers estimated the losses to boat owners, traders and the ferry operator at several million euros.",
]

CODE = """
import json
from corroborate.repeats.find import LexicalIndex
texts = json.loads(input())
index = LexicalIndex(texts)
print(json.dumps({"mass": [m.hex() for m in index.mass],
                  "pairs": [[i, j, s.hex()] for i, j, s in index.candidates(0.0)]}))
"""


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    import json

    out = subprocess.run([sys.executable, "-c", CODE], input=json.dumps(TEXTS), env=env, capture_output=True,
                         text=True, check=True)
    return out.stdout


def test_lexical_scores_do_not_depend_on_the_hash_seed():
    runs = {_run(seed) for seed in range(8)}
    assert len(runs) == 1, runs
