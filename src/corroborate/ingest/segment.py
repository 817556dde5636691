"""Split an article into paragraphs and sentences, with character offsets into the original text.

Stage (per article): needs the article and its removals; adds its passages (sentences, paragraphs).

Rule-based on purpose: it is fast, deterministic and needs no model, and news text is regular enough.
What it handles, because scraped news is full of it:

* abbreviations and initials (``Ms.``, ``Mr.``, ``U.K.``, ``J. K. Rowling``) do not end a sentence;
* closing quotes and brackets stay with the sentence they close (``… serious.” He said``);
* an ellipsis or a dash followed by a lower-case word continues the sentence;
* a line without final punctuation (headline, caption, byline) is a passage of its own;
* hard-wrapped lines (a line that runs on in lower case) are joined back into one sentence;
* sentences glued by a scraper that dropped the space at a paragraph join (``… the Cenotaph.Anzac Day …``)
  are split again, unless the dot belongs to an abbreviation, an initial, a number or a domain name;
* captions without a full stop run into the next sentence (``… in the Philippines The risk paid off …``) are
  split where a sentence starter follows a lower-case word, in long sentences only; in a block where that
  happened, also before a starter and a capitalised word and after a closing quote;
* spans removed by ``clean`` are never part of a passage, and break a sentence where they cut it (its
  ``mojibake`` records mark repaired text, which stays).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from corroborate.ingest.clean import REPAIRS
from corroborate.model import Article, Passage, Removal
from corroborate.text.abbreviations import ABBREVIATIONS, CALENDAR_ABBREVIATIONS, TITLE_ABBREVIATIONS
from corroborate.text.run_on_words import RUN_ON_BEFORE, RUN_ON_STARTERS, TITLE_TAIL_STARTERS

# Sentence-final punctuation, then any closing quotes/brackets.
_END = re.compile(r"""[.!?…]+["'”’»)\]]*""")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_NUMBER_SIGNS = frozenset({"no", "nos"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "prof"}) | TITLE_ABBREVIATIONS
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def _is_abbreviation(text: str, dot: int) -> bool:
    """Is the '.' at ``dot`` the end of an abbreviation or an initial rather than of a sentence?"""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    after = text[dot + 1:dot + 3].lstrip()[:1]
    if not word and text[dot - 1:dot] == " ":
        # Tokenised text (ECB+: "Jan . 6", "Feb . 17"): the word before the spaced dot.
        m = re.search(r"([A-Za-z]+) $", text[max(0, dot - 12):dot])
        if m and len(m.group(1)) == 1 and m.group(1).isupper() and after.isupper():
            return _spaced_initial(text, dot)
        if m and m.group(1).lower() in _HONORIFICS and after.isupper():
            return True  # "Ms . DeGeneres", "Sen . Durbin": a title before a name
        return bool(m) and m.group(1).lower() in ABBREVIATIONS and after.isdigit()
    if not word:
        return False
    if word in _NUMBER_SIGNS:
        return after.isdigit()  # "No. 5", but "said no. The …" ends a sentence
    if word in ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("J. K. Rowling"); dotted acronyms ("U.S.A") are abbreviations.
    if len(word) == 1 and text[start].isupper():
        return True
    return "." in word and all(len(part) <= 2 for part in word.split("."))


def _spaced_initial(text: str, dot: int) -> bool:
    """An initial in tokenised text ("A . J . Smith", "George W . Bush"): another spaced initial follows,
    or a capitalised name or an initial comes before the letter. "Plan B . The" is read as a name too, a
    rarer case than a split name."""
    if re.match(r" [A-Z] \. ", text[dot + 1:dot + 6]):
        return True
    before = text[max(0, dot - 40):dot - 2].rstrip()
    prev = before.split()[-1] if before.split() else ""
    return prev == "." or (prev[:1].isupper() and prev.isalpha() and len(prev) > 1)


def _starts_sentence(text: str, pos: int) -> bool:
    """Does a new sentence plausibly begin at ``pos`` (after whitespace)?"""
    while pos < len(text) and text[pos] in _OPENERS:
        pos += 1
    if pos >= len(text):
        return False
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or not ch.isalpha()


# A glued boundary needs a real word (two letters or more), a digit (with a unit: "1990s", "£6.8m") or a
# closing bracket/quote before the punctuation, and a capitalised word after it ("Anzac", "A service", "I'm"),
# or an acronym after a word with lower case ("the time.APC leader"), so "bbc.co.uk", "ASP.NET", "Node.js"
# and "3.5" stay whole. A dotted name's ending that never starts an English sentence keeps "Node.JS",
# "Socket.IO", "Example.Com" and "photo.JPG" whole too; "Hungary.EU rules" and "the show.TV crews" still split.
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z]{2}|[0-9][a-z]{0,2}|[)\]\"”’'])$")
_DOTTED_NAME_END = re.compile(r"(?:(?i:js|io|com|org|jpe?g|png|gif|pdf)|NET)\b")
_FIRST_PERSON = re.compile(r"(?:I|We|My|Our|You|Your)(?:['’][a-z]{1,2})?\b")
_GLUED_AFTER = re.compile(r"[\"“‘'(]*(?:[A-Z][a-z]|[AI][\s'’])")
_GLUED_ACRONYM = re.compile(r"[\"“‘'(]*[A-Z]{2,}(?:['’]s)?\b")
_LOWER_WORD_BEFORE = re.compile(r"[a-z][A-Za-z]*[\"”’')\]]*$")


