"""Time expressions of news English and the dateline at the top of an article, as patterns and small readers.

The timeline (:mod:`corroborate.crosscheck.timeline`) resolves what these patterns find against an article's
published date; this module only says what the words are. General knowledge only: calendar words, the usual
ways news sites print a date ("Updated : November 11 , 2011 18 : 50 IST", "Fri Aug 2 , 2013", "8 / 2 / 2013").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: k + 1 for k, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                          "august", "september", "october", "november", "december"])}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())} | {"sept": 9})
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10}
# The months a season spans (northern hemisphere, as in the US and UK press); winter straddles the year.
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}

# "Jan." and the tokenised "Jan ." of some corpora; a capital is required, so the verb "may" is no month.
MONTH_RE = r"(January|February|March|April|May|June|July|August|September|October|November|December|" \
           r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\s?\.)?"
_FULL_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
# The year of a day: "June 24, 2005", or a year word ("on Feb 1 last year", group 4) counted from the article.
_YEAR = r"(?:\s*,?\s+(\d{4})\b|\s+(?i:(last|this|next))\s+year\b)?"
_PREP = r"(?:(?i:on|from|since|until|till|by|before|after)\s+)?"
_COUNT = r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
# Words between "in" and a bare month or year that keep the month a date: "back in", "early", "mid-".
_MONTH_LEAD = r"(?:(?i:in|since|until|till|by|from|during|through|back in|early|late|mid|mid-|sometime in|" \
              r"(?:the\s+)?(?:end|beginning|start|middle)\s+of)\s+|mid-)"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")),
    # "10 Nov" before "Nov 11": in "10 Nov 11" the day comes first.
    ("day_month", re.compile(_PREP + r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_RE + _YEAR)),
    ("month_day", re.compile(_PREP + r"\b" + MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*[:.]\s*\d)"
                             + _YEAR)),
    # "June 2005", and the short forms of some sites and corpora ("Oct. 2011", "Oct . 2011", "Sept 2011").
    ("month_year", re.compile(r"\b(?:" + _MONTH_LEAD + r")?" + MONTH_RE + r"\s?,?\s+(\d{4})\b")),
    ("ago", re.compile(r"\b" + _COUNT + r"[\s-]+days?\s+ago\b", re.I)),
    ("ago_long", re.compile(r"\b" + _COUNT + r"[\s-]+(weeks?|months?|years?)\s+ago\b", re.I)),
    ("day", re.compile(r"\b(yesterday|today|tonight|tomorrow|last night|this (?:morning|afternoon|evening))"
                       r"(?:['’]s)?(?:\s+(?:night|morning|afternoon|evening))?\b", re.I)),
    ("week", re.compile(r"\b(?:(?:earlier|later)\s+(?:in\s+)?)?(this|last|next)\s+week(?:['’]s)?\b", re.I)),
    ("month_rel", re.compile(r"\b(?:(?:earlier|later)\s+(?:in\s+)?|(?:at\s+)?the\s+end\s+of\s+)?"
                             r"(this|last|next)\s+month(?:['’]s)?\b", re.I)),
    ("season", re.compile(r"\b(this|last|next)\s+(spring|summer|fall|autumn)\b", re.I)),
    # "last October", "next March's vote": the one before or after P's month; "in February last year": that
    # month of the year named. Before "year" and "month", which would take "last year" and "in February".
    ("month_last", re.compile(r"\b(?i:(last|this|next))\s+" + _FULL_MONTH + r"(?:['’]s)?\b")),
    ("month_in_year", re.compile(r"\b(?:" + _MONTH_LEAD + r")?" + _FULL_MONTH
                                 + r",?\s+(?i:(last|this|next))\s+year\b")),
    # "at the end of the year", "by the end of next year": a deadline or a turn of the year, its last day.
    ("year_end", re.compile(r"\b(?:(?:at|by|before|until|till|through)\s+)?the\s+end\s+of\s+(the|this|last|next)"
                            r"\s+year\b", re.I)),
    ("year", re.compile(r"\b(this|last|next)\s+year\b", re.I)),
    # A weekday, or a word typed close to one ("Wednedsay", "Thrusday"): weekday_name() says which, or none.
    ("weekday", re.compile(r"\b(?:(?i:(on|last|next|this|by|until|since|from|before|after))\s+)?"
                           r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                           r"(?:Mo|Tu|Te|We|Th|Fr|Sa|Su)[a-z]{4,8})(?:['’]s)?"
                           r"(?:\s+(night|morning|afternoon|evening))?\b")),
    # A bare month: after a preposition ("in September", "back in December"), or before an event noun
    # ("the June decision", "a March debate"), never alone ("May" is also a name and a verb).
    ("month", re.compile(r"\b(?:" + _MONTH_LEAD + _FULL_MONTH + r"|" + _FULL_MONTH
                         + r"(?=\s+(?:decision|ruling|election|elections|primary|debate|vote|meeting|summit|"
                         r"attack|attacks|report|hearing|speech|deadline|event|inflation)\b))\b")),
    # A decade: "the 1940s", "the mid-1990s", "the 1930's", as a range of years. Not "1800s", "1900s" or "2000s",
    # which may be a century; not "'50s", whose century the words do not say.
    ("decade", re.compile(r"(?:(?<=\bmid-)|(?<![\w$£€#,.:/-]))(1[89][1-9]|20[1-9])0['’]?s\b")),
    # A year: 1800-2099 standing alone as a word, not an amount ("$2008", "2,008"), a time ("20:08") or a
    # count of something ("2000 people" is rare in news, "the 2008 event" common).
    # "mid-2024" is a year too.
    ("year_num", re.compile(r"(?:(?<=\bmid-)|(?<![\w$£€#,.:/-]))(?:(?i:fiscal)\s+)?(1[89]\d{2}|20\d{2})"
                            r"(?![\w%,.:/-]\d|[\w%])")),
]
# Anaphoric dates, counted from the date named just before them ("On that same day", "the following year",
# "the day before", "later that day", "two days later"): (pattern, unit, shift). They are matched before
# PATTERNS, so that "the next year" is not read as "next year" and "the following week" not as "next week"
# counted from the article's date. A shift of None is counted by the match: its group ``n`` ("two", "3") in the
# direction of its group ``way`` ("later" on, "earlier" back).
_LATER = r"(?P<way>later|earlier)\b"
ANAPHORS: list[tuple[re.Pattern[str], str, int | None]] = [
    (re.compile(r"\b(?:later|earlier)\s+(?:in\s+)?(?:that|the)\s+(?:same\s+)?day\b", re.I), "day", 0),
    (re.compile(r"\b(?:on\s+)?(?:that|the)\s+same\s+(?:day|night|morning|afternoon|evening)\b|"
                r"\b(?:on\s+)?that\s+(?:day|night|morning|afternoon|evening)\b", re.I), "day", 0),
    # "hours later", "a few minutes earlier": the day of the date just named (an adverb, so no object of its
    # own; "hours after the vote" counts from the vote, which may be no date named, and is left alone).
    (re.compile(r"\b(?:(?:a\s+few|several|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
                r"(?:hours?|minutes?|moments?)\s+(?:later|earlier)\b", re.I), "day", 0),
    (re.compile(r"\bthe\s+(?:next|following)\s+(?:day|morning|night|evening)\b|\bthe\s+day\s+after\b",
                re.I), "day", 1),
    (re.compile(r"\bthe\s+(?:previous|preceding)\s+(?:day|night|evening)\b|\bthe\s+(?:day|night)\s+before\b",
                re.I), "day", -1),
    (re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+" + _LATER, re.I),
     "day", None),
    # With "after"/"before" they may take an object ("two days before the June 24 vote", "hours after
    # Monday's meeting"): the timeline counts those from a date inside the object, not from one before them
    # (and drops them when that gives the object's own date, which already dates the sentence).
    (re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+days?\s+"
                r"(?P<way>after|before)\b", re.I), "day", None),
    (re.compile(r"\b(?:(?:a\s+few|several|\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+)?"
                r"(?:hours?|minutes?|moments?)\s+(?:after|before)\b", re.I), "day", 0),
    (re.compile(r"\b(?:that|the\s+same|that\s+same)\s+week\b", re.I), "week", 0),
    (re.compile(r"\bthe\s+(?:next|following)\s+week\b", re.I), "week", 1),
    (re.compile(r"\bthe\s+(?:previous|preceding)\s+week\b|\bthe\s+week\s+before\b", re.I), "week", -1),
    (re.compile(r"\b(?:that|the\s+same|that\s+same)\s+month\b", re.I), "month", 0),
    (re.compile(r"\bthe\s+(?:next|following)\s+month\b", re.I), "month", 1),
    (re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+months?\s+" + _LATER,
                re.I), "month", None),
    (re.compile(r"\b(?:that|the\s+same|that\s+same)\s+year\b", re.I), "year", 0),
    (re.compile(r"\bthe\s+(?:next|following)\s+year\b|\ba\s+year\s+later\b", re.I), "year", 1),
    (re.compile(r"\bthe\s+(?:previous|preceding)\s+year\b|\ba\s+year\s+(?:earlier|before)\b", re.I), "year", -1),
    (re.compile(r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years\s+" + _LATER, re.I),
     "year", None),
]


def counted(m: re.Match[str], shift: int | None) -> int:
    """An anaphor's shift: the pattern's own, or the match's count in its direction ("two days earlier": -2)."""
    if shift is not None:
        return shift
    n = m.group("n").lower()
    k = NUMBERS.get(n) or int(n)
    return k if m.group("way").lower() in ("later", "after") else -k


