"""One atheris fuzz target: a reader of corroborate's ingest, then clean and segment on what it returns.

    python -m fuzz.target KIND [libFuzzer flags, e.g. -max_total_time=60 -seed=1]

A finding is any exception that escapes ``read_source_bytes`` (bad input must become an InputError), or
an article whose removals or passages break the span rule.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from corroborate.ingest import read_source_bytes
    from corroborate.ingest.clean import clean
    from corroborate.ingest.segment import segment
    from corroborate.model import Article

EXTENSION = {"text": "txt", "html": "html", "feed": "rss", "jsonl": "jsonl"}


def make_target(kind: str):
    path = f"fuzz-input.{EXTENSION[kind]}"

    def target(data: bytes) -> None:
        for item in read_source_bytes(data, path=path, kind=kind):
            if not isinstance(item, Article):
                assert "\n" not in item.error, f"error message is not one line: {item.error!r}"
                continue
            removed = clean(item)
            for r in removed:
                assert item.text[r.span.start:r.span.end] == r.span.text
            for p in segment(item, removed):
                assert item.text[p.start:p.end] == p.text

    return target


def main() -> None:
    kind = sys.argv[1]
    if kind not in EXTENSION:
        raise SystemExit(f"unknown reader {kind!r}: choose one of {', '.join(EXTENSION)}")
    atheris.Setup([sys.argv[0], *sys.argv[2:]], make_target(kind))
    atheris.Fuzz()


if __name__ == "__main__":
    main()
