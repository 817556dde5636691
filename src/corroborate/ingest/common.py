"""Helpers every reader shares: the content-hash id, date normalisation, outlet names from URLs."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

_SPACE = re.compile(r"\s+")


def article_id(text: str, *, length: int = 16) -> str:
    """A stable id from the article's content: the first ``length`` hex digits of the SHA-256 of its
    normalised text (NFC, whitespace collapsed, trimmed). The same text read from two files (or a feed
    and a page) gets the same id, so exact duplicates collapse naturally downstream."""
    if not 8 <= length <= 64:
        raise ValueError(f"length must be in [8, 64], got {length}")
    norm = _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:length]


_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
    ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
    ("nov", "november"), ("dec", "december")), start=1) for m in names}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})([T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_SLASHED = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def iso_date(value: str | None) -> str | None:
    """Normalise a date as written in a header, feed or export to ISO 8601, or None when it is not one.

    A bare date stays a date ("2025-03-04"); a date with a time keeps it, to the second, with its
    offset when one was given ("2025-03-04T08:05:00+00:00"). Day-first numeric forms ("04/03/2025")
    are ambiguous between countries and are refused rather than guessed.
    """
    if not value:
        return None
    value = value.strip()
    m = _ISO.match(value)
    if m:
        if not m.group(4):
            return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        try:
            return datetime.fromisoformat(value.replace(" ", "T", 1)).isoformat(timespec="seconds")
        except ValueError:
            return None
    m = _SLASHED.match(value)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:  # RFC 2822, as in RSS: "Tue, 04 Mar 2025 08:05:00 GMT"
        return parsedate_to_datetime(value).isoformat(timespec="seconds")
    except (TypeError, ValueError, IndexError):
        pass
    m = _DAY_MONTH_YEAR.search(value)
    if m:
        return _valid(int(m.group(3)), _MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)))
    m = _MONTH_DAY_YEAR.search(value)
    if m:
        return _valid(int(m.group(3)), _MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)))
    return None


def url_host(url: str | None) -> str | None:
    """The host of a URL without "www.", as an outlet name of last resort; None when there is none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def file_outlet(path: str) -> str:
    """The outlet name a file gives when nothing better is known: its stem ("000_740a632f7306a11d")."""
    if path == "<stdin>":
        return "stdin"
    return Path(path).stem or path


@dataclass(slots=True, frozen=True)
class Source:
    """One decoded input, as handed to a reader."""

    path: str  # as the user named it (or "<stdin>"); goes into Article.path and InputError.path
    data: bytes  # the raw bytes: feed parsers do their own decoding from the XML declaration
    text: str
    encoding: str


def one_line(message: str, *, limit: int = 200) -> str:
    """Error messages are one line: collapse whitespace and cut overlong ones."""
    message = _SPACE.sub(" ", message).strip()
    return message if len(message) <= limit else message[: limit - 1] + "…"