# "on Friday (Oct 7)", "last Friday (7 Oct)": the date in brackets right after a weekday names its day.
_OF_WEEK = re.compile(r"\s+of\s+(last|this|next)\s+week\b", re.I)  # "on Tuesday of last week"
_BRACKETED = re.compile(r"\s*\(\s*(?:" + MONTH_RE + r"\s+(\d{1,2})|(\d{1,2})\s+" + MONTH_RE + r")\s*\)")
# A yearless day read nearest to the paper's date but this many days on the side its verb rules out is the other
# year's ("her appearance will be on the March 2 broadcast" in an August paper: the March after).
_TENSE_DAYS = 60

# Generic dates that date nothing ("every Tuesday") are not matched: "every" before a weekday is checked by
# the timeline, which knows the sentence.
GENERIC = re.compile(r"\b(?:every|each)\s+$", re.I)
# "the second Tuesday of every month", "the first Monday in October", "the last Friday of the month": a weekday
# counted within a month is a rule or a day the weekday alone does not name; the timeline leaves it undated.
# (Before the weekday: its ordinal, or "the" before the weekday's own "last"; after it: "of"/"in".)
COUNTED_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|final)\s+$", re.I)
COUNTED_AFTER = re.compile(r"\s+(?:of|in)\b", re.I)