def _glued_boundary(text: str, m: re.Match[str], sent_start: int, line_end: int) -> int | None:
    """Where the sentence ends when its punctuation ``m`` has no space after it, or None (no boundary)."""
    punct_end = m.start() + len(m.group(0).rstrip(_CLOSERS))
    if punct_end == m.start() or not _GLUED_BEFORE.search(text, sent_start, m.start()):
        return None
    if text[m.start()] == "." and _is_abbreviation(text, m.start()) and not _calendar_word(text, m.start()):
        return None
    if m.group(0) == "." and _DOTTED_NAME_END.match(text, m.end()):
        return None
    cut = m.end()
    if text[punct_end:cut] == '"' and _opens(text, punct_end, sent_start, line_end):
        cut = punct_end
    if _GLUED_AFTER.match(text, cut):
        return cut
    if _GLUED_ACRONYM.match(text, cut) and _LOWER_WORD_BEFORE.search(text, sent_start, m.start()):
        return cut
    return None


def _calendar_word(text: str, dot: int) -> bool:
    """A lower-case month or day abbreviation before a glued dot is the word ("the sun.He")."""
    word = re.search(r"[A-Za-z]+$", text[max(0, dot - 8):dot])
    return bool(word) and word.group(0).islower() and word.group(0) in CALENDAR_ABBREVIATIONS


def _opens(text: str, quote: int, sent_start: int, line_end: int) -> bool:
    """Does the straight quote at ``quote`` (glued between two sentences) open the next sentence's quote?

    Counting quotes alone cannot tell: a quote that runs over paragraphs is not closed at a paragraph's
    end, and the scraper glued the paragraphs. In order: a next sentence in the first person ("I've been",
    "We") is speech, since news narration is not written in the first person, so the quote opens it; so
    does one after an attribution ('"…," he said."'); a quote this sentence opened and left open (an odd
    count) is closed by it; with no quote in the sentence, the next quote mark decides."""
    if _FIRST_PERSON.match(text, quote + 1):
        return True
    last = text.rfind('"', sent_start, quote)
    if last > sent_start and text[last - 1] in ",?!":
        return True  # '"…," he said."' closed its quote before the attribution: this one opens the next
    count = text.count('"', sent_start, quote)
    if count % 2:
        return False
    after = text.find('"', quote + 1, line_end)
    if count or after < 0:
        return True
    # After a word or a comma the next mark closes a quote (which this one opened); after a space it opens
    # one (so this one closed the last); after a full stop it may be either, and this one is read as closing.
    return text[after - 1].isalnum() or text[after - 1] in ",;:"


# A run-on is looked for only in a sentence this long, and each piece it leaves has a few words at least: a
# caption is a sentence's worth of words, and a short sentence is never several captions.
RUN_ON_MIN_WORDS = 20
RUN_ON_MIN_PIECE = 4
_STARTERS = "|".join(RUN_ON_STARTERS)
_RUN_ON = re.compile(r"(?<=[a-z)0-9]) (?=(?:" + _STARTERS + r") [a-z0-9])")
# In a block where a caption ran on by that rule (a Daily Mail scrape's run of captions), two more joins end a
# caption: a starter before a capitalised word ("… in the Philippines The Darwin woman moved …"), and a starter or
# a title after a closing quote ("… known as 'the blonde Filipino' Ms Moon performs …"). In prose they split
# names and titles ("… in The Hague", "… but Mr Beavis stayed"), so only there. Measured: no run-on split added
# in BASIL's articles or FNC-1's bodies (bench.glued counts them), where the capitalised-word join everywhere
# added 4 and 22; 11 more of FRANK's 89 labelled run-ons found, none wrongly.
_RUN_ON_IN_CAPTIONS = re.compile(r"(?<=[a-z)0-9]) (?=(?:" + _STARTERS + r") [A-Za-z0-9])"
                                 r"|(?<=[a-z][’']) (?=(?:" + _STARTERS + r"|Mr|Ms|Mrs|Dr) [A-Za-z0-9])")


