"""Where quotations open and close in a paragraph: straight and curly, single and double marks.

An apostrophe between letters ("Johnson’s", "don’t") never closes a single-quoted quote; a
double-quoted phrase inside single quotes (and the reverse) is nested text; a quote left open at the end
of the paragraph runs to the paragraph's end, as news style does for quotes that continue in the next one.
"""

from __future__ import annotations

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“«", "”»"


def quote_ranges(text: str, start: int, end: int) -> list[tuple[int, int, int, int | None]]:
    """Quotes in one paragraph: (open mark, content start, content end, close mark or None when left open)."""
    out: list[tuple[int, int, int, int | None]] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        opens_double = ch in _OPEN_DOUBLE or (ch == '"' and not prev.isalnum() and not nxt.isspace())
        opens_single = ch in "‘‹" or (ch == "'" and not prev.isalnum() and nxt.isalpha())
        if not (opens_double or opens_single):
            i += 1
            continue
        close = _find_close(text, i + 1, end, double=opens_double)
        content_end = close if close is not None else end
        out.append((i, i + 1, content_end, close))
        i = (close + 1) if close is not None else end
    return out


def _find_close(text: str, pos: int, end: int, *, double: bool) -> int | None:
    depth_single = 0
    for k in range(pos, end):
        ch = text[k]
        prev, nxt = text[k - 1], (text[k + 1] if k + 1 < end else " ")
        if double:
            if ch in _CLOSE_DOUBLE or (ch == '"' and not prev.isspace()):
                return k
            continue
        # Inside single quotes a double-quoted phrase is nested text; an apostrophe sits between letters.
        if ch in "‘":
            depth_single += 1
        elif ch in "’'›" and not (prev.isalnum() and nxt.isalpha()) and not prev.isspace():
            if depth_single:
                depth_single -= 1
            else:
                return k
    return None


def trim_quote(text: str, s: int, e: int) -> tuple[int, int]:
    """The quote's content without surrounding spaces or the comma that hands over to the attribution."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e
