"""The small typed data model that travels through every stage.

Every object that says something about the text carries :class:`Span` values, character offsets into
the *original* article text (before cleaning), so a reader can click from any claim to its source and a
test can check that nothing is invented (``article.text[start:end] == span.text``).

The classes are plain ``slots`` dataclasses: cheap to create by the thousand, picklable for Dask, and
turned into the JSON contract (``../shared/design/OUTPUT.md``) by :func:`to_json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

#: Bump on a breaking change of the JSON contract, and document it in the README.
SCHEMA_VERSION = 1


@dataclass(slots=True, frozen=True, order=True)
class Span:
    """A character range of one article's original text. ``text`` is always ``article.text[start:end]``."""

    article: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, article: Article, start: int, end: int) -> Span:
        """Build a span from offsets, taking its text from the article so the span rule holds by construction."""
        if not 0 <= start <= end <= len(article.text):
            raise ValueError(f"span {start}:{end} outside article {article.id} of length {len(article.text)}")
        return cls(article.id, start, end, article.text[start:end])


@dataclass(slots=True)
class Article:
    """One news article as read from its source. ``text`` is never modified after ingest."""

    id: str
    outlet: str
    title: str | None
    published: str | None  # ISO 8601 date or datetime, as found; None when unknown
    path: str | None
    text: str
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class InputError:
    """A source that could not be read. Reported in ``errors`` and on stderr as one line."""

    path: str
    error: str


@dataclass(slots=True, frozen=True)
class Removal:
    """Scrape noise dropped by ``clean``: why, and exactly where."""

    reason: str
    span: Span


@dataclass(slots=True, frozen=True)
class Passage:
    """A sentence (or an unpunctuated line such as a headline or caption) with its offsets."""

    article: str
    index: int  # position among the article's passages
    paragraph: int  # index of the paragraph it belongs to
    start: int
    end: int
    text: str

    def span(self) -> Span:
        return Span(self.article, self.start, self.end, self.text)


@dataclass(slots=True, frozen=True)
class Drift:
    """Meaning-bearing words that changed between a passage and its paraphrase."""

    changed: tuple[tuple[str, str], ...]  # (word in the first member, word in the second member)
    kinds: tuple[str, ...]  # e.g. "negation", "number", "name", "substitution"
    why: str


@dataclass(slots=True)
class RepeatGroup:
    """Passages that repeat one another: ``exact``, ``near`` (MinHash) or ``paraphrase`` (embeddings)."""

    kind: str
    members: list[Span]
    scope: str  # "within" one article or "across" articles
    similarity: float | None = None
    drift: Drift | None = None
    original: Span | None = None  # the member judged to come first, when it can be told


@dataclass(slots=True, frozen=True)
class Reuse:
    """How much of one article repeats another, and which one is the likely original."""

    copy: str
    original: str
    share: float  # of the copy's text, in any repeat of the original (exact, near or paraphrase)
    why: str
    # Of the copy's text, in exact or near-duplicate repeats of the original: what tells a copy (syndication,
    # an edited wire story) from two reports of one event, which share paraphrases and quoted remarks. None in
    # a report made before it was measured: ``share`` stands in.
    verbatim: float | None = None


@dataclass(slots=True)
class Statement:
    """An atomic claim, backed by one or more source spans."""

    text: str
    spans: list[Span]
    outlets: list[str]
    independent_sources: int
    who: str | None = None
    predicate: str | None = None
    target: str | None = None
    numbers: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    polarity: str = "positive"
    attribution: str | None = None
    single_source: bool = False
    independence: str | None = None  # says why syndicated copies were merged, when they were


@dataclass(slots=True)
class Conflict:
    """Two sources that disagree. ``values`` line up with ``spans``."""

    kind: str  # number | entity | role | place | date | negation | drift | quote
    spans: list[Span]
    values: list[str]
    explanation: str
    confidence: float
    # What the conflict judge read (crosscheck/judge.py): kept in memory for benchmarks, never in the JSON.
    features: dict[str, float] | None = None


@dataclass(slots=True)
class BriefSentence:
    text: str
    citations: list[Span]
    independent_sources: int
    single_source: bool = False


@dataclass(slots=True)
class Quote:
    speaker: str | None
    cue: str | None
    text: str
    spans: list[Span]
    kind: str = "direct"  # direct | reported
    speaker_span: Span | None = None


@dataclass(slots=True)
class Entity:
    name: str
    type: str  # PER | ORG | LOC | OTH
    aliases: list[str]
    spans: list[Span]
    why: dict[str, str] = field(default_factory=dict)  # alias -> the evidence that joined it to this entity


@dataclass(slots=True)
class TimelineEvent:
    date: str | None  # ISO 8601; None when the article is undated and the expression is relative
    text: str
    spans: list[Span]
    expression: str | None = None
    note: str | None = None


@dataclass(slots=True)
class Story:
    id: str
    articles: list[str]
    statements: list[Statement] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    brief: list[BriefSentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    # Conflict candidates the judge dropped, each with its reason (in ``explanation``) and spans: filled only
    # when asked for (``--explain``), so false negatives can be audited; absent from the JSON otherwise.
    dropped: list[Conflict] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    """Everything ``corroborate check`` found: the JSON contract's root."""

    articles: list[Article]
    method: dict[str, str] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    repeats: list[RepeatGroup] = field(default_factory=list)
    reuse: list[Reuse] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    version: int = SCHEMA_VERSION

    def article(self, article_id: str) -> Article:
        for a in self.articles:
            if a.id == article_id:
                return a
        raise KeyError(article_id)

    def as_dict(self) -> dict[str, Any]:
        """The JSON contract as plain values: the version first, then how it was made, then the findings."""
        data = to_json(self)
        ordered = {"version": data.pop("version"), "method": data.pop("method")}
        ordered.update(data)
        return ordered

    def to_json(self) -> str:
        """The JSON contract document: byte for byte what ``corroborate check --format json`` writes
        (``corroborate.render.json`` renders through this method). Deterministic: same input, same bytes."""
        import json

        return json.dumps(self.as_dict(), ensure_ascii=False, indent=2) + "\n"


# Fields that only matter inside the pipeline, or that would bloat the JSON, are left out of it.
_HIDDEN = {Article: {"meta"}, Passage: set(), Conflict: {"features"}}
# Optional fields that are dropped from the JSON when empty, so the document stays readable.
_DROP_WHEN_NONE = {"similarity", "drift", "original", "url", "speaker_span", "expression", "note",
                   "independence", "who", "predicate", "target", "attribution"}

# Debug sections that only appear when they hold something.
_DROP_WHEN_EMPTY = {"dropped", "why"}


def to_json(obj: Any) -> Any:
    """Turn model objects into plain JSON values (dicts keep the dataclass field order: deterministic)."""
    if is_dataclass(obj) and not isinstance(obj, type):
        hidden = _HIDDEN.get(type(obj), set())
        out: dict[str, Any] = {}
        for f in fields(obj):
            if f.name in hidden:
                continue
            value = getattr(obj, f.name)
            if value is None and f.name in _DROP_WHEN_NONE:
                continue
            if f.name in _DROP_WHEN_EMPTY and not value:
                continue
            out[f.name] = to_json(value)
        return out
    if isinstance(obj, (list, tuple)):
        return [to_json(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_json(v) for k, v in obj.items()}
    if isinstance(obj, float):
        return round(obj, 4)
    return obj
