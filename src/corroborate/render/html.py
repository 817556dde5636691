"""The HTML report: one self-contained page that makes no request at all.

The CSS and the JS are inlined, and a Content-Security-Policy ``<meta>`` allows exactly those two blocks by
their SHA-256 hashes (no ``'unsafe-inline'``), so any markup that slipped out of an article could neither run
nor load anything. Article text is untrusted: Jinja2 autoescapes every value, and the article bodies, which
are cut into marked segments here from span offsets, are escaped piece by piece with markupsafe.

The web app (:mod:`corroborate.web.app`) draws its story pages from the same view model
(:func:`story_views`) and the same partials, and links the CSS and JS as files instead of inlining them.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from corroborate.errors import require
from corroborate.model import (
    Article,
    Conflict,
    Entity,
    Quote,
    RepeatGroup,
    Report,
    Span,
    Statement,
    Story,
    TimelineEvent,
)
from corroborate.render import pairwise, wording
from corroborate.render.common import (
    copies,
    distinct_quotes,
    independent_sources,
    noise,
    outlet_of,
    quote_cue,
    quote_words,
    short,
    speaker_label,
)
from corroborate.render.pairwise import PairSide
from corroborate.render.timeline_chart import Chart, chart

REPEAT_LABELS = {"exact": "exact repeat", "near": "near repeat", "paraphrase": "paraphrase"}
# Mark kinds that are drawn; the others ("cite", "ref", "quote", "time") only anchor a click target.
MARK_KINDS = ("exact", "near", "paraphrase", "conflict", "value", "drift", "removed", "cite", "quote")


def _markup() -> Any:
    # markupsafe comes with jinja2 (a core dependency): import it only when HTML is drawn.
    return require("markupsafe", None, purpose="the HTML report")


# -- view model ----------------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Ref:
    """A span the page points to: the token its marks carry, and what to show when it is revealed."""

    id: str
    span: Span
    outlet: str
    column: str  # HTML id of the article's column, "" when that article is not shown beside this story


@dataclass(slots=True, frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    ref: str
    title: str


class Marks:
    """Collects the spans a story view points to, then cuts each article's text into marked segments."""

    def __init__(self, report: Report, *, prefix: str, columns: dict[str, str]) -> None:
        self._report = report
        self._prefix = prefix
        self._columns = columns  # article id -> column id, for the articles shown with this story
        self._ids: dict[tuple[str, int, int], str] = {}
        self._marks: dict[str, list[_Mark]] = defaultdict(list)
        self._seen: set[tuple[str, str, str]] = set()

    def ref(self, span: Span, kind: str, title: str = "") -> Ref:
        key = (span.article, span.start, span.end)
        rid = self._ids.setdefault(key, f"{self._prefix}r{len(self._ids)}")
        shown = span.article in self._columns
        if shown and span.end > span.start and (rid, kind, title) not in self._seen:
            self._seen.add((rid, kind, title))
            self._marks[span.article].append(_Mark(span.start, span.end, kind, rid, title))
        return Ref(rid, span, outlet_of(self._report, span.article), self._columns.get(span.article, ""))

    def sub(self, span: Span, needle: str, kind: str, title: str) -> None:
        """Mark the first whole-word occurrence of ``needle`` inside ``span`` (drift words, conflicting values)."""
        if not needle.strip() or span.article not in self._columns:
            return
        found = re.search(rf"(?<!\w){re.escape(needle.strip())}(?!\w)", span.text, re.IGNORECASE)
        if found is None:
            return
        article = self._report.article(span.article)
        self.ref(Span.of(article, span.start + found.start(), span.start + found.end()), kind, title)

    def body(self, article: Article) -> Any:
        """The article's text, escaped, with one ``<mark>`` per run of text covered by the same spans."""
        ms = _markup()
        text = article.text
        marks = self._marks.get(article.id, [])
        bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
        starting: dict[int, list[_Mark]] = defaultdict(list)
        for m in marks:
            starting[m.start].append(m)
        active: list[_Mark] = []
        out = []
        for lo, hi in itertools.pairwise(bounds):
            active = [m for m in active if m.end > lo] + starting.get(lo, [])
            piece = text[lo:hi]
            if not active:
                out.append(ms.escape(piece))
                continue
            kinds = " ".join(f"m-{k}" for k in sorted({m.kind for m in active}))
            refs = " ".join(sorted({m.ref for m in active}))
            titles = "\n".join(dict.fromkeys(m.title for m in active if m.title))
            if titles:
                out.append(ms.Markup('<mark class="{}" data-a="{}" title="{}">{}</mark>').format(
                    kinds, refs, titles, piece))
            else:
                out.append(ms.Markup('<mark class="{}" data-a="{}">{}</mark>').format(kinds, refs, piece))
        return ms.Markup("").join(out)


@dataclass(slots=True)
class BriefLine:
    text: str
    independent: int
    single: bool
    cites: list[Ref]