def _run_ons(text: str, s: int, e: int, joins: re.Pattern[str] = _RUN_ON) -> list[tuple[int, int]]:
    """``text[s:e]`` cut where a caption with no full stop ran into the next sentence (Daily Mail scrapes), at
    the places ``joins`` finds."""
    if len(text[s:e].split()) < RUN_ON_MIN_WORDS:
        return [(s, e)]
    out: list[tuple[int, int]] = []
    start = s
    for m in joins.finditer(text, s, e):
        before = text[start:m.start()].split()
        if len(before) < RUN_ON_MIN_PIECE or before[-1].lower().strip("),") in RUN_ON_BEFORE:
            continue
        starter = text[m.end():m.end() + 6].split(" ", 1)[0]
        if before[-1][:1].isupper() and starter in TITLE_TAIL_STARTERS:
            continue  # "the Fix It tool", "Don't Push It won": a title's last word
        if len(text[m.end():e].split()) < RUN_ON_MIN_PIECE:
            break
        out.append((start, m.start()))
        start = m.end()
    return [*out, (start, e)]


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets inside ``text[start:end]`` (one block without blank lines or removed spans)."""
    out: list[tuple[int, int]] = []
    lines = _lines(text, start, end)
    for line_start, line_end in lines:
        sent_start = line_start
        for m in _END.finditer(text, line_start, line_end):
            stop = m.end()
            nxt = stop
            while nxt < line_end and text[nxt] in " \t":
                nxt += 1
            if nxt >= line_end:
                break  # the line's end closes the sentence anyway
            if nxt == stop:
                # "3.5", "U.S.A", "…and": no space, usually no boundary; but a scraper that joined paragraphs
                # leaves "the Cenotaph.Anzac Day", which is one.
                cut = _glued_boundary(text, m, sent_start, line_end)
                if cut is not None:
                    out.append((sent_start, cut))
                    sent_start = cut
                continue
            punct = m.group(0).rstrip(_CLOSERS)
            if punct == "." and _is_abbreviation(text, m.start()):
                continue
            if not _starts_sentence(text, nxt):
                continue
            out.append((sent_start, stop))
            sent_start = nxt
        out.append((sent_start, line_end))
    # _run_ons cuts a trimmed sentence at single spaces, so its pieces come out trimmed too.
    sentences = [_trim(text, s, e) for s, e in out]
    pieces = [_run_ons(text, s, e) for s, e in sentences]
    if any(len(cut) > 1 for cut in pieces):  # a run of captions: the looser joins end a caption too
        pieces = [_run_ons(text, s, e, _RUN_ON_IN_CAPTIONS) for s, e in sentences]
    return [(s, e) for cut in pieces for s, e in cut if e > s]


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Physical lines of a block, with hard-wrapped ones joined: a line that ends without sentence
    punctuation and whose successor starts in lower case is the same sentence wrapped."""
    lines: list[tuple[int, int]] = []
    pos = start
    for piece in text[start:end].split("\n"):
        s, e = pos, pos + len(piece)
        pos = e + 1
        s, e = _trim(text, s, e)
        if e <= s:
            continue
        if lines:
            ps, pe = lines[-1]
            prev_ends_open = text[pe - 1] not in ".!?…:;\"”’'"
            if prev_ends_open and text[s].islower():
                lines[-1] = (ps, e)
                continue
        lines.append((s, e))
    return lines


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _free_ranges(length: int, removed: Iterable[Removal]) -> list[tuple[int, int]]:
    """The parts of the text not covered by a removal, in order (a repaired place is not removed text)."""
    cuts = sorted((r.span.start, r.span.end) for r in removed if r.reason not in REPAIRS)
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in cuts:
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < length:
        out.append((pos, length))
    return out


def paragraphs(text: str, removed: Iterable[Removal] = ()) -> list[tuple[int, int]]:
    """Paragraph offsets: blocks separated by blank lines, minus removed spans."""
    out: list[tuple[int, int]] = []
    removed = list(removed)
    pos = 0
    for m in [*_BLANK_LINE.finditer(text), None]:
        stop = m.start() if m else len(text)
        s, e = _trim(text, pos, stop)
        if e > s:
            out.append((s, e))
        pos = m.end() if m else len(text)
    if not removed:
        return out
    free = _free_ranges(len(text), removed)
    clipped: list[tuple[int, int]] = []
    for ps, pe in out:
        for fs, fe in free:
            s, e = _trim(text, max(ps, fs), min(pe, fe))
            if e > s:
                clipped.append((s, e))
    return clipped


def segment(article: Article, removed: Iterable[Removal] = ()) -> list[Passage]:
    """Sentences of the article (removed spans excluded), each with its paragraph number."""
    text = article.text
    removed = [r for r in removed if r.span.article == article.id]
    # A paragraph's number counts the blank lines before it, so pieces of one paragraph that a removal
    # cut apart keep the same number.
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]
    passages: list[Passage] = []
    for ps, pe in paragraphs(text, removed):
        para = bisect.bisect_left(breaks, ps)
        for s, e in split_sentences(text, ps, pe):
            passages.append(Passage(article.id, len(passages), para, s, e, text[s:e]))
    return passages
