"""The project's real-news gold (``bench/gold``): load the label files and rebuild the articles they point into.

A gold file holds only *locators* into the published datasets (see ``bench/gold/GUIDELINE.md``):

* BASIL: ``{"doc": "nyt|fox|hpo", "p", "s", "start", "end"}``, offsets into ``body-paragraphs[p][s]``;
* ECB+: ``{"doc": doc_id, "s", "start", "end"}``, offsets into ``sentences[s].text``.

:func:`load_events` reads every gold file (or those of one dataset / split), finds its documents under the
data root and builds, per event, the :class:`~corroborate.model.Article` list the checker runs on:

* BASIL: sentences of a paragraph joined with ``" "``, paragraphs with ``"\\n\\n"``; title, date and outlet
  (``nyt``, ``fox``, ``hpo``) from the article;
* ECB+: sentences joined with ``"\\n"``, sentence 0 of an ``ecbplus`` document (its URL) dropped; outlet from
  the source URL's host, else the document id; no date.

:meth:`GoldEvent.span` turns a locator into a :class:`~corroborate.model.Span` of that text and checks that
the span's text is the sentence substring the locator names. Every problem with a file is one
:class:`~corroborate.errors.InputFormatError` line that names the file.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from corroborate.errors import InputFormatError
from corroborate.model import Article, Span

REPO = Path(__file__).resolve().parents[3]
DEFAULT_GOLD = REPO / "bench" / "gold"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DATASETS = ("basil", "ecbplus")
SPLITS = ("tune", "test")
SECTIONS = ("conflicts", "near_misses", "quotes", "entities", "timeline", "brief_facts")

Key = tuple[str, int, int] | tuple[str, int]


def article_id(path: str, text: str) -> str:
    """A stable content hash (as ``bench/check.py`` does), salted with the document's name so that two
    documents with the same text stay two articles."""
    return hashlib.sha256(f"{path}\n{text}".encode()).hexdigest()[:16]


@dataclass(slots=True)
class GoldEvent:
    """One labelled event: its gold labels, its articles, and where each labelled sentence sits in them."""

    dataset: str
    event: str
    split: str
    path: Path
    gold: dict[str, Any]
    articles: list[Article] = field(default_factory=list)
    doc_article: dict[str, str] = field(default_factory=dict)  # gold doc name -> Article.id
    article_doc: dict[str, str] = field(default_factory=dict)  # Article.id -> gold doc name
    sentences: dict[Key, tuple[int, int, str]] = field(default_factory=dict)  # key -> (start, end, sentence)

    # -- locators ---------------------------------------------------------------------------------------
    def key(self, loc: dict[str, Any]) -> Key:
        try:
            if self.dataset == "basil":
                return (str(loc["doc"]), int(loc["p"]), int(loc["s"]))
            return (str(loc["doc"]), int(loc["s"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputFormatError(f"{self.path}: malformed locator {loc!r}") from exc

    def _sentence(self, loc: dict[str, Any]) -> tuple[Key, int, int, str]:
        key = self.key(loc)
        if key not in self.sentences:
            raise InputFormatError(f"{self.path}: locator {loc!r} names no sentence of the event's documents")
        start, end, sentence = self.sentences[key]
        return key, start, end, sentence

    def article(self, doc: str) -> Article:
        aid = self.doc_article[doc]
        return next(a for a in self.articles if a.id == aid)

    def span(self, loc: dict[str, Any]) -> Span:
        """The span a locator names, in the article text; its text is checked against the sentence."""
        key, s_start, _s_end, sentence = self._sentence(loc)
        start, end = int(loc["start"]), int(loc["end"])
        if not 0 <= start <= end <= len(sentence):
            raise InputFormatError(f"{self.path}: locator {loc!r} runs outside its sentence of {len(sentence)} "
                                   "characters")
        span = Span.of(self.article(key[0]), s_start + start, s_start + end)
        if span.text != sentence[start:end]:
            raise InputFormatError(f"{self.path}: locator {loc!r} does not resolve to its sentence text")
        if "value" in loc and span.text != loc["value"]:
            raise InputFormatError(f"{self.path}: locator {loc!r} resolves to {span.text!r}, not its value")
        return span

    def sentence_span(self, loc: dict[str, Any]) -> Span:
        """The whole sentence a locator points into."""
        key, start, end, _ = self._sentence(loc)
        return Span.of(self.article(key[0]), start, end)

    def range_span(self, first: dict[str, Any], last: dict[str, Any] | None) -> Span:
        """From the start of ``first`` to the end of ``last`` (a quote running over several sentences)."""
        a = self.span(first)
        if last is None:
            return a
        b = self.span(last)
        if b.article != a.article or b.end < a.start:
            raise InputFormatError(f"{self.path}: end locator {last!r} is not after its start {first!r}")
        return Span.of(self.article(first["doc"]), a.start, b.end)

    def locate(self, span: Span) -> dict[str, Any]:
        """The locator of the sentence holding ``span.start`` (for error listings), offsets within it."""
        doc = self.article_doc.get(span.article, span.article)
        for key, (start, end, _) in self.sentences.items():
            if key[0] == doc and (start <= span.start < end or start == span.start == end):
                loc: dict[str, Any] = {"doc": doc}
                if len(key) == 3:
                    loc["p"] = key[1]
                loc["s"] = key[-1]
                loc["start"] = span.start - start
                loc["end"] = min(span.end, end) - start
                return loc
        return {"doc": doc, "article_start": span.start, "article_end": span.end}

    def count(self, section: str) -> int:
        return len(self.gold.get(section, []))


# -- the source documents ----------------------------------------------------------------------------------

class SourceData:
    """The BASIL and ECB+ documents under a data root, read once and only when a gold file needs them."""

    def __init__(self, root: Path | str = DEFAULT_DATA) -> None:
        self.root = Path(root)
        self._basil: dict[str, dict[str, dict[str, Any]]] | None = None
        self._ecb: dict[str, dict[str, dict[str, Any]]] | None = None

    def basil(self) -> dict[str, dict[str, dict[str, Any]]]:
        if self._basil is None:
            folder = self.root / "basil" / "articles"
            if not folder.is_dir():
                raise InputFormatError(f"{folder}: BASIL articles folder not found (set --data to the shared data "
                                       "root)")
            events: dict[str, dict[str, dict[str, Any]]] = {}
            for path in sorted(folder.glob("*/*.json")):
                doc = _read_json(path)
                try:
                    events.setdefault(str(doc["triplet-uuid"]), {})[str(doc["source"]).lower()] = doc
                except (KeyError, TypeError) as exc:
                    raise InputFormatError(f"{path}: BASIL article without {exc}") from exc
            self._basil = events
        return self._basil

    def ecbplus(self) -> dict[str, dict[str, dict[str, Any]]]:
        if self._ecb is None:
            path = self.root / "ecbplus" / "ecbplus_docs.jsonl"
            if not path.is_file():
                raise InputFormatError(f"{path}: ECB+ documents not found (set --data to the shared data root)")
            events: dict[str, dict[str, dict[str, Any]]] = {}
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        doc = json.loads(line)
                        events.setdefault(str(doc["subtopic"]), {})[str(doc["doc_id"])] = doc
                    except (json.JSONDecodeError, KeyError, TypeError) as exc:
                        raise InputFormatError(f"{path}: line {n}: not an ECB+ document ({exc})") from exc
            self._ecb = events
        return self._ecb

    def docs(self, dataset: str, event: str, where: Path) -> dict[str, dict[str, Any]]:
        events = self.basil() if dataset == "basil" else self.ecbplus()
        if event not in events:
            raise InputFormatError(f"{where}: event {event!r} not found in the {dataset} data under {self.root}")
        return events[event]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputFormatError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputFormatError(f"{path}: not valid JSON ({exc})") from exc


# -- building events ---------------------------------------------------------------------------------------

def _basil_article(event: GoldEvent, name: str, doc: dict[str, Any]) -> None:
    parts: list[str] = []
    pos = 0
    try:
        paragraphs = doc.get("body-paragraphs") or []
        for p, para in enumerate(paragraphs):
            if p:
                parts.append("\n\n")
                pos += 2
            for s, sent in enumerate(para):
                if s:
                    parts.append(" ")
                    pos += 1
                event.sentences[(name, p, s)] = (pos, pos + len(sent), sent)
                parts.append(sent)
                pos += len(sent)
    except TypeError as exc:
        raise InputFormatError(f"{event.path}: BASIL document {name!r} has malformed body-paragraphs") from exc
    text = "".join(parts)
    path = f"basil:{doc.get('uuid', name)}"
    aid = article_id(path, text)
    event.articles.append(Article(id=aid, outlet=name, title=doc.get("title"), published=doc.get("date"),
                                  path=path, text=text, url=doc.get("url")))
    event.doc_article[name] = aid


def _ecb_outlet(doc: dict[str, Any]) -> str:
    host = urlparse(doc.get("source_url") or "").hostname or ""
    host = host.removeprefix("www.")
    return host or str(doc["doc_id"])


def _ecb_article(event: GoldEvent, name: str, doc: dict[str, Any]) -> None:
    try:
        sentences = [str(s["text"]) for s in doc["sentences"]]
    except (KeyError, TypeError) as exc:
        raise InputFormatError(f"{event.path}: ECB+ document {name!r} has malformed sentences") from exc
    first = 1 if (doc.get("corpus_part") == "ecbplus" or doc.get("source_url")) else 0  # sentence 0: the URL
    parts: list[str] = []
    pos = 0
    for s in range(first, len(sentences)):
        if s > first:
            parts.append("\n")
            pos += 1
        event.sentences[(name, s)] = (pos, pos + len(sentences[s]), sentences[s])
        parts.append(sentences[s])
        pos += len(sentences[s])
    text = "".join(parts)
    path = f"ecbplus:{name}"
    aid = article_id(path, text)
    event.articles.append(Article(id=aid, outlet=_ecb_outlet(doc), title=None, published=None, path=path,
                                  text=text, url=doc.get("source_url")))
    event.doc_article[name] = aid


def build_event(gold: dict[str, Any], docs: dict[str, dict[str, Any]], path: Path) -> GoldEvent:
    """One event from its gold dict and its source documents (``doc name -> dataset record``)."""
    dataset = gold.get("dataset")
    if dataset not in DATASETS:
        raise InputFormatError(f"{path}: dataset must be one of {', '.join(DATASETS)}, got {dataset!r}")
    if gold.get("split") not in SPLITS:
        raise InputFormatError(f"{path}: split must be tune or test, got {gold.get('split')!r}")
    missing = [k for k in ("event", "docs", *SECTIONS) if k not in gold]
    if missing:
        raise InputFormatError(f"{path}: gold file without {', '.join(missing)}")
    event = GoldEvent(dataset, str(gold["event"]), str(gold["split"]), path, gold)
    names = sorted(gold["docs"])  # BASIL: {name: uuid}; ECB+: [doc_id, ...]
    for name in names:
        if name not in docs:
            raise InputFormatError(f"{path}: document {name!r} of event {event.event} not found in the data")
        if dataset == "basil":
            uuid = gold["docs"][name]
            if docs[name].get("uuid") != uuid:
                raise InputFormatError(f"{path}: document {name!r} is {uuid} in the gold file but "
                                       f"{docs[name].get('uuid')} in the data")
            _basil_article(event, name, docs[name])
        else:
            _ecb_article(event, name, docs[name])
    event.article_doc = {aid: name for name, aid in event.doc_article.items()}
    if len(event.article_doc) != len(event.doc_article):
        raise InputFormatError(f"{path}: two documents of event {event.event} resolve to the same article")
    check_locators(event)
    return event


def locators(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """Every locator of a gold dict, in file order."""
    out: list[dict[str, Any]] = []
    for section in ("conflicts", "near_misses"):
        for row in gold.get(section, []):
            out += [row["a"], row["b"]]
    for q in gold.get("quotes", []):
        out += [q["start"]] + ([q["end"]] if q.get("end") else [])
    out += list(gold.get("timeline", []))
    for fact in gold.get("brief_facts", []):
        out += list(fact.get("support", []))
    return out


# Fields every entry of a section must have (the scorers read them).
REQUIRED = {"conflicts": ("kind", "a", "b"), "near_misses": ("kind", "a", "b"), "quotes": ("start", "speaker"),
            "entities": ("name", "type"), "timeline": ("date",), "brief_facts": ("support",)}


def check_locators(event: GoldEvent) -> None:
    """Check the entries' fields and resolve every locator once, so that a bad one fails at load time with the
    file's name."""
    for section, keys in REQUIRED.items():
        rows = event.gold[section]
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise InputFormatError(f"{event.path}: {section} must be a list of objects")
        for n, row in enumerate(rows):
            missing = [k for k in keys if k not in row]
            if missing:
                raise InputFormatError(f"{event.path}: {section}[{n}] without {', '.join(missing)}")
    try:
        for loc in locators(event.gold):
            event.span(loc)
        for q in event.gold.get("quotes", []):
            event.range_span(q["start"], q.get("end"))
    except (KeyError, TypeError) as exc:
        raise InputFormatError(f"{event.path}: malformed gold entry (missing {exc})") from exc