@dataclass(slots=True)
class ConflictView:
    conflict: Conflict
    refs: list[Ref]  # lines up with conflict.values
    sides: list[PairSide] = field(default_factory=list)  # the side-by-side view
    explanation: str = ""  # the cross-check's, with the outlet names it shortens written out

    @property
    def pairs(self) -> list[tuple[Ref, str]]:
        values = list(self.conflict.values) + [""] * max(0, len(self.refs) - len(self.conflict.values))
        return list(zip(self.refs, values, strict=False))


@dataclass(slots=True)
class RepeatView:
    group: RepeatGroup
    label: str
    refs: list[Ref]
    drift: str


@dataclass(slots=True)
class ItemView:
    """A quote, timeline event or statement with the spans it stands on."""

    item: Quote | TimelineEvent | Statement
    refs: list[Ref]

    @property
    def speaker_label(self) -> str:
        return speaker_label(self.item) if isinstance(self.item, Quote) else ""

    @property
    def cue(self) -> str:
        return quote_cue(self.item) if isinstance(self.item, Quote) else ""

    @property
    def words(self) -> str:
        return quote_words(self.item, 300) if isinstance(self.item, Quote) else ""

    @property
    def copies(self) -> str:
        return copies([r.span for r in self.refs]).strip()


@dataclass(slots=True)
class EntityView:
    entity: Entity
    mentions: int
    outlets: list[str]


@dataclass(slots=True)
class Column:
    article: Article
    id: str
    body: Any  # Markup
    copies: list[str]  # this article repeats another one (why it may not count as independent)
    copied_by: list[str]  # other articles repeat this one
    removed: int


@dataclass(slots=True)
class StoryView:
    index: int
    anchor: str
    story: Story
    title: str
    outlets: list[str]
    independent: int
    first: str | None
    last: str | None
    brief: list[BriefLine] = field(default_factory=list)
    conflicts: list[ConflictView] = field(default_factory=list)
    repeats: list[RepeatView] = field(default_factory=list)
    statements: list[ItemView] = field(default_factory=list)
    quotes: list[ItemView] = field(default_factory=list)
    entities: list[EntityView] = field(default_factory=list)
    timeline: list[ItemView] = field(default_factory=list)
    chart: Chart | None = None
    columns: list[Column] = field(default_factory=list)

    @property
    def search(self) -> str:
        """What the report's story filter matches against."""
        return " ".join([self.title, *self.outlets, *(c.article.title or "" for c in self.columns)]).lower()


def _title(report: Report, story: Story) -> str:
    for article_id in story.articles:
        try:
            title = report.article(article_id).title
        except KeyError:
            continue
        if title and title.strip():
            return short(title, 140)
    if story.brief:
        return short(story.brief[0].text, 140)
    return f"Story {story.id}"


def _columns(report: Report, story: Story, marks: Marks, ids: dict[str, str]) -> list[Column]:
    by_id = {a.id: a for a in report.articles}
    columns: list[Column] = []
    for article_id, column_id in ids.items():
        article = by_id[article_id]
        copies = [f"Repeats {outlet_of(report, r.original)}: {r.why}" for r in report.reuse if r.copy == article_id]
        copied_by = [f"{outlet_of(report, r.copy)}: {r.why}" for r in report.reuse if r.original == article_id]
        removed = [r for r in noise(report) if r.span.article == article_id]
        for r in removed:
            marks.ref(r.span, "removed", f"removed as scrape noise: {r.reason}")
        columns.append(Column(article, column_id, None, copies, copied_by, len(removed)))
    return columns


