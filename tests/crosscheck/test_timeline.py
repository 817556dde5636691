"""Timeline: time expressions resolved against the published date; undated articles say so."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.crosscheck.timeline import build_timeline, published_date
from corroborate.ingest.segment import segment
from corroborate.model import Article, TimelineEvent
from tests.seedstory import SeedStory, load_seed_story

FRIDAY = "2021-11-26"


def art(text: str, published: str | None = FRIDAY, aid: str = "a1") -> Article:
    return Article(aid, f"outlet-{aid}", None, published, None, text)


def timeline(*articles: Article) -> list[TimelineEvent]:
    events = build_timeline(list(articles), {a.id: segment(a) for a in articles})
    by_id = {a.id: a for a in articles}
    for e in events:
        for s in e.spans:
            assert by_id[s.article].text[s.start:s.end] == s.text
    return events


def one(text: str, published: str | None = FRIDAY) -> TimelineEvent:
    events = timeline(art(text, published))
    assert len(events) == 1, events
    return events[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("The boat sank off the coast on Wednesday.", "2021-11-24"),  # past tense: the Wednesday before
    ("She is due to head to the port on Sunday.", "2021-11-28"),  # future: the Sunday after
    ("Talks will resume on Monday in Brussels.", "2021-11-29"),
    ("She is no longer invited on Sunday to the meeting.", "2021-11-28"),  # present passive is not past
    ("He posted the letter on Thursday evening.", "2021-11-25"),
    ("Officers are due to travel on Friday.", "2021-11-26"),  # the same day, still to come
    ("The minister spoke last night about it.", "2021-11-25"),
    ("The minister resigned yesterday after the vote.", "2021-11-25"),
    ("Patrols could begin next week along the coast.", "2021-W48"),
    ("The tragedy earlier this week shocked the town.", "2021-W47"),
    ("A plane will monitor the shores from December 1.", "2021-12-01"),
    ("The storm hit on 3 January 2020 and again later.", "2020-01-03"),
    ("The election is due next year, officials said.", "2022"),
    ("Twenty people died two days ago at sea.", "2021-11-24"),
    ("The talks were held last Friday in Paris.", "2021-11-19"),
    ("The talks will be held next Friday in Paris.", "2021-12-03"),
])
def test_expressions_resolve_against_the_published_date(text: str, expected: str) -> None:
    event = one(text)
    assert event.date == expected
    assert event.note is None
    assert event.expression and event.expression.lower() in text.lower()
    assert event.spans[0].text == text


def test_undated_article_says_so_instead_of_guessing() -> None:
    event = one("The boat sank on Wednesday.", published=None)
    assert event.date is None
    assert event.note == "article undated: 'on Wednesday' cannot be resolved"


def test_undated_month_day_takes_the_year_of_a_dated_article_of_the_story_with_a_note() -> None:
    dated = art("Officials met on Thursday.", aid="d1")
    undated = art("Patrols start from December 1 along the coast.", published=None, aid="u1")
    events = timeline(dated, undated)
    december = next(e for e in events if e.expression == "from December 1")
    assert december.date == "2021-12-01"
    assert december.note and "outlet-d1" in december.note and "undated" in december.note


def test_undated_weekday_anchored_by_a_date_in_the_same_paragraph() -> None:
    dated = art("Officials met on Thursday.", aid="d1")
    undated = art("Ten migrants died on Wednesday when their boat sank. Pictured: the beach on November 24",
                  published=None, aid="u1")
    events = timeline(dated, undated)
    wednesday = next(e for e in events if e.expression == "on Wednesday")
    assert wednesday.date == "2021-11-24" and "same paragraph" in (wednesday.note or "")


def test_same_date_and_similar_text_merge_across_articles_in_date_order() -> None:
    a = art("The dinghy sank off the French coast on Wednesday, killing 27 people.", aid="a1")
    b = art("On Wednesday 27 people died when a dinghy sank off the French coast. Talks will be held on Sunday.",
            aid="b2")
    events = timeline(a, b)
    assert [e.date for e in events] == ["2021-11-24", "2021-11-28"]
    assert sorted(s.article for s in events[0].spans) == ["a1", "b2"]


def test_long_sentences_are_trimmed_around_the_expression() -> None:
    filler = " ".join(["word"] * 60)
    event = one(f"{filler} and the boat sank on Wednesday near the harbour {filler}.")
    assert "on Wednesday" in event.text and len(event.text) < 200 and event.text.startswith("…")
    assert len(event.spans[0].text) > len(event.text)  # the span is still the whole sentence


def test_published_date_from_field_or_dateline() -> None:
    assert published_date(art("x", "2021-11-26T09:30:00+00:00"))[0].isoformat() == "2021-11-26"
    d, note = published_date(art(" date 2021-11-26 France has told Britain.", None))
    assert d is not None and d.isoformat() == "2021-11-26" and note and "dateline" in note
    assert published_date(art("No date here.", None)) == (None, None)


def test_no_expressions_no_events() -> None:
    assert timeline(art("Nothing happened here at all.")) == []


# --- the seed story ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def story() -> SeedStory:
    return load_seed_story()


def test_seed_timeline(story: SeedStory) -> None:
    events = build_timeline(story.articles, story.passages)
    s000, s001, s002 = (story.by_prefix(p) for p in ("000", "001", "002"))
    assert s001.published and s001.published.startswith("2021-11-26")
    assert s000.published is None and s002.published is None

    # The sinking: the Wednesday of 000's "died on Wednesday when their dinghy sank off Calais".
    sinking = [e for e in events if e.date == "2021-11-24" and "sank" in e.text]
    assert sinking and all(s.article == s000.id for e in sinking for s in e.spans)
    # The Calais meeting: 001's "due to head to Calais on Sunday" is the Sunday after Friday 2021-11-26.
    calais = [e for e in events if e.date == "2021-11-28" and "Calais" in e.text]
    assert len(calais) == 1 and calais[0].spans[0].article == s001.id
    # 001 is dated: its relative expressions resolve, with no note.
    assert any(e.date == "2021-11-25" and e.expression == "on Thursday" for e in events)
    assert any(e.date == "2021-W48" for e in events)
    # 000 and 002 are undated: their relative expressions are kept with a note, not guessed.
    undated = [e for e in events if e.date is None]
    for a in (s000, s002):
        mine = [e for e in undated if e.spans[0].article == a.id]
        assert mine, a.path
        assert all(e.note and e.note.startswith("article undated:") for e in mine)
    assert any(e.note == "article undated: 'on Wednesday' cannot be resolved" for e in undated
               if e.spans[0].article == s002.id)
    # Dated events come first, in date order.
    keys = [e.date for e in events if e.date]
    assert keys == [e.date for e in events[:len(keys)]]
    assert events == build_timeline(story.articles, story.passages)


_PIECES = ["on", "last", "next", "Wednesday", "Sunday", "night", "yesterday", "week", "will", "was", "sank",
           "December", "1", "31", "2021-02-30", "days", "ago", "two", "this", "morning", ".", "\n\n", "is due to"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from([None, FRIDAY, "2020-02-29"]))
def test_any_mix_of_time_words_resolves_or_says_why(pieces: list[str], published: str | None) -> None:
    for event in timeline(art(" ".join(pieces), published)):  # timeline() asserts the span rule
        assert event.date is not None or (event.note or "").startswith("article undated")


@pytest.mark.parametrize(("sentence", "expression", "is_title"), [
    ('Speaking on ABC\'s "This Week," Sen. John McCain said it.', "This Week", True),
    ("He told NBC's Today show he would stay.", "Today", True),
    ('He appeared on "Tonight" with the host.', "Tonight", True),
    ("He said this week that he would stay.", "this week", False),
    ("Today, the Senate voted.", "Today", False),
    ('"Today, we restored the rules," she said.', "Today", False),  # a quotation it opens
])
def test_programme_titles_are_not_dates(sentence: str, expression: str, is_title: bool) -> None:
    from corroborate.text.dates import is_title as title

    start = sentence.index(expression)
    assert title(sentence, start, start + len(expression)) is is_title


def test_a_programme_title_gets_no_timeline_event() -> None:
    text = 'Speaking on ABC\'s "This Week," Sen. John McCain said the plan had failed.'
    a = Article("t", "o", None, "2010-07-04", None, text)
    events = build_timeline([a], {"t": segment(a, [])})
    assert not [e for e in events if e.expression and "week" in e.expression.lower()]


@pytest.mark.parametrize(("text", "expected"), [
    ("The law was passed in 2008 after a long fight.", "2008"),
    ("Spending fell in fiscal 2012 across the board.", "2012"),
    ("The decision came in June after months of waiting.", "2021-06"),  # the nearer June: five months back
    ("Voters go to the polls in February to choose.", "2022-02"),  # the nearer February: three months ahead
    ("He first spoke about it in March 2019 on radio.", "2019-03"),
    ("The report was published earlier this month by the agency.", "2021-11"),
    ("The figures were released last month by the agency.", "2021-10"),
    ("She called him last summer to ask about it.", "2021"),
    ("The first vote was held eight years ago in the city.", "2013"),
    ("The ruling came a month ago after the hearing.", "2021-10"),
    ("“Today’s ruling gives clear guidance,” she said.", "2021-11-26"),
    ("By Saturday, the president clarified his remarks.", "2021-11-20"),  # past tense: "by" is no future
    ("The bill could reach the floor as early as Thursday, he said.", "2021-12-02"),
    ("He was stopped at about 1 : 00 am Sunday on the highway.", "2021-11-21"),  # "am" is a clock time
])
def test_years_months_seasons_and_more_relative_dates(text: str, expected: str) -> None:
    assert one(text).date == expected


def test_every_weekday_is_a_habit_not_a_date() -> None:
    assert timeline(art("The market opens every Tuesday in the square.")) == []


def test_undated_article_reads_its_dateline_line_and_skips_it_as_an_event() -> None:
    text = "Navy foils attack at sea\nUpdated : November 11 , 2011 18 : 50 IST\nThe warship acted on Thursday ."
    events = timeline(art(text, published=None))
    assert [(e.date, e.expression) for e in events] == [("2011-11-10", "on Thursday")]
    assert events[0].note and "dateline 'Updated : November 11 , 2011 18 : 50 IST'" in events[0].note


def test_a_dateline_without_year_takes_it_from_a_dated_article_of_the_story() -> None:
    dated = art("Officials met on Thursday.", aid="d1")
    undated = art("Mumbai , Nov 27 -\nThe navy said the attack happened yesterday .", published=None, aid="u1")
    events = timeline(dated, undated)
    assert any(e.date == "2021-11-26" and e.expression == "yesterday" for e in events)


def test_a_sentence_with_a_date_is_no_dateline() -> None:
    events = timeline(art("Patrols start from December 1 along the coast.\nThey were stopped on Friday .", None))
    friday = next(e for e in events if e.expression == "on Friday")
    assert friday.date is None and (friday.note or "").startswith("article undated")


def test_a_plan_noun_is_no_future_tense() -> None:
    assert one("She sharply criticized the minister on Tuesday over his plans to speak.").date == "2021-11-23"
    assert one("She plans to speak on Tuesday in the city.").date == "2021-11-30"


def test_a_weekday_ending_a_quoted_programme_title_is_no_date() -> None:
    assert timeline(art('Speaking on "Fox News Sunday," the senator said he would stay.')) == []


@pytest.mark.parametrize(("text", "expression", "expected"), [
    ("Funding was $11.5 million in fiscal 2011 and $10.1 million the following year.", "the following year", "2012"),
    ("The mission met on November 3. The cable described a meeting the day before.", "the day before", "2021-11-02"),
    ("There were six arrests on Wednesday, compared to 47 the previous night.", "the previous night", "2021-11-23"),
    ("The school opened in 2015. That same year, a governor threatened its funding.", "That same year", "2015"),
])
def test_anaphoric_dates_count_from_the_date_named_before_them(text: str, expression: str, expected: str) -> None:
    event = next(e for e in timeline(art(text)) if e.expression == expression)
    assert event.date == expected and event.note and "counted from" in event.note


def test_an_anaphoric_date_with_nothing_before_it_dates_nothing() -> None:
    assert timeline(art("The next day, he left the city.")) == []


def test_a_bare_past_weekday_is_never_six_days_back() -> None:
    # Dated Sunday 15 August 2010: "broke with the president Monday" is the next day (the paper's date is a
    # day early), not six days before; "last Monday" keeps its week.
    assert one("The senator broke with the president Monday over the plan.", "2010-08-15").date == "2010-08-16"
    assert one("The senator had met him last Monday.", "2010-08-15").date == "2010-08-09"
    assert one("The senator broke with the president Tuesday over the plan.", "2010-08-15").date == "2010-08-10"


def test_back_in_a_month_is_the_last_one() -> None:
    # In an August paper, "back in December" is last December, though next December is nearer.
    assert one("Steele had said back in December that the party would win.", "2010-08-10").date == "2009-12"
    assert one("Steele will meet voters in December.", "2010-08-10").date == "2010-12"


# -- classes the timeline pool showed (bench/timeline_pool.py); made-up sentences, dated Friday 26 Nov 2021 --

@pytest.mark.parametrize(("text", "expected"), [
    ("The minister took office last October after the vote.", "2021-10"),
    ("At last March's summit the leaders agreed on little.", "2021-03"),
    ("The plant will open next April, the firm said.", "2022-04"),
    ("The army seized power in February last year.", "2020-02"),
    ("The port closed in June this year for repairs.", "2021-06"),
])
def test_a_month_with_last_next_or_a_year_word_is_that_month(text: str, expected: str) -> None:
    assert one(text).date == expected


def test_a_numeric_dateline_reads_day_first_when_that_is_nearer_the_story() -> None:
    dated = art("The plant reopened on Friday, police said.", published="2010-09-10", aid="d1")
    numeric = art("11 / 09 / 2010\nWorker charged\nShe argued with colleagues on Thursday evening, police said.",
                  published=None, aid="n1")
    event = next(e for e in timeline(dated, numeric) if e.spans[0].article == "n1")
    assert event.date == "2010-09-09"  # day first: 11 September, not 9 November
    assert event.note and "day first" in event.note
    alone = timeline(art(numeric.text, published=None, aid="n2"))
    assert alone[0].date == "2010-11-04"  # nothing to compare with: month first, as US sites print it


def test_due_to_a_cause_is_no_future() -> None:
    text = "The lawyers were discharged on Friday due to disagreements with their client."
    assert one(text, "2021-11-29").date == "2021-11-26"
    assert one("The envoy is due to arrive on Friday.", "2021-11-29").date == "2021-12-03"


def test_today_opening_a_quotation_is_a_date() -> None:
    assert one('"Today, the council restored the old rules," the mayor said.').date == FRIDAY


@pytest.mark.parametrize(("text", "expected"), [
    ("At the end of July, thieves robbed a jewellery store.", "2021-07"),
    ("By mid-2024, the scheme will cover every shop.", "2024"),
    ("Hot August inflation data lifted bets on a rate rise.", "2021-08"),
])
def test_month_and_year_leads(text: str, expected: str) -> None:
    assert one(text).date == expected


def test_a_month_after_since_or_a_past_copula_is_the_last_one() -> None:
    # In a November paper, the nearer February is three months ahead; these say it is over.
    assert one("The last big storm to hit the coast was in February, officials said.").date == "2021-02"
    assert one("Prices have doubled since February across the region.").date == "2021-02"
    assert one("Voters go to the polls in February to choose.").date == "2022-02"  # nothing says it is over


# -- a weekday typed with a slip (the tune half's 'Wednedsay'); made-up sentences, dated Friday 26 Nov 2021 --

@pytest.mark.parametrize(("text", "expected"), [
    ("The coach said Wednedsay the team would travel.", "2021-11-24"),
    ("The ferry sank on Thrusday off the coast.", "2021-11-25"),
    ("Talks ended on Tuesdya without a deal.", "2021-11-23"),
    ("The mayor spoke Wendesday about the plan.", "2021-11-24"),
])
def test_a_misspelled_weekday_is_that_weekday(text: str, expected: str) -> None:
    assert one(text).date == expected


@pytest.mark.parametrize("text", [
    "Sundry items were sold at the fair.",
    "The Thursby family moved to the coast.",
    "The market opens on Mondays and Fridays.",
    "Monarch butterflies crossed the valley.",
])
def test_a_word_that_only_starts_like_a_weekday_is_no_date(text: str) -> None:
    assert timeline(art(text)) == []


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The lease runs out at the end of the year.", FRIDAY, "2021-12-31"),
    ("The plant will close by the end of next year.", FRIDAY, "2022-12-31"),
    ("Sales had doubled by the end of last year.", FRIDAY, "2020-12-31"),
    ("At the end of the year, sales had risen again.", "2022-01-10", "2021-12-31"),  # the year just over
    ("The lease runs out at the end of the year.", "2022-01-10", "2022-12-31"),
])
def test_the_end_of_the_year_is_its_last_day(text: str, published: str, expected: str) -> None:
    assert one(text, published).date == expected


def test_a_relative_date_in_all_capitals_is_emphasis_not_a_title() -> None:
    assert one("The club had an awful season LAST YEAR, fans said.").date == "2020"
    assert timeline(art("The senator appeared on This Week to defend the plan.")) == []  # still a title


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the future tense of the sentence would give the weekday after the paper's date; the bracket names the day
    ("The singer will undergo tests, a court heard on Friday (Oct 7).", "2022-10-10", "2022-10-07"),
    ("Fares will rise in May, the operator said on Monday (10 Oct).", "2022-10-11", "2022-10-10"),
])
def test_a_bracketed_date_after_a_weekday_names_its_day(text: str, published: str, expected: str) -> None:
    day = next(e for e in timeline(art(text, published)) if "day" in (e.expression or ""))
    assert day.date == expected


def test_a_bracketed_date_of_another_weekday_is_not_taken() -> None:
    events = timeline(art("The panel will meet on Friday (Oct 8) in Paris.", "2022-10-10"))
    assert {e.expression: e.date for e in events}["on Friday"] == "2022-10-14"


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the nearest June is five months ahead, but the clause tells of something over: last year's
    ("Guards discovered a parcel bomb at the consulate gate in June.", "2013-01-23", "2012-06"),
    ("Until the end of January, she was still sending the interns work.", "2022-10-10", "2022-01"),
    # the nearest March 2 is five months back, but the clause is still to come: next year's
    ("The comedian will host the gala on the March 2 broadcast.", "2013-08-02", "2014-03-02"),
])
def test_a_yearless_month_or_day_far_on_the_wrong_side_of_its_tense_moves_a_year(
        text: str, published: str, expected: str) -> None:
    assert one(text, published).date == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("A special election was set for June 25.", "2013-01-31", "2013-06-25"),  # scheduled: still to come
    ("The senator said the party needs to focus on the November election.", "2010-07-20", "2010-11"),
    ("The board said it could sell the plant in November.", "2010-07-20", "2010-11"),
    ("It is the largest change to come out of the ruling in June.", "2013-08-29", "2013-06"),  # 'is': no future
    ("The remarks strayed from their push for seats in the House in November.", "2010-08-14", "2010-11"),  # sought
])
def test_the_nearest_reading_stands_without_a_clause_that_is_over_or_to_come(
        text: str, published: str, expected: str) -> None:
    assert one(text, published).date == expected


def test_a_month_and_year_with_a_tokenised_comma_is_one_date() -> None:
    # some corpora print "June , 2005": the year belongs to the month, not the month to the nearest June
    assert one("A teenager set fire to the old mill in June , 2005 .", "2010-11-05").date == "2005-06"


@pytest.mark.parametrize("text", [
    '"Today a ceasefire, tomorrow a treaty, the day after tomorrow a new border," the envoy wrote.',
    "Readers, renew your subscription today!",
    "The plant makes barely 2,000 cars today and aims for a million by 2030, it said.",
    "She hopes future generations will thank us for what we plant today.",
])
def test_rhetorical_or_present_today_names_no_day(text: str) -> None:
    assert [e for e in timeline(art(text)) if "2030" not in (e.date or "")] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Forecasters expect more rain today and tomorrow.", ["2021-11-26", "2021-11-27"]),  # a forecast
    ("Did you notice outages yesterday!", ["2021-11-25"]),
    ("The council approved today a plan to cut emissions by 2030.", ["2021-11-26", "2030"]),  # an event today
])
def test_today_and_tomorrow_that_name_days_stay(text: str, expected: list[str]) -> None:
    assert sorted(e.date or "" for e in timeline(art(text))) == expected


@pytest.mark.parametrize("text", [
    "The utility usually sends out its bills on the second Tuesday of every month.",
    "Members meet on the last Friday of the month at the hall.",
])
def test_a_weekday_counted_within_a_month_is_no_date(text: str) -> None:
    assert timeline(art(text)) == []


def test_last_weekday_followed_by_in_is_still_a_date() -> None:
    assert one("He left last Friday in a hurry.").date == "2021-11-19"


def test_an_updated_line_below_the_dateline_is_no_event() -> None:
    text = ("Ferry sinks off the cape\nPUBLISHED : MONDAY , MARCH 11 , 2013 , 10 : 34 PM\n"
            "UPDATED : TUESDAY , MARCH 12 , 2013 , 9 : 36 AM\nThe ferry sank on Monday .")
    events = timeline(art(text, None))
    assert [(e.expression, e.date) for e in events] == [("on Monday", "2013-03-11")]


@pytest.mark.parametrize(("text", "expected"), [
    ("The mill was built in the 1930s by settlers.", "1930/1939"),
    ("He ran the crew in the mid - 1960's , police said.", "1960/1969"),  # once read as the year 1960
    ("Tourism grew in the mid-1990s along the coast.", "1990/1999"),
])
def test_a_decade_is_a_range_of_years(text: str, expected: str) -> None:
    assert one(text).date == expected


@pytest.mark.parametrize("text", ["The house dates from the 1800s.", "Prices doubled in the 2000s.",
                                  "The band played the hits of the '50s."])
def test_a_century_or_a_two_digit_decade_is_no_range(text: str) -> None:
    assert timeline(art(text)) == []


def test_a_decade_is_no_anchor_for_an_anaphor() -> None:
    events = timeline(art("The firm was founded in the 1950s. The following year it moved to Ohio."))
    assert [e.date for e in events] == ["1950/1959"]
