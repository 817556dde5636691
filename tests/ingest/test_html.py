"""HTML pages: main text through trafilatura, metadata, and no markup payload in the text."""

from __future__ import annotations

from pathlib import Path

from corroborate.ingest import read_sources
from corroborate.ingest.html import html_to_text
from corroborate.model import Article, InputError
from tests.conftest import REPO

PARAS = [
    "The lifeboat from Gannet Head was launched at dawn after a yacht lost its mast in heavy seas.",
    "Three sailors were brought ashore unhurt, the station's coxswain said later that morning.",
    "The yacht had been sailing from Marrow Bay to the Skerry Isles when the weather turned.",
    "Coastguard officers said the crew had done the right thing by calling for help early.",
]


def _page(*, head: str = "", body_extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f"<!DOCTYPE html><html><head><title>Yacht crew rescued | Skerry Times</title>{head}</head>"
            f"<body><nav><a href='/'>Home</a> | <a href='/sport'>Sport</a></nav><article><h1>Yacht crew rescued"
            f"</h1>{paras}{body_extra}</article><footer>Copyright Skerry Times</footer></body></html>")


def _read(tmp_path: Path, html: str, name: str = "page.html") -> list[Article | InputError]:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    return list(read_sources([str(path)]))


def _article(tmp_path: Path, html: str, name: str = "page.html") -> Article:
    items = _read(tmp_path, html, name)
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


def test_main_text_and_metadata(tmp_path: Path) -> None:
    head = ("<meta property='og:site_name' content='Skerry Times'>"
            "<meta property='article:published_time' content='2025-05-10T06:30:00+00:00'>"
            "<link rel='canonical' href='https://www.skerrytimes.example/news/yacht'>")
    a = _article(tmp_path, _page(head=head))
    for p in PARAS:
        assert p in a.text
    assert "Home" not in a.text and "Copyright" not in a.text
    assert a.outlet == "Skerry Times"
    assert a.title == "Yacht crew rescued"
    assert a.published == "2025-05-10"
    assert a.url == "https://www.skerrytimes.example/news/yacht"
    assert a.meta["format"] == "html"
    assert "\n\n" in a.text  # paragraphs kept apart for segment


def test_scripts_iframes_and_styles_never_reach_the_text(tmp_path: Path) -> None:
    extra = ("<script>var secret = 'SCRIPTPAYLOAD';</script>"
             "<iframe src='https://video.example/embed'>IFRAMEPAYLOAD fallback text for old browsers</iframe>"
             "<style>.x{content:'STYLEPAYLOAD'}</style><noscript>NOSCRIPTPAYLOAD</noscript>"
             "<object data='x.swf'>OBJECTPAYLOAD</object><p>After the embeds, the harbour stayed calm all day.</p>")
    a = _article(tmp_path, _page(body_extra=extra))
    for payload in ("SCRIPTPAYLOAD", "IFRAMEPAYLOAD", "STYLEPAYLOAD", "NOSCRIPTPAYLOAD", "OBJECTPAYLOAD"):
        assert payload not in a.text
    assert PARAS[0] in a.text


def test_outlet_from_host_then_file_name(tmp_path: Path) -> None:
    with_url = _page(head="<link rel='canonical' href='https://www.marrowpost.example/a'>").replace(
        " | Skerry Times", "")
    assert _article(tmp_path, with_url, "a.html").outlet == "marrowpost.example"
    bare = _page().replace(" | Skerry Times", "").replace("Copyright Skerry Times", "")
    assert _article(tmp_path, bare, "bay-news.html").outlet == "bay-news"


def test_tiny_page_falls_back_to_visible_text(tmp_path: Path) -> None:
    a = _article(tmp_path, "<html><body><p>Ferry delayed.</p><script>x()</script></body></html>")
    assert a.text == "Ferry delayed."


def test_page_without_text_is_an_error(tmp_path: Path) -> None:
    [err] = _read(tmp_path, "<html><head><title></title></head><body><script>x()</script></body></html>")
    assert isinstance(err, InputError)
    assert err.error == "no article text found in HTML"


def test_malformed_html_is_read_leniently(tmp_path: Path) -> None:
    broken = "<html><body><p>The quay lights failed at night, the port said.<div><span>Repairs start soon.<p>"
    a = _article(tmp_path, broken)
    assert "quay lights failed" in a.text and "Repairs start soon." in a.text


def test_ten_thousand_nested_divs_do_not_crash(tmp_path: Path) -> None:
    deep = ("<html><body>" + "<div>" * 10_000 + "<p>Deep text about the harbour.</p>" + "</div>" * 10_000
            + "</body></html>")
    [item] = _read(tmp_path, deep)
    assert isinstance(item, InputError)
    assert "nested deeper than 256 levels" in item.error
    assert "\n" not in item.error


def test_deep_junk_after_real_text_keeps_the_text_and_warns(tmp_path: Path) -> None:
    deep = "<div>" * 2_000 + "lost" + "</div>" * 2_000
    a = _article(tmp_path, _page(body_extra=deep))
    assert PARAS[1] in a.text
    assert "256" in a.meta["warning"]


def test_xml_declaration_and_legacy_charset(tmp_path: Path) -> None:
    html = ("<?xml version='1.0' encoding='iso-8859-1'?>" + _page()).replace(PARAS[0], "Le café du port a rouvert.")
    path = tmp_path / "cafe.xhtml"
    path.write_bytes(html.encode("latin-1"))
    [a] = read_sources([str(path)])
    assert isinstance(a, Article)
    assert "Le café du port a rouvert." in a.text


def test_html_to_text_for_fragments() -> None:
    frag = "<p>One <b>bold</b> line.</p><script>alert('x')</script><p>Two&nbsp;lines<br>here.</p>"
    assert html_to_text(frag) == "One bold line.\n\nTwo lines\n\nhere."
    assert html_to_text("plain   words") == "plain words"
    assert html_to_text("   ") == ""


def test_example_coast_wire() -> None:
    [a] = read_sources([str(REPO / "examples" / "coast-wire.html")])
    assert isinstance(a, Article)
    assert (a.outlet, a.published) == ("Coast Wire", "2025-03-04")
    assert "no evidence that fuel had leaked" in a.text
    for junk in ("Subscribe", "Watch the rescue footage", "Most read", "window.tracker", "All rights reserved"):
        assert junk not in a.text


def test_html_sniffed_without_extension(tmp_path: Path) -> None:
    a = _article(tmp_path, _page(), name="page.dat")
    assert a.meta["format"] == "html"
