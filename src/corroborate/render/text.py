"""Terminal output (rich): the brief first, then conflicts, then the evidence behind them."""

from __future__ import annotations

import io

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corroborate.model import RepeatGroup, Report, Story
from corroborate.render.common import (
    citations,
    cite,
    copies,
    counted,
    distinct_quotes,
    distinct_values,
    independent_sources,
    noise,
    outlet_of,
    quote_cue,
    quote_words,
    repairs,
    short,
    sources_label,
    speaker_label,
)


def _header(report: Report) -> Text:
    m = report.method
    text = Text()
    text.append("corroborate", style="bold")
    text.append(f" — {counted(len(report.articles), 'article')}, {counted(len(report.stories), 'story', 'stories')} · ")
    text.append(" · ".join(f"{k}: {v}" for k, v in m.items()), style="dim")
    return text


def _story(report: Report, story: Story) -> Panel:
    parts: list = []
    outlets = sorted({outlet_of(report, s.article) for b in story.brief for s in b.citations})
    sources = sources_label(independent_sources(report, story.articles))
    articles = counted(len(story.articles), "article")
    parts.append(Text(f"{articles} · {sources} · outlets: {', '.join(outlets) or '-'}", style="dim"))
    parts.append(Text("Brief", style="bold underline"))
    for i, sent in enumerate(story.brief, start=1):
        line = Text(f"{i}. ")
        line.append(sent.text)
        badge = "single source" if sent.single_source else f"{sent.independent_sources} independent"
        line.append(f"  [{badge}]", style="yellow" if sent.single_source else "green")
        line.append("  " + ", ".join(c + (f" (+{n} more)" if n else "")
                                     for c, n in citations(report, sent.citations)), style="dim")
        parts.append(line)
    if story.conflicts:
        parts.append(Text(""))
        parts.append(Text(f"Conflicts ({len(story.conflicts)})", style="bold underline red"))
        for c in story.conflicts:
            line = Text(f"• {c.kind}", style="bold red")
            line.append(f" ({c.confidence:.2f}) ")
            line.append(c.explanation)
            parts.append(line)
            values = " ≠ ".join(repr(v) for v in distinct_values(c.values))
            parts.append(Text(f"    values: {values}", style="magenta"))
            for span in c.spans:
                parts.append(Text(f"    {cite(report, span)}: {short(span.text, 140)}", style="dim"))
    if story.quotes:
        parts.append(Text(""))
        quotes = distinct_quotes(story.quotes)
        parts.append(Text(f"Quotes ({len(quotes)})", style="bold underline"))
        for q, spans in quotes[:LISTED]:
            parts.append(Text(f"• {speaker_label(q)} ({quote_cue(q)}): {quote_words(q, 120)}{copies(spans)}"))
        parts.extend(_more(len(quotes), LISTED, "quotes"))
    if story.entities:
        parts.append(Text(""))
        parts.append(Text(f"Entities ({len(story.entities)})", style="bold underline"))
        for e in story.entities[:LISTED]:
            aliases = f" = {', '.join(e.aliases)}" if e.aliases else ""
            parts.append(Text(f"• {e.name} [{e.type}]{aliases}"))
        parts.extend(_more(len(story.entities), LISTED, "entities"))
    if story.timeline:
        parts.append(Text(""))
        parts.append(Text("Timeline", style="bold underline"))
        undated = 0
        for ev in story.timeline:
            undated += ev.date is None
            if ev.date is None and undated > UNDATED_SHOWN:
                continue  # (the terminal is a summary: an undated article's relative days can run to dozens)
            note = f" ({ev.note})" if ev.note else ""
            said = f" “{ev.expression}”" if ev.expression else ""  # (which words were dated: a line can hold two)
            parts.append(Text(f"• {ev.date or 'undated'}{said}: {short(ev.text, 120)}{note}"))
        parts.extend(_more(undated, UNDATED_SHOWN, "undated mentions"))
    return Panel(Group(*parts), title=f"story {story.id}", title_align="left")


UNDATED_SHOWN = 3  # undated timeline mentions listed in the terminal before a count of the rest
LISTED = 20  # quotes and entities listed per story in the terminal, most important first


def _more(total: int, shown: int, what: str) -> list[Text]:
    """The line that says a list was cut after ``shown`` of ``total``, and where the rest is."""
    if total <= shown:
        return []
    return [Text(f"• … {total - shown} more {what} (every one is in --format json, markdown and html)", style="dim")]


def _repeat_line(report: Report, group: RepeatGroup) -> Text:
    line = Text(f"• {group.kind}", style="bold")
    sim = f" {group.similarity:.2f}" if group.similarity is not None else ""
    line.append(f"{sim} ({group.scope}, {len(group.members)}×): ")
    line.append(short(group.members[0].text, 110))
    if group.drift:
        changed = ", ".join(f"{a or '∅'}→{b or '∅'}" for a, b in group.drift.changed)
        line.append(f"\n    drift [{', '.join(group.drift.kinds)}]: {changed}", style="red")
    line.append("\n    at " + ", ".join(cite(report, m) for m in group.members), style="dim")
    return line


def renderables(report: Report) -> list:
    out: list = [_header(report)]
    for err in report.errors:
        out.append(Text(f"error: {err.path}: {err.error}", style="red"))
    for story in report.stories:
        out.append(_story(report, story))
    if report.reuse:
        table = Table(title="Reuse between articles", title_justify="left")
        for col in ("copy", "original", "share", "why"):
            table.add_column(col)
        for r in report.reuse:
            table.add_row(outlet_of(report, r.copy), outlet_of(report, r.original),
                          f"{r.share:.0%}", escape(r.why))
        out.append(table)
    if report.repeats:
        out.append(Text(f"Repeated passages ({len(report.repeats)})", style="bold underline"))
        out.extend(_repeat_line(report, g) for g in report.repeats)
    for heading, records in (("Removed scrape noise", noise(report)), ("Repaired encoding", repairs(report))):
        if records:
            out.append(Text(f"{heading} ({len(records)})", style="bold underline"))
            out.extend(Text(f"• {r.reason}: {short(r.span.text, 100)!r} at {cite(report, r.span)}", style="dim")
                       for r in records)
    return out


def render(report: Report, *, color: bool = False, width: int = 110) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False, soft_wrap=False)
    for item in renderables(report):
        console.print(item)
    return buffer.getvalue()
