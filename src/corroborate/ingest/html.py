"""HTML pages: the main text through trafilatura, with title, date and site name from the page's metadata.

Before trafilatura sees the page, every element that can only carry code or embedded documents
(``script``, ``style``, ``iframe``, ``object``, ...) is dropped from the tree: trafilatura drops scripts
itself, but the text inside an ``iframe`` element survives its fallback extractor, and an article must
never contain markup's hidden payload.

libxml2 stops building the tree at 256 levels of nesting; deeper content is lost. A page whose text is
lost that way is reported, not silently returned empty. A RecursionError anywhere in extraction is
caught and reported too: a hostile page must not crash a run over a thousand good ones.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from corroborate.config import IngestConfig
from corroborate.ingest.common import Source, article_id, file_outlet, iso_date, one_line, url_host
from corroborate.model import Article, InputError

# Elements whose content is code, media or an embedded document, never article prose.
DROP_TAGS = (
    "script", "style", "iframe", "frame", "frameset", "noscript", "object", "embed", "applet", "template",
    "svg", "math", "canvas", "audio", "video", "source", "track", "map", "form", "button", "select",
    "textarea", "input",
)
# Elements that start a new paragraph in the simple HTML-to-text conversion.
_BLOCKS = frozenset((
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "td", "th",
    "figure", "figcaption", "hr", "br", "address", "body", "html",
))
_DEPTH_LIMIT = 256  # libxml2's default maximum nesting


def _parse(html: str) -> tuple[Any, bool]:
    """Parse to an lxml tree with code-bearing elements dropped; also say whether nesting was cut off."""
    import lxml.html  # lazy: only HTML input needs lxml

    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    # Bytes with an explicit encoding: lxml refuses str input that carries an XML encoding declaration.
    root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    too_deep = any("Excessive depth" in e.message for e in parser.error_log)
    for el in list(root.iter(*DROP_TAGS)):
        el.drop_tree()  # keeps the element's tail text, which belongs to the surrounding prose
    return root, too_deep


def tree_to_text(root: Any) -> str:
    """Visible text of an lxml tree, one paragraph per block element, joined by blank lines.

    Iterative (``iterwalk``), so nesting depth cannot exhaust the Python stack.
    """
    from lxml import etree

    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join(" ".join(current).split())
        if line:
            paragraphs.append(line)
        current.clear()

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                flush()
            if tag and el.text:
                current.append(el.text)
        else:
            if tag in _BLOCKS:
                flush()
            if el.tail and el is not root:
                current.append(el.tail)
    flush()
    return "\n\n".join(paragraphs)


def html_to_text(html: str) -> str:
    """Safe HTML-to-text for fragments (feed summaries): no scripts, iframes or markup survive."""
    if not html.strip():
        return ""
    if "<" not in html:
        return " ".join(html.split())
    try:
        root, _ = _parse(f"<html><body><div>{html}</div></body></html>")
    except (ValueError, RecursionError):
        return ""
    return tree_to_text(root)


def _paragraphs(extracted: str | None) -> str:
    """trafilatura separates paragraphs by one newline; blank lines keep them apart for ``segment``."""
    if not extracted:
        return ""
    return "\n\n".join(line.strip() for line in extracted.splitlines() if line.strip())


def _extract(root: Any) -> tuple[str, dict[str, str | None]]:
    import trafilatura  # lazy: heavy import, only HTML input needs it

    doc = trafilatura.bare_extraction(
        copy.deepcopy(root),  # trafilatura prunes the tree it is given; the fallback needs it whole
        include_comments=False,
        with_metadata=True,
        # trafilatura's balanced default. favor_precision drops short article paragraphs (a one-line
        # "Repairs start soon." under a broken <div>), and a lost claim cannot be cross-checked;
        # favor_recall lets "most read" boxes through, which clean would then have to chase.
        deduplicate=False,  # trafilatura's dedup cache is process-global state: results would depend on order
    )
    if doc is None:
        meta = trafilatura.extract_metadata(copy.deepcopy(root))
        text = ""
    else:
        meta = doc
        text = _paragraphs(doc.text)
    fields = {
        "title": getattr(meta, "title", None),
        "date": getattr(meta, "date", None),
        "sitename": getattr(meta, "sitename", None),
        "url": getattr(meta, "url", None),
        "hostname": getattr(meta, "hostname", None),
        "author": getattr(meta, "author", None),
    }
    return text, fields


def read_html(source: Source, *, config: IngestConfig) -> Iterator[Article | InputError]:
    """One Article from an HTML page; an InputError when no article text can be found."""
    del config  # no HTML settings today; kept for the common reader signature
    try:
        root, too_deep = _parse(source.text)
        text, fields = _extract(root)
        if not text:
            text = tree_to_text(root)  # trafilatura found nothing (very short pages): plain visible text
    except RecursionError:
        yield InputError(source.path, "HTML nested too deeply to parse (recursion limit reached)")
        return
    except ValueError as exc:  # lxml's ParserError ("Document is empty") is a ValueError
        yield InputError(source.path, one_line(f"malformed HTML: {exc}"))
        return
    if not text.strip():
        why = f" (nested deeper than {_DEPTH_LIMIT} levels; the parser stops there)" if too_deep else ""
        yield InputError(source.path, f"no article text found in HTML{why}")
        return
    url = fields["url"]
    meta = {"format": "html", "encoding": source.encoding}
    if fields["author"]:
        meta["author"] = str(fields["author"])
    if too_deep:
        meta["warning"] = f"HTML nested deeper than {_DEPTH_LIMIT} levels; deeper content was dropped"
    yield Article(
        id=article_id(text),
        outlet=fields["sitename"] or fields["hostname"] or url_host(url) or file_outlet(source.path),
        title=fields["title"] or None,
        published=iso_date(fields["date"]),
        path=source.path,
        text=text,
        url=url or None,
        meta=meta,
    )
