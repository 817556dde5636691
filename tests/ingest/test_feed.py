"""RSS/Atom feeds: one Article per entry, safe HTML-to-text, and clear errors for broken feeds."""

from __future__ import annotations

from pathlib import Path

from corroborate.ingest import read_sources
from corroborate.model import Article, InputError

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Marrow Bay Post</title><link>https://www.marrowbaypost.example/</link>
<item>
  <title>Pier reopens after repairs</title>
  <link>https://www.marrowbaypost.example/pier</link>
  <pubDate>Tue, 04 Mar 2025 08:05:00 GMT</pubDate>
  <description>&lt;p&gt;The pier reopened on Monday.&lt;/p&gt;
    &lt;script&gt;alert('PAYLOAD')&lt;/script&gt;&lt;p&gt;Repairs took six weeks.&lt;/p&gt;</description>
</item>
<item>
  <title>Harbour dues to rise</title>
  <link>https://www.marrowbaypost.example/dues</link>
  <pubDate>Mon, 03 Mar 2025 17:30:00 +0100</pubDate>
  <description>Harbour dues will rise by four percent in April.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Skerry Times</title>
  <link href="https://skerrytimes.example/"/>
  <updated>2025-03-04T10:00:00Z</updated>
  <id>urn:skerry</id>
  <entry>
    <title>Lamp restored at Gannet Head</title>
    <link href="https://skerrytimes.example/lamp"/>
    <id>urn:skerry:lamp</id>
    <updated>2025-03-04T09:00:00Z</updated>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;The lamp shone again on Saturday.&lt;/p&gt;
      &lt;iframe src="x"&gt;IFRAMEPAYLOAD&lt;/iframe&gt;&lt;p&gt;Volunteers spent two years on it.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def _read(tmp_path: Path, name: str, content: str | bytes) -> list[Article | InputError]:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return list(read_sources([str(path)]))


def test_rss_entries(tmp_path: Path) -> None:
    items = _read(tmp_path, "post.rss", RSS)
    assert all(isinstance(a, Article) for a in items)
    first, second = items
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Pier reopens after repairs"
    assert first.text == "The pier reopened on Monday.\n\nRepairs took six weeks."
    assert "PAYLOAD" not in first.text
    assert first.url == "https://www.marrowbaypost.example/pier"
    assert first.published == "2025-03-04T08:05:00+00:00"
    assert second.published == "2025-03-03T16:30:00+00:00"  # normalised to UTC
    assert {first.outlet, second.outlet} == {"Marrow Bay Post"}
    assert (first.meta["format"], first.meta["entry"], second.meta["entry"]) == ("feed", "1", "2")
    assert first.id != second.id


def test_atom_prefers_full_content(tmp_path: Path) -> None:
    [a] = _read(tmp_path, "skerry.atom", ATOM)
    assert isinstance(a, Article)
    assert a.text == "The lamp shone again on Saturday.\n\nVolunteers spent two years on it."
    assert a.outlet == "Skerry Times"
    assert a.published == "2025-03-04T09:00:00+00:00"


def test_feed_sniffed_from_xml_extension(tmp_path: Path) -> None:
    items = _read(tmp_path, "post.xml", RSS)
    assert len(items) == 2 and all(isinstance(a, Article) for a in items)


def test_malformed_feed_without_entries(tmp_path: Path) -> None:
    [err] = _read(tmp_path, "broken.rss", "<rss version='2.0'><channel><title>Broken</ti")
    assert isinstance(err, InputError)
    assert err.error.startswith("malformed feed: ")
    assert "\n" not in err.error


def test_malformed_feed_with_recoverable_entries(tmp_path: Path) -> None:
    broken = RSS.replace("</channel></rss>", "<item><title>cut off")
    items = _read(tmp_path, "broken.rss", broken)
    articles = [a for a in items if isinstance(a, Article)]
    assert len(articles) == 2
    assert all("malformed" in a.meta["warning"] for a in articles)


def test_entry_without_text(tmp_path: Path) -> None:
    rss = RSS.replace("<description>Harbour dues will rise by four percent in April.</description>", "")
    items = _read(tmp_path, "post.rss", rss)
    assert isinstance(items[0], Article)
    assert items[1] == InputError(str(tmp_path / "post.rss"), "entry 2 (Harbour dues to rise): no text")


def test_not_a_feed(tmp_path: Path) -> None:
    [err] = _read(tmp_path, "settings.xml", "<?xml version='1.0'?><settings><a>1</a></settings>")
    assert isinstance(err, InputError)
    assert err.error == "not an RSS or Atom feed"


def test_feed_without_entries(tmp_path: Path) -> None:
    [err] = _read(tmp_path, "empty.rss", "<?xml version='1.0'?><rss version='2.0'><channel><title>Quiet</title>"
                  "</channel></rss>")
    assert isinstance(err, InputError)
    assert err.error == "feed has no entries"


def test_declared_latin1_feed(tmp_path: Path) -> None:
    rss = RSS.replace('encoding="utf-8"', 'encoding="iso-8859-1"').replace("The pier reopened", "Le café a rouvert")
    [first, _] = _read(tmp_path, "latin.rss", rss.encode("latin-1"))
    assert isinstance(first, Article)
    assert first.text.startswith("Le café a rouvert on Monday.")
