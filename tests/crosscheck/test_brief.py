"""The brief: deduplicated, cited, most corroborated first, single-source statements marked."""

from __future__ import annotations

from corroborate.crosscheck.brief import (
    BriefConfig,
    citation_supports,
    content_words,
    inside_quotes,
    make_brief,
    supported,
    unnamed_quotes,
)
from corroborate.crosscheck.claims import extract_claims
from corroborate.ingest.segment import segment
from corroborate.model import Article, Span, Statement


def statement(article: Article, text: str, sources: int) -> Statement:
    start = article.text.index(text)
    span = Span.of(article, start, start + len(text))
    return Statement(text, [span], [article.outlet], sources, single_source=sources <= 1)


def jaccard(x: str, y: str) -> float:
    a, b = content_words(x), content_words(y)
    return len(a & b) / len(a | b)


ART = Article("a", "gazette", None, None, None,
              "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday. "
              "On Wednesday twenty-seven migrants died when their dinghy sank off Calais. "
              "France withdrew its invitation to the Home Secretary for Sunday's talks. "
              "The Home Office declined to comment on the decision at all. "
              "Pictured: migrants. "
              "What would anyone else have done differently in this case?")


def test_brief_dedupes_cites_and_orders() -> None:
    sts = [statement(ART, "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday.", 3),
           statement(ART, "On Wednesday twenty-seven migrants died when their dinghy sank off Calais.", 2),
           statement(ART, "France withdrew its invitation to the Home Secretary for Sunday's talks.", 2),
           statement(ART, "The Home Office declined to comment on the decision at all.", 1),
           statement(ART, "Pictured: migrants.", 1),
           statement(ART, "What would anyone else have done differently in this case?", 1)]
    brief = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard)
    assert [b.text[:20] for b in brief] == ["Twenty-seven migran", "France withdrew its ", "The Home Office decl"] \
        or [b.text[:20] for b in brief] == ["Twenty-seven migrant", "France withdrew its ", "The Home Office decl"]
    assert [b.independent_sources for b in brief] == [3, 2, 1]
    assert [b.single_source for b in brief] == [False, False, True]
    for b in brief:
        assert b.citations and all(ART.text[c.start:c.end] == c.text for c in b.citations)


def test_brief_limits_and_avoids_distorted_spans() -> None:
    sts = [statement(ART, "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday.", 3),
           statement(ART, "The Home Office declined to comment on the decision at all.", 1)]
    avoid = frozenset({(s.article, s.start, s.end) for s in sts[0].spans})
    brief = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard, avoid=avoid)
    assert [b.text for b in brief] == [sts[1].text]
    capped = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard,
                        config=BriefConfig(max_sentences=1))
    assert len(capped) == 1


def test_the_brief_closes_with_the_strongest_disagreements() -> None:
    from corroborate.crosscheck.brief import disagreements
    from corroborate.model import Article, Conflict

    a = Article("a", "o", None, None, None, "27 died. 29 died. In Paris. In Calais.")
    weak = Conflict("place", [Span.of(a, 19, 24), Span.of(a, 29, 35)], ["Paris", "Calais"],
                    "where: Paris vs Calais", 0.4)
    strong = Conflict("number", [Span.of(a, 0, 2), Span.of(a, 9, 11)], ["27", "29"], "how many died: 27 vs 29", 0.9)
    lines = disagreements([weak, strong], limit=1)
    assert [s.text for s in lines] == ["Sources disagree — how many died: 27 vs 29"]
    assert lines[0].citations == sorted(strong.spans)


def test_unnamed_quotes_stay_out_of_the_brief() -> None:
    class _Claim:
        def __init__(self, text: str) -> None:
            self.text, self.ref = text, text

    claims = [_Claim("“We will win,” she said."), _Claim("“We will win,” Sen. John McCain said."),
              _Claim("McCain said “we will win”."), _Claim("The vote was held on Tuesday.")]
    assert unnamed_quotes(claims) == {"“We will win,” she said."}


