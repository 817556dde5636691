"""Blocking scores do not depend on the process's hash seed: each is a float sum over a claim's keys, a set of
strings whose order changes with PYTHONHASHSEED, so the keys are summed in sorted order."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.repeats.test_find_hash_seed import TEXTS

CODE = """
import json
from corroborate.crosscheck.align import candidate_pairs
from corroborate.crosscheck.rules import rule_claim
from corroborate.model import Article, Passage
claims = []
for k, text in enumerate(json.loads(input())):
    art = Article(f"a{k}", f"outlet{k}", None, None, None, text)
    claims.append(rule_claim(art, Passage(art.id, 0, 0, 0, len(text), text)))
print(json.dumps([[i, j, s.hex()] for (i, j), s in candidate_pairs(claims).items()]))
"""


def _run(seed: int) -> str:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    return subprocess.run([sys.executable, "-c", CODE], input=json.dumps(TEXTS), env=env, capture_output=True,
                          text=True, check=True).stdout


def test_blocking_scores_do_not_depend_on_the_hash_seed():
    runs = {_run(seed) for seed in range(8)}
    assert len(runs) == 1, runs
    assert json.loads(runs.pop()), "the made-up claims share rare keys: some pairs are scored"