def story_view(report: Report, story: Story, index: int) -> StoryView:
    """Everything one story shows, with every span turned into a :class:`Ref` marked in its article."""
    prefix = f"s{index}-"
    shown = [a for a in story.articles if any(x.id == a for x in report.articles)]
    ids = {a: f"{prefix}a{i}" for i, a in enumerate(shown)}
    marks = Marks(report, prefix=prefix, columns=ids)
    dates = sorted(p for a in report.articles if a.id in ids and (p := a.published))
    view = StoryView(index=index, anchor=f"story-{index}", story=story, title=_title(report, story),
                     outlets=sorted({outlet_of(report, a) for a in story.articles}),
                     independent=independent_sources(report, shown), first=dates[0] if dates else None,
                     last=dates[-1] if dates else None)
    # Conflicts first: their marks are the ones a reader looks for. Most confident first (a stable sort: ties
    # keep the cross-check's order).
    by_id = {a.id: a for a in report.articles}
    outlets = sorted({a.outlet for a in report.articles})
    for c in sorted(story.conflicts, key=lambda c: -c.confidence):
        explanation = wording.full_outlets(c.explanation, outlets)
        refs = [marks.ref(s, "conflict", f"conflict ({wording.conflict_kind(c.kind)}): {short(explanation, 200)}")
                for s in c.spans]
        for s, v in zip(c.spans, c.values, strict=False):
            marks.sub(s, v, "value", f"{wording.conflict_kind(c.kind)}: {v}")
        cv = ConflictView(c, refs, explanation=explanation)
        cv.sides = pairwise.sides(cv.pairs, by_id)
        view.conflicts.append(cv)
    members = set(ids)
    for g in report.repeats:
        if not any(m.article in members for m in g.members):
            continue
        label = REPEAT_LABELS.get(g.kind, g.kind)
        sim = f" {g.similarity:.2f}" if g.similarity is not None else ""
        title = f"{label}{sim} ({g.scope}, {len(g.members)}×)"
        refs = [marks.ref(m, g.kind, title) for m in g.members]
        drift = ""
        if g.drift:
            pairs = [(a, b) for a, b in g.drift.changed]
            drift = ", ".join(f"{a or '∅'} → {b or '∅'}" for a, b in pairs)
            why = f"drift ({', '.join(g.drift.kinds)}): {drift}"
            if len(g.members) >= 2:
                for a, b in pairs:
                    marks.sub(g.members[0], a, "drift", why)
                    marks.sub(g.members[1], b, "drift", why)
        view.repeats.append(RepeatView(g, label, refs, drift))
    for sent in story.brief:
        text = wording.full_outlets(sent.text, outlets)  # a brief line may quote a conflict's explanation
        view.brief.append(BriefLine(text, sent.independent_sources, sent.single_source,
                                    [marks.ref(c, "cite") for c in sent.citations]))
    view.statements = [ItemView(s, [marks.ref(x, "ref") for x in s.spans]) for s in story.statements]
    view.quotes = [ItemView(q, [marks.ref(x, "quote", f"quote: {speaker_label(q)}") for x in spans])
                   for q, spans in distinct_quotes(story.quotes)]
    view.timeline = [ItemView(e, [marks.ref(x, "time") for x in e.spans]) for e in story.timeline]
    view.chart = chart([(t.item.date, short(t.item.text, 160), " ".join(r.id for r in t.refs)) for t in view.timeline])
    view.entities = [EntityView(e, len(e.spans), sorted({outlet_of(report, s.article) for s in e.spans}))
                     for e in story.entities]
    view.columns = _columns(report, story, marks, ids)
    for col in view.columns:
        col.body = marks.body(col.article)
    return view


def story_views(report: Report) -> list[StoryView]:
    return [story_view(report, s, i) for i, s in enumerate(report.stories, start=1)]


# -- templates and assets ------------------------------------------------------------------------------


def asset(name: str) -> str:
    """The text of a static file shared with the web app (``corroborate/web/static``)."""
    return resources.files("corroborate.web").joinpath("static", name).read_text(encoding="utf-8")


def environment(**globals_: Any) -> Any:
    """A Jinja2 environment over the package's templates, autoescaping everything."""
    jinja2 = require("jinja2", None, purpose="the HTML report")
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("corroborate.render", "templates"),
        autoescape=True,  # every template is HTML; article text must never become markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(globals_)
    env.filters["short"] = short
    env.filters["when"] = when
    env.filters["kind"] = wording.conflict_kind
    env.filters["entity_type"] = wording.entity_type
    env.filters["scope"] = wording.repeat_scope
    env.filters["percent"] = wording.percent
    env.filters["web_link"] = wording.web_link
    env.globals["how_checked"] = wording.how_checked
    return env


def when(value: str | None) -> str:
    """An ISO date or datetime as people read it: ``2025-03-04 13:05 UTC``; other text as it is."""
    if not value:
        return "undated"
    found = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?", value)
    if found is None:
        return value
    day, clock, zone = found.groups()
    zone = "UTC" if zone in ("Z", "+00:00", "+0000", "-00:00") else (zone or "")
    return f"{day} {clock} {zone}".rstrip()


def csp_hash(source: str) -> str:
    """The CSP source expression that allows exactly this inline block."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def report_csp(script: str, style: str) -> str:
    # frame-ancestors and report-uri are ignored in a <meta> policy, so they are not given here.
    return ("default-src 'none'; "
            f"script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")


def _inline(source: str, tag: str) -> str:
    # An inline block ends at the first "</tag": the shipped assets never contain one, and this says so loudly.
    if f"</{tag}" in source.lower():
        raise ValueError(f"inline {tag} must not contain '</{tag}'")
    return source


def render_page(report: Report, *, article_href: Callable[[Column], str] | None = None) -> str:
    env = environment(article_href=article_href or (lambda col: "#" + col.id))
    ms = _markup()
    script = _inline(asset("corroborate.js"), "script")
    style = _inline(asset("corroborate.css"), "style")
    template = env.get_template("report.html")
    return template.render(
        report=report,
        views=story_views(report),
        csp=report_csp(script, style),
        script=ms.Markup(script),
        style=ms.Markup(style),
        outlet_of=lambda a: outlet_of(report, a),
    )


def render(report: Report) -> str:
    """The self-contained HTML report of ``report``."""
    return render_page(report)
