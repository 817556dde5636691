"""The `check` job: ingest → clean → segment → parse → repeats → stories → cross-check → quotes, entities, timeline.

Per-article stages (clean and segment; parse, the NLP pipeline's work and with MiniLM the sentence vectors it
gives on the way) are mapped by the engine; the two global steps (repeats, story clustering) run where the
data meets. Vectors and parses are read from the persistent cache when it has them (``cache`` setting,
corroborate.ingest.cache), and written to it after the run. Timings are kept apart from the report, because
the JSON must be byte-identical from run to run (docs/DETERMINISM.md).
"""

from __future__ import annotations

import os
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, TextIO

from corroborate import report_cache
from corroborate.config import Config
from corroborate.engines import Engine, make_engine
from corroborate.ingest import read_sources
from corroborate.ingest.cache import open_cache
from corroborate.ingest.clean import REPAIRS, clean
from corroborate.ingest.embed import MODEL_NAME, Embedder, make_embedder
from corroborate.ingest.segment import segment
from corroborate.model import Article, InputError, Passage, Removal, Report, Story

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class Prepared:
    """What the per-article stages produce for one article."""

    article: Article
    removed: list[Removal]
    passages: list[Passage]


@dataclass(slots=True)
class Timings:
    """Seconds per stage, and the part of them spent computing embeddings (for the benchmark)."""

    stages: dict[str, float] = field(default_factory=dict)
    embedding: float = 0.0

    def add(self, stage: str, seconds: float) -> None:
        self.stages[stage] = self.stages.get(stage, 0.0) + seconds

    @property
    def total(self) -> float:
        return sum(self.stages.values())


def prepare(article: Article) -> Prepared:
    """Per-article work: pure, picklable, so any engine can run it."""
    removed = clean(article)
    return Prepared(article, removed, segment(article, removed))


def _split_inputs(items: Iterable[Article | InputError]) -> tuple[list[Article], list[InputError], int]:
    articles: list[Article] = []
    errors: list[InputError] = []
    seen: set[str] = set()
    duplicates = 0
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
        elif item.id in seen:
            duplicates += 1  # the same content twice (content-hash id) is one article
        else:
            seen.add(item.id)
            articles.append(item)
    return articles, errors, duplicates


def _read(sources: Iterable[str | os.PathLike[str] | Article], config: Config, stdin: TextIO | None
          ) -> Iterator[Article | InputError]:
    """Articles in argument order: paths through the readers (consecutive paths in one call, so a file reached
    twice is read once), Article objects as given."""
    paths: list[str | os.PathLike[str]] = []
    for item in sources:
        if isinstance(item, Article):
            yield from read_sources(paths, config=config.ingest, stdin=stdin)
            paths = []
            yield item
        else:
            paths.append(item)
    yield from read_sources(paths, config=config.ingest, stdin=stdin)


