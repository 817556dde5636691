"""Ingest and clean on real news text: speed, HTML recall, encoding round trips, and what clean removes.

Real articles from ../shared/data (BASIL: 300 NYT/Fox/HuffPost articles; ECB+: tokenised news documents)
go through the readers four ways:

* as plain text (``read_source_bytes`` + ``clean``): articles per second, and removals per reason (ECB+
  texts still carry their scrapes' "Published:"/"Updated:" lines); for the scraped texts (FRANK, FNC-1) also
  the mojibake the reader repaired ("AndrÃ©s" for "Andrés"), which clean reports but does not remove;
* as an HTML page (the article in a template with navigation, a script, an iframe and a footer):
  the share of the article's paragraphs found whole in the extracted text (recall), and whether any
  template text leaked in;
* re-encoded as cp1252 and as UTF-16 with and without a BOM: the share decoded back exactly;
* one RSS feed of all BASIL articles: entries read back.

Run: ``nice -n 10 .venv/bin/python -m bench.ingest_clean [--no-write]``. It writes its section of
bench/RESULTS.md unless told not to.
No article text is written anywhere.
"""

from __future__ import annotations

import argparse
import html as htmlmod
import json
import sys
import time
from collections import Counter
from pathlib import Path

from bench.results import write_section
from corroborate.ingest import read_source_bytes
from corroborate.ingest.clean import REPAIRS, clean
from corroborate.model import Article

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"
TEMPLATE = ("<!DOCTYPE html><html><head><title>{title} | Bench Times</title>"
            "<meta property='og:site_name' content='Bench Times'><script>var LEAK_SCRIPT = 1;</script></head>"
            "<body><nav>LEAK_NAV Home | World | Sport</nav><article><h1>{title}</h1>{paras}"
            "<iframe src='https://video.example/x'>LEAK_IFRAME</iframe></article>"
            "<footer>LEAK_FOOTER Copyright Bench Times</footer></body></html>")