def gold_files(gold_dir: Path | str = DEFAULT_GOLD, *, dataset: str | None = None) -> list[Path]:
    root = Path(gold_dir)
    if not root.is_dir():
        raise InputFormatError(f"{root}: gold folder not found")
    chosen = [dataset] if dataset else list(DATASETS)
    return [p for d in chosen for p in sorted((root / d).glob("*.json"))]


def load_events(gold_dir: Path | str = DEFAULT_GOLD, data_root: Path | str = DEFAULT_DATA, *,
                dataset: str | None = None, split: str | None = None,
                source: SourceData | None = None) -> list[GoldEvent]:
    """Every gold event (of one dataset and/or split), in a fixed order: dataset, then event id."""
    if dataset is not None and dataset not in DATASETS:
        raise ValueError(f"dataset must be one of {', '.join(DATASETS)}, got {dataset!r}")
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, got {split!r}")
    source = source or SourceData(data_root)
    events = []
    for path in gold_files(gold_dir, dataset=dataset):
        gold = _read_json(path)
        if not isinstance(gold, dict):
            raise InputFormatError(f"{path}: a gold file must hold one JSON object")
        if split is not None and gold.get("split") != split:
            continue
        ds = gold.get("dataset")
        if ds not in DATASETS or ds != path.parent.name:
            raise InputFormatError(f"{path}: dataset {ds!r} does not match its folder {path.parent.name!r}")
        if "event" not in gold:
            raise InputFormatError(f"{path}: gold file without event")
        events.append(build_event(gold, source.docs(ds, str(gold["event"]), path), path))
    return events
