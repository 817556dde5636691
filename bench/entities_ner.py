"""Name mentions against gold NER: the rule-based reader, and the project's spaCy pipeline when it is built.

    python -m bench.entities_ner [--split test] [--limit N]

Gold: UNER English EWT (../shared/data/uner_english_ewt, IOB2, PER/ORG/LOC/OTH). Each ``newdoc`` becomes one
article (its sentences joined by spaces, gold tags mapped to character spans) and goes through
:func:`corroborate.attribution.entities.collect_mentions` and the story merger, exactly as ``extract_entities`` does. A
predicted mention is its name words (honorific dropped, role titles not counted: UNER does not tag them)
with the merged entity's type. Scores are exact-span micro P/R/F1, typed and untyped, and per type.

EWT is web text (reviews, e-mails, forum answers), not news: the numbers say how the readers behave on
unseen, messy English, which is a harder floor than the newswire they are written for.
Writes the "entities-ner" section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench.results import write_section
from corroborate.attribution.entities import _Merger, collect_mentions
from corroborate.ingest.segment import segment
from corroborate.model import Article

UNER = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "uner_english_ewt"

Gold = set[tuple[str, int, int, str]]


def load_docs(split: str, limit: int | None) -> tuple[list[Article], Gold]:
    path = UNER / f"en_ewt-ud-{split}.iob2"
    if not path.exists():
        raise SystemExit(f"{path} not found: the benchmark needs ../shared/data/uner_english_ewt")
    docs: list[tuple[str, list[tuple[str, list[tuple[str, str]]]]]] = []
    text, toks = "", []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# newdoc id"):
            docs.append((line.split("=", 1)[1].strip(), []))
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.strip() == "":
            if toks and docs:
                docs[-1][1].append((text, toks))
            toks = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            toks.append((cols[1], cols[2]))
    articles, gold = [], set()
    for doc_id, sents in docs[:limit]:
        body, offset = [], 0
        for text, tokens in sents:
            pos = 0
            current: list[Any] | None = None
            for word, tag in tokens:
                found = text.find(word, pos)
                if found < 0:  # tokens that the text spells differently: skip the sentence's rest
                    break
                start, end = offset + found, offset + found + len(word)
                pos = found + len(word)
                if tag.startswith("B-"):
                    if current:
                        gold.add((doc_id, current[0], current[1], current[2]))
                    current = [start, end, tag[2:]]
                elif tag.startswith("I-") and current:
                    current[1] = end
                else:
                    if current:
                        gold.add((doc_id, current[0], current[1], current[2]))
                    current = None
            if current:
                gold.add((doc_id, current[0], current[1], current[2]))
            body.append(text)
            offset += len(text) + 1
        articles.append(Article(doc_id, "uner", None, None, None, " ".join(body)))
    return articles, gold


def predict(articles: list[Article], nlp: Any = None) -> Gold:
    out: Gold = set()
    for a in articles:
        mentions = collect_mentions([a], {a.id: segment(a)}, nlp=nlp)
        assign = _Merger(mentions).run()
        for k, key in assign.items():
            m = mentions[k]
            if m.type == "ROLE":
                continue
            start = a.text.find(m.name[0], m.start) if m.honorific else m.start
            out.add((a.id, start, m.end, key[0]))
    return out


def score(pred: Gold, gold: Gold) -> dict[str, tuple[float, float, float, int]]:
    def prf(p: set[Any], g: set[Any]) -> tuple[float, float, float, int]:
        tp = len(p & g)
        prec = tp / len(p) if p else 0.0
        rec = tp / len(g) if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return prec, rec, f1, len(g)

    rows = {"typed": prf(pred, gold), "untyped": prf({x[:3] for x in pred}, {x[:3] for x in gold})}
    for t in ("PER", "ORG", "LOC", "OTH"):
        rows[t] = prf({x for x in pred if x[3] == t}, {x for x in gold if x[3] == t})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    args = ap.parse_args()
    articles, gold = load_docs(args.split, args.limit)
    runs: list[tuple[str, Any]] = [("rules", None)]
    try:
        from corroborate import nlp as nlp_mod

        if nlp_mod.available():
            runs.append((f"rules + {nlp_mod.describe()}", nlp_mod.load_pipeline()))
    except ImportError:
        pass
    lines = [f"## Name mentions vs UNER English EWT {args.split} (`bench/entities_ner.py`)", "",
             f"{len(articles)} documents, {sum(len(a.text) for a in articles):,} characters, "
             f"{len(gold)} gold mentions {dict(sorted(Counter(g[3] for g in gold).items()))}. "
             "Exact spans, micro-averaged; role titles are not counted (UNER does not tag them).", "",
             "| reader | scope | precision | recall | F1 | gold | time |", "|---|---|---|---|---|---|---|"]
    for name, nlp in runs:
        t0 = time.perf_counter()
        pred = predict(articles, nlp)
        secs = time.perf_counter() - t0
        for scope, (p, r, f, n) in score(pred, gold).items():
            lines.append(f"| {name} | {scope} | {p:.3f} | {r:.3f} | {f:.3f} | {n} | {secs:.1f} s |")
        print(name, {k: tuple(round(x, 3) for x in v[:3]) for k, v in score(pred, gold).items()}, f"{secs:.1f}s")
    limit = f" --limit {args.limit}" if args.limit else ""
    lines += ["", f"Command: `nice -n 10 .venv/bin/python -m bench.entities_ner --split {args.split}{limit}`"]
    write_section("entities-ner", "\n".join(lines))


if __name__ == "__main__":
    main()
