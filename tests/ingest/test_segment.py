"""Segmentation: sentence boundaries news text needs, offsets that always match the text."""

from __future__ import annotations

from corroborate.ingest.clean import clean
from corroborate.ingest.segment import segment, split_sentences
from corroborate.model import Article, Removal, Span
from tests.conftest import shared_path


def _article(text: str) -> Article:
    return Article(id="a", outlet="o", title=None, published=None, path=None, text=text)


def _sentences(text: str) -> list[str]:
    return [p.text for p in segment(_article(text))]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Ms. Patel met Mr. Macron in the U.K. on Friday. J. K. Rowling was not there. Dr. Who? No."
    assert _sentences(text) == [
        "Ms. Patel met Mr. Macron in the U.K. on Friday.",
        "J. K. Rowling was not there.",
        "Dr. Who?",
        "No.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "He snorted, “I am surprised.” He said, “We are not whistle-blowers.” Then he left."
    assert _sentences(text) == ["He snorted, “I am surprised.”", "He said, “We are not whistle-blowers.”",
                                "Then he left."]


def test_ellipsis_and_dash_continue_the_sentence() -> None:
    text = "When there are exchanges … and lives at stake … it is odd. Seven women – one pregnant – died."
    assert _sentences(text) == ["When there are exchanges … and lives at stake … it is odd.",
                                "Seven women – one pregnant – died."]


def test_decimal_numbers_do_not_split() -> None:
    assert _sentences("Growth was 3.5 per cent in 2021. It fell.") == ["Growth was 3.5 per cent in 2021.", "It fell."]


def test_headline_and_caption_lines_are_passages() -> None:
    text = "Ferry runs aground off Port Elin\nA ferry ran aground on Monday.\n\nPassengers wait on the quay"
    passages = segment(_article(text))
    assert [p.text for p in passages] == ["Ferry runs aground off Port Elin", "A ferry ran aground on Monday.",
                                          "Passengers wait on the quay"]
    assert [p.paragraph for p in passages] == [0, 0, 1]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "The council said the bridge would\nreopen next week after repairs.\nA second sentence."
    assert _sentences(text) == ["The council said the bridge would\nreopen next week after repairs.",
                                "A second sentence."]


def test_removed_spans_are_excluded_and_cut_sentences() -> None:
    text = "Boats sank off the coast. Pictured: Migrants on the beach"
    article = _article(text)
    start = text.index("Pictured:")
    removal = Removal("caption marker", Span.of(article, start, start + len("Pictured:")))
    assert [p.text for p in segment(article, [removal])] == ["Boats sank off the coast.", "Migrants on the beach"]


def test_offsets_match_text_on_the_seeds() -> None:
    for path in sorted(shared_path("seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        article = _article(text)
        passages = segment(article, clean(article))
        assert passages, path
        last_end = 0
        for p in passages:
            assert text[p.start:p.end] == p.text
            assert p.start >= last_end  # monotonic, non-overlapping
            assert p.text == p.text.strip()
            last_end = p.end


def test_split_sentences_respects_bounds() -> None:
    text = "xx First one. Second one. yy"
    spans = split_sentences(text, 3, len(text) - 3)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one."]


def test_a_tokenised_month_abbreviation_does_not_end_the_sentence() -> None:
    # ECB+ text is tokenised: "Jan . 6" is one date, so the timeline can read it.
    text = "The deal was signed on Jan . 6 , 2009 in Paris . It held ."
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "The deal was signed on Jan . 6 , 2009 in Paris .", "It held ."]


def test_no_is_a_number_sign_only_before_a_number() -> None:
    text = "He said no. The vote failed. It was No. 5 on the list."
    assert [text[s:e] for s, e in split_sentences(text, 0, len(text))] == [
        "He said no.", "The vote failed.", "It was No. 5 on the list."]


def test_spaced_initials_of_tokenised_text_keep_a_name_in_one_sentence() -> None:
    def sentences(t: str) -> list[str]:
        return [t[a:b] for a, b in split_sentences(t, 0, len(t))]

    assert sentences("Officials said A . J . Smith was hired . He starts Monday .") == [
        "Officials said A . J . Smith was hired .", "He starts Monday ."]
    assert len(sentences("President George W . Bush spoke . Then he left .")) == 2
    assert len(sentences("It is rated A . The film is long .")) == 2  # a grade, not an initial


def test_sentences_glued_at_a_paragraph_join_are_split_again() -> None:
    text = ("Crowds gathered at the memorial.Remembrance Day marks the armistice.A parade followed in 2018."
            "Then came rain. He lives in the U.S. and reads news.example.org on 3.5 days with Mr.Smith and J.K.Lane"
            " at ASP.NET.")
    assert _sentences(text) == [
        "Crowds gathered at the memorial.",
        "Remembrance Day marks the armistice.",
        "A parade followed in 2018.",
        "Then came rain.",
        "He lives in the U.S. and reads news.example.org on 3.5 days with Mr.Smith and J.K.Lane at ASP.NET.",
    ]


def test_glued_after_a_decade_a_sum_a_day_word_or_before_an_acronym() -> None:
    text = ("It peaked in the 1990s.Sales fell by £2.5m.The firm lay in the sun.He left on 3 May.UKIP said no."
            "They met at ASP.NET events.")
    assert _sentences(text) == ["It peaked in the 1990s.", "Sales fell by £2.5m.", "The firm lay in the sun.",
                                "He left on 3 May.", "UKIP said no.", "They met at ASP.NET events."]


def test_a_dotted_product_or_domain_name_is_not_a_glued_boundary() -> None:
    text = ("The app moved to Node.JS and Socket.IO last spring.Its old pages ran on ASP.NET and Vue.js, the "
            "blog said on HarbourTech.Com, with a map in plan.JPG for readers.Sales grew.EU rules apply.")
    assert _sentences(text) == [
        "The app moved to Node.JS and Socket.IO last spring.",
        "Its old pages ran on ASP.NET and Vue.js, the blog said on HarbourTech.Com, with a map in plan.JPG for "
        "readers.",
        "Sales grew.",
        "EU rules apply.",
    ]


def test_a_glued_straight_quote_goes_to_the_sentence_it_belongs_to() -> None:
    # Opens the next sentence after an attribution or before first-person speech; closes a quote the sentence
    # opened; with no quote in the sentence, the next quote mark decides.
    text = ('"The plan is over." Officials agreed. "We will go on," she said."Nobody can stop us."'
            'The mayor was calm."I stayed up," he said. "It was long. It was cold."'
            'Residents were tired."Nobody slept," one said. Officers left."The scene," they said, "is clear."')
    assert _sentences(text) == [
        '"The plan is over."',
        "Officials agreed.",
        '"We will go on," she said.',
        '"Nobody can stop us."',
        "The mayor was calm.",
        '"I stayed up," he said.',
        '"It was long.',
        'It was cold."',
        "Residents were tired.",
        '"Nobody slept," one said.',
        "Officers left.",
        '"The scene," they said, "is clear."',
    ]


def test_captions_run_into_the_next_sentence_are_split_in_long_sentences() -> None:
    # Daily Mail captions carry no full stop; a scrape without line breaks runs them into the body.
    text = ("Ann Vale (pictured) learned the language to win a part in a sitcom set in the old port town "
            "The risk paid off as the actress, who calls herself a late starter, landed the role in 2014 "
            "She fits in so well that fans call her a local. Fans of the song Don't Push It won a prize in "
            "the same town that year after the vote was counted twice in the hall.")
    assert _sentences(text) == [
        "Ann Vale (pictured) learned the language to win a part in a sitcom set in the old port town",
        "The risk paid off as the actress, who calls herself a late starter, landed the role in 2014",
        "She fits in so well that fans call her a local.",
        "Fans of the song Don't Push It won a prize in the same town that year after the vote was counted twice "
        "in the hall.",
    ]
    short = "He met the mayor In the hall they spoke."  # too short to be several captions
    assert _sentences(short) == [short]


def test_in_a_run_of_captions_a_name_or_a_quote_before_the_starter_ends_a_caption_too() -> None:
    # Once a caption ran on by the strict rule (a lower-case word, then "She fits"), the block is a run of
    # captions: "The Darwin woman" after a name and "Ms Vale" after a closing quote start sentences too.
    captions = ("Ann Vale learned the language to win a part in a sitcom set in the port of Ismol Bay "
                "The Darwin woman moved there in 2009 and sings in the old harbour bars every night "
                "She fits in so well that fans call her 'the blonde local' Ms Vale performs songs in three "
                "languages.")
    assert _sentences(captions) == [
        "Ann Vale learned the language to win a part in a sitcom set in the port of Ismol Bay",
        "The Darwin woman moved there in 2009 and sings in the old harbour bars every night",
        "She fits in so well that fans call her 'the blonde local'",
        "Ms Vale performs songs in three languages.",
    ]
    # The same joins in prose with no caption run stay whole: a title or a name, not a new sentence.
    prose = ("The court in the Dutch city The Hague heard the case over three long days of evidence from the "
             "crew, and the judge then ruled for the port's 'old guard' Mr Lane and his partners in the deal.")
    assert _sentences(prose) == [prose]
