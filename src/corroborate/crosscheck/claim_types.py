"""The claim types every extractor fills: :class:`Claim` with its :class:`Quantity` counts and :class:`Label`
characterisations.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from corroborate.model import Span


@dataclass(slots=True, frozen=True)
class Quantity:
    """A counted thing: ``low``/``high`` bound the count (exact counts have low == high)."""

    head: str  # normalised head phrase: "pregnant woman", "person"
    low: int
    high: int | None  # None: open-ended ("multiple", bare plural)
    surface: str  # the words as written: "one of whom was pregnant"
    span: Span
    frame: str | None  # "death", "injury", ... when the sentence evokes one
    explicit: bool  # False for bare plurals ("pregnant women"), which are weak evidence of number

    def compatible(self, other: Quantity) -> bool:
        hi_a = self.high if self.high is not None else 10**12
        hi_b = other.high if other.high is not None else 10**12
        return self.low <= hi_b and other.low <= hi_a

    def value(self) -> str:
        if self.high == self.low:
            return str(self.low)
        return self.surface


@dataclass(slots=True, frozen=True)
class Label:
    """Somebody characterised somebody with a quoted phrase: "Macron ... calling him 'not serious'"."""

    labeler: str
    quote: str  # normalised quoted phrase
    span: Span


@dataclass(slots=True)
class Claim:
    """One atomic statement from one sentence of one article, before alignment."""

    article: str
    outlet: str
    passage: int
    span: Span
    who: str | None = None
    predicate: str | None = None  # lemma key of the main verb (for matching; "urg" for "urged")
    verb: str | None = None  # the main verb as written ("urged"), for display
    target: str | None = None
    passive: bool = False
    numbers: list[Quantity] = field(default_factory=list)
    places: list[tuple[str, Span]] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    polarity: str = "positive"
    attribution: str | None = None
    names: frozenset[str] = frozenset()  # entity keys mentioned (lower-cased surnames / name words)
    content: frozenset[str] = frozenset()  # content lemmas
    events: frozenset[str] = frozenset()  # event lemmas: verbs and event nouns
    # (event lemma, day word) where the day word stands right by the verb ("apologized on Friday", "on Friday
    # apologized", "published Sunday"): the day is then the event's, not the report's or another clause's.
    dated: frozenset[tuple[str, str]] = frozenset()
    triples: list[tuple[str | None, str, str | None]] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def ref(self) -> tuple[str, int, int]:
        return (self.article, self.span.start, self.span.end)
