"""Where quotations open and close in a paragraph: straight and curly, single and double marks.

An apostrophe between letters ("Johnson’s", "don’t") never closes a single-quoted quote; a
double-quoted phrase inside single quotes (and the reverse) is nested text; a quote left open at the end
of the paragraph runs to the paragraph's end, as news style does for quotes that continue in the next one
(to the line's end where a text puts one paragraph per line). Tokenised corpora's ``…'' pairs count as
double quotes, and their "family 's" clitics open nothing.
"""

from __future__ import annotations

import re

_OPEN_DOUBLE, _CLOSE_DOUBLE = "“«", "”»"
# "family 's", "don 't" in tokenised text: a clitic after a space, not an opening quote.
_CLITIC = re.compile(r"'(?:s|t|d|m|re|ve|ll)\b", re.I)


def quote_ranges(text: str, start: int, end: int) -> list[tuple[int, int, int, int | None]]:
    """Quotes in one paragraph: (open mark, content start, content end, close mark or None when left open)."""
    out: list[tuple[int, int, int, int | None]] = []
    i = start
    while i < end:
        ch = text[i]
        prev = text[i - 1] if i > start else " "
        nxt = text[i + 1] if i + 1 < end else " "
        backticks = text.startswith("``", i)
        # A straight double quote opens before a word, or between spaces in tokenised text ("said " we ...").
        straight = ch == '"' and not prev.isalnum() and (not nxt.isspace() or prev.isspace())
        # "... both Africa and Morocco"We are ...": a scraper that glued a paragraph without a full stop (a pull
        # quote, a caption, a video note) to the next one left the opening mark after a word. (No quote is open
        # here, so the mark cannot be one's close.)
        straight = straight or (ch == '"' and prev.isalnum() and nxt.isupper())
        opens_double = ch in _OPEN_DOUBLE or backticks or straight
        opens_single = ch in "‘‹" or (ch == "'" and not prev.isalnum() and nxt.isalpha()
                                      and not _CLITIC.match(text, i, end))
        if not (opens_double or opens_single):
            i += 1
            continue
        mark = 2 if backticks else 1
        stop = _line_break(text, i, end)
        close = _find_close(text, i + mark, stop, double=opens_double)
        content_end = close if close is not None else stop
        out.append((i, i + mark, content_end, close))
        i = stop if close is None else close + (2 if text.startswith("''", close) else 1)
        if close is not None and _reopens(text, close, stop):
            i = close  # read the mark again, as the opening mark of the next quote
    return out


def _reopens(text: str, k: int, end: int) -> bool:
    """Is the straight mark at ``k``, which closed the open quote, also the opening mark of the next one? A
    scraper that glued paragraphs ("… on the panel."In our view, this misses …") leaves one mark where news style
    puts none at the end of a quote's paragraph and one at the start of its next: a quote continued over
    paragraphs. So when a sentence end and a capital touch the mark and the next straight mark plainly closes
    (after a word, before a space or the end: "… the advisory panel.""), the mark also opens a quote; when the next
    mark opens one (after a space, or before a letter), the mark only closed its quote and narrative follows."""
    if text[k] != '"' or text[k - 1:k] not in (".", "!", "?") or not text[k + 1:k + 2].isupper():
        return False
    m = text.find('"', k + 1, end)
    if m < 0 or text[m - 1].isspace():
        return False
    after = text[m + 1:m + 2]
    return after == "" or after.isspace() or after in ".,;:!?)"


def _line_break(text: str, pos: int, end: int) -> int:
    """Where a quote opened at ``pos`` must end at the latest: the paragraph's end, or an earlier line break
    after a finished sentence (texts with one paragraph per line). A hard wrap in mid-sentence is no break."""
    k = text.find("\n", pos, end)
    while k >= 0:
        if text[pos:k].rstrip()[-1:] in tuple(".!?…:;\"'”’"):
            return k
        k = text.find("\n", k + 1, end)
    return end


def _find_close(text: str, pos: int, end: int, *, double: bool) -> int | None:
    depth_single = 0
    for k in range(pos, end):
        ch = text[k]
        prev, nxt = text[k - 1], (text[k + 1] if k + 1 < end else " ")
        if double:
            # Any straight double quote closes an open double quote: tokenised text spaces it on both sides.
            if ch in _CLOSE_DOUBLE or ch == '"' or text.startswith("''", k):
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


_CLOSING = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "‹": "›", "``": "''"}


def close_open_quote(text: str) -> str:
    """A sentence cut from a quotation that runs on ('Ana Ruiz said: "The crew did everything right.') with the
    quotation closed after it, as an editor quoting that one sentence writes it; other text as it is."""
    ranges = quote_ranges(text, 0, len(text))
    if not ranges or ranges[-1][3] is not None:
        return text
    o = ranges[-1][0]
    closing = _CLOSING.get("``" if text.startswith("``", o) else text[o])
    if closing is None or not text[ranges[-1][1]:].strip():
        return text
    body = text.rstrip()
    return body + closing + text[len(body):]


def trim_quote(text: str, s: int, e: int) -> tuple[int, int]:
    """The quote's content without surrounding spaces or the comma that hands over to the attribution."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e
