"""The content-hash id, date normalisation and outlet names shared by every reader."""

from __future__ import annotations

import pytest

from corroborate.ingest.common import article_id, file_outlet, iso_date, one_line, url_host


def test_article_id_is_stable_and_content_based() -> None:
    a = article_id("The ferry ran aground.\n\nTwo were hurt.")
    assert a == article_id("The ferry ran aground.\n\nTwo were hurt.")
    assert len(a) == 16 and int(a, 16) >= 0
    # Whitespace differences (re-wrapped lines, trailing newline) do not change the id.
    assert a == article_id("  The ferry ran aground. Two were hurt.\n")
    assert a != article_id("The ferry ran aground. Three were hurt.")


def test_article_id_nfc() -> None:
    assert article_id("caf\u00e9") == article_id("cafe\u0301")


def test_article_id_length_checked() -> None:
    assert len(article_id("x", length=32)) == 32
    with pytest.raises(ValueError, match="length"):
        article_id("x", length=4)


@pytest.mark.parametrize(("raw", "iso"), [
    ("2025-03-04", "2025-03-04"),
    (" 2025-03-04 ", "2025-03-04"),
    ("2025-03-04T08:05:00+00:00", "2025-03-04T08:05:00+00:00"),
    ("2025-03-04T08:05Z", "2025-03-04T08:05:00+00:00"),
    ("2025-03-04 08:05:09", "2025-03-04T08:05:09"),
    ("2025/3/4", "2025-03-04"),
    ("Tue, 04 Mar 2025 08:05:00 GMT", "2025-03-04T08:05:00+00:00"),
    ("4 March 2025", "2025-03-04"),
    ("Tuesday, 4th March 2025", "2025-03-04"),
    ("09:14, 4 March 2025", "2025-03-04"),
    ("March 4, 2025", "2025-03-04"),
    ("Sept. 30, 2024", "2024-09-30"),
    ("2025-02-30", None),
    ("04/03/2025", None),  # day-first or month-first? refused, not guessed
    ("sometime soon", None),
    ("", None),
    (None, None),
])
def test_iso_date(raw: str | None, iso: str | None) -> None:
    assert iso_date(raw) == iso


def test_url_host() -> None:
    assert url_host("https://www.coastwire.example/a/b") == "coastwire.example"
    assert url_host("https://harbourgazette.example") == "harbourgazette.example"
    assert url_host("not a url") is None
    assert url_host(None) is None
    assert url_host("http://[::1") is None  # malformed IPv6 literal raises inside urlsplit


def test_file_outlet() -> None:
    assert file_outlet("/data/seeds/000_740a632f7306a11d.txt") == "000_740a632f7306a11d"
    assert file_outlet("<stdin>") == "stdin"


def test_one_line() -> None:
    assert one_line("bad\n  thing\there") == "bad thing here"
    assert len(one_line("x" * 500)) == 200