def _basil() -> list[tuple[str, list[str]]]:
    out = []
    for f in sorted((DATA / "basil" / "articles").glob("*/*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        paras = [" ".join(p).strip() for p in d["body-paragraphs"]]
        out.append((d.get("title") or f.stem, [p for p in paras if p]))
    return out


def _ecb() -> list[str]:
    docs = []
    with (DATA / "ecbplus" / "ecbplus_docs.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            docs.append("\n".join(s["text"] for s in d["sentences"]))
    return docs


def _scraped() -> dict[str, str]:
    """Texts scraped with their page chrome in, by "frank:<hash>" or "fnc:<body id>": FRANK's articles (BBC and
    CNN/Daily Mail, line breaks lost) and FNC-1's article bodies; empty where a dataset is absent."""
    import csv

    texts: dict[str, str] = {}
    frank = DATA / "frank" / "frank_joined.jsonl"
    if frank.is_file():
        with frank.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                texts.setdefault(f"frank:{row['hash']}", row["article"])
    fnc = DATA / "fnc1" / "competition_test_bodies.csv"
    if fnc.is_file():
        with fnc.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                texts.setdefault(f"fnc:{row['Body ID']}", row["articleBody"])
    return texts


def _read_one(data: bytes, path: str) -> Article | None:
    items = list(read_source_bytes(data, path=path))
    return items[0] if len(items) == 1 and isinstance(items[0], Article) else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.ingest_clean", description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print the section, leave bench/RESULTS.md alone")
    args = parser.parse_args(argv)
    if not (DATA / "basil").exists() or not (DATA / "ecbplus").exists():
        sys.exit(f"{DATA} (basil, ecbplus) not found")
    basil = _basil()
    texts = ["\n\n".join(paras) for _, paras in basil] + _ecb()

    removed: Counter[str] = Counter()
    t0 = time.perf_counter()
    read = 0
    for i, text in enumerate(texts):
        a = _read_one(text.encode("utf-8"), f"doc{i}.txt")
        if a is not None:
            read += 1
            removed.update(r.reason for r in clean(a))
    text_rate = len(texts) / (time.perf_counter() - t0)
    scraped = _scraped()
    scraped_removed: Counter[str] = Counter()
    repaired: Counter[str] = Counter()  # by dataset
    for i, (key, text) in enumerate(scraped.items()):
        a = _read_one(text.encode("utf-8"), f"scraped{i}.txt")
        if a is not None:
            reasons = [r.reason for r in clean(a)]
            scraped_removed.update(r for r in reasons if r not in REPAIRS)
            repaired[key.split(":")[0]] += sum(r in REPAIRS for r in reasons)

    found = total = leaks = html_read = 0
    t0 = time.perf_counter()
    for i, (title, paras) in enumerate(basil):
        page = TEMPLATE.format(title=htmlmod.escape(title),
                               paras="".join(f"<p>{htmlmod.escape(p)}</p>" for p in paras))
        a = _read_one(page.encode("utf-8"), f"page{i}.html")
        if a is None:
            continue
        html_read += 1
        body = " ".join(a.text.split())
        total += len(paras)
        found += sum(" ".join(p.split()) in body for p in paras)
        leaks += "LEAK_" in a.text
    html_rate = len(basil) / (time.perf_counter() - t0)

    round_trip: Counter[str] = Counter()
    tried: Counter[str] = Counter()
    for i, text in enumerate(texts):
        encodings = {"utf-16 (BOM)": lambda t: t.encode("utf-16"),
                     "utf-16-le (no BOM)": lambda t: t.encode("utf-16-le")}
        try:
            encoded_cp = text.encode("cp1252")
            if encoded_cp != text.encode("utf-8"):  # only texts with non-ASCII characters test the detector
                encodings["cp1252 (non-ASCII texts)"] = lambda _t, b=encoded_cp: b
        except UnicodeEncodeError:
            pass
        for name, enc in encodings.items():
            tried[name] += 1
            a = _read_one(enc(text), f"enc{i}.txt")
            round_trip[name] += a is not None and a.text == text

    feed_items = "".join(
        f"<item><title>{htmlmod.escape(title)}</title><link>https://bench.example/{i}</link>"
        f"<description>{htmlmod.escape(''.join(f'<p>{htmlmod.escape(p)}</p>' for p in paras))}</description></item>"
        for i, (title, paras) in enumerate(basil))
    rss = (f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Bench</title>{feed_items}"
           "</channel></rss>")
    t0 = time.perf_counter()
    entries = [a for a in read_source_bytes(rss.encode("utf-8"), path="bench.rss") if isinstance(a, Article)]
    feed_secs = time.perf_counter() - t0

    rows = [
        "## Ingest and clean on real news (`bench/ingest_clean.py`)",
        "",
        f"Inputs: {len(basil)} BASIL articles and {len(texts) - len(basil)} ECB+ documents from ../shared/data.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| plain text read + clean | {read}/{len(texts)} read, {text_rate:,.0f} articles/s |",
        f"| clean removals | {', '.join(f'{k}: {v}' for k, v in sorted(removed.items())) or 'none'} |",
        f"| clean removals, {len(scraped)} scraped texts (FRANK articles, FNC-1 bodies) | "
        f"{', '.join(f'{k}: {v}' for k, v in sorted(scraped_removed.items())) or 'none'} |",
        f"| mojibake repaired at ingest (reported by clean as `mojibake`), same texts | {sum(repaired.values())}"
        f" ({', '.join(f'{k}: {v}' for k, v in sorted(repaired.items()))}) |",
        f"| HTML (BASIL in a page template) | {html_read}/{len(basil)} read, {html_rate:,.1f} pages/s |",
        f"| HTML paragraph recall | {found}/{total} = {found / max(total, 1):.1%} of paragraphs found whole |",
        f"| template text leaked into articles (nav, script, iframe, footer) | {leaks} of {html_read} |",
        *(f"| decode {name} exactly | {round_trip[name]}/{tried[name]} |" for name in sorted(tried)),
        f"| RSS feed of {len(basil)} entries | {len(entries)} articles in {feed_secs:.2f} s |",
        "",
        "Command: `nice -n 10 .venv/bin/python -m bench.ingest_clean`",
    ]
    if not args.no_write:
        write_section("ingest_clean", "\n".join(rows))
    print("\n".join(rows))


if __name__ == "__main__":
    main()
