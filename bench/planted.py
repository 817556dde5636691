"""Planted rewrites: does corroborate flag a fact changed in a copy, and stay quiet on a harmless rewording?

    python -m bench.planted [--semantic off|auto] [--limit N]

For every BASIL article of the **tune** half of the gold set (bench/gold), a copy is made in which one
sentence is changed, FactCC-style, in one of six ways that change a fact — a number, a negation, a name
swapped for another name of the same article, a weekday, a place, an antonym — or in one of three ways that
keep the meaning ("said" -> "stated", a number written in words, "Mr." dropped from a title). The article and
its copy run through the whole check job as two outlets. A changed fact is *found* when a conflict has one span
on the changed sentence of the copy and one on the original sentence; a harmless rewording is a *false alarm*
when any conflict touches the reworded sentence. Perturbations are drawn with a fixed seed, so the set is the
same on every run; no text is written to disk. Writes the "planted" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import time
from collections import Counter
from collections.abc import Callable

from bench.results import write_section
from corroborate.config import Config
from corroborate.eval.gold import load_events
from corroborate.model import Article
from corroborate.pipeline import Checker

QUOTE = re.compile(r"[\"“”‘’]")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ANTONYMS = [("increase", "decrease"), ("won", "lost"), ("supports", "opposes"), ("approved", "rejected"),
            ("before", "after"), ("higher", "lower"), ("more", "fewer"), ("first", "last"), ("rose", "fell")]
PLACES = ["Ohio", "Texas", "Florida", "Chicago", "Boston", "Iowa", "Virginia", "California", "New York"]
NUMBER_WORDS = {"2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven", "8": "eight",
                "9": "nine", "10": "ten", "12": "twelve", "20": "twenty"}
Perturb = Callable[[str, random.Random, str], tuple[str, str, str] | None]  # -> (new sentence, old, new value)


def _number(s: str, rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    ms = [m for m in re.finditer(r"(?<![\d.,$])\d{1,4}(?![\d.,])", s) if not 1900 <= int(m.group(0)) <= 2030]
    if not ms:
        return None
    m = rng.choice(ms)
    new = str(int(m.group(0)) + rng.choice([2, 3, 5, 7]))
    return s[:m.start()] + new + s[m.end():], m.group(0), new


def _negation(s: str, _rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    m = re.search(r"\b(is|was|are|were|will|would|could|has|had)\b(?! not)", s)
    if not m:
        return None
    return s[:m.end()] + " not" + s[m.end():], m.group(0), m.group(0) + " not"


def _name(s: str, rng: random.Random, doc: str) -> tuple[str, str, str] | None:
    names = sorted(set(re.findall(r"\b(?:Mr\.|Ms\.|Sen\.|Rep\.)?\s?([A-Z][a-z]{3,})\b", doc)))
    here = [n for n in re.findall(r"\b([A-Z][a-z]{3,})\b", s[1:]) if n in names]
    if not here or len(names) < 3:
        return None
    old = rng.choice(here)
    new = rng.choice([n for n in names if n != old and n not in s])
    return re.sub(rf"\b{old}\b", new, s, count=1), old, new


def _weekday(s: str, rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    found = [d for d in WEEKDAYS if re.search(rf"\b{d}\b", s)]
    if not found:
        return None
    old = found[0]
    new = rng.choice([d for d in WEEKDAYS if d != old])
    return re.sub(rf"\b{old}\b", new, s, count=1), old, new


def _place(s: str, rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    found = [p for p in PLACES if re.search(rf"\bin {p}\b", s)]
    if not found:
        return None
    old = found[0]
    new = rng.choice([p for p in PLACES if p != old])
    return s.replace(f"in {old}", f"in {new}", 1), old, new


def _antonym(s: str, _rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    for a, b in ANTONYMS:
        for x, y in ((a, b), (b, a)):
            if re.search(rf"\b{x}\b", s):
                return re.sub(rf"\b{x}\b", y, s, count=1), x, y
    return None


def _said(s: str, _rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    return (re.sub(r"\bsaid\b", "stated", s, count=1), "said", "stated") if re.search(r"\bsaid\b", s) else None


def _in_words(s: str, _rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    m = re.search(r"(?<![\d.,$])(" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![\d.,%])", s)
    if not m:
        return None
    return s[:m.start()] + NUMBER_WORDS[m.group(1)] + s[m.end():], m.group(1), NUMBER_WORDS[m.group(1)]


def _title(s: str, _rng: random.Random, _doc: str) -> tuple[str, str, str] | None:
    m = re.search(r"\b(Mr\.|Ms\.|Mrs\.) (?=[A-Z])", s)
    return (s[:m.start()] + s[m.end():], m.group(1), "") if m else None


CHANGES: dict[str, Perturb] = {"number": _number, "negation": _negation, "name": _name, "weekday": _weekday,
                               "place": _place, "antonym": _antonym}
KEEPS: dict[str, Perturb] = {"said->stated": _said, "number in words": _in_words, "title dropped": _title}


def cases(limit: int | None) -> list[tuple[str, str, Article, Article, tuple[int, int], tuple[int, int]]]:
    """(family, kind, original, copy, original sentence span, copy sentence span)."""
    out = []
    for event in load_events(dataset="basil", split="tune"):
        for a in event.articles:
            doc = event.article_doc[a.id]
            sentences = sorted({(s, e) for key, (s, e, _t) in event.sentences.items() if key[0] == doc})
            seed = int(hashlib.sha256(a.id.encode()).hexdigest()[:8], 16)
            for family, table in (("change", CHANGES), ("keep", KEEPS)):
                for kind, fn in table.items():
                    # A harmless rewording outside quotations only: a changed word inside one is a misquote.
                    usable = [(s, e) for s, e in sentences if family == "change" or not QUOTE.search(a.text[s:e])]
                    rng = random.Random(f"{seed}-{kind}")
                    order = usable[:]
                    rng.shuffle(order)
                    for s, e in order:
                        done = fn(a.text[s:e], rng, a.text)
                        if done is None or done[0] == a.text[s:e]:
                            continue
                        new_text = a.text[:s] + done[0] + a.text[e:]
                        copy = Article(a.id[:8] + "-copy", "copy-wire", None, a.published, None, new_text)
                        out.append((family, kind, a, copy, (s, e), (s, s + len(done[0]))))
                        break
            if limit and len(out) >= limit:
                return out
    return out


def _touches(spans: list, article: str, rng: tuple[int, int]) -> bool:
    return any(x.article == article and x.start < rng[1] and rng[0] < x.end for x in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--semantic", default="off", choices=("auto", "on", "off"))
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    checker = Checker(config=Config(semantic=args.semantic))
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    start = time.perf_counter()
    for family, kind, original, copy, orig_rng, copy_rng in cases(args.limit):
        report = checker.run_articles([original, copy])
        conflicts = [c for st in report.stories for c in st.conflicts]
        total[(family, kind)] += 1
        if family == "change":
            hit = any(_touches(c.spans, copy.id, copy_rng) and _touches(c.spans, original.id, orig_rng)
                      for c in conflicts)
        else:
            hit = any(_touches(c.spans, copy.id, copy_rng) for c in conflicts)
        found[(family, kind)] += int(hit)
    seconds = time.perf_counter() - start
    rows = ["| family | perturbation | cases | flagged | rate |", "|---|---|---:|---:|---:|"]
    for family, kind in sorted(total):
        n, k = total[(family, kind)], found[(family, kind)]
        rows.append(f"| {family} | {kind} | {n} | {k} | {k / n:.2f} |")
    ch = [k for k in total if k[0] == "change"]
    kp = [k for k in total if k[0] == "keep"]
    recall = sum(found[k] for k in ch) / max(1, sum(total[k] for k in ch))
    false = sum(found[k] for k in kp) / max(1, sum(total[k] for k in kp))
    summary = (f"Planted-rewrite recall **{recall:.2f}** over {sum(total[k] for k in ch)} changed facts; false alarms "
               f"on meaning-preserving rewordings **{false:.2f}** over {sum(total[k] for k in kp)} "
               f"({args.semantic} semantic path, {seconds:.0f} s).")
    print(summary)
    print("\n".join(rows))
    lines = [f"## Planted rewrites in copies (`python -m bench.planted --semantic {args.semantic}`)", "",
             (__doc__ or "").split("\n\n")[2].replace("\n", " "), "", summary, "", *rows]
    write_section("planted", "\n".join(lines))


if __name__ == "__main__":
    main()
