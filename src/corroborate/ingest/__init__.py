"""Read articles from files, folders, glob patterns and stdin: one reader per format, chosen by name or content.

:func:`read_sources` never raises for bad input. Each source yields Articles, or an
:class:`~corroborate.model.InputError` whose one-line message names the problem (the path is in
``InputError.path``): a missing path, a permission problem, a symlink loop, an empty or binary file,
a file over ``IngestConfig.max_bytes``, an article longer than ``IngestConfig.max_article_chars``,
malformed HTML, a broken feed, a bad JSONL line.

Formats: ``.txt`` (plain text, with optional headers), ``.html/.htm``, ``.rss/.atom/.xml`` (feeds),
``.jsonl/.ndjson/.json`` (JSON Lines, or one JSON document per file). Anything else, and stdin, is recognised
by its content.

Folders are read recursively in sorted order (deterministic across machines). Hidden files and folders
are skipped, and so are documentation files (README, LICENSE, ...), so ``corroborate check examples/``
reads the articles and not the folder's README; naming such a file explicitly still reads it.
"""

from __future__ import annotations

import errno
import glob
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from corroborate.config import IngestConfig
from corroborate.errors import InputFormatError
from corroborate.ingest.common import Source, article_id, iso_date, one_line
from corroborate.ingest.detect import decode, sniff_format
from corroborate.ingest.feed import read_feed
from corroborate.ingest.html import read_html
from corroborate.ingest.jsonl import read_jsonl
from corroborate.ingest.text import HeaderField, parse_header, read_text
from corroborate.model import Article, InputError
from corroborate.text.mojibake import META_KEY, repair_mojibake, repairs_meta

__all__ = ["STDIN_PATH", "HeaderField", "article_id", "iso_date", "parse_header", "read_source_bytes", "read_sources"]

Reader = Callable[..., Iterator[Article | InputError]]
READERS: dict[str, Reader] = {"text": read_text, "html": read_html, "feed": read_feed, "jsonl": read_jsonl}
# File name endings that decide the format; ".xml" is sniffed because it may be a feed or XHTML.
EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",  # the JSON reader reads lines or one document
}
# Documentation that lives beside articles in a folder; skipped during folder walks only.
# ("source" covers the SOURCE.md provenance notes that data folders carry.)
SKIP_STEMS = frozenset({"readme", "license", "licence", "copying", "notice", "changelog", "authors",
                        "contributing", "source"})
STDIN_PATH = "<stdin>"
_GLOB_CHARS = frozenset("*?[")


def read_sources(
    paths: Iterable[str | os.PathLike[str]], *, config: IngestConfig | None = None, stdin: TextIO | None = None,
) -> Iterator[Article | InputError]:
    """Articles and input errors from every path, in argument order (folders in sorted order).

    A path is a file, a folder (read recursively), a glob pattern (``"news/**/*.html"``) or ``"-"``
    for stdin (``stdin`` when given, else ``sys.stdin``). The same file reached twice is read once.
    """
    config = config or IngestConfig()
    seen: set[str] = set()
    for arg in map(os.fspath, paths):
        if arg == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, config)
            continue
        yield from _read_arg(arg, config, seen)


def _read_arg(arg: str, config: IngestConfig, seen: set[str]) -> Iterator[Article | InputError]:
    if os.path.isdir(arg):
        yield from _walk(arg, config, seen)
    elif os.path.lexists(arg):
        yield from _read_file(arg, config, seen)
    elif _GLOB_CHARS & set(arg):
        matches = sorted(glob.glob(arg, recursive=True))
        if not matches:
            yield InputError(arg, "no files match this pattern")
        for match in matches:
            yield from (_walk(match, config, seen) if os.path.isdir(match) else _read_file(match, config, seen))
    else:
        yield InputError(arg, "no such file or directory")


def _skipped(name: str) -> bool:
    return name.startswith(".") or Path(name).stem.lower() in SKIP_STEMS


