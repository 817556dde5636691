"""Typed settings for every stage, with cheap validation at the boundary (no work in constructors).

Settings can be loaded from a TOML file whose tables mirror the dataclasses::

    [repeats]
    near_threshold = 0.6
    [ingest]
    jsonl_text_field = "body"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any


def _check_unit(name: str, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be in [0.0, 1.0], got {value}")


# spaCy refuses longer texts (error E088) and needs about 1 GB per 100,000 characters for them, and the
# entity stage reads a whole article at once: a higher article limit would end in a traceback, not a report.
MAX_ARTICLE_CHARS_CEILING = 1_000_000


@dataclass(slots=True, frozen=True)
class IngestConfig:
    # JSONL field names: newsroom exports disagree on these, so they are configurable.
    jsonl_text_field: str = "text"
    jsonl_title_field: str = "title"
    jsonl_date_field: str = "published"
    jsonl_outlet_field: str = "outlet"
    jsonl_url_field: str = "url"
    jsonl_id_field: str = "id"
    max_bytes: int = 64 * 1024 * 1024  # a larger file is refused with a clear error, not read into memory
    # An article with more text than this is refused ("article too long"). News articles run to tens of
    # thousands of characters; beyond this one is a mis-scrape or a dump, and the cross-check's cost grows
    # with it (bench/robustness.py, lexical path: 250,000 characters of news took 76 s of CPU and 1.6 GB; a
    # 500,000-character line 37 s and 1.9 GB).
    max_article_chars: int = 500_000

    def __post_init__(self) -> None:
        if self.max_bytes < 1:
            raise ValueError(f"max_bytes must be >= 1, got {self.max_bytes}")
        if not 1 <= self.max_article_chars <= MAX_ARTICLE_CHARS_CEILING:
            raise ValueError(f"max_article_chars must be in [1, {MAX_ARTICLE_CHARS_CEILING:,}], got "
                             f"{self.max_article_chars:,} (the NLP pipeline reads at most "
                             f"{MAX_ARTICLE_CHARS_CEILING:,} characters at once)")


@dataclass(slots=True, frozen=True)
class RepeatsConfig:
    shingle_size: int = 3  # word shingles
    num_perm: int = 128  # MinHash permutations
    near_threshold: float = 0.5  # estimated Jaccard for a near-duplicate
    paraphrase_threshold: float = 0.72  # cosine of MiniLM embeddings
    lexical_paraphrase_threshold: float = 0.5  # IDF-weighted Dice of content stems (lexical fallback)
    min_words: int = 5  # shorter passages ("Pictured:") are too generic to call near/paraphrase repeats
    exact_min_words: int = 3  # an exact repeat of a short line still counts ("Read more below")
    min_reuse_share: float = 0.1  # reuse below this share of the copy's text is not reported
    max_paraphrase_partners: int = 10  # paraphrase pairs kept per passage group (its closest partners)
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("near_threshold", "paraphrase_threshold", "lexical_paraphrase_threshold", "min_reuse_share"):
            _check_unit(name, getattr(self, name))
        if self.min_words < 1 or self.exact_min_words < 1 or self.max_paraphrase_partners < 1:
            raise ValueError("min_words, exact_min_words and max_paraphrase_partners must be >= 1")
        if self.shingle_size < 1 or self.num_perm < 16:
            raise ValueError("shingle_size must be >= 1 and num_perm >= 16")


@dataclass(slots=True, frozen=True)
class Config:
    semantic: str = "auto"  # "auto": MiniLM when installed; "on": require it; "off": lexical only
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    # Which shipped NLP pipeline: "auto" = the MiniLM one when the semantic path is on and installed, else the
    # CNN one; "off" = the rule-based readers only (corroborate.nlp.loader).
    nlp: str = "auto"
    ingest: IngestConfig = field(default_factory=IngestConfig)
    repeats: RepeatsConfig = field(default_factory=RepeatsConfig)

    def __post_init__(self) -> None:
        if self.semantic not in {"auto", "on", "off"}:
            raise ValueError(f"semantic must be auto, on or off, got {self.semantic!r}")
        if self.nlp not in {"auto", "cnn", "minilm", "off"}:
            raise ValueError(f"nlp must be auto, cnn, minilm or off, got {self.nlp!r}")
        if self.engine not in {"local", "dask"}:
            raise ValueError(f"engine must be local or dask, got {self.engine!r}")

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        sections = {"ingest": IngestConfig, "repeats": RepeatsConfig}
        kwargs: dict[str, Any] = {}
        known = {f.name for f in fields(cls)}
        for key, value in data.items():
            if key not in known:
                raise ValueError(f"unknown setting {key!r}; known: {', '.join(sorted(known))}")
            if key in sections:
                sub_known = {f.name for f in fields(sections[key])}
                unknown = set(value) - sub_known
                if unknown:
                    raise ValueError(f"unknown setting(s) in [{key}]: {', '.join(sorted(unknown))}")
                kwargs[key] = sections[key](**value)
            else:
                kwargs[key] = value
        return cls(**kwargs)

    def with_(self, **changes: Any) -> Config:
        return replace(self, **changes)
