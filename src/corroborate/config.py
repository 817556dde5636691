"""Typed settings for every stage, with cheap validation at the boundary (no work in constructors).

Every tunable of every stage is reachable from the root :class:`Config`, and so from ``--config FILE.toml``,
whose tables mirror the dataclasses (``[ingest]``, ``[repeats]``, ``[stories]``, ``[align]``, ``[brief]``,
``[match]``, ``[conflicts]``)::

    [repeats]
    near_threshold = 0.6
    [ingest]
    jsonl_text_field = "body"
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any


def _check_unit(name: str, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be in [0.0, 1.0], got {value}")


def default_threads() -> int:
    """The ``threads`` default: the cores this process may run on, at most 4 (the MiniLM pass's sequences
    spread over them; the NLP pipeline's own layers stay on one)."""
    import os

    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


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
    # When a paraphrase pair is a rewrite, so that its drift is reported (corroborate.repeats.rewrites):
    rewrite_similarity: float = 0.85  # a one-to-one pair this alike, between any two articles,
    lexical_rewrite_similarity: float = 0.75  # (the same on the lexical scale)
    rewrite_word_order: float = 0.6  # that keeps this much of its words in order
    rewrite_copy_share: float = 0.3  # or the articles share this share of their passages verbatim
    self_rewrite_pairs: int = 4  # or the article pairs this many of its passages one-to-one with itself
    seed: int = 1

    def __post_init__(self) -> None:
        for name in ("near_threshold", "paraphrase_threshold", "lexical_paraphrase_threshold", "min_reuse_share",
                     "rewrite_similarity", "lexical_rewrite_similarity", "rewrite_word_order", "rewrite_copy_share"):
            _check_unit(name, getattr(self, name))
        if min(self.min_words, self.exact_min_words, self.max_paraphrase_partners, self.self_rewrite_pairs) < 1:
            raise ValueError("min_words, exact_min_words, max_paraphrase_partners and self_rewrite_pairs must be >= 1")
        if self.shingle_size < 1 or self.num_perm < 16:
            raise ValueError("shingle_size must be >= 1 and num_perm >= 16")


@dataclass(slots=True, frozen=True)
class StoriesConfig:
    """Thresholds and weights. ``threshold`` applies with MiniLM, ``lexical_threshold`` without it.

    Tuned on ECB+ training topics (``split_cybulska_vossen == train``); see bench/eval.py."""

    threshold: float = 0.30
    lexical_threshold: float = 0.25
    text_weight: float = 1.0
    name_weight: float = 2.0
    semantic_weight: float = 1.0
    window_days: float = 7.0  # dated articles further apart than this never share a story
    year_mismatch: float = 0.5  # undated articles whose texts name only different years: similarity x this
    keys_per_article: int = 25  # distinctive words indexed per article (blocking)
    max_postings: int = 1000  # most recent articles looked up per key
    max_candidates: int = 300  # articles scored per incremental add (those sharing the most keys)
    max_df_share: float = 0.2  # a key in more than this share of articles is too common to block on
    lead_chars: int = 1000  # text embedded by MiniLM: the title and lead carry the event
    # Share of the whole texts' word overlap the leads' overlap must reach before a pair is scaled down (by lead
    # cosine / (lead_share x text cosine)): one event's reports share their leads, two events of one topic share
    # background. 95% of ECB+ train same-event pairs reach 0.64; FRANK's F1 and cricket pairs 0.22 and 0.29.
    # 0 turns it off. stories.cluster.Scorer.lead_factor; bench/story_frank.py.
    lead_share: float = 0.6
    semantic: str = "auto"  # auto | on | off

    def __post_init__(self) -> None:
        for name in ("threshold", "lexical_threshold", "max_df_share", "lead_share"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be in [0.0, 1.0], got {getattr(self, name)}")
        if self.semantic not in {"auto", "on", "off"}:
            raise ValueError(f"semantic must be auto, on or off, got {self.semantic!r}")
        if self.keys_per_article < 1 or self.max_postings < 1 or self.max_candidates < 1:
            raise ValueError("keys_per_article, max_postings and max_candidates must be >= 1")


@dataclass(slots=True, frozen=True)
class AlignConfig:
    top_k: int = 12  # candidates kept per claim (blocking)
    max_postings: int = 400  # keys shared by more claims than this are too common to block on
    min_shared: float = 1.5  # idf-weighted overlap below this is not a candidate
    same: float = 0.9  # token Jaccard for "same"
    paraphrase_semantic: float = 0.72  # MiniLM cosine, as the repeats stage uses for its paraphrase groups
    paraphrase_lexical: float = 0.62
    supports_semantic: float = 0.6
    supports_lexical: float = 0.35
    elaborates_cover: float = 0.8  # share of the shorter claim's content found in the longer one

    def __post_init__(self) -> None:
        if self.top_k < 1 or self.max_postings < 2:
            raise ValueError("top_k must be >= 1 and max_postings >= 2")


@dataclass(slots=True, frozen=True)
class BriefConfig:
    max_sentences: int = 12
    max_single_source: int = 5  # uncorroborated statements shown, after all corroborated ones
    min_words: int = 6  # shorter statements ("Pictured: ...") are captions or fragments, not news
    max_words: int = 60
    max_cover: float = 0.6  # content share already said by a chosen sentence above which a candidate repeats it
    max_similarity: float = 0.72  # similarity to a chosen sentence above which a candidate repeats it
    # What the cross-check passes as max_similarity on each path: MiniLM cosines run higher than word overlap.
    semantic_max_similarity: float = 0.8
    lexical_max_similarity: float = 0.5
    # Break ties among equally ranked leads by the learned lead scorer (crosscheck/lead_model.py; semantic path
    # only) rather than by article id. Off: on the held-out brief pool 4 it lowered the lead hit (bench/RESULTS.md,
    # lead-model).
    lead_model: bool = False
    # Let a first lead the scorer doubts yield to a nearly as well backed one it finds likely (semantic path only;
    # crosscheck/lead_model.yielding_lead). On: on the gold's tune half and the brief pools it fixed three first
    # sentences and lost none, the pools scored by models trained without them (bench/RESULTS.md, brief-pool).
    lead_yield: bool = True

    def __post_init__(self) -> None:
        if self.max_sentences < 1:
            raise ValueError("max_sentences must be >= 1")


@dataclass(slots=True, frozen=True)
class MatchConfig:
    """Fingerprint and candidate-generation settings of the store (fixed when a database is created)."""

    num_perm: int = 128
    seed: int = 1
    shingle_size: int = 3
    bands: int = 32  # 32 bands of 4 rows: pairs above Jaccard ~0.4 almost surely share a bucket
    near_threshold: float = 0.5  # estimated Jaccard for a near-duplicate article (copy, syndication, spin)
    per_bucket: int = 50  # entries read per LSH bucket
    per_key: int = 100  # postings read per blocking key on each side of the article's day
    # Articles scored per add (those sharing the most blocking keys). Story B3 F1 through the store with 50 / 30
    # / 20: generated 10k corpus 0.796 / 0.809 / 0.831; ECB+ (772 documents, undated, so all within reach of
    # each other) 0.841 / 0.841 / 0.836; BASIL 0.985 and Clust-McMs dev 0.740 with all three. 30 loses nothing
    # on the real sets, and an add in a full window scores 40% fewer candidates than with 50.
    max_candidates: int = 30
    max_near: int = 20  # near-duplicates added to the scored candidates (the most similar)
    max_verify: int = 200  # LSH candidates whose Jaccard is checked per add (those sharing the most bands)

    def __post_init__(self) -> None:
        if self.num_perm % self.bands:
            raise ValueError(f"num_perm ({self.num_perm}) must be a multiple of bands ({self.bands})")
        if not 0.0 <= self.near_threshold <= 1.0:
            raise ValueError(f"near_threshold must be in [0.0, 1.0], got {self.near_threshold}")
        if min(self.per_bucket, self.per_key, self.max_candidates, self.shingle_size, self.max_near,
               self.max_verify) < 1:
            raise ValueError("per_bucket, per_key, max_candidates, max_near, max_verify and shingle_size must be >= 1")


@dataclass(slots=True, frozen=True)
class ConflictConfig:
    """The conflict judge (crosscheck/judge.py). ``judge = "off"`` keeps every detector candidate (what the
    judge is trained on); ``explain`` keeps the dropped candidates, with their reasons, in the report."""

    judge: str = "on"  # on | off
    # Score a candidate between independent reports needs to be shown. None: the threshold chosen on the
    # tune half of the gold set for precision first, stored beside the model by bench/conflict_judge.py.
    min_score: float | None = None
    explain: bool = False

    def __post_init__(self) -> None:
        if self.judge not in {"on", "off"}:
            raise ValueError(f"judge must be on or off, got {self.judge!r}")
        if self.min_score is not None:
            _check_unit("min_score", self.min_score)


@dataclass(slots=True, frozen=True)
class Config:
    semantic: str = "auto"  # "auto": MiniLM when installed; "on": require it; "off": lexical only
    engine: str = "local"  # "local" or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    # Which shipped NLP pipeline: "auto" = the MiniLM one when the semantic path is on and installed, else the
    # CNN one; "off" = the rule-based readers only (corroborate.nlp.loader).
    nlp: str = "auto"
    # Threads per process for the MiniLM pass: that many sequences at once, each with BLAS on one thread, so a
    # report's bytes do not depend on it (ingest/encoder.py). Not BLAS's own threads: those change the floats,
    # and a batch-of-one pass on 2 of them took 70-300 ms on a busy 2-core machine against 16 ms on one.
    # Default: the usable cores, at most 4.
    threads: int = field(default_factory=default_threads)
    # Sentence vectors and parses kept between runs of `check`: "auto" (the user cache directory, see
    # corroborate.ingest.cache), "off", or a file path. A cache hit gives the bytes a fresh run gives.
    cache: str = "auto"
    # Bound of the cache file in MB, least recently used entries evicted past it; 0: none. None: the
    # $CORROBORATE_CACHE_MAX_MB variable, else 1024 (corroborate.ingest.cache.max_mb). An evicted entry is computed
    # again, to the same bytes, so it is not in the fingerprint.
    cache_max_mb: int | None = None
    ingest: IngestConfig = field(default_factory=IngestConfig)
    repeats: RepeatsConfig = field(default_factory=RepeatsConfig)
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    align: AlignConfig = field(default_factory=AlignConfig)
    brief: BriefConfig = field(default_factory=BriefConfig)
    match: MatchConfig = field(default_factory=MatchConfig)  # the store's fingerprints (fixed per database)
    conflicts: ConflictConfig = field(default_factory=ConflictConfig)

    def __post_init__(self) -> None:
        if self.semantic not in {"auto", "on", "off"}:
            raise ValueError(f"semantic must be auto, on or off, got {self.semantic!r}")
        if self.nlp not in {"auto", "cnn", "minilm", "off"}:
            raise ValueError(f"nlp must be auto, cnn, minilm or off, got {self.nlp!r}")
        if self.engine not in {"local", "dask"}:
            raise ValueError(f"engine must be local or dask, got {self.engine!r}")
        if not isinstance(self.threads, int) or self.threads < 1:
            raise ValueError(f"threads must be an integer >= 1, got {self.threads!r}")
        if not self.cache:
            raise ValueError("cache must be auto, off or a file path, got an empty string")
        if self.cache_max_mb is not None and (type(self.cache_max_mb) is not int or self.cache_max_mb < 0):
            raise ValueError(f"cache_max_mb must be a whole number of MB >= 0 (0: no bound), got {self.cache_max_mb!r}")

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        sections = {"ingest": IngestConfig, "repeats": RepeatsConfig, "stories": StoriesConfig,
                    "align": AlignConfig, "brief": BriefConfig, "match": MatchConfig,
                    "conflicts": ConflictConfig}
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

    def fingerprint(self) -> str:
        """A digest of every setting that can change a report (not where it runs): part of cache keys."""
        import hashlib
        import json

        data = asdict(self)
        for key in ("engine", "scheduler", "threads", "cache", "cache_max_mb"):
            data.pop(key, None)
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]
