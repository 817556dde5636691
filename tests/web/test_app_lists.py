"""The web app's story list and story page, as an editor uses them: full-text search, counts per story, sorting and
filtering (page and API), conflict cards by confidence, the side-by-side view, the timeline, links and wording."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from corroborate.store import Store
from tests.render.htmlcheck import parse
from tests.web.storefix import CONFIG

BASE = "http://127.0.0.1"


def _listed(r) -> list[str]:
    return re.findall(r'<li data-story="([^"]+)"', r.text)


def test_search_finds_words_of_the_article_text(client, db) -> None:
    with Store(db[0], config=CONFIG) as store:
        titles = " ".join((a.title or "") for a in store.articles()).lower()
    # "tugs" is in the example ferry story's text and in no title: the old title search found nothing.
    assert "tugs" not in titles
    r = client.get("/", params={"q": "tugs"})
    assert r.status_code == 200 and _listed(r) == [db[1]["story"]]
    assert re.search(r"found in (an article|a statement): .*<mark>tugs</mark>", r.text, re.I)
    api = client.get("/api/stories", params={"q": "salvage tugs"}).json()
    assert [s["id"] for s in api["stories"]] == [db[1]["story"]]
    assert api["stories"][0]["match_in"] in ("text", "statement")
    assert "\x02" in api["stories"][0]["match"]
    # Markup typed into the box comes back as text.
    typed = client.get("/", params={"q": "<script>alert(1)</script>"})
    assert typed.status_code == 200 and "<script>alert(1)" not in typed.text


def test_list_shows_outlets_independent_sources_and_conflicts(client, db) -> None:
    r = client.get("/")
    page = parse(r.text)
    story = db[1]["story"]
    api = {s["id"]: s for s in client.get("/api/stories").json()["stories"]}
    item = r.text[r.text.index(f'data-story="{story}"'):]
    item = item[:item.index("</li>")]
    assert ", ".join(api[story]["outlets"]) in item  # every outlet, in full
    assert f'data-sources="{api[story]["independent_sources"]}"' in item
    assert f'data-conflicts="{api[story]["conflicts"]}"' in item
    assert api[story]["conflicts"] >= 2 and api[story]["independent_sources"] >= 2
    assert page.find("nav", **{"class": "sorts"})


def test_sorting_and_filtering_in_page_and_api(client, db) -> None:
    stories = client.get("/api/stories").json()["stories"]
    by_conflicts = sorted(stories, key=lambda s: (-s["conflicts"], -(s["top_confidence"] or 0)))
    api = client.get("/api/stories", params={"sort": "conflicts"}).json()["stories"]
    assert [s["conflicts"] for s in api] == [s["conflicts"] for s in by_conflicts]
    assert api[0]["id"] == db[1]["story"]
    assert _listed(client.get("/", params={"sort": "conflicts"}))[0] == db[1]["story"]
    by_sources = [s["independent_sources"] for s in client.get("/api/stories", params={"sort": "sources"}).json()[
        "stories"]]
    assert by_sources == sorted(by_sources, reverse=True)
    by_outlets = [len(s["outlets"]) for s in client.get("/api/stories", params={"sort": "outlets"}).json()["stories"]]
    assert by_outlets == sorted(by_outlets, reverse=True)
    with_conflicts = client.get("/api/stories", params={"conflicts": 1}).json()
    assert {s["id"] for s in with_conflicts["stories"]} == {s["id"] for s in stories if s["conflicts"] >= 1}
    assert _listed(client.get("/", params={"conflicts": 1})) == [s["id"] for s in with_conflicts["stories"]]
    two = client.get("/api/stories", params={"sources": 2}).json()["stories"]
    assert {s["id"] for s in two} == {s["id"] for s in stories if s["independent_sources"] >= 2}
    outlet = stories[0]["outlets"][0]
    only = client.get("/api/stories", params={"outlet": outlet}).json()["stories"]
    assert only and all(outlet in s["outlets"] for s in only)
    assert client.get("/", params={"sort": "nonsense"}).status_code == 400
    assert client.get("/api/stories", params={"sort": "relevance"}).status_code == 400  # only with a search
    assert client.get("/api/stories", params={"conflicts": -1}).status_code == 422


def test_story_page_conflicts_by_confidence_side_by_side_and_timeline(client, db) -> None:
    r = client.get(f"/stories/{db[1]['story']}")
    assert r.status_code == 200
    confidences = [int(x) for x in re.findall(r'<span class="conf">confidence (\d+)%</span>', r.text.split(
        '<div class="pairs">')[0])]
    assert len(confidences) >= 2 and confidences == sorted(confidences, reverse=True)
    page = parse(r.text)
    cards = [e for e in page.elements if e.tag == "article" and "conflict" in e.attrs.get("class", "").split()]
    for card in cards:
        pair = page.by_id(card.attrs["data-pair"])
        assert pair.tag == "section" and "hidden" in pair.attrs
    # Each pair holds two short passages (the sentences), not the articles.
    pairs = r.text.split('<section class="pair"')[1:]
    assert len(pairs) == len(cards)
    for block in pairs:
        passages = re.findall(r'<blockquote class="pair-passage">(.*?)</blockquote>', block, re.S)
        assert len(passages) == 2 and all('<mark class="m-value">' in p and len(p) < 700 for p in passages)
    assert '<svg viewBox=' in r.text and r.text.count('class="tl-point"') >= 2


def test_source_urls_are_links_and_unsafe_ones_are_text(client, db) -> None:
    r = client.get(f"/stories/{db[1]['story']}")
    links = [e for e in parse(r.text).elements if e.tag == "a" and e.attrs.get("href", "").startswith("https://")]
    assert links and all(set(e.attrs["rel"].split()) >= {"noopener", "noreferrer"} for e in links)
    hostile = client.get(f"/stories/{db[1]['hostile_story']}").text
    assert "javascript:alert(4)" in hostile and 'href="javascript:' not in hostile


class _Chrome(HTMLParser):
    """The page's own words: text outside what comes from the articles (bodies, passages, quotes, statements)."""

    CONTENT = frozenset({"article-body", "reveal", "pair-passage", "passages", "sentence", "explain", "items", "title",
               "entities", "match", "values", "drift-note", "note", "story-title", "pair-value", "url", "meta"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []
        self.words: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "input", "meta", "link", "img", "circle", "line"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(bool(classes & self.CONTENT) or (bool(self.stack) and self.stack[-1])
                          or tag in ("h1", "h2", "h4", "title", "script", "option"))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("br", "input", "meta", "link", "img", "circle", "line") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.words.append(data)


JARGON = ["lexical", "alignment", "nlp", "engine", "span", "scope", "drift", "schema", "PER", "ORG", "LOC", "OTH",
          "noise", "None", "null", "untitled)", "(untitled", "scrape"]


@pytest.mark.parametrize("which", ["index", "story", "hostile_story", "article"])
def test_no_developer_jargon_on_the_pages(client, db, which: str) -> None:
    url = {"index": "/", "story": f"/stories/{db[1]['story']}", "hostile_story": f"/stories/{db[1]['hostile_story']}",
           "article": f"/articles/{db[1]['article']}"}[which]
    chrome = _Chrome()
    chrome.feed(client.get(url).text)
    text = " ".join(" ".join(chrome.words).split())
    found = [w for w in JARGON if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    assert not found, (found, text[:2000])
    assert not re.search(r"\b[0-9a-f]{16}\b", text), "an article id (content hash) is shown"