def _inside_quotes(text: str) -> list[str]:
    """The claims of ``text`` that :func:`inside_quotes` marks as somebody's words."""
    art = Article("a", "o", None, None, None, text)
    passages = {"a": segment(art)}
    claims = extract_claims(art, passages["a"])
    quoted = inside_quotes(passages, claims)
    return [c.text for c in claims if c.ref in quoted]


def test_sentences_inside_a_quotation_are_not_stated_as_fact() -> None:
    text = ("A Home Office source said: ‘This letter debacle shows what Priti has been battling. We’ve already "
            "made every offer the French made.’\n\nThe Home Office declined to comment on the letter.")
    assert _inside_quotes(text) == ["We’ve already made every offer the French made.’"]


def test_a_quotation_in_straight_quotes_is_followed_into_its_next_sentence() -> None:
    text = ('"We have a jobs bill waiting. You have been debating a commemorative coin for baseball?" the '
            'senator asked.\n\nThe Senate adjourned on Friday.')
    assert _inside_quotes(text) == ['You have been debating a commemorative coin for baseball?" the senator asked.']


def test_every_sentence_of_a_straight_quotation_is_somebodys_words() -> None:
    # The middle sentences hold no quotation mark at all: they are still inside the quotation.
    text = ('"What have you been doing, Tom?" the mayor asked. "You have been renaming a park. You have voted on '
            'a new flag for the town hall. That is not fixing a single road," he said.\n\nThe council met on Monday.')
    assert _inside_quotes(text) == ["You have voted on a new flag for the town hall.",
                                    'That is not fixing a single road," he said.']


def test_a_quote_whose_speaker_is_a_pronoun_is_left_out_of_the_brief() -> None:
    text = ("He did pledge to “eradicate from the face of the Earth” Islamic terrorism.\n\n"
            "Senator Jane Roe called the plan “a good start” on Monday.")
    art = Article("a", "o", None, None, None, text)
    claims = extract_claims(art, segment(art))
    unnamed = unnamed_quotes(claims)
    assert [c.text.split()[0] for c in claims if c.ref in unnamed] == ["He"]


def test_a_speaker_described_but_not_named_leaves_the_quote_out() -> None:
    text = ("“We already have things on the calendar,” said the Democratic staffer on Monday.\n\n"
            "Their boredom drew attention, including a BuzzFeed article titled “The Girls Could Not Be More Bored.”\n\n"
            "“We already have things on the calendar,” the White House said on Monday.\n\n"
            "“We already have things on the calendar,” Harry Reid told reporters.\n\n"
            "“Try harder. Try showing a little class,” she wrote above a picture of the Obama daughters.")
    art = Article("a", "o", None, None, None, text)
    claims = extract_claims(art, segment(art))
    unnamed = unnamed_quotes(claims)
    kept = [c.text for c in claims if c.ref not in unnamed]
    assert len(kept) == 2 and "White House said" in kept[0] and "Harry Reid told" in kept[1]


def test_a_citation_must_state_the_sentences_fact() -> None:
    sentence = "The Wall Street Journal reported on Friday that AARP was softening its opposition to benefit cuts."
    assert citation_supports(sentence, "The Journal first reported Friday that AARP has decided to accept "
                                       "benefit cuts, softening its opposition.")
    # Same topic, same names, another fact: the denial of the report is not the report.
    assert not citation_supports(sentence, "Our position has not changed on Social Security, an AARP "
                                           "spokeswoman said in an email.")
    art = Article("a", "o", None, None, None, "An unrelated line about the weather in Ohio.")
    other = Span.of(art, 0, len(art.text))
    own = Span("b", 0, 5, "AARP.")
    # The sentence's own span stays whatever it shares; the unrelated one goes.
    assert supported(sentence, [own, other]) == [own]


