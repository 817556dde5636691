"""Quote marks: where quotations open and close."""

from __future__ import annotations

from corroborate.text.quotemarks import quote_ranges, trim_quote


def contents(text: str) -> list[tuple[str, bool]]:
    """(quoted text, closed?) for each quote of the text as one paragraph."""
    return [(text[s:e], c is not None) for _, s, e, c in quote_ranges(text, 0, len(text))]


def test_curly_and_straight_double_and_single() -> None:
    assert contents("He said “one two” and ‘three four’.") == [("one two", True), ("three four", True)]
    assert contents('He said "one two" and \'three four\'.') == [("one two", True), ("three four", True)]


def test_apostrophes_inside_words_do_not_close() -> None:
    assert contents("‘Johnson’s letter wasn’t sent’, she said.") == [("Johnson’s letter wasn’t sent", True)]
    assert contents("Ms Patel’s allies and Johnson’s aides met.") == []
    assert contents("She said it's 'Dave's' car.") == [("Dave's", True)]


def test_nested_quotes_stay_inside() -> None:
    text = "“The English say ‘take back their migrants’, it’s a mockery.” Then he left."
    assert contents(text) == [("The English say ‘take back their migrants’, it’s a mockery.", True)]


def test_open_quote_runs_to_the_paragraph_end() -> None:
    text = "A source said: ‘We made every offer. We could do no more. "
    assert contents(text) == [("We made every offer. We could do no more. ", False)]


def test_trim_drops_spaces_and_the_handover_comma() -> None:
    text = "“ We are ready, ”"
    s, e = trim_quote(text, 1, len(text) - 1)
    assert text[s:e] == "We are ready"


def test_hard_wrapped_quote_still_closes_but_an_open_one_stops_at_a_finished_line() -> None:
    wrapped = "He said “we will rebuild\nthe harbour this year” and left."
    assert contents(wrapped) == [("we will rebuild\nthe harbour this year", True)]
    lines = "A source said: ‘We made every offer.\nThe talks ended at noon."
    assert contents(lines) == [("We made every offer.", False)]


def test_tokenised_quotes_and_clitics() -> None:
    text = "`` We appreciate her family 's privacy , '' her rep said ."
    assert contents(text) == [(" We appreciate her family 's privacy , ", True)]


def test_tokenised_straight_quotes_close_even_with_a_space_before() -> None:
    text = 'He said " we squandered it , " Wayne said .'
    assert contents(text) == [(" we squandered it , ", True)]


def test_an_opening_mark_glued_to_the_word_before_opens_a_quote() -> None:
    # A pull quote glued to the paragraph of the quote itself: "...for the town"We are ready for the town," he said.
    text = 'Ready for the town"We are ready for the town," said Ann Vale. She was "glad"Then she left.'
    assert contents(text) == [("We are ready for the town,", True), ("glad", True)]


def test_a_glued_paragraph_mark_closes_one_quote_and_opens_the_next() -> None:
    # Scraped with its paragraph breaks lost: a quote left open at its paragraph's end, then its next paragraph.
    text = ('he said."We have waited eleven years for the harbour money."Now the walls cannot wait any longer." '
            'The council met.')
    assert contents(text) == [("We have waited eleven years for the harbour money.", True),
                              ("Now the walls cannot wait any longer.", True)]
    # When the next mark opens a quote, the glued mark only closed one: narrative follows it.
    text = 'he said."We have waited."The council met on Monday and the mayor said "no money" was left.'
    assert contents(text) == [("We have waited.", True), ("no money", True)]


def test_a_sentence_cut_from_a_running_quotation_is_closed() -> None:
    from corroborate.text.quotemarks import close_open_quote

    assert close_open_quote('Ana Vale said: "The crew did everything right.') == \
        'Ana Vale said: "The crew did everything right."'
    assert close_open_quote("He said “we will go further.") == "He said “we will go further.”"
    assert close_open_quote("She said: 'We made every offer.") == "She said: 'We made every offer.'"
    for text in ("He said “we will go” and left.", "Plain text.", "rock 'n' roll is here.", "the '90s were fun."):
        assert close_open_quote(text) == text
