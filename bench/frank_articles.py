"""FRANK's news articles as one-article events, for the sixth speaker pool (bench/speaker_pool.py ``--pool 6``).

    nice -n 10 .venv/bin/python -m bench.frank_articles [--candidates N]

../shared/data/frank/frank_joined.jsonl (SOURCE.md there; MIT) joins each article to several model summaries; the
pool reads each unique article (by ``hash``) once, its text exactly as the file gives it, as an event of its own
(``frank-HASH``, document ``frank_HASH``, its own source, no date), in SHA-1 order of the hash. ``--candidates N``
lists the labelling candidates of the first articles in that order (GUIDELINE.md section 27) to the terminal:
spans between double quotation marks (straight or curly, paired in order within one line, a mark left open running
to the line's end) of four words or more, found without corroborate; per outlet (CNN/DM, BBC) articles are taken
on until N candidates are listed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from bench.pools import quoted_span

FRANK = "frank"  # the dataset name of the sixth pool's labels
_DOUBLE, _SINGLE = "\"“”", "'‘’"


def articles(data: Path) -> dict[str, tuple[str, str]]:
    """hash -> (outlet subset: 'cnndm' or 'bbc', article text), each unique article once; {} without the file."""
    path = data / "frank" / "frank_joined.jsonl"
    if not path.is_file():
        return {}
    out: dict[str, tuple[str, str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out.setdefault(row["hash"], (row["dataset"], row["article"]))
    return out


def order(hashes: Any) -> list[str]:
    """The pool's fixed order: SHA-1 of the article hash."""
    return sorted(hashes, key=lambda h: hashlib.sha1(h.encode("utf-8")).hexdigest())


def frank_pool(data: Path, wanted: set[str]) -> list[Any]:
    """The articles whose hash is in ``wanted`` as one-article events (event ``frank-HASH``), in the pool's order."""
    from corroborate.eval.gold import GoldEvent, article_id
    from corroborate.model import Article

    texts = articles(data)
    path = data / "frank" / "frank_joined.jsonl"
    events = []
    for h in order(wanted & texts.keys()):
        ev, name, text = GoldEvent(FRANK, f"frank-{h}", "tune", path, {}), f"frank_{h}", texts[h][1]
        aid = article_id(f"frank:{h}", text)
        ev.articles.append(Article(aid, name, None, None, f"frank:{h}", text))
        ev.doc_article[name], ev.article_doc[aid] = aid, name
        events.append(ev)
    return events


def candidates(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks of four words or more, paired in order within one line: a double mark
    (straight or curly) closes at the next double mark; a single mark that opens a word (Daily Mail copy quotes
    in single marks) closes at the next single mark that ends a word (not an apostrophe inside one, "Jolie's").
    A mark left open runs to the line's end; the span is trimmed of spaces."""
    out = []
    pos = 0
    for line in text.split("\n"):
        k = 0
        while k < len(line):
            ch = line[k]
            before = line[k - 1] if k else " "
            after = line[k + 1] if k + 1 < len(line) else " "
            if ch in _DOUBLE:
                close = next((j for j in range(k + 1, len(line)) if line[j] in _DOUBLE), None)
            elif ch in _SINGLE and not before.isalnum() and after.isalnum():
                close = next((j for j in range(k + 2, len(line)) if line[j] in _SINGLE and not line[j - 1].isspace()
                              and not (j + 1 < len(line) and line[j + 1].isalnum())), None)
            else:
                k += 1
                continue
            if (span := quoted_span(text, pos + k + 1, pos + (close if close is not None else len(line)))) is not None:
                out.append(span)
            k = (close if close is not None else len(line)) + 1
        pos += len(line) + 1
    return out


def sample(data: Path, per_outlet: int) -> list[tuple[str, str, int, int]]:
    """(hash, outlet, start, end) of every candidate of the first articles in the pool's order, per outlet until
    ``per_outlet`` candidates are taken (an article is taken whole)."""
    texts = articles(data)
    taken: dict[str, int] = {}
    out = []
    for h in order(texts):
        outlet, text = texts[h]
        found = candidates(text)
        if not found or taken.get(outlet, 0) >= per_outlet:
            continue
        taken[outlet] = taken.get(outlet, 0) + len(found)
        out += [(h, outlet, s, e) for s, e in found]
    return out


def main(argv: list[str] | None = None) -> int:
    from corroborate.eval.gold import DEFAULT_DATA

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--candidates", type=int, default=70, help="candidates per outlet")
    args = parser.parse_args(argv)
    for h, outlet, s, e in sample(Path(args.data), args.candidates):
        print(f"{outlet}\tfrank-{h}\t{s}\t{e}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