# A dateline line near the top of an article: "Updated : November 11 , 2011 18 : 50 IST", "Fri , 11 Nov
# 2011", "8 / 2 / 2013 8 : 13 AM", "2 A . M . FEB . 4 , 2009".
_DL_MONTH_DAY = re.compile(r"\b" + MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})?\b", re.I)
_DL_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH_RE + r",?\s+(\d{4})\b", re.I)
_DL_NUMERIC = re.compile(r"(?<![\d.:])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{4}|\d{2})(?![\d/])")
_DL_MAX_LINE = 80
_DL_LINES = 4
# Words a dateline line may hold besides the date: when, how it was posted, clock times and time zones. Any
# other lower-case word makes the line a sentence ("Patrols start from December 1"), not a dateline.
_DL_WORDS = frozenset("""
posted updated update published modified last on at by hrs am pm a m p edt est pdt pst cdt cst mdt mst gmt
bst utc cet ist et pt ct mon tue tues wed thu thurs fri sat sun monday tuesday wednesday thursday friday
saturday sunday
""".split())  # noqa: SIM905 -- a word list reads better as one string
_DL_OTHER = 2  # other capitalised words allowed: a place or an agency ("TNN ... MUMBAI")
_ALPHA = re.compile(r"[^\W\d_]+")


def _typos(a: str, b: str) -> int:
    """Edits between two words, an adjacent swap counting one (optimal string alignment distance)."""
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def weekday_name(word: str) -> str | None:
    """The weekday ``word`` names, lower-case: itself, or the one it is one slip from ("Wednedsay", "Thrusday",
    "Firday"; two for the long names: "Wendesday"), still ending in "day" or holding its letters. A plural
    ("Mondays": a habit) or a word that is no slip ("Sundry", "Thursby", "Monarch") is none."""
    w = word.lower()
    if w in WEEKDAYS:
        return w
    best = min(WEEKDAYS, key=lambda d: _typos(w, d))
    if w == best + "s" or w[:1] != best[:1] or not (w.endswith("day") or sorted(w) == sorted(best)):
        return None
    return best if _typos(w, best) <= (2 if len(best) >= 8 else 1) else None


