"""Small helpers shared by the human-readable renderers (text, Markdown, HTML)."""

from __future__ import annotations

from collections.abc import Iterable

from corroborate.model import Quote, Removal, Report, Span


def independent_sources(report: Report, article_ids: Iterable[str]) -> int:
    """How many independent sources the given articles of a story are: the cross-check's own definition
    (:func:`corroborate.crosscheck.independence.source_of`: a copy whose reused share reaches its threshold, and
    articles of one outlet, count once), so a story's header and its brief's counts never disagree."""
    from corroborate.crosscheck.independence import source_of

    wanted = set(article_ids)
    articles = [a for a in report.articles if a.id in wanted]
    source, _ = source_of(articles, report.reuse)
    return len(set(source.values()))


def noise(report: Report) -> list[Removal]:
    """What ``clean`` removed as scrape noise, without the places a reader repaired (those stay in the text)."""
    from corroborate.ingest.clean import REPAIRS

    return [r for r in report.removed if r.reason not in REPAIRS]


def repairs(report: Report) -> list[Removal]:
    """The places a reader repaired (mojibake): listed in ``report.removed`` with their reason, kept in the text."""
    from corroborate.ingest.clean import REPAIRS

    return [r for r in report.removed if r.reason in REPAIRS]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 article``, ``3 articles``; ``1 story``, ``2 stories`` with ``plural``."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def distinct_values(values: Iterable[str]) -> list[str]:
    """A conflict's values once each, in order: one value per span repeats what several outlets agree on
    ("Calais" three times against "Paris"), and "Ms Patel" / "Ms. Patel" are one value to a reader."""
    from corroborate.crosscheck.findings import value_key

    first: dict[str, str] = {}
    for v in values:
        first.setdefault(value_key(v), v)
    return list(first.values())


def sources_label(count: int) -> str:
    return counted(count, "independent source")


def short(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters: renderers quote passages, they don't dump articles."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def outlet_of(report: Report, article_id: str) -> str:
    try:
        return report.article(article_id).outlet
    except KeyError:
        return article_id


def cite(report: Report, span: Span) -> str:
    """A compact citation: outlet and character range, enough to find the passage again."""
    return f"{outlet_of(report, span.article)}:{span.start}-{span.end}"


def citations(report: Report, spans: Iterable[Span]) -> list[tuple[str, int]]:
    """A brief sentence's citations as a reader scans them: one per article, its first span, with how many more
    spans of that article it also cites (a scraped page that repeats its captions, or a spun copy inside it,
    would otherwise fill the line with one outlet). The JSON keeps every span."""
    first: dict[str, Span] = {}
    more: dict[str, int] = {}
    for span in spans:
        if span.article in first:
            more[span.article] += 1
        else:
            first[span.article], more[span.article] = span, 0
    return [(cite(report, span), more[article]) for article, span in first.items()]


def distinct_quotes(quotes: list[Quote]) -> list[tuple[Quote, list[Span]]]:
    """Each quote once, with the spans of every copy of it (same speaker, kind and words, in several articles
    of a story: a syndicated copy repeats its quotes), in the order of first appearance. The JSON keeps every
    copy; a reader's list shows the words once."""
    seen: dict[tuple[str | None, str, str], int] = {}
    out: list[tuple[Quote, list[Span]]] = []
    for q in quotes:
        key = (q.speaker, q.kind, " ".join(q.text.split()))
        if key in seen:
            out[seen[key]][1].extend(q.spans)
        else:
            seen[key] = len(out)
            out.append((q, list(q.spans)))
    return out


def copies(spans: list[Span]) -> str:
    """" (in 3 articles)" when the spans lie in more than one article, else nothing."""
    n = len({s.article for s in spans})
    return f" (in {n} articles)" if n > 1 else ""


def quote_cue(quote: Quote) -> str:
    """The cue as shown beside the speaker; reported speech says so ("said, reported speech"). A direct quote with
    no speech verb of its own shows where its speaker came from: "from context" (the quote before it, the paragraph
    before, a name and a colon), or "no cue" when nothing names one."""
    if quote.kind == "direct" and quote.cue is None:
        return "from context" if quote.speaker or quote.speaker_span is not None else "no cue"
    cue = quote.cue or quote.kind
    return f"{cue}, reported speech" if quote.kind == "reported" else cue


def quote_words(quote: Quote, limit: int) -> str:
    """A quote's words as shown: a direct quote in quotation marks; reported speech ("He said this has led to
    ...") without them, since the words are the outlet's, not the speaker's, and marks would pass them off as
    verbatim."""
    text = short(quote.text, limit)
    return f"“{text}”" if quote.kind == "direct" else text


def speaker_label(quote: Quote) -> str:
    """Who said it, as a reader should see it: the named speaker, else "unattributed" with the words that
    introduced the quote ("unattributed (a spokesman for Mr Darmanin)")."""
    if quote.speaker:
        return quote.speaker
    if quote.speaker_span is not None and quote.speaker_span.text.strip():
        return f"unattributed ({quote.speaker_span.text.strip()})"
    return "unattributed"
