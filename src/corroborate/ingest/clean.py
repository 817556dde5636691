"""Find scrape noise (promo lines, caption markers, share prompts, bylines, headers) and say where it is.

Stage (per article): needs the article; adds ``report.removed`` (reason + span per piece of noise).

``clean`` never edits the text. It returns :class:`~corroborate.model.Removal` records (reason plus a
span into the original text), and ``segment`` leaves those spans out of every passage. A reader of the
report can always see what was dropped and why.

One record is not noise: a reader that repaired mojibake ("AndrÃ©s" read back as "Andrés") keeps where in
``Article.meta``, and each repaired place comes back here with the reason ``mojibake`` (a reason in
:data:`REPAIRS`), its span over the repaired characters. ``segment`` keeps those in the passages.

The rules are a small table of ``(reason, regex)``. A rule whose regex has a group named ``cut``
removes only that group (the "Pictured:" marker, and not the caption after it). Otherwise it removes
the whole match, trimmed of surrounding whitespace. To add a rule, append a row and a test.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corroborate.ingest.text import parse_header
from corroborate.model import Article, Removal, Span
from corroborate.text.clean_words import _DAYS_MONTHS
from corroborate.text.mojibake import repaired_spans

#: Reasons of records that point at text repaired at ingest, not removed: segment leaves them in passages.
REPAIRS = frozenset({"mojibake"})

#: (reason, pattern). Patterns run with re.MULTILINE, so ``^``/``$`` are line bounds; ``\r`` is kept out of
#: line content so CRLF files behave like LF ones.
RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Links to other stories that scrapers keep inline ("READ MORE: 'Don't communicate via tweets'...").
    # They are headlines of other articles, so they would turn into false statements about this one.
    # A separator after the cue is required, so prose like "Read more carefully..." survives.
    ("promo line", re.compile(
        r"^[ \t]*(?:(?i:read more|read next|more on this story|related(?: articles?| stories| story)?|see also"
        r"|also read|most read)|WATCH|LISTEN|VIDEO)[ \t]*[:|>»–—-][^\r\n]*\r?$", re.MULTILINE)),
    # "Pictured:" introduces a photo caption inside prose. The marker goes; the caption stays, because
    # it often states facts (and the repeats stage deals with captions repeated three times).
    # Lower-case "pictured with her husband" is prose and is not matched.
    ("caption marker", re.compile(
        r"(?P<cut>\b(?:Pictured|PICTURED)(?:[ \t]+(?:left|right|above|below|top|bottom|centre|center|inset"
        r"|here|main))?(?:[ \t]*\([^()\n]{1,40}\))?:)")),
    # Calls to action from the page chrome; never part of the story.
    ("share prompt", re.compile(
        r"^[ \t]*(?i:share this (?:article|story|page)|share on (?:facebook|twitter|x|whatsapp|linkedin|email)"
        r"|click here to\b|sign up (?:to|for)\b[^\r\n]*newsletter|subscribe to (?:our|the)\b|follow us on\b"
        r"|get the latest\b[^\r\n]*(?:newsletter|app|inbox))[^\r\n]{0,200}\r?$", re.MULTILINE)),
    # Advertising slots and widget labels that text extraction keeps as a line of their own ("VIEW GALLERY",
    # "Poll loading …", "Ads by Adblade", a bare "MORE": FNC-1 bodies).
    ("ad marker", re.compile(
        r"^[ \t]*(?:Advertisement|ADVERTISEMENT|(?i:story continues below(?: advertisement)?|scroll down for video)"
        r"|VIEW GALLERY|SEE ALL RELATED|(?:Poll|Video) loading(?:[ \t]*(?:…|\.\.\.))?|Ads by [A-Z]\w+|MORE)"
        r"[ \t\r]*$", re.MULTILINE)),
    # The same chrome glued into the prose when a scraper drops the line breaks (BBC pages: "Share this
    # withEmailFacebook…Copy this link" and "Media playback is not supported on this device" run straight into
    # the next sentence; "Follow Matt on Twitter" closes the text; Daily Mail pages: "Scroll down for video"
    # before the next sentence, "Sorry we are not currently accepting comments" at the end). Left in, they
    # become part of a sentence. After the line rules, so a line of its own keeps their reason.
    ("page chrome", re.compile(
        r"Share this with(?:[ \t]*(?:Email|Facebook|Messenger|Twitter|Pinterest|WhatsApp|Linked[Ii]n|Reddit))+"
        r"[ \t]*(?:Copy this link)?|Media playback is (?:not supported|unsupported) on (?:this|your) device"
        r"|(?<![\w,] )Follow (?:us|[A-Z][a-z]+) on (?:Twitter|Facebook|Instagram)\b[^\r\n]{0,160}$"
        r"|\b(?i:scroll down for video)\b|(?:Sorry,? )?[Ww]e are (?:not currently|no longer) accepting comments"
        r" on this article\.?", re.MULTILINE)),
    # "By Jane Doe, Political Editor": a short line of capitalised name words, with no sentence
    # punctuation at its end, so "By Monday, the harbour had reopened." (a sentence) is kept; day and
    # month names after "By" are refused outright for the unpunctuated case.
    ("byline", re.compile(
        rf"^[ \t]*(?:By|BY)(?:[ \t]*:)?[ \t]+(?!(?i:{_DAYS_MONTHS})\b)"
        r"[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|da|del|la|le|bin|al)){0,4}"
        r"(?:[ \t]*(?:,|\||and|&|for|For|FOR|[-–—])[ \t]*[^\r\n]{0,80})?(?<![.!?\"”’'…])[ \t\r]*$", re.MULTILINE)),
    # Wire and photo credits on a line of their own: "(Reporting by Ann Vale; Editing by Bo Roy)", "(Getty)",
    # "Source: Jo Lee/Getty Images". They name staff, not people in the story, and would become entities.
    ("credit line", re.compile(
        r"^[ \t]*(?:\((?i:additional reporting|reporting|writing|editing) by\b[^\r\n]{0,200}\)"
        r"|\((?:Getty|AP|AFP|Reuters|EPA|PA)(?: Images| Photo)?\)"
        r"|(?:Photo|Image|Picture|Source|Credit)s?:[^\r\n]{0,60}(?:Getty Images|Reuters|AFP|AP Photo|EPA|Shutterstock"
        r"|PA Wire)[^\r\n]{0,20})[ \t\r]*$", re.MULTILINE)),
    # "Published: 09:14, 4 March 2025 | Updated: 11:02, 4 March 2025": page furniture, and the date it
    # carries is already in Article.published when the reader found it. A digit is required (a time or
    # a date), so a sentence that happens to start "Updated:" with words only is left alone.
    ("timestamp line", re.compile(
        r"^[ \t]*(?i:published|updated|last updated|last modified|first published)[ \t]*:"
        r"(?=[^\r\n]*\d)[^\r\n]{0,160}\r?$",
        re.MULTILINE)),
)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _candidates(text: str, rules: Iterable[tuple[str, re.Pattern[str]]]) -> list[tuple[int, int, int, str]]:
    """(start, end, priority, reason): header lines first, then rules in table order, on equal spans."""
    found: list[tuple[int, int, int, str]] = []
    # Header lines (" date 2021-11-26", "Title: ...") are found by the same function ingest used to
    # fill Article.published/title, so reader and cleaner cannot disagree about what the header is.
    for field in parse_header(text):
        found.append((field.start, field.end, 0, field.reason))
    for priority, (reason, pattern) in enumerate(rules, start=1):
        for m in pattern.finditer(text):
            if "cut" in pattern.groupindex:
                s, e = m.span("cut")
            else:
                s, e = _trimmed(text, m.start(), m.end())
            if e > s:
                found.append((s, e, priority, reason))
    return found


def _repairs(article: Article, after: int) -> list[tuple[int, int, int, str]]:
    """The reader's repairs (Article.meta), as candidates ranked after every rule on equal spans."""
    return [(s, e, after, "mojibake") for s, e in repaired_spans(article.meta) if e <= len(article.text)]


def clean(article: Article, *, rules: Iterable[tuple[str, re.Pattern[str]]] = RULES) -> list[Removal]:
    """Removals for the article's scrape noise: sorted by start, non-overlapping, spans into ``article.text``.

    When two rules claim overlapping text, the one starting first wins, then the longer, then the header
    over the table's rules (a ``Published:`` line at the top is a metadata header, not a timestamp line).
    """
    text = article.text
    rules = tuple(rules)
    candidates = _candidates(text, rules) + _repairs(article, len(rules) + 1)
    removals: list[Removal] = []
    last_end = 0
    for s, e, _, reason in sorted(candidates, key=lambda c: (c[0], -c[1], c[2])):
        if s < last_end:
            continue
        removals.append(Removal(reason, Span.of(article, s, e)))
        last_end = e
    return removals
