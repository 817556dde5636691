"""Mojibake: UTF-8 text once decoded as cp1252 or Latin-1 ("AndrÃ©s", "Â£1bn", "â€™"), found and repaired.

A scraper that decoded a UTF-8 page with the wrong codec leaves these sequences in otherwise good text, and a
name written "AndrÃ©s" no longer matches "Andrés" from another outlet. ``ftfy`` (the maintained library for
this) decides when a repair is certain: it re-encodes and re-decodes a line only where the result is more
plausible text by its own measure. Only its encoding fixes run here; quote uncurling, width, ligature and line
break changes and its lossy "�" replacement stay off, because they would rewrite text that is not broken.

Readers repair an article's text before the Article is built (``Article.text`` is the repaired text, so every
span points into what the user sees) and keep where each repair lies in ``Article.meta`` under
:data:`META_KEY`; ``clean`` turns those places into records with the reason ``mojibake``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

#: Article.meta key of the repaired places: "start:end start:end ..." (offsets into the repaired text).
META_KEY = "mojibake"
INSTALL_HINT = "pip install ftfy  (or reinstall corroborate: pip install corroborate)"

# A UTF-8 lead byte (0xC2-0xF4) read as one character, then a continuation byte (0x80-0xBF) read as cp1252 or
# Latin-1: every mojibake sequence starts with such a pair. Lines without one never reach ftfy (nor its import).
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_SUSPECT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]+")


@dataclass(slots=True, frozen=True)
class Repair:
    """One repaired place: ``start:end`` in the repaired text, and the characters that stood there before."""

    start: int
    end: int
    was: str


def _fixer() -> tuple[Any, Any]:
    try:
        import ftfy
    except ImportError as exc:  # a core dependency: missing only in a broken or hand-made install
        raise ImportError(f"repairing mojibake needs the ftfy package: {INSTALL_HINT}") from exc
    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
        replace_lossy_sequences=False, decode_inconsistent_utf8=True, fix_c1_controls=False,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False)
    return ftfy.fix_text, config


def repair_mojibake(text: str) -> tuple[str, tuple[Repair, ...]]:
    """``text`` with its mojibake repaired, and where each repair lies in the result; ``text`` itself and no
    repairs when it has none (the common case costs one regex search)."""
    if not _SUSPECT.search(text):
        return text, ()
    fix_text, config = _fixer()
    out: list[str] = []
    repairs: list[Repair] = []
    pos = 0  # offset of the current line in the repaired text
    # Lines end at "\n" only: str.splitlines would also break at "\x85", the second half of "Ã\x85" ("Å").
    for line in re.findall(r"[^\n]*\n|[^\n]+", text):
        fixed = fix_text(line, config) if _SUSPECT.search(line) else line
        if fixed != line:
            changes = _changes(line, fixed, pos)
            if _accounts_for(line, fixed, pos, changes):
                repairs.extend(changes)
            else:
                # A repair whose places cannot be shown exactly (ftfy re-encoding a mix of sequences, Hypothesis
                # found one) is no certain repair: the line stays as it was read.
                fixed = line
        out.append(fixed)
        pos += len(fixed)
    return ("".join(out), tuple(repairs)) if repairs else (text, ())


def _accounts_for(old: str, new: str, offset: int, changes: list[Repair]) -> bool:
    """Whether ``changes`` are visible, ordered spans of ``new`` that give back ``old`` when each is put back."""
    rebuilt, pos = [], offset
    for r in changes:
        if not pos <= r.start < r.end <= offset + len(new):
            return False
        rebuilt += [new[pos - offset:r.start - offset], r.was]
        pos = r.end
    return "".join([*rebuilt, new[pos - offset:]]) == old


def _changes(old: str, new: str, offset: int) -> list[Repair]:
    """The places where the line ``new`` differs from ``old``, as spans of ``new`` shifted by ``offset``.

    Repairing never touches ASCII (UTF-8 leaves it as it is), so the two lines are compared run by run of
    non-ASCII characters: linear, where a character diff of a scraped article (often one long line) is not.
    A restored no-break space ("Ã" and a space for "à") changes an ASCII run; then the part between the
    common start and end is diffed."""
    a, b = _RUNS.findall(old), _RUNS.findall(new)
    if len(a) != len(b) or any((x.isascii() or y.isascii()) and x != y for x, y in zip(a, b, strict=True)):
        head = _common_start(old, new)
        tail = _common_start(old[head:][::-1], new[head:][::-1])
        return _diff(old[head:len(old) - tail], new[head:len(new) - tail], offset + head, old[:head], new[head:])
    found: list[Repair] = []
    i = j = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            found += _diff(x, y, offset + j, old[:i], new[j:])
        i, j = i + len(x), j + len(y)
    return found


def _common_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _diff(old: str, new: str, offset: int, before: str, rest: str) -> list[Repair]:
    """Spans of ``new`` (at ``offset``) where it differs from ``old``; ``before`` is the unchanged text before
    both and ``rest`` the new text from ``new`` on. A sequence that shrank to nothing next to a kept character
    ("Â£" to "£" aligns as "Â" deleted) takes that character, so every repair has a visible span."""
    found: list[Repair] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        was = old[i1:i2]
        if j1 == j2 and j2 < len(rest):  # deleted: take the kept character after it
            was, j2 = was + rest[j2], j2 + 1
        elif j1 == j2 and before:  # deleted at the very end: take the character before it
            was, j1 = (old[i1 - 1] if i1 else before[-1]) + was, j1 - 1
        if found and found[-1].end >= offset + j1:  # touching the last one: the same sequence
            last = found.pop()
            found.append(Repair(last.start, offset + j2, last.was + was))
        else:
            found.append(Repair(offset + j1, offset + j2, was))
    return found


def repairs_meta(repairs: tuple[Repair, ...]) -> str:
    """The :data:`META_KEY` value for these repairs."""
    return " ".join(f"{r.start}:{r.end}" for r in repairs)


def repaired_spans(meta: dict[str, str]) -> list[tuple[int, int]]:
    """The repaired places an Article's meta records (empty when none, or when the value is not ours)."""
    spans = []
    for part in meta.get(META_KEY, "").split():
        start, _, end = part.partition(":")
        if start.isdigit() and end.isdigit() and int(start) < int(end):
            spans.append((int(start), int(end)))
    return spans
