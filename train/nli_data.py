"""Training and held-out pairs for the same-fact judge (``train/nli.py``): 3-way NLI labels on open data.

Labels: 0 entailment (the same fact, possibly in other words), 1 neutral (related, but not the same claim: other
facts, extra detail), 2 contradiction (the same fact with a different value, or denied).

Sources, training part only (the held-out parts are what ``train/nli.py`` reports):

* SICK ``TRAIN`` rows (held out: ``TRIAL``).
* MNLI dev-matched: a seeded 60 % of the rows (held out: the other 40 %; ``corroborate eval contradiction``
  still reads the whole file, so its MNLI row is partly a training figure for this model: say so).
* MRPC's training part (``mrpc_split``; held out: its seeded 20 %), news sentences from one event written by
  different outlets, which is what corroborate judges:

  - a paraphrase pair -> entailment; a pair that is not a paraphrase -> neutral (related, not the same claim);
  - a paraphrase pair in which one value that **both** sentences state (a number, a weekday or month, a
    name, a place) is changed on one side, or one side is negated or turned to its antonym ->
    contradiction. The value must be in both sentences, so the change hits the slot the other side fills:
    a different figure for one fact, not a different fact (FactCC-style, Kryscinski et al. 2020);
  - a meaning-keeping rewording of one side (a number in words, "said" for "stated", a title dropped) ->
    entailment, so surface edits are not read as changes.

Breaking NLI and FEVER-symmetric are never trained on. Every draw is seeded by the row, so the set is the same
on every run. Nothing here is written to disk: the pairs are built from ../shared on each run.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corroborate.eval.datasets import mrpc_split, read_mnli, read_mrpc, read_sick

LABELS = ("entailment", "neutral", "contradiction")
_NLI = {"ENTAILMENT": 0, "NEUTRAL": 1, "CONTRADICTION": 2}
MNLI_TRAIN_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    label: int
    source: str  # where the pair comes from ("sick", "mnli", "mrpc", "mrpc-number", ...)


def _unit(key: str) -> float:
    """A stable number in [0, 1) for a key: the seeded split and draws, the same on every machine."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16) / 16 ** 12


def sick(shared: Path, part: str) -> list[Pair]:
    split = "TRAIN" if part == "train" else "TRIAL"
    return [Pair(r.a, r.b, _NLI[r.label], "sick") for r in read_sick(shared / "data/sick/SICK.txt")
            if r.meta["split"] == split]


def mnli(shared: Path, part: str) -> list[Pair]:
    rows = read_mnli(shared / "data/mnli_dev_matched/mnli_dev_matched_with_bert100_correct.tsv")
    keep = [r for r in rows if (_unit(f"mnli-{r.meta['id']}") < MNLI_TRAIN_SHARE) == (part == "train")]
    return [Pair(r.a, r.b, _NLI[r.label], "mnli") for r in keep]


# ---- changes of one value that both sentences state ---------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "June", "July", "August", "September", "October",
          "November", "December")
STATES = ("Ohio", "Texas", "Florida", "Georgia", "Iowa", "Virginia", "California", "Michigan", "Oregon",
          "Arizona", "Nevada", "Utah", "Kansas", "Maine", "Alabama", "Illinois", "Indiana", "Colorado")
OPPOSITES = (("rose", "fell"), ("increased", "decreased"), ("gained", "lost"), ("won", "lost"), ("up", "down"),
             ("higher", "lower"), ("approved", "rejected"), ("accepted", "rejected"), ("guilty", "innocent"),
             ("before", "after"), ("more", "fewer"), ("above", "below"), ("raised", "lowered"),
             ("strengthened", "weakened"), ("opened", "closed"), ("supported", "opposed"), ("first", "last"))
_AUX = re.compile(r"\b(is|was|are|were|will|would|could|can|has|have|had|did|does|should)\b(?! not\b)")
_NUM = re.compile(r"(?<![\w.,$])\d+(?:\.\d+)?(?![\w])")
_CAP = re.compile(r"(?<=\s)[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})?")
ChangeFn = Callable[[str, str, random.Random, list[str]], str | None]  # (changed side, other, rng, names) -> new


def _swap_shared(side: str, other: str, choices: tuple[str, ...], rng: random.Random) -> str | None:
    found = [w for w in choices if re.search(rf"\b{w}\b", side) and re.search(rf"\b{w}\b", other)]
    if not found:
        return None
    old = rng.choice(found)
    return re.sub(rf"\b{old}\b", rng.choice([w for w in choices if w != old]), side, count=1)


def change_number(side: str, other: str, rng: random.Random, _names: list[str]) -> str | None:
    shared = [m for m in _NUM.finditer(side) if re.search(rf"(?<![\w.]){re.escape(m.group(0))}(?![\w])", other)]
    if not shared:
        return None
    m = rng.choice(shared)
    value = float(m.group(0))
    new = value + rng.choice((1, 2, 3, 5, 10)) if value < 100 else value * rng.choice((0.5, 0.8, 1.3, 2))
    text = f"{new:.{len(m.group(0).split('.')[1])}f}" if "." in m.group(0) else str(round(new))
    return None if text == m.group(0) else side[:m.start()] + text + side[m.end():]


