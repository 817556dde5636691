"""Markdown: the brief first, then conflicts, quotes, entities, timeline, then repeats and removals."""

from __future__ import annotations

from corroborate.model import Report, Story
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


def _md(text: str) -> str:
    """Escape what Markdown would otherwise interpret in article text (untrusted content)."""
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def _story(report: Report, story: Story) -> list[str]:
    out = [f"## Story {story.id}", ""]
    outlets = sorted({outlet_of(report, a) for a in story.articles})
    sources = sources_label(independent_sources(report, story.articles))
    out += [f"{counted(len(story.articles), 'article')} from {', '.join(outlets)}: {sources}.", "", "### Brief", ""]
    for i, sent in enumerate(story.brief, start=1):
        badge = "single source" if sent.single_source else sources_label(sent.independent_sources)
        cites = ", ".join(f"`{c}`" + (f" (+{n} more)" if n else "") for c, n in citations(report, sent.citations))
        out.append(f"{i}. {_md(sent.text)} — *{badge}* ({cites})")
    if story.conflicts:
        out += ["", f"### Conflicts ({len(story.conflicts)})", ""]
        for c in story.conflicts:
            values = " vs ".join(f"“{_md(v)}”" for v in distinct_values(c.values))
            out.append(f"- **{c.kind}** ({c.confidence:.2f}): {_md(c.explanation)}  ")
            out.append(f"  values: {values}")
            for span in c.spans:
                out.append(f"  - `{cite(report, span)}` {_md(short(span.text, 200))}")
    if story.quotes:
        out += ["", "### Quotes", ""]
        out += [f"- **{_md(speaker_label(q))}** ({quote_cue(q)}): {_md(quote_words(q, 200))}{copies(spans)}"
                for q, spans in distinct_quotes(story.quotes)]
    if story.entities:
        out += ["", "### Entities", "", "| name | type | aliases |", "|---|---|---|"]
        out += [f"| {_md(e.name)} | {e.type} | {_md(', '.join(e.aliases))} |" for e in story.entities]
    if story.timeline:
        out += ["", "### Timeline", ""]
        for ev in story.timeline:
            note = f" *({_md(ev.note)})*" if ev.note else ""
            said = f" “{_md(ev.expression)}”" if ev.expression else ""
            out.append(f"- **{ev.date or 'undated'}**{said} {_md(short(ev.text, 200))}{note}")
    return [*out, ""]


def render(report: Report) -> str:
    m = report.method
    out = ["# corroborate report", "",
           f"{counted(len(report.articles), 'article')}, {counted(len(report.stories), 'story', 'stories')}. "
           + "; ".join(f"{k}: {v}" for k, v in m.items()), ""]
    if report.errors:
        out += ["## Inputs that failed", ""] + [f"- `{_md(e.path)}`: {_md(e.error)}" for e in report.errors] + [""]
    for story in report.stories:
        out += _story(report, story)
    if report.reuse:
        out += ["## Reuse between articles", "", "| copy | original | share | why |", "|---|---|---|---|"]
        out += [f"| {outlet_of(report, r.copy)} | {outlet_of(report, r.original)} | {r.share:.0%} | {_md(r.why)} |"
                for r in report.reuse]
        out.append("")
    if report.repeats:
        out += [f"## Repeated passages ({len(report.repeats)})", ""]
        for g in report.repeats:
            sim = f" {g.similarity:.2f}" if g.similarity is not None else ""
            out.append(f"- **{g.kind}**{sim} ({g.scope}, {len(g.members)}×): {_md(short(g.members[0].text, 160))}")
            if g.drift:
                changed = ", ".join(f"{_md(a) or '∅'} → {_md(b) or '∅'}" for a, b in g.drift.changed)
                out.append(f"  - drift ({', '.join(g.drift.kinds)}): {changed}")
            out.append("  - at " + ", ".join(f"`{cite(report, s)}`" for s in g.members))
        out.append("")
    for heading, records in (("Removed scrape noise", noise(report)), ("Repaired encoding", repairs(report))):
        if records:
            out += [f"## {heading} ({len(records)})", ""]
            out += [f"- {r.reason}: “{_md(short(r.span.text, 120))}” `{cite(report, r.span)}`" for r in records]
    return "\n".join(out).rstrip() + "\n"