class Checker:
    """Runs the check job. Heavy resources (embedder, NLP pipeline, pair judge) load lazily, once."""

    def __init__(self, *, config: Config | None = None, engine: Engine | None = None,
                 embedder: Embedder | str | None = "auto", progress: Progress | None = None) -> None:
        self.config = config or Config()
        self.engine = engine or make_engine(self.config.engine, scheduler=self.config.scheduler)
        # Opened on first use: a Checker that never reads or writes the cache touches no file.
        self.cache = open_cache(self.config.cache, self.config.cache_max_mb)
        self.embedder = (make_embedder(self.config.semantic, threads=self.config.threads, persist=self.cache)
                         if embedder == "auto" else embedder)
        self.progress = progress or (lambda _stage, _done, _total: None)
        self.timings = Timings()
        self._nlp: Any = None
        self._nlp_loaded = False

    # -- resources -------------------------------------------------------------------------------
    def nlp(self) -> Any:
        """The project's own spaCy pipeline, or None (rules) when it is off or not built/installed."""
        if not self._nlp_loaded:
            self._nlp_loaded = True
            from corroborate import nlp

            variant = self.nlp_variant()
            if variant != "off" and nlp.available(variant):
                try:
                    self._nlp = nlp.load_pipeline(variant)
                except nlp.ModelUnavailable:
                    self._nlp = None
        return self._nlp

    def nlp_variant(self) -> str:
        """The configured NLP pipeline, with ``auto`` resolved against the alignment path."""
        if self.config.nlp == "auto" and self.embedder is None:
            return "cnn"  # the lexical path runs without torch, so its NLP does too
        return self.config.nlp

    def method(self) -> dict[str, str]:
        from corroborate.crosscheck.claims import method_name

        return {
            "alignment": self.embedder.name if self.embedder is not None else "lexical",
            # What actually ran: a model that is installed but failed to load is not claimed.
            "nlp": method_name(self._nlp),
            "engine": self.engine.name,
        }

    # -- stages ----------------------------------------------------------------------------------
    def _timed(self, stage: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        try:
            return fn()
        finally:
            self.timings.add(stage, time.perf_counter() - start)

    def run(self, sources: list[str | os.PathLike[str] | Article], *, stdin: TextIO | None = None) -> Report:
        """Read the sources (paths, and Articles given as they are, in argument order) and run the job."""
        items = self._timed("ingest", lambda: list(_read(sources, self.config, stdin)))
        articles, errors, duplicates = _split_inputs(items)
        key = report_cache.checker_key(self, articles, errors, duplicates)
        stored = self._cache_get(report_cache.NAMESPACE, [key]).get(key) if key is not None else None
        if stored is not None and (cached := report_cache.decode(stored, articles)) is not None:
            return cached
        report = self.run_articles(articles)
        report.errors = errors + report.errors
        report.counters["duplicate_articles"] = duplicates
        report.counters["input_errors"] = len(errors)
        if key is not None:
            self._cache_put(report_cache.NAMESPACE, {key: report_cache.encode(report)})
        return report

    def run_articles(self, articles: list[Article], *, stories: list[tuple[str, list[str]]] | None = None,
                     stories_method: str | None = None) -> Report:
        """The job on articles already read. ``stories``: the grouping to use, as (story id, article ids), instead
        of clustering (the store passes its stored stories, so a report carries the stored ids); then
        ``stories_method`` says where the grouping came from."""
        embed_before = self.embedder.seconds if self.embedder else 0.0
        self.progress("prepare", 0, len(articles))
        prepared: list[Prepared] = self._timed("clean+segment", lambda: self.engine.map(prepare, articles))
        self.progress("prepare", len(articles), len(articles))
        passages = {p.article.id: p.passages for p in prepared}
        removed = [r for p in prepared for r in p.removed]
        repaired = [r for r in removed if r.reason in REPAIRS]  # mojibake: listed with the removals, kept in text
        parsed = self._parse(articles, passages)
        self._embed(articles, passages)

        from corroborate.repeats.find import find_repeats

        repeats = self._timed("repeats", lambda: find_repeats(
            articles, passages, config=self.config.repeats, embedder=self.embedder))

        from corroborate.stories.cluster import cluster_articles

        # The embedder decides the path for every stage: without one, stories stay lexical too
        # (no silent model load behind a `--semantic off`).
        stories_config = replace(self.config.stories, semantic="on" if self.embedder is not None else "off")
        if stories is None:
            clusters = self._timed("stories", lambda: cluster_articles(
                articles, config=stories_config, embedder=self.embedder))
            groups = [(f"s{number}", ids) for number, ids in enumerate(clusters, start=1)]
        else:
            known = {a.id for a in articles}
            groups = [(sid, [i for i in ids if i in known]) for sid, ids in stories]
            groups = [(sid, ids) for sid, ids in groups if ids]
        checked, failed = self._timed("cross-check",
                                      lambda: self._stories(articles, passages, groups, repeats, parsed))

        report = Report(articles=articles, method=self.method(), removed=removed, repeats=repeats.groups,
                        reuse=repeats.reuse, stories=checked, errors=failed)
        from corroborate.crosscheck.core import methods as crosscheck_methods
        from corroborate.stories.cluster import method as describe_stories

        report.method["repeats"] = repeats.method
        report.method["stories"] = (describe_stories(stories_config, self.embedder) if stories is None
                                    else stories_method or "given")
        report.method.update(crosscheck_methods(embedder=self.embedder, nlp=self._nlp))
        report.counters.update({
            "articles": len(articles),
            "passages": sum(len(v) for v in passages.values()),
            "removed": len(removed) - len(repaired),
            **({"repaired": len(repaired)} if repaired else {}),  # only when a reader repaired something
            **repeats.counters,
            "stories": len(checked),
            "statements": sum(len(s.statements) for s in checked),
            "conflicts": sum(len(s.conflicts) for s in checked),
        })
        if self.embedder is not None:
            self.timings.embedding += self.embedder.seconds - embed_before
            save = getattr(self.embedder, "save", None)
            if save is not None:
                self._timed("cache", save)
        return report

    def _parse(self, articles: list[Article], passages: dict[str, list[Passage]]) -> Any:
        """Each article's parses (through the engine, or from the cache), as a pipeline that answers the
        cross-check's NLP calls; None on the rule-based path. With MiniLM, the sentence vectors the parse pass
        gives go to the embedder, so those sentences are not encoded a second time."""
        if self.config.nlp == "off" or not self._nlp_installed():
            return self.nlp()
        from corroborate.crosscheck.claims import clauses
        from corroborate.nlp import parses
        from corroborate.nlp.parses import ParsedArticle, ParsedPipeline, ParseJob, model_digest, parse_article

        variant = self.nlp_variant()
        # The texts the claims stage parses are its clauses (crosscheck.claims.extract_claims); if that ever
        # changes, its calls miss these parses and run the pipeline themselves: slower, never different.
        jobs = []
        for a in articles:
            cut = [c for p in passages[a.id] if p.article == a.id for c in clauses(p)]
            # The clauses' offsets place their entities in the article, for the mention stage.
            jobs.append(ParseJob(variant, a.text, tuple(c.text for c in cut), self.config.threads,
                                 starts=tuple(c.start for c in cut)))
        # 3: the ParsedArticle byte format; the encoder's numerics: the MiniLM features come from its NumPy pass,
        # whose code and NumPy version model_digest does not cover.
        from corroborate.ingest.encoder import numerics

        namespace = f"parse:3:{model_digest(variant)}:{numerics()}"
        found: dict[str, ParsedArticle] = {}
        for key, data in self._cache_get(namespace, [j.key for j in jobs]).items():
            try:
                found[key] = ParsedArticle.from_bytes(data)
            except (ValueError, zlib.error):
                continue  # a damaged entry is a miss: parsed again, and rewritten

        todo = [j for j in jobs if j.key not in found]
        if todo or self._nlp_loaded:
            self.progress("load models", 0, 1)
            nlp = self._timed("load models", self.nlp)
            self.progress("load models", 1, 1)
            if nlp is None:
                return None
        else:  # every parse is cached: the trained pipeline loads only if a stage asks for a text not parsed
            nlp = self._nlp = parses.LazyPipeline(variant)
            self._nlp_loaded = True
        self.progress("parse", len(jobs) - len(todo), len(jobs))
        if todo:
            results = self._timed("parse", lambda: self.engine.map(parse_article, todo))
            fresh = dict(zip([j.key for j in todo], results, strict=True))
            self._cache_put(namespace, {k: r.to_bytes() for k, r in fresh.items()})
            found.update(fresh)
        self.progress("parse", len(jobs), len(jobs))
        add = getattr(self.embedder, "add", None)
        if add is not None and self.embedder.name == MODEL_NAME:
            import numpy as np

            add({k: np.frombuffer(v, dtype="<f4") for j in jobs for k, v in found[j.key].vectors.items()})
        return ParsedPipeline(nlp, [(j, found[j.key]) for j in jobs])

    def _embed(self, articles: list[Article], passages: dict[str, list[Passage]]) -> None:
        """The sentence vectors that neither the cache nor the parse pass gave, computed through the engine one
        article at a time, so the repeats stage finds them in the embedder's cache."""
        if not isinstance(self.embedder, Embedder):
            return  # none, or one made elsewhere: it encodes on its own
        from corroborate.ingest.embed import EncodeJob, encode_texts, text_key
        from corroborate.repeats.find import window_texts

        embedder = self.embedder
        jobs: list[EncodeJob] = []
        seen: set[str] = set()
        for a in articles:
            texts = []
            mine = [p for p in passages[a.id] if p.article == a.id]
            # The repeats stage encodes each sentence and each window of two adjacent sentences of a paragraph
            # (repeats/find.py, window_texts); encoding them here costs the same, and the engine can spread it.
            for text in [p.text for p in mine] + window_texts(mine):
                key = text_key(text)
                if key not in seen:
                    seen.add(key)
                    texts.append(text)
            if texts:
                jobs.append(EncodeJob(tuple(texts), self.config.threads))
        if embedder.persist is not None:
            self._timed("cache", lambda: embedder.preload([text_key(t) for j in jobs for t in j.texts]))
        jobs = [j for j in (EncodeJob(tuple(t for t in job.texts if text_key(t) not in embedder.cache), job.threads)
                            for job in jobs) if j.texts]
        if not jobs:
            return
        self.progress("embed", 0, len(jobs))
        start = time.perf_counter()
        results = self._timed("embed", lambda: self.engine.map(encode_texts, jobs))
        embedder.seconds += time.perf_counter() - start
        import numpy as np

        for job, vectors in zip(jobs, results, strict=True):
            embedder.add({text_key(t): np.frombuffer(v, dtype="<f4") for t, v in zip(job.texts, vectors, strict=True)})
            embedder.encoded += len(job.texts)
        self.progress("embed", len(jobs), len(jobs))

    def _nlp_installed(self) -> bool:
        from corroborate import nlp

        return nlp.available(self.nlp_variant())

    def _cache_get(self, namespace: str, keys: list[str]) -> dict[str, bytes]:
        from corroborate.store.db import StoreError

        if self.cache is None:
            return {}
        try:
            return self._timed("cache", lambda: self.cache.get_many(namespace, keys))
        except StoreError:
            self.cache = None  # an unreadable cache is not used: the run computes everything
            return {}

    def _cache_put(self, namespace: str, items: dict[str, bytes]) -> None:
        from corroborate.store.db import StoreError

        if self.cache is None:
            return
        try:
            self._timed("cache", lambda: self.cache.put_many(namespace, items))
        except StoreError:
            self.cache = None

    def _stories(self, articles: list[Article], passages: dict[str, list[Passage]],
                 groups: list[tuple[str, list[str]]], repeats: Any, nlp: Any) -> tuple[list[Story], list[InputError]]:
        """The stories, and one error for each whose cross-check failed."""
        by_id = {a.id: a for a in articles}
        stories: list[Story] = []
        failed: list[InputError] = []
        for number, (story_id, ids) in enumerate(groups, start=1):
            self.progress("cross-check", number - 1, len(groups))
            members = [by_id[i] for i in ids]
            sub = {i: passages[i] for i in ids}
            try:
                stories.append(self._story(story_id, members, sub, repeats, nlp))
            except Exception as exc:  # one story's failure must not lose the batch
                # The rest of the batch goes on: the story keeps its articles, without what failed, and the
                # failure is one line naming its files (stderr and the JSON ``errors``), as a bad input is.
                paths = ", ".join(sorted(a.path or a.id for a in members))
                failed.append(InputError(paths, f"story {story_id}: cross-check failed "
                                                            f"({type(exc).__name__}: {exc}); its articles are "
                                                            f"listed without statements"))
                stories.append(Story(story_id, list(ids)))
        self.progress("cross-check", len(groups), len(groups))
        return stories, failed

    def _story(self, story_id: str, members: list[Article], sub: dict[str, list[Passage]], repeats: Any,
               nlp: Any) -> Story:
        """One story's cross-check, entities, quotes, misquotes and timeline."""
        from corroborate.attribution.entities import extract_entities
        from corroborate.attribution.misquotes import find_misquotes
        from corroborate.attribution.quotes import extract_quotes
        from corroborate.crosscheck.ages import age_candidates
        from corroborate.crosscheck.brief import disagreements
        from corroborate.crosscheck.brief_dates import dated_brief
        from corroborate.crosscheck.core import cross_check
        from corroborate.crosscheck.judge import JudgeContext, review
        from corroborate.crosscheck.timeline import build_timeline

        story = cross_check(members, sub, story_id=story_id, repeats=repeats,
                            embedder=self.embedder, nlp=nlp, align_config=self.config.align,
                            brief_config=self.config.brief, conflict_config=self.config.conflicts)
        story.entities = extract_entities(members, sub, nlp=nlp)
        quotes = {a.id: extract_quotes(a, sub[a.id], entities=story.entities, nlp=nlp) for a in members}
        story.quotes = [q for a in members for q in quotes[a.id]]
        # Misquotes and ages need the quotes and entities, which come after the cross-check; judged alike.
        candidates = [*find_misquotes(quotes, {a.id: a for a in members}),
                      *age_candidates(members, story.entities)]
        misquotes, dropped = review(candidates, JudgeContext.for_story(members, sub, repeats), self.config.conflicts)
        story.conflicts.extend(misquotes)
        story.brief.extend(disagreements(story.conflicts))
        if self.config.conflicts.explain:
            story.dropped.extend(dropped)
        story.timeline = build_timeline(members, sub, nlp=nlp)
        story.brief = dated_brief(story.brief, story.timeline)  # "yesterday [3 March 2025]"
        return story

    def close(self) -> None:
        self.engine.close()
        if self.cache is not None:
            self.cache.close()
