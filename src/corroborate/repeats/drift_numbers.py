"""Numbers in a rewrite: which quantity of one text became which of the other (:mod:`.drift`'s number
changes). A quantity pairs with the one beside the same words; one left on each side is a plain swap."""

from __future__ import annotations

from typing import Protocol

from corroborate.repeats.fingerprint import number_value
from corroborate.text.drift_words import _VAGUE_QUANTITIES


class _Tok(Protocol):
    """What these functions read of :mod:`.drift`'s tokens (a protocol, so the two modules import one way)."""

    text: str
    low: str
    stem: str
    index: int
    role: str


def _number_of(low: str) -> tuple[float, float] | None:
    """The range a word stands for: an exact number, a vague quantity, or a number inside a compound
    ("24-year-old"). None when it is no quantity."""
    if low in _VAGUE_QUANTITIES:
        return _VAGUE_QUANTITIES[low]
    value = number_value(low)
    if value is None and "-" in low:
        value = number_value(low.split("-")[0])
    return None if value is None else (value, value)


def _number_changes(ta: list[_Tok], tb: list[_Tok]) -> list[tuple[int, str, str, str]]:
    def quantities(toks: list[_Tok]) -> list[tuple[_Tok, tuple[float, float]]]:
        out = []
        for i, t in enumerate(toks):
            rng = _number_of(t.low) if t.role in {"number", "content"} else None
            if rng is None:
                continue
            nxt = toks[i + 1].low if i + 1 < len(toks) else ""
            prev = toks[i - 1].low if i else ""
            if t.low == "one" and (nxt in {"another", "day", "time", "way"} or prev in {"no", "any", "every",
                                                                                    "some", "each"}):
                continue  # "no one", "one another": not a count
            out.append((t, rng))
        return out

    qa, qb = quantities(ta), quantities(tb)
    out: list[tuple[int, str, str, str]] = []

    def compatible(x: tuple[float, float], y: tuple[float, float]) -> bool:
        return x[0] <= y[1] and y[0] <= x[1]

    for x in list(qa):  # equal values are the same quantity wherever they stand
        y = next((y for y in qb if y[1] == x[1]), None)
        if y is not None:
            qa.remove(x)
            qb.remove(y)
    # A quantity next to the same words on both sides ("one ... pregnant" / "multiple pregnant") is the
    # same count, so it must agree. The closest shared context pairs first.
    scored = sorted(((_context_score(ta, x[0].index, tb, y[0].index), -x[0].index, -y[0].index, i, k)
                     for i, x in enumerate(qa) for k, y in enumerate(qb)), reverse=True)
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    for score, _, _, i, k in scored:
        if score <= 0 or i in taken_a or k in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(k)
        if not compatible(qa[i][1], qb[k][1]):
            out.append((qa[i][0].index, "number", qa[i][0].text, qb[k][0].text))
    qa = [x for i, x in enumerate(qa) if i not in taken_a]
    qb = [y for k, y in enumerate(qb) if k not in taken_b]
    for x in list(qa):  # then any compatible pair ("27" is among "dozens")
        y = next((y for y in qb if compatible(x[1], y[1])), None)
        if y is not None:
            qa.remove(x)
            qb.remove(y)
    # One number left on each side: a plain swap ("27 died" -> "28 died"). With more left over, pairing them
    # would be a guess, and a number only one side gives is an omission or an added detail, not a change.
    if len(qa) == 1 and len(qb) == 1 and _is_year(qa[0][1]) == _is_year(qb[0][1]):
        out.append((qa[0][0].index, "number", qa[0][0].text, qb[0][0].text))
    return out


def _is_year(rng: tuple[float, float]) -> bool:
    """A year and a count are different things: "5 thoughts" vs "the 2014 Oscars" is no swap."""
    return rng[0] == rng[1] and float(rng[0]).is_integer() and 1800 <= rng[0] <= 2100


def _neighbours(toks: list[_Tok], i: int, width: int = 4) -> dict[str, int]:
    """Content stems within ``width`` tokens of position i, with their distance."""
    out: dict[str, int] = {}
    for t in toks[max(0, i - width): i + width + 1]:
        if t.role == "content" and t.index != i:
            out[t.stem] = min(out.get(t.stem, width + 1), abs(t.index - i))
    return out


def _context_score(ta: list[_Tok], i: int, tb: list[_Tok], k: int) -> float:
    na, nb = _neighbours(ta, i), _neighbours(tb, k)
    return sum(1.0 / (na[s] + nb[s]) for s in na.keys() & nb.keys())