def test_the_next_lead_opens_the_brief_when_the_best_one_is_unusable() -> None:
    best_lead = statement(ART, "Twenty-seven migrants died when their dinghy sank off Calais on Wednesday.", 3)
    later = statement(ART, "France withdrew its invitation to the Home Secretary for Sunday's talks.", 2)
    lead = statement(ART, "The Home Office declined to comment on the decision at all.", 1)
    unusable = frozenset((s.article, s.start, s.end) for s in best_lead.spans)  # e.g. the drifted side
    brief = make_brief([later, lead], sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard,
                       leads=[best_lead, lead], avoid=unusable)
    assert [b.text[:6] for b in brief] == ["The Ho", "France"]


def test_a_headline_or_a_pronoun_never_opens_the_brief() -> None:
    from corroborate.crosscheck.brief import _sentence

    assert not _sentence("Williams' DUI arrest just the latest for Chargers")
    assert not _sentence("He is the second player this month to be arrested .")
    assert _sentence("Chargers tackle Jamal Williams was arrested early Sunday .")
    assert _sentence("The senator said: “We will vote.”")


def test_the_lead_takes_the_wording_that_is_an_articles_lead() -> None:
    # One statement holds an outlet's lede and a later line of another outlet; the shorter line is not the lead.
    art = Article("b", "wire", None, None, None,
                  "Chargers tackle Jamal Williams was arrested early Sunday on suspicion of drunken driving. "
                  "Vincent Jackson was also arrested last month on suspicion of drunk driving.")
    lede, other = statement(art, art.text.split(". ")[0] + ".", 2), statement(art, art.text.split(". ")[1], 2)
    merged = Statement(lede.text, [*lede.spans, *other.spans], ["wire"], 2)
    wordings = lambda _s: [(other.text, other.spans), (lede.text, lede.spans)]  # noqa: E731 -- shortest first
    plain = make_brief([merged], sentence_of=wordings, similarity=jaccard, leads=[merged])
    assert plain[0].text.startswith("Vincent")
    led = make_brief([merged], sentence_of=wordings, similarity=jaccard, leads=[merged],
                     lead_spans=frozenset({(art.id, lede.spans[0].start, lede.spans[0].end)}))
    assert led[0].text.startswith("Chargers tackle")


def test_the_lead_passages_are_the_first_sentences_of_running_text() -> None:
    from corroborate.crosscheck.core import _lead_passages

    page = Article("c", "site", None, None, None,
                   "Chargers' Williams arrested on DUI suspicion\n2 A . M . FEB . 4 , 2009\n"
                   "Chargers tackle Jamal Williams was arrested early Sunday on suspicion of drunk driving .\n"
                   "He was pulled over for speeding on a freeway outside downtown San Diego .\n"
                   "The team said it was aware of the arrest and had no further comment .")
    ps = segment(page)
    lead = _lead_passages({page.id: ps})[page.id]
    assert [ps[i].text[:12] for i in sorted(lead)] == ["Chargers tac", "He was pulle"]


def test_a_sentence_cut_from_a_running_quotation_reads_closed() -> None:
    art = Article("q", "gazette", None, None, None,
                  'Harbour master Ann Vale said: "The crew did everything right. The weather turned fast." '
                  "The ferry Morwen Star ran aground on the reef on Monday night.")
    sts = [statement(art, "The ferry Morwen Star ran aground on the reef on Monday night.", 2),
           statement(art, 'Harbour master Ann Vale said: "The crew did everything right.', 2)]
    brief = make_brief(sts, sentence_of=lambda s: [(s.text, s.spans)], similarity=jaccard)
    assert [b.text for b in brief] == ["The ferry Morwen Star ran aground on the reef on Monday night.",
                                       'Harbour master Ann Vale said: "The crew did everything right."']
    assert brief[1].citations[0].text == 'Harbour master Ann Vale said: "The crew did everything right.'