def _walk(folder: str, config: IngestConfig, seen: set[str]) -> Iterator[Article | InputError]:
    """Depth-first, sorted by name; a folder symlink pointing back at an ancestor is reported, not followed."""
    stack: list[tuple[str, tuple[str, ...]]] = [(folder, ())]
    while stack:
        current, ancestors = stack.pop()
        real = os.path.realpath(current)
        if real in ancestors:
            yield InputError(current, "symlink loop: this folder links back to a folder that contains it")
            continue
        try:
            with os.scandir(current) as it:
                entries = sorted((e for e in it if not _skipped(e.name)), key=lambda e: e.name)
        except OSError as exc:
            yield InputError(current, f"cannot list folder: {_os_reason(exc)}")
            continue
        # A folder's files first, then its sub-folders, each in name order: deterministic everywhere.
        pending: list[tuple[str, tuple[str, ...]]] = []
        for entry in entries:
            if _is_dir(entry):
                pending.append((entry.path, (*ancestors, real)))
            else:
                yield from _read_file(entry.path, config, seen)
        stack.extend(reversed(pending))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    """Follows symlinks. A looping link raises ELOOP here; it is read as a file, which reports the loop."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return (exc.strerror or str(exc)).lower()


def _read_file(path: str, config: IngestConfig, seen: set[str]) -> Iterator[Article | InputError]:
    try:
        st = os.stat(path)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) and os.path.islink(path):
            yield InputError(path, "broken symlink: its target does not exist")
        else:
            yield InputError(path, _os_reason(exc))
        return
    real = os.path.realpath(path)
    if real in seen:
        return  # reached twice (a folder and a file inside it, or two links): read once
    seen.add(real)
    # FIFOs are allowed so process substitution works: corroborate check <(curl ...)
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        yield InputError(path, "not a regular file")
        return
    if st.st_size > config.max_bytes:
        yield InputError(path, _too_large(st.st_size, config))
        return
    try:
        with open(path, "rb") as fh:
            data = fh.read(config.max_bytes + 1)
    except OSError as exc:
        yield InputError(path, _os_reason(exc))
        return
    yield from read_source_bytes(data, path=path, config=config)


def _repaired(article: Article) -> Article:
    """The article with its mojibake repaired ("AndrÃ©s" -> "Andrés"), where each repair lies kept in its meta
    for ``clean`` to report, and its id that of the repaired text (a garbled copy is the same article)."""
    text, repairs = repair_mojibake(article.text)
    title = repair_mojibake(article.title)[0] if article.title else article.title
    if not repairs:
        return article if title == article.title else replace(article, title=title)
    return replace(article, id=article_id(text), text=text, title=title,
                   meta={**article.meta, META_KEY: repairs_meta(repairs)})


def _too_large(size: int, config: IngestConfig) -> str:
    return f"file too large: {size} bytes, over the limit of {config.max_bytes} (ingest.max_bytes)"


def _too_long(chars: int, config: IngestConfig) -> str:
    return (f"article too long: {chars:,} characters of text, over the limit of {config.max_article_chars:,} "
            "(raise it with --max-article-chars or ingest.max_article_chars)")


def _where(article: Article) -> str:
    """Which record of a many-article file (a JSONL line, a feed entry) an error is about."""
    if "line" in article.meta:
        return f"line {article.meta['line']}: "
    if "entry" in article.meta:
        return f"entry {article.meta['entry']}: "
    return ""


def _read_stdin(stream: TextIO, config: IngestConfig) -> Iterator[Article | InputError]:
    buffer = getattr(stream, "buffer", None)
    try:
        # A text stream without a byte buffer (tests, embedding) is already decoded: re-encode it.
        data = buffer.read(config.max_bytes + 1) if buffer is not None else stream.read().encode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        yield InputError(STDIN_PATH, one_line(f"cannot read stdin: {exc}"))
        return
    yield from read_source_bytes(data, path=STDIN_PATH, config=config)


def read_source_bytes(
    data: bytes, *, path: str, config: IngestConfig | None = None, kind: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles from bytes already in memory (an upload, stdin). ``kind`` forces the format; by default
    it comes from ``path``'s ending, else from the content."""
    config = config or IngestConfig()
    if len(data) > config.max_bytes:
        yield InputError(path, _too_large(len(data), config))
        return
    if not data:
        yield InputError(path, "empty file")
        return
    try:
        text, encoding = decode(data)
    except InputFormatError as exc:
        yield InputError(path, one_line(str(exc)))
        return
    if not text.strip():
        yield InputError(path, "empty file (only whitespace)")
        return
    kind = kind or EXTENSIONS.get(Path(path).suffix.lower()) or sniff_format(text)
    if kind not in READERS:
        raise ValueError(f"unknown format {kind!r}; known: {', '.join(sorted(READERS))}")
    if kind == "text" and len(text) > config.max_article_chars:
        # A text file is one article whose text is the whole file: refuse it before hashing 50 MB.
        yield InputError(path, _too_long(len(text), config))
        return
    try:
        for item in READERS[kind](Source(path, data, text, encoding), config=config):
            if isinstance(item, Article) and len(item.text) > config.max_article_chars:
                yield InputError(path, _where(item) + _too_long(len(item.text), config))
            elif isinstance(item, Article) and kind != "text":  # the text reader repairs before its header
                yield _repaired(item)
            else:
                yield item
    except RecursionError:
        yield InputError(path, f"{kind} input nested too deeply to parse")
    except Exception as exc:  # last resort: one odd file must not end a run over thousands
        yield InputError(path, one_line(f"could not read as {kind}: {type(exc).__name__}: {exc}"))