def is_title(sentence: str, start: int, end: int) -> bool:
    """A relative-day expression that is a title: inside quotation marks that hold nothing else, capitalised
    mid-sentence on every word ("This Week"), or after a broadcaster's possessive ("NBC's Today")."""
    expr = sentence[start:end]
    before, after = sentence[:start].rstrip(), sentence[end:].lstrip()
    # A quotation holding only the expression ('"Today",' or '"This Week,"'), not one it opens ('"Today, we ...').
    if before and after and before[-1] in "\"“‘'`" and (after[0] in "\"”’'`" or (after[0] in ",." and
                                                             after[1:2] and after[1] in "\"”’'`")):
        return True
    words = expr.split()
    # Capitals on every word mid-sentence make a title ("This Week"); all capitals are emphasis ("LAST YEAR").
    if start > 0 and len(words) > 1 and all(w[:1].isupper() for w in words) and not expr.isupper():
        return True
    return bool(re.search(r"\b[A-Z]{2,}['’]s\s*$", before)) and expr[:1].isupper()


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(" .")]


def _make(year: int | None, month: int, day: int) -> date | None:
    try:
        return date(year if year is not None else 2000, month, day)
    except ValueError:
        return None


def read_dateline(text: str) -> tuple[int, int, date, bool] | None:
    """The date printed on a short line among the first lines of ``text``: (start, end, date, has_year).

    Without a year (``has_year`` False) the date carries the placeholder year 2000 for the caller to replace.
    Numeric dates read month first (US style) unless the first number cannot be a month.
    """
    pos, seen = 0, 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        seen += 1
        if seen > _DL_LINES:
            return None
        if len(line.strip()) > _DL_MAX_LINE:
            continue
        found = _dateline_in(line)
        if found is not None and _only_date(line):
            return start, start + len(line), found[0], found[1]
    return None


def dateline_end(text: str, end: int) -> int:
    """The end of the dateline block whose first line ends at ``end``: a line printing another date right below
    ("PUBLISHED : MONDAY , MARCH 11 , 2013" / "UPDATED : TUESDAY , MARCH 12 , 2013") also tells when the article
    appeared, not an event."""
    while end < len(text) and text[end] == "\n":
        nxt = text.find("\n", end + 1)
        line = text[end + 1:nxt if nxt >= 0 else len(text)]
        if not line.strip() or len(line.strip()) > _DL_MAX_LINE or _dateline_in(line) is None \
                or not _only_date(line):
            break
        end += 1 + len(line)
    return end


def day_first(line: str) -> date | None:
    """The other reading of a numeric dateline whose two numbers could each be the month ("11 / 09 / 2010":
    November 9 as read, September 11 day-first), or None when the line is no such date."""
    if _DL_DAY_MONTH.search(line) or _DL_MONTH_DAY.search(line):
        return None
    m = _DL_NUMERIC.search(line)
    if not m or int(m.group(1)) > 12 or int(m.group(1)) == int(m.group(2)):
        return None
    y = int(m.group(3))
    return _make(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1)))


def _only_date(line: str) -> bool:
    rest = _DL_MONTH_DAY.sub(" ", _DL_DAY_MONTH.sub(" ", line))
    words = [w for w in _ALPHA.findall(rest) if w.lower() not in _DL_WORDS and w.lower() not in MONTHS]
    return len(words) <= _DL_OTHER and all(w[:1].isupper() for w in words)


