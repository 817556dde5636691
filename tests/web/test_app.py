"""The web app through FastAPI's TestClient, over a real store: pages, the JSON API, errors and security."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")

from corroborate.render.html import asset
from corroborate.render.json import as_dict
from corroborate.store import Store, StoreError
from corroborate.web.app import create_app
from corroborate.web.cli import allowed_hosts
from corroborate.web.security import CSP
from tests.render.htmlcheck import parse
from tests.web.storefix import CONFIG

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def ids(db) -> dict[str, str]:
    return db[1]


def _assert_security_headers(response) -> None:
    assert response.headers["content-security-policy"] == CSP
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def _assert_no_inline_code(document: str) -> None:
    parsed = parse(document)
    for script in parsed.find("script"):
        assert script.attrs.get("src", "").startswith("/static/") and not script.text.strip()
    assert not parsed.find("style")
    for element in parsed.elements:
        bad = [a for a in element.attrs if a.startswith("on") or a == "style"]
        assert not bad, (element.tag, bad)
        for name in ("href", "src", "action"):
            value = element.attrs.get(name)
            if element.tag == "a" and name == "href" and value and value.startswith(("https://", "http://")):
                # An article's source link: followed only on a click, with no referrer and no opener.
                assert {"noopener", "noreferrer"} <= set(element.attrs["rel"].split()), element.attrs
                continue
            assert value is None or value.startswith(("/", "#")), (element.tag, name, value)


def test_index_lists_and_searches_stories(client, db) -> None:
    with Store(db[0], config=CONFIG) as store:
        stories = store.stories()
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    _assert_security_headers(r)
    _assert_no_inline_code(r.text)
    for s in stories:
        assert f'href="/stories/{s.id}"' in r.text
    found = client.get("/", params={"q": "library"})
    assert found.status_code == 200
    assert found.text.count('href="/stories/') == 1 and "Kellsport library" in found.text
    none = client.get("/", params={"q": "no-such-words-anywhere"})
    assert none.status_code == 200 and 'href="/stories/' not in none.text
    assert client.get("/", params={"since": "not a date"}).status_code == 400
    assert client.get("/", params={"offset": -1}).status_code == 422


def test_story_page_reuses_the_report_views(client, ids) -> None:
    r = client.get(f"/stories/{ids['story']}")
    assert r.status_code == 200, r.text[:500]
    _assert_security_headers(r)
    _assert_no_inline_code(r.text)
    parsed = parse(r.text)
    assert parsed.find("section", **{"class": "story"}) or 'class="story"' in r.text
    assert parsed.bodies, "the story page shows the articles side by side"
    # Article columns link to article pages; the brief has citation buttons.
    assert f'href="/articles/{ids["article"]}"' in r.text
    assert 'class="cite"' in r.text


def test_hostile_article_is_text_in_pages_and_api(client, ids) -> None:
    page = client.get(f"/articles/{ids['hostile_article']}")
    assert page.status_code == 200
    _assert_no_inline_code(page.text)
    assert "<script>alert" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in page.text
    assert "Cat &lt;script&gt;alert(3)&lt;/script&gt; rescued" in page.text
    assert 'href="javascript:' not in page.text
    story = client.get(f"/stories/{ids['hostile_story']}")
    assert story.status_code == 200
    _assert_no_inline_code(story.text)
    assert "<script>alert" not in story.text and "<img" not in story.text and "<b>She" not in story.text
    api = client.get(f"/api/articles/{ids['hostile_article']}")
    assert api.headers["content-type"] == "application/json"
    assert "<script>alert('pwned')</script>" in api.json()["text"]  # JSON carries the text as it is


def test_api_stories_mirrors_the_stories_command(client, db) -> None:
    r = client.get("/api/stories")
    assert r.status_code == 200
    _assert_security_headers(r)
    data = r.json()
    with Store(db[0], config=CONFIG) as store:
        expected = [{"id": s.id, "title": s.title, "articles": s.articles, "outlets": s.outlets,
                     "first_published": s.first_published, "last_published": s.last_published}
                    for s in store.stories()]
    keys = list(expected[0])
    assert data["version"] == 1 and data["total"] == len(expected)
    assert [{k: s[k] for k in keys} for s in data["stories"]] == expected
    # The list's counts come with each story (the store's stories are all cross-checked: add --reports).
    assert all(isinstance(s["independent_sources"], int) and isinstance(s["conflicts"], int) for s in data["stories"])
    page = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == len(expected) and page["stories"] == data["stories"][1:2]
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert [s["id"] for s in client.get("/api/stories", params={"q": "library"}).json()["stories"]] == [
        s["id"] for s in expected if "library" in (s["title"] or "").lower()]  # the word is in one story only
    assert client.get("/api/stories", params={"since": "garbage"}).status_code == 400


def test_api_story_is_the_check_json_document(client, db, ids) -> None:
    r = client.get(f"/api/stories/{ids['story']}")
    assert r.status_code == 200
    with Store(db[0], config=CONFIG) as store:
        expected = as_dict(store.story_report(ids["story"]))
    assert r.json() == json.loads(json.dumps(expected))
    assert list(r.json())[:2] == ["version", "method"]
    # Story ids are the stored ones in every view (not s1.. of a recomputation).
    assert [s["id"] for s in r.json()["stories"]] == [ids["story"]]
    other = client.get(f"/api/stories/{ids['hostile_story']}").json()
    assert [s["id"] for s in other["stories"]] == [ids["hostile_story"]]
    for story in r.json()["stories"]:
        texts = {a["id"]: a["text"] for a in r.json()["articles"]}
        for conflict in story["conflicts"]:
            for span in conflict["spans"]:
                assert texts[span["article"]][span["start"]:span["end"]] == span["text"]


def test_api_article(client, ids) -> None:
    r = client.get(f"/api/articles/{ids['article']}")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == ids["article"] and body["story"] == ids["story"]
    assert {"outlet", "title", "published", "text"} <= set(body)


@pytest.mark.parametrize("path", [
    "/api/articles/0000000000000000", "/api/stories/s999999", "/stories/s999999", "/articles/0000000000000000",
    "/nope",
])
def test_unknown_ids_are_404_with_headers(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    _assert_security_headers(r)
    if not path.startswith("/api/"):
        _assert_no_inline_code(r.text)


@pytest.mark.parametrize("path", [
    "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/..%2f..%2fetc%2fpasswd", "/api/articles/%2e%2e",
    "/api/articles/..", "/articles/..%5C..%5Cwindows", "/api/stories/s1%00", "/api/articles/" + "a" * 65,
    "/stories/s1.json", "/static/..%2Fapp.py", "/static/%2e%2e/app.py", "/static/../../pyproject.toml",
    "/api/articles/%252e%252e%252fetc%252fpasswd",
])
def test_path_traversal_is_refused(client, path: str) -> None:
    r = client.get(path)
    assert r.status_code in (404, 422), (path, r.status_code)
    assert "root:" not in r.text and "def create_app" not in r.text and "[project]" not in r.text


def test_static_assets_are_the_report_assets(client) -> None:
    js = client.get("/static/corroborate.js")
    css = client.get("/static/corroborate.css")
    assert js.status_code == css.status_code == 200
    assert js.headers["content-type"].startswith("text/javascript")
    assert css.headers["content-type"].startswith("text/css")
    assert js.text == asset("corroborate.js") and css.text == asset("corroborate.css")
    _assert_security_headers(js)


def test_openapi_schema_lists_the_api(client) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    schema = r.json()
    assert set(schema["paths"]) == {"/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/{name}",
                                    "/api/articles/{article_id}"}
    param = schema["paths"]["/api/articles/{article_id}"]["get"]["parameters"][0]
    assert param["schema"]["pattern"] == "^[A-Za-z0-9_-]{1,64}$"
    # The interactive docs pull scripts from a CDN: they are off.
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


def test_request_limits_methods_and_hosts(client) -> None:
    big = client.post("/api/stories", content=b"x" * 1_000_001)
    assert big.status_code == 413
    chunked = client.post("/api/stories", content=iter([b"x" * 600_000, b"y" * 600_000]))
    assert chunked.status_code == 413
    assert client.post("/api/stories", content=b"{}").status_code == 405
    assert client.delete("/api/stories/s1").status_code == 405
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_missing_database_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match="no such database"):
        create_app(path, config=CONFIG)
    assert not path.exists()


def test_allowed_hosts_follow_the_bind_address() -> None:
    assert "127.0.0.1" in allowed_hosts("127.0.0.1") and "*" not in allowed_hosts("127.0.0.1")
    assert allowed_hosts("0.0.0.0") == ["*"] and allowed_hosts("::") == ["*"]
    assert "192.168.1.5" in allowed_hosts("192.168.1.5")


def test_serve_command_is_registered() -> None:
    from corroborate.cli import build_parser

    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.host, args.port, args.db) == ("127.0.0.1", 8000, "x.db")


def test_story_list_pages(client, monkeypatch: pytest.MonkeyPatch) -> None:
    import corroborate.web.app as web_app

    monkeypatch.setattr(web_app, "PAGE_SIZE", 2)
    total = len(client.get("/api/stories").json()["stories"])
    assert total > 2
    first = client.get("/")
    assert first.text.count('href="/stories/') == 2 and "showing 1–2" in first.text
    link = parse(first.text).find("a")
    (more,) = [a.attrs["href"] for a in link if "offset=2" in a.attrs.get("href", "")]
    rest = client.get(more)
    assert rest.status_code == 200 and rest.text.count('href="/stories/') == min(2, total - 2)
