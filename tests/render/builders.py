"""A small hand-built report (fictional articles) that exercises every part of the HTML views.

One article carries hostile markup (``<script>``, ``onerror=``, a tracking URL): every renderer must show it
as text. Spans are built with :meth:`Span.of`, so the span rule holds by construction.
"""

from __future__ import annotations

from corroborate.model import (
    Article,
    BriefSentence,
    Conflict,
    Drift,
    Entity,
    InputError,
    Quote,
    Removal,
    RepeatGroup,
    Report,
    Reuse,
    Span,
    Statement,
    Story,
    TimelineEvent,
)

HOSTILE = "<script>alert('pwned')</script> <img src=x onerror=alert(1)> </textarea><!-- -->"
TRACKER = "Read more: http://evil.example/track?id=1"

GAZETTE = (
    "Ferry runs aground off Port Elin\n\n"
    "A ferry ran aground off Port Elin on Monday night, and two crew members were injured. "
    "The harbour master, Ana Ruiz, said the vessel struck a sandbank.\n\n"
    "“We are relieved that nobody was lost,” Ruiz said.\n\n"
    f"{TRACKER}\n\n"
    f"Caption: {HOSTILE}\n\n"
    f"Caption: {HOSTILE}\n"
)
WIRE = (
    "Port Elin ferry grounded\n\n"
    "A ferry ran aground off Port Elin on Monday night; four crew members were injured. "
    "Harbour master Ana Ruiz said the ship hit a sandbank. "
    "Officials denied the ferry was overloaded.\n"
)
ECHO = (
    "A ferry ran aground off Port Elin on Monday night; four crew members were injured. "
    "Harbour master Ana Ruiz said the ship had hit a sandbank. "
    "Officials confirmed the ferry was overloaded.\n"
)
BRIDGE = "Council approves the new Elin bridge\n\nThe town council approved the new bridge on Tuesday.\n"


def sp(article: Article, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(needle, start + 1)
    return Span.of(article, start, start + len(needle))


def sample_report() -> Report:
    a = Article("a1gazette", "harbour-gazette", "Ferry runs aground <b>off</b> Port Elin", "2025-03-04",
                "examples/gazette.txt", GAZETTE, url="https://gazette.example/ferry?a=1&b=<2>")
    b = Article("b2wire", "coast-wire", "Port Elin ferry grounded", "2025-03-04T06:00:00", "examples/wire.txt", WIRE)
    c = Article("c3echo", "daily-echo", None, "2025-03-04T09:00:00", "examples/echo.txt", ECHO)
    d = Article("d4bridge", "town-news", "Council approves the new Elin bridge", None, "examples/bridge.txt", BRIDGE)

    a_s1 = sp(a, "A ferry ran aground off Port Elin on Monday night, and two crew members were injured.")
    b_s1 = sp(b, "A ferry ran aground off Port Elin on Monday night; four crew members were injured.")
    c_s1 = sp(c, "A ferry ran aground off Port Elin on Monday night; four crew members were injured.")
    a_s2 = sp(a, "The harbour master, Ana Ruiz, said the vessel struck a sandbank.")
    b_s2 = sp(b, "Harbour master Ana Ruiz said the ship hit a sandbank.")
    c_s2 = sp(c, "Harbour master Ana Ruiz said the ship had hit a sandbank.")
    b_s3 = sp(b, "Officials denied the ferry was overloaded.")
    c_s3 = sp(c, "Officials confirmed the ferry was overloaded.")
    quote = sp(a, "“We are relieved that nobody was lost,”")
    hostile = [sp(a, HOSTILE), sp(a, HOSTILE, 1)]

    repeats = [
        RepeatGroup("exact", hostile, "within"),
        RepeatGroup("exact", [b_s1, c_s1], "across", original=b_s1),
        RepeatGroup("near", [b_s2, c_s2], "across", similarity=0.81),
        RepeatGroup("paraphrase", [a_s2, b_s2], "across", similarity=0.9),
        RepeatGroup("paraphrase", [b_s3, c_s3], "across", similarity=0.88,
                    drift=Drift(changed=(("denied", "confirmed"),), kinds=("negation",),
                                why="a denial became a confirmation")),
    ]
    conflicts = [
        Conflict("number", [a_s1, b_s1], ["two", "four"],
                 "injured crew: two (harbour-gazette) vs four (coast-wire)", 0.86),
        Conflict("drift", [b_s3, c_s3], ["denied", "confirmed"],
                 "the rewrite turns a denial into a confirmation", 0.74),
    ]
    brief = [
        BriefSentence("A ferry ran aground off Port Elin on Monday night.", [a_s1, b_s1], 2),
        BriefSentence("The harbour master said the vessel struck a sandbank.", [a_s2, b_s2], 2),
        BriefSentence("“We are relieved that nobody was lost,” Ruiz said.", [quote], 1, single_source=True),
    ]
    ferry = Story(
        id="s1",
        articles=[a.id, b.id, c.id],
        statements=[Statement("A ferry ran aground off Port Elin.", [a_s1, b_s1, c_s1],
                              ["harbour-gazette", "coast-wire", "daily-echo"], 2,
                              independence="daily-echo repeats coast-wire and counts once")],
        conflicts=conflicts,
        brief=brief,
        quotes=[Quote("Ana Ruiz", "said", "We are relieved that nobody was lost", [quote],
                      speaker_span=sp(a, "Ruiz", 1))],
        entities=[Entity("Ana Ruiz", "PER", ["Ruiz", "harbour master"], [sp(a, "Ana Ruiz"), sp(b, "Ana Ruiz")]),
                  Entity("Port Elin", "LOC", [], [sp(a, "Port Elin"), sp(b, "Port Elin")])],
        timeline=[TimelineEvent("2025-03-03", "ferry runs aground", [a_s1], expression="Monday night")],
    )
    bridge = Story(id="s2", articles=[d.id],
                   brief=[BriefSentence("The town council approved the new bridge on Tuesday.",
                                        [sp(d, "The town council approved the new bridge on Tuesday.")], 1,
                                        single_source=True)])
    return Report(
        articles=[a, b, c, d],
        method={"alignment": "lexical", "nlp": "rules (no NLP model)", "engine": "local"},
        errors=[InputError("feeds/<broken>.rss", "malformed feed: unclosed <channel>")],
        removed=[Removal("promo line", sp(a, TRACKER))],
        repeats=repeats,
        reuse=[Reuse(copy=c.id, original=b.id, share=1.0, why="every sentence repeats coast-wire, 3 h later")],
        stories=[ferry, bridge],
        counters={"articles": 4},
    )


def all_spans(report: Report) -> list[Span]:
    """Every span a story view points to (what the HTML must mark)."""
    spans: list[Span] = [r.span for r in report.removed]
    spans += [m for g in report.repeats for m in g.members]
    for s in report.stories:
        spans += [x for c in s.conflicts for x in c.spans]
        spans += [x for b in s.brief for x in b.citations]
        spans += [x for q in s.quotes for x in q.spans]
        spans += [x for t in s.timeline for x in t.spans]
        spans += [x for st in s.statements for x in st.spans]
    return spans