def _dateline_in(line: str) -> tuple[date, bool] | None:
    m = _DL_DAY_MONTH.search(line)
    if m:
        d = _make(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
        return (d, True) if d else None
    m = _DL_MONTH_DAY.search(line)
    if m:
        year = int(m.group(3)) if m.group(3) else None
        d = _make(year, _month(m.group(1)), int(m.group(2)))
        return (d, year is not None) if d else None
    m = _DL_NUMERIC.search(line)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y + 2000 if y < 100 else y
        month, day = (a, b) if a <= 12 else (b, a)
        d = _make(y, month, day)
        return (d, True) if d else None
    return None


# -- date arithmetic of the timeline's resolutions ---------------------------------------------------
# Resolvers return the timeline's triple: (ISO value, note or None, the date the value sorts by).

def iso_week(d: date) -> str:
    """The ISO week of ``d`` ("2021-W47"); a week across two months whose working days lie in one of them is that
    month ("last week" of Mon Feb 23 - Sun Mar 1, 2009: February, where a weekday event of it fell)."""
    monday = d - timedelta(days=d.weekday())
    friday, sunday = monday + timedelta(days=4), monday + timedelta(days=6)
    if monday.month != sunday.month and monday.month == friday.month:
        return monday.isoformat()[:7]
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def nearest_year(month: int, day: int, ref: date) -> date | None:
    cands = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    return min(cands, key=lambda d: abs((d - ref).days)) if cands else None


def other_year(d: date, p: date, tense: str | None) -> date:
    """A yearless day read nearest to ``p``, moved a year when it lies far on the side its verb rules out
    (``tense``: 'past', 'future' or None, as :func:`corroborate.text.time_words.marked_tense` says)."""
    shift = -1 if tense == "past" and (d - p).days > _TENSE_DAYS else \
        1 if tense == "future" and (p - d).days > _TENSE_DAYS else 0
    try:
        return d.replace(year=d.year + shift)
    except ValueError:
        return d  # February 29 of a leap year: no such day the other year; the nearest reading stands


def stated_day(after: str, target: int, p: date) -> date | None:
    """The day a weekday's own words name right after it: a bracketed month-day ("(Sep 19)", "(7 Oct)") in the year
    nearest to ``p``, or the week named ("Tuesday of last week": weekday ``target``, 0 = Monday, of that week)."""
    if (w := _OF_WEEK.match(after)) is not None:
        return p + timedelta(days=target - p.weekday() + 7 * {"last": -1, "this": 0, "next": 1}[w.group(1).lower()])
    m = _BRACKETED.match(after)
    if m is None:
        return None
    name, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    return nearest_year(_month(name), int(day), p)


def month_of(p: date, shift: int) -> tuple[str, None, date]:
    """P's month moved by ``shift`` months, as "YYYY-MM"."""
    k = p.year * 12 + p.month - 1 + shift
    d = date(k // 12, k % 12 + 1, 1)
    return d.isoformat()[:7], None, d


def month_last(mod: str, month: int, p: date) -> tuple[str, None, date]:
    """"last October": the latest October before P's month; "next March": the first after it; "this June": P's
    year's."""
    if mod == "last":
        return month_of(p, -((p.month - month) % 12 or 12))
    if mod == "next":
        return month_of(p, (month - p.month) % 12 or 12)
    return month_of(p, month - p.month)


def month_in_year(mod: str, month: int, p: date) -> tuple[str, None, date]:
    """"in February last year": that month of the year before P (this: P's year; next: the year after)."""
    y = p.year + {"this": 0, "last": -1, "next": 1}[mod]
    return month_of(date(y, month, 1), 0)


def season_year(mod: str, season: str, p: date) -> tuple[str, None, date]:
    """"last summer": the most recent summer over before P; "this"/"next": the year of the one to come."""
    first, last = SEASONS[season]
    if mod == "last":
        y = p.year if p.month > last else p.year - 1
    elif mod == "next":
        y = p.year if p.month < first else p.year + 1
    else:
        y = p.year
    return str(y), None, date(y, first, 1)


def ago(m: re.Match[str], p: date) -> tuple[str, None, date]:
    """"two days ago" -> a day; "three weeks ago" -> a week; "a month ago" -> a month; "eight years ago" -> a year."""
    n = NUMBERS.get(m.group(1).lower()) or int(m.group(1))
    unit = m.group(2).lower().rstrip("s") if m.lastindex and m.lastindex >= 2 else "day"
    if unit == "day":
        d = p - timedelta(days=n)
        return d.isoformat(), None, d
    if unit == "week":
        d = p - timedelta(days=7 * n)
        return iso_week(d), None, d - timedelta(days=d.weekday())
    if unit == "month":
        return month_of(p, -n)
    return str(p.year - n), None, date(p.year - n, 1, 1)


def shifted(anchor: str, unit: str, shift: int) -> tuple[str, date] | None:
    """An ISO value ``anchor`` ("2012-06-14", "2012-06", "2012") moved by ``shift`` units of ``unit`` ("day",
    "week", "month", "year"), at that unit's precision (a week as its ISO week); None when the anchor is too
    coarse (a year for a day), a week or a range (a decade)."""
    if "W" in anchor or "/" in anchor or len(anchor) < {"day": 10, "week": 10, "month": 7, "year": 4}[unit]:
        return None
    y = int(anchor[:4])
    if unit == "year":
        return str(y + shift), date(y + shift, 1, 1)
    m = int(anchor[5:7])
    if unit == "month":
        value, _, d = month_of(date(y, m, 1), shift)
        return value, d
    d = date(y, m, int(anchor[8:10]))
    if unit == "week":
        d += timedelta(days=7 * shift)
        return iso_week(d), d - timedelta(days=d.weekday())
    d += timedelta(days=shift)
    return d.isoformat(), d
