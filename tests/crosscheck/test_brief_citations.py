"""The brief's citations: every span a sentence cites states its fact (issue 24; the classes of the citation
pool, bench/citation_pool.py). Made-up sentences only."""

from __future__ import annotations

from corroborate.crosscheck.brief import citation_supports, content_words, make_brief, supported
from corroborate.model import Article, Span, Statement


def _span(article: Article, text: str) -> Span:
    start = article.text.index(text)
    return Span.of(article, start, start + len(text))


def _jaccard(x: str, y: str) -> float:
    a, b = content_words(x), content_words(y)
    return len(a & b) / len(a | b) if a | b else 0.0


LINE = "The gale flattened barns and flooded roads across the valley, where three deaths were confirmed."
OWN = Article("own", "courier", None, None, None, LINE)
OTHER = Article("other", "herald", None, None, None,
                "Three deaths were reported in the valley on Monday. "
                "Rescuers said three people had been found alive near the pass. "
                "Police recovered the bodies of the three victims. He faces three counts of theft. "
                "The ferry sank off the cape, killing 41 people.")


def test_a_count_facts_fragments_are_cited_only_where_they_state_the_sentences_fact() -> None:
    # A count fact cites every fragment holding its number; the same words as the sentence's stay, a bare count
    # of people that only shares the number ("three people" found alive) goes.
    own = Span.of(OWN, 0, len(LINE))
    same, hikers = _span(OTHER, "Three deaths"), _span(OTHER, "three people")
    line = "The storm caused the deaths of three victims in the valley, officials said on Monday."
    mine = Span("own", 0, len(line), line)
    bodies, alive = _span(OTHER, "bodies of the three victims"), _span(OTHER, "three people")
    st = Statement(LINE, [own, same, hikers], ["courier", "herald"], 2, single_source=False)
    brief = make_brief([st], sentence_of=lambda s: [(LINE, [own, same, hikers])], similarity=_jaccard)
    assert brief[0].citations == [own, same]
    # The same number counting the same thing stays ("three victims").
    st = Statement(line, [mine, bodies, alive], ["courier", "herald"], 2, single_source=False)
    brief = make_brief([st], sentence_of=lambda s: [(line, [mine, bodies, alive])], similarity=_jaccard)
    assert brief[0].citations == [mine, bodies]


def test_a_fragment_the_sentence_states_word_for_word_supports_it() -> None:
    own = Span.of(OWN, 0, len(LINE))
    assert supported(LINE, [own, _span(OTHER, "Three deaths"), _span(OTHER, "three people")]) \
        == [own, _span(OTHER, "Three deaths")]


def test_a_fragment_with_a_count_that_seldom_recurs_stays_with_its_count_fact() -> None:
    line = "The mayor spoke after the ferry went down off the cape with the loss of 41 lives."
    own = Span("own", 0, len(line), line)
    killed, alive = _span(OTHER, "killing 41 people"), _span(OTHER, "three people")
    st = Statement(line, [own, killed, alive], ["courier", "herald"], 2, single_source=False)
    brief = make_brief([st], sentence_of=lambda s: [(line, [own, killed, alive])], similarity=_jaccard)
    assert brief[0].citations == [own, killed]
    # Outside a count fact the check alone decides.
    assert supported(line, [own, killed]) == [own]


def test_a_span_telling_what_had_happened_before_does_not_support_the_news() -> None:
    sentence = "Mark Dunne, 40, has been charged with the theft of the paintings."
    assert not citation_supports(sentence, "Mark Dunne, 40, had been questioned over a burglary in the week "
                                           "before the theft.")
    # The past perfect of somebody's report, or of a sentence that is itself in it, is no earlier fact.
    assert citation_supports(sentence, "Police said Mark Dunne, 40, had been charged with the theft of the "
                                       "paintings.")
    assert citation_supports("Dunne had been charged with the theft of the paintings, police said.",
                             "Mark Dunne had been charged with the theft of the paintings on Monday.")


def test_a_headline_supports_a_long_sentence_that_states_most_of_its_words() -> None:
    sentence = ("The city council has approved a new tram line linking the old harbour to the airport, ending "
                "three years of debate among residents, shop owners and the regional transport authority.")
    assert citation_supports(sentence, "City council approves harbour tram line")
    # Two shared names make no headline of the same fact.
    assert not citation_supports(sentence, "Harbour cafes angry at delays")


def test_a_span_giving_another_figure_for_the_same_thing_states_another_fact() -> None:
    sentence = "Coast guards seized four rifles and 200 rounds of ammunition from the smugglers' boat on Monday."
    # The season's totals next to this week's seizure.
    assert not citation_supports(sentence, "So far this year coast guards have seized 19 rifles and 2,400 rounds "
                                           "of ammunition from smugglers.")
    # A hedged figure the sentence's value fits, or the same figure in words, still supports.
    assert citation_supports(sentence, "Four rifles and about 200 rounds of ammunition were seized from the "
                                       "smugglers' boat, coast guards said.")


def test_a_span_dated_by_another_year_states_another_fact() -> None:
    from corroborate.crosscheck.citations import other_years

    sentence = "The singer also won a Grammy award in 2011 for her album of folk songs recorded in Galway."
    # Same singer, same kind of prize, same words: but another year, another award.
    assert not citation_supports(sentence, "She won a Grammy award in 2009 for her album of folk songs.")
    assert citation_supports(sentence, "She won a Grammy award in 2011 for her album of folk songs.")
    # A year in one text only, a sum or a share is no date to compare.
    assert citation_supports(sentence, "She won a Grammy award for her album of folk songs recorded in Galway.")
    assert not other_years("The fund paid $2010 in fees in 2011.", "It paid 2,010 dollars in 2011.")
    assert not other_years("Turnout was 20.15 percent in 2011.", "Turnout in 2011 was low.")