def change_negation(side: str, _other: str, _rng: random.Random, _names: list[str]) -> str | None:
    if re.search(r"\b(not|n't|never|no)\b", side):  # take an existing negation away instead
        out = re.sub(r"\s(not|never)\b", "", side, count=1)
        return out if out != side else None
    m = _AUX.search(side)
    return side[:m.end()] + " not" + side[m.end():] if m else None


def change_date(side: str, other: str, rng: random.Random, _names: list[str]) -> str | None:
    return _swap_shared(side, other, WEEKDAYS, rng) or _swap_shared(side, other, MONTHS, rng)


def change_place(side: str, other: str, rng: random.Random, _names: list[str]) -> str | None:
    return _swap_shared(side, other, STATES, rng)


def change_opposite(side: str, other: str, rng: random.Random, _names: list[str]) -> str | None:
    order = list(OPPOSITES)
    rng.shuffle(order)
    for x, y in order:
        for old, new in ((x, y), (y, x)):
            if re.search(rf"\b{old}\b", side) and re.search(rf"\b{old}\b", other):
                return re.sub(rf"\b{old}\b", new, side, count=1)
    return None


def change_name(side: str, other: str, rng: random.Random, names: list[str]) -> str | None:
    shared = [n for n in _CAP.findall(side) if n in other and n not in WEEKDAYS + MONTHS + STATES
              and not re.search(rf"{re.escape(n)}\s+[A-Z]", side)]  # not the first words of a longer name
    if not shared or not names:
        return None
    old = rng.choice(shared)
    new = rng.choice(names)
    return None if new in side or new in other else side.replace(old, new, 1)


CHANGES: dict[str, ChangeFn] = {"number": change_number, "negation": change_negation, "date": change_date,
                                "place": change_place, "opposite": change_opposite, "name": change_name}
_SMALL = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight",
          "9": "nine", "10": "ten"}


def keep_meaning(side: str, rng: random.Random) -> str | None:
    """A rewording that keeps every fact: a small number in words, "stated" for "said", a title dropped."""
    options = []
    m = re.search(r"(?<![\w.,$])(10|[2-9])(?![\w.,%])", side)
    if m:
        options.append(side[:m.start()] + _SMALL[m.group(1)] + side[m.end():])
    if re.search(r"\bsaid\b", side):
        options.append(re.sub(r"\bsaid\b", "stated", side, count=1))
    t = re.search(r"\b(Mr\.|Ms\.|Mrs\.|Dr\.) (?=[A-Z])", side)
    if t:
        options.append(side[:t.start()] + side[t.end():])
    return rng.choice(options) if options else None


def mrpc(shared: Path, part: str) -> list[Pair]:
    """MRPC pairs as NLI pairs, with a changed-value contradiction and a reworded entailment drawn per
    paraphrase pair where one applies (see the module docstring)."""
    rows = read_mrpc(shared / "data/mrpc/msr_paraphrase_train.txt")
    train, held = mrpc_split(len(rows))
    rows = [rows[i] for i in (train if part == "train" else held)]
    # Names to swap in: capitalised words of the part's sentences, so a swap stays inside news vocabulary.
    names = sorted({n for r in rows for n in _CAP.findall(r.a) if " " in n})
    out: list[Pair] = []
    for r in rows:
        key = f"{r.meta['id1']}-{r.meta['id2']}"
        rng = random.Random(key)
        a, b = (r.a, r.b) if rng.random() < 0.5 else (r.b, r.a)
        if r.label != "1":
            out.append(Pair(a, b, 1, "mrpc"))
            continue
        # MRPC calls some pairs paraphrases whose figures differ ("rose $2.11" / "jumped $1.63"): not the same
        # fact for corroborate, so such a pair teaches nothing as an entailment.
        if set(_NUM.findall(a)) == set(_NUM.findall(b)):
            out.append(Pair(a, b, 0, "mrpc"))
        kinds = list(CHANGES)
        rng.shuffle(kinds)
        # A negation fits almost any sentence, so it goes after the value changes; a swapped name is the
        # noisiest change (a name inside an organisation's, a second person): tried last.
        kinds.sort(key=lambda k: (k == "negation") + 2 * (k == "name"))
        for kind in kinds:
            changed = CHANGES[kind](b, a, rng, names)
            if changed and changed != b:
                out.append(Pair(a, changed, 2, f"mrpc-{kind}"))
                break
        if rng.random() < 0.5:
            kept = keep_meaning(b, rng)
            if kept and kept != b:
                out.append(Pair(a, kept, 0, "mrpc-keep"))
    return out


def pairs(shared: Path, part: str) -> list[Pair]:
    """Every pair of ``part`` ("train" or "heldout"), in a fixed order."""
    return sick(shared, part) + mnli(shared, part) + mrpc(shared, part)
