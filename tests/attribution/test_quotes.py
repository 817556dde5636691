"""Quotes: direct (all quote marks, across sentences and paragraphs) and reported, with speakers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.attribution.entities import extract_entities
from corroborate.attribution.quotes import extract_quotes
from corroborate.ingest.segment import segment
from corroborate.model import Article, Quote
from tests.seedstory import SeedStory, load_seed_story, model_or_skip


def art(text: str, aid: str = "a1") -> Article:
    return Article(aid, f"outlet-{aid}", None, None, None, text)


def quotes(text: str) -> list[Quote]:
    a = art(text)
    found = extract_quotes(a, segment(a))
    for q in found:
        for s in q.spans:
            assert a.text[s.start:s.end] == s.text == q.text
        if q.speaker_span is not None:
            assert a.text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text
    return found


def direct(found: list[Quote]) -> list[Quote]:
    return [q for q in found if q.kind == "direct"]


@pytest.mark.parametrize("marks", ["“”", '""', "‘’", "''"])
def test_every_kind_of_quote_mark(marks: str) -> None:
    o, c = marks
    found = direct(quotes(f"Jane Doe said: {o}We will rebuild the harbour this year.{c} The crowd cheered."))
    expected = [("Jane Doe", "said", "We will rebuild the harbour this year.")]
    assert [(q.speaker, q.cue, q.text) for q in found] == expected


def test_apostrophes_do_not_close_single_quotes() -> None:
    found = direct(quotes("A source said: ‘Johnson’s letter wasn’t helpful, and we’re tired of it.’ Then silence."))
    assert found[0].text == "Johnson’s letter wasn’t helpful, and we’re tired of it."
    # A described source is no named speaker: unattributed, with the words that introduced the quote.
    assert found[0].speaker is None and found[0].speaker_span.text == "A source"


def test_quote_spanning_sentences_and_attribution_after_it() -> None:
    found = direct(quotes("“We are ready. We will begin next week,” the Coast Guard Agency was reported as saying."))
    assert found[0].text == "We are ready. We will begin next week"
    assert found[0].speaker == "Coast Guard Agency"
    assert found[0].cue == "was reported as saying"


def test_inverted_attribution() -> None:
    found = direct(quotes("“The harbour will reopen on time,” said Mayor Ana Ruiz."))
    assert found[0].speaker == "Ana Ruiz"


def test_pronoun_speaker_resolves_to_previous_subject() -> None:
    text = ("Mr Tom Reed visited the port on Monday. Officials showed him the damage.\n\n"
            "He said, “We do not talk to partners through newspapers. We talk in person.”")
    found = direct(quotes(text))
    assert found[0].speaker == "Tom Reed"
    assert found[0].speaker_span is not None and found[0].speaker_span.text == "Mr Tom Reed"
    assert found[0].text == "We do not talk to partners through newspapers. We talk in person."


def test_pronoun_after_a_spokesman_takes_the_spokesman() -> None:
    text = "A spokesman for the council said the plan was sound. He said, “We are sick of the delays here.”"
    q = direct(quotes(text))[0]
    assert q.speaker is None and q.speaker_span.text == "A spokesman for the council"


def test_relative_clause_and_appositive_speakers() -> None:
    text = ("A spokesman for Mr Tom Reed, who yesterday visited the port, said: ‘We consider the letter unacceptable "
            "and unhelpful.’\n\nAnna Berg, a local councillor and mother of two tweeted: “This is a scandal for "
            "the whole town.”")
    found = direct(quotes(text))
    assert [q.speaker for q in found] == [None, "Anna Berg"]
    assert found[0].speaker_span.text == "A spokesman for Mr Tom Reed"


def test_paragraph_quote_left_open_continues_with_the_same_speaker() -> None:
    text = ("A Home Office source said: ‘We made every offer we could think of.\n\n"
            "‘We could offer them gold and they would still say no to us.’")
    found = direct(quotes(text))
    assert [q.speaker for q in found] == [None, None]
    assert [q.speaker_span.text for q in found] == ["A Home Office source", "A Home Office source"]
    assert found[1].cue is None
    assert found[0].text == "We made every offer we could think of."


def test_scare_quotes_are_not_quotes() -> None:
    assert direct(quotes("The plan was branded “unacceptable” by critics and called ‘a humiliation’.")) == []


def test_reported_speech() -> None:
    found = quotes("Jane Doe said that the harbour would reopen next spring. "
                   "According to officials, the repairs will cost two million pounds.")
    reported = [q for q in found if q.kind == "reported"]
    assert [(q.speaker, q.cue, q.text) for q in reported] == [
        ("Jane Doe", "said", "the harbour would reopen next spring"),
        (None, "according to", "the repairs will cost two million pounds"),
    ]


def test_passive_cue_names_no_speaker() -> None:
    found = direct(quotes("The ministers were accused of having ‘forgotten that people died here two days ago’."))
    assert found and found[0].speaker is None


def test_speaker_resolves_to_the_story_entity() -> None:
    a = art("French president Anna Berg arrived.\n\nThe French President said: “We will not be lectured by anyone.”",
            "a1")
    b = art("Ms Berg spoke briefly.", "b2")
    story = extract_entities([a, b], {a.id: segment(a), b.id: segment(b)})
    found = extract_quotes(a, segment(a), entities=story)
    assert found[0].speaker == "Anna Berg"


# --- the seed story ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def story() -> SeedStory:
    return load_seed_story()


def _check_seed_speakers(story: SeedStory, nlp: object = None) -> None:
    entities = extract_entities(story.articles, story.passages, nlp=nlp)
    s000, s002 = story.by_prefix("000"), story.by_prefix("002")
    q002 = extract_quotes(s002, story.passages[s002.id], entities=entities, nlp=nlp)
    darmanin = [q for q in q002 if q.text.startswith("When there are serious diplomatic exchanges")]
    assert len(darmanin) == 1 and darmanin[0].speaker == "Gerald Darmanin" and darmanin[0].cue == "said"
    q000 = extract_quotes(s000, story.passages[s000.id], entities=entities, nlp=nlp)
    macron = [q for q in q000 if q.text.startswith("We don’t talk to leaders by tweets")]
    assert len(macron) == 1 and macron[0].speaker == "Emmanuel Macron"
    assert macron[0].text.endswith("We’re not whistle-blowers.")  # the quote spans two sentences
    assert macron[0].speaker_span is not None and "Macron" in macron[0].speaker_span.text
    spokesman = [q for q in q000 if q.text.startswith("We consider Boris Johnson’s public letter")]
    assert len(spokesman) == 1 and spokesman[0].speaker is None
    assert spokesman[0].speaker_span.text == "A spokesman for Mr Darmanin"


def test_seed_speakers(story: SeedStory) -> None:
    _check_seed_speakers(story)


def test_seed_speakers_with_the_model(story: SeedStory) -> None:
    _check_seed_speakers(story, model_or_skip())


def test_seed_quotes_keep_the_span_rule(story: SeedStory) -> None:
    entities = extract_entities(story.articles, story.passages)
    for a in story.articles:
        found = extract_quotes(a, story.passages[a.id], entities=entities)
        assert found, a.path
        for q in found:
            assert q.kind in ("direct", "reported")
            for s in q.spans:
                assert a.text[s.start:s.end] == s.text
        assert found == extract_quotes(a, story.passages[a.id], entities=entities)


_PIECES = ["Mr Reed", "said", "He", "she", "“", "”", "‘", "’", "'", '"', "``", "''", ",", ".", ":", "\n", "\n\n",
           "according to", "that", "the", "Home Secretary", "Jane Doe", "told", "was reported as saying", "’s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_mix_of_quote_marks_and_cues_keeps_the_span_rule(pieces: list[str]) -> None:
    found = quotes(" ".join(pieces))  # quotes() asserts the span rule for every quote and speaker span
    assert all(q.kind in ("direct", "reported") for q in found)


def test_an_abbreviated_title_does_not_cut_the_speaker_off_his_name() -> None:
    text = ("Speaking on television, Sen. Jim DeMint said Steele must apologize. "
            "“Chairman Steele needs to apologize to our military,” he said.")
    found = direct(quotes(text))
    assert [q.speaker for q in found] == ["Jim DeMint"]


def test_a_statement_speaks_for_whoever_issued_it() -> None:
    text = ("Michael Steele spoke in Connecticut on Thursday. Steele issued a statement saying: "
            "“There is no question that America must win the war on terror.”")
    assert [q.speaker for q in direct(quotes(text))] == ["Michael Steele"]


def test_a_title_before_a_known_name_resolves_to_the_name() -> None:
    text = ("Bill Kristol wrote on Friday. “I think it would be better if he went,” said Weekly Standard "
            "Editor Bill Kristol.")
    assert [q.speaker for q in direct(quotes(text))] == ["Bill Kristol"]


# Cue shapes read on the tune half of the real-news gold (each was a quote with no speaker before).
@pytest.mark.parametrize(("text", "speaker"), [
    # an apposition between the name and its verb: an age, a job, a party-and-state tag, a bracket
    ("Crowds left early. “Now that is what I call a good protest,” Jonathan Smith, 45, said.", "Jonathan Smith"),
    ("Taxes will change. “Most state regimes start from federal income,” Marvin Kirsner, a tax lawyer at "
     "Greenberg Traurig, said in an e-mail.", "Marvin Kirsner"),
    ("Democrats were uneasy. “We all know the justices have views,” Sen. Chris Murphy, D-Conn., told Politico.",
     "Chris Murphy"),
    ("Leaders split. “I completely disagree with that position,” Senate President Mike Thibodeau (R) said "
     "Wednesday.", "Mike Thibodeau"),
    # a described speaker named in apposition, before or after the verb
    ("She was ready. “It is by their choice that it has not happened,” said the spokesman, Nick Merrill.",
     "Nick Merrill"),
    ("Others disagreed. “With all due respect, I completely disagree,” the Republican leader, Michael Thibodeau, "
     "said in a statement.", "Michael Thibodeau"),
    ("Ryan struggled. “He is not a serious man at all,” Sen. John Thune (R-S.D.) said after the debate.",
     "John Thune"),
    ("Facebook spoke. \"Protecting our users is a top priority for us,\" the company's chief security officer "
     "Joe Sullivan said in a statement.", "Joe Sullivan"),
    ("Democrats cheered. “I never thought I would see the day,” said Representative Louise M. Slaughter of New "
     "York, the senior Democrat on the panel.", "Louise M. Slaughter"),
    ("Democrats met. “Coming back in for a special session will be discussed,” said the Democratic leader of the "
     "Senate, Justin Alfond.", "Justin Alfond"),
    ("Accountants are wary. \"There is going to be a cumbersome workaround,\" said Nanette Lee Miller of Marcum "
     "L.L.P., a public accounting firm.", "Nanette Lee Miller"),
    # a joint statement goes to the first person named (bench/gold/GUIDELINE.md)
    ("Democrats were angry. “Every day, he gives Maine people more evidence that he is unfit for office,” State "
     "House Majority Leader Jeff McCabe (D) and Assistant House Majority Leader Sara Gideon (D) said in a "
     "statement.", "Jeff McCabe"),
    ("The producers Laurence Mark and Bill Condon praised him. \"He also has style and a sense of occasion,\" Mark "
     "and Condon said in a joint statement.", "Laurence Mark"),
    # a capitalised "States" is no speech verb: the pronoun finds Clinton, not "the United"
    ("Hillary Rodham Clinton on Wednesday defended her handling of the attack on the United States compound. "
     "“As I have said many times, I take responsibility for it,” she said.", "Hillary Rodham Clinton"),
    # a role reference ("the presidential hopeful", "the attorney general") refers back like a pronoun
    ("Marco Rubio spoke on Wednesday. The presidential hopeful said he was guided by three principles: "
     "\"American strength at home and abroad for all,\" and more.", "Marco Rubio"),
    ("Richard Blumenthal spoke on Monday. In an interview, the attorney general said: “My intention has always "
     "been to be completely clear and accurate.”", "Richard Blumenthal"),
    # a name followed by a description in apposition keeps the name
    ("Democrats were angry. “I am not going to vote for it,” said Representative Barney Frank, Democrat of "
     "Massachusetts, in an interview.", "Barney Frank"),
    # the verb first, the speaker after it; the cue in the next short sentence; a colon
    ("Robert Gibbs spoke to reporters on Monday. Added Gibbs: “I think you would really have to ask somebody "
     "else about that.”",
     "Robert Gibbs"),
    ("Durbin spoke. “We offered the prime minister a private meeting with our members.” Durbin said. “It was "
     "declined.”", "Durbin"),
    ("Joe Biden debated Paul Ryan. Biden was quick to retort: “With all due respect, that is a bunch of malarkey.”",
     "Joe Biden"),
    # an initial's full stop does not end the name
    ("“This ruling provides certainty for all married couples,” Treasury Secretary Jacob J. Lew said.",
     "Jacob J. Lew"),
])
def test_speaker_cue_shapes_from_real_news(text: str, speaker: str) -> None:
    found = direct(quotes(text))
    assert found, text
    assert found[0].speaker is not None and found[0].speaker.replace(".", "") == speaker.replace(".", "")


def test_a_lone_surname_resolves_to_the_one_person_with_it() -> None:
    text = ("Lt. Gov. Tim Murray arrived. “So cool,” Murray said of the new senator. “Nobody has anything on "
            "him today.”")
    a = art(text)
    found = direct(extract_quotes(a, segment(a)))
    assert [q.speaker for q in found] == ["Tim Murray"]


@pytest.mark.parametrize(("text", "speaker"), [
    ("AARP pushed back. \"Stay tuned, our position has not changed on Social Security,\" an AARP spokeswoman "
     "said in an email.", "AARP"),
    ("Google said it had not joined. \"We disclose user data to government in accordance with the law,\" a "
     "spokesperson for Google said.", "Google"),
])
def test_a_spokesperson_speaks_for_the_organisation(text: str, speaker: str) -> None:
    assert [q.speaker for q in direct(quotes(text))] == [speaker]


def test_the_spokesperson_speaks_for_the_body_named_before() -> None:
    text = ("Google said it had not joined. A spokesperson for Google says the company cares deeply about data. "
            "\"We disclose user data to government in accordance with the law,\" the spokesperson said.")
    assert [q.speaker for q in direct(quotes(text))] == ["Google"]


def test_a_colon_after_a_sentence_without_a_person_names_nobody() -> None:
    found = direct(quotes("Here is an excerpt from the report: “The trust funds would remain solvent for "
                          "seventy-five years.”"))
    assert [q.speaker for q in found] == [None]


def test_an_opening_adverb_is_no_subject() -> None:
    found = direct(quotes("Mr. Tom Vale took the stage. Instead, he laid out a plan, saying his rule will be “build "
                          "here and hire here.”"))
    assert [(q.speaker, q.speaker_span.text) for q in found] == [("Tom Vale", "Mr. Tom Vale")]


def test_a_party_bracket_before_the_verb_is_no_subject() -> None:
    found = direct(quotes("Sen. Dick Vale (D-Ill.) said: “We will build it here this year.”"))
    assert found[0].speaker == "Dick Vale"
    found = direct(quotes("Gov. Tom Vale (R) said Wednesday that he will not resign.\n\n“I will no longer speak to "
                          "the press after today,” he told reporters."))
    assert found[0].speaker == "Tom Vale"


def test_a_surname_that_is_also_a_title() -> None:
    found = direct(quotes("Rep. Ann King, R-N.Y., who opposes the plan, said Monday that it was wrong.\n\n“Everyone "
                          "knows the council has the right to build it,” she told reporters."))
    assert found[0].speaker == "Ann King"


def test_a_description_before_a_role_noun_and_a_name_after_the_cue() -> None:
    found = direct(quotes("Ann Vale will produce the show. “We are going back to the old days a little bit,” said "
                          "Oscar producer Ann Vale, explaining the choice."))
    assert found[0].speaker == "Ann Vale"


def test_a_name_after_a_possessive_is_no_subject_for_a_pronoun() -> None:
    found = direct(quotes("Ann Vale arrived on Monday. Then her Tom Hart interview aired.\n\n“I never imagined it "
                          "would be so popular here,” she said."))
    assert found[0].speaker == "Ann Vale"


def test_the_report_the_letter_and_the_aide_refer_back_to_who_they_speak_for() -> None:
    found = direct(quotes("A 2010 Harbour Research Service report found that the plan would help.\n\n“If all fees were "
                          "raised, the fund would stay solvent for decades,” said the report."))
    assert found[0].speaker == "Harbour Research Service"
    found = direct(quotes("An aide to the Harbour Works Committee, who spoke on condition of anonymity, said the plan "
                          "was welcome.\n\n“The longer we wait,” the aide said, “the harder it will be to fix it.”"))
    assert [q.speaker for q in found] == ["Harbour Works Committee"] * 2
    found = direct(quotes("Dozens signed a letter from Representative Tom Vale, Democrat of Vermont, calling the deal "
                          "unfair. The letter says the mayor “should not back down. Nor should we.”"))
    assert found[0].speaker == "Tom Vale"
    found = direct(quotes("“Even when the system works as advertised, the agency keeps a great deal,” the Harbour Post "
                          "report said."))
    assert found[0].speaker == "Harbour Post"


def test_a_quote_left_open_takes_the_speaker_named_where_it_closes() -> None:
    # One sentence a line, as some corpora print their text: the closing mark and the cue come a line later.
    found = direct(quotes("“We are glad to have Ann Vale host the show,” said Tom Hart.\n“I am so excited to be "
                          "hosting the show again.\nYou know what they say, the third time is the charm,” said Vale."))
    assert [q.speaker for q in found] == ["Tom Hart", "Ann Vale"]
    # News style: the next paragraph opens with the rest of the quotation and names its speaker.
    found = direct(quotes("“We are glad to have Ann Vale host the show,” said Tom Hart.\n\n“I am so excited to be "
                          "hosting the show again.\n\n“You know what they say, the third time is the charm,” Ann Vale "
                          "said."))
    assert [q.speaker for q in found] == ["Tom Hart", "Ann Vale", "Ann Vale"]


def test_a_joint_subject_before_the_verb_goes_to_the_first_person_named() -> None:
    found = direct(quotes("Tom Hart and Bo Lee added: “We are thrilled to have Ann Vale host the show.”"))
    assert found[0].speaker == "Tom Hart"


def test_a_straight_mark_that_closes_a_quote_a_line_later_opens_none() -> None:
    found = direct(quotes('"The boats were seen near the ships at nine .\nTwo of them fled before the crew could '
                          'act , " a navy spokesperson said .'))
    assert len(found) == 1 and found[0].speaker_span.text == "a navy spokesperson"


def test_a_participle_after_a_comma_shares_the_subject_of_its_clause() -> None:
    found = direct(quotes("Tensions rose.\n\nAnn’s comments came as Tom Vale turned down an invitation to meet "
                          "with Senate Democrats, saying such a session could “compound the misperception of "
                          "partisanship.”"))
    assert found[0].speaker == "Tom Vale"
    found = direct(quotes("After meeting with President Bo Lee of Poland, Mr. Tom Vale disputed that Democrats feel "
                          "betrayed, saying that “the more who look at it, the more will say this makes sense.”"))
    assert found[0].speaker == "Tom Vale"


def test_a_long_apposition_or_a_stray_comma_between_the_name_and_the_verb() -> None:
    found = direct(quotes("“Ground zero is hallowed ground to us all,” Ann Vale, a Republican trying to unseat "
                          "Representative Tom Hart, a Democrat, in the Third District, said in a statement."))
    assert found[0].speaker == "Ann Vale"
    found = direct(quotes("“We did not know it was the mayor coming,” Rev. Ann Vale of Our Lady of Grace, told "
                          "reporters."))
    assert found[0].speaker == "Ann Vale"


def test_remarks_announced_ahead_and_a_role_noun_as_clause_subject() -> None:
    found = direct(quotes("Mr. Tom Vale will speak today.\n\n“This would be a priority even in times of peace,” Mr. "
                          "Vale is expected to say."))
    assert found[0].speaker == "Tom Vale"
    found = direct(quotes("Sen. Tom Vale spoke on Wednesday.\n\nIn the speech the senator also took a swipe at rival "
                          "Ann Hart, saying her tenure was “ineffective at best and dangerously negligent at worst.”"))
    assert found[0].speaker == "Tom Vale"


def test_a_document_introduced_by_which_speaks_for_who_signed_it() -> None:
    found = direct(quotes('On Wednesday, Leader Tom Vale received a letter signed by all 42 Senate Republicans, which '
                          'stated, "We write to inform you that we will not agree to it."'))
    assert found[0].speaker == "Senate Republicans"


def test_a_quote_paragraph_after_reported_speech_quotes_its_speaker() -> None:
    found = direct(quotes("Sen. Tom Vale spoke on Wednesday.\n\nVale also said that the country must act when others "
                          "undermine its interests.\n\n“Any nation that blocks global commerce will know to expect a "
                          "response from my administration.”"))
    assert found[0].speaker == "Tom Vale"


def test_an_organisations_unnamed_staff_speak_for_it() -> None:
    found = direct(quotes("The Harbour Post reported it.\n\n“However valid her comments may have been, they were "
                          "better left unsaid,” The Harbour Post’s editorial board said Tuesday."))
    assert found[0].speaker == "The Harbour Post"


def test_the_new_president_refers_back_to_the_person_just_named() -> None:
    found = direct(quotes("Tom Vale took office on Friday.\n\nIn a short speech, the new president told Americans they "
                          "will “never be ignored again” and promised results."))
    assert found[0].speaker == "Tom Vale"


def test_a_campaign_role_between_a_name_and_its_holder_after_the_cue() -> None:
    found = direct(quotes("Jim Hart ran the Vale campaign.\n\n“Their side is all spending their time on facial tics,” "
                          "said Vale campaign manager Jim Hart."))
    assert found[0].speaker == "Jim Hart"


def test_the_main_clause_subject_comes_before_the_opening_clause() -> None:
    found = direct(quotes("Mr. Tom Vale spoke.\n\n“I love that,” Mr. Bo Lee said.\n\nWhen Mr. Lee went after Mr. "
                          "Hart’s remark, Mr. Vale reminded him of his own gaffes. “I think he very well knows that "
                          "words do not always come out right,” he said with a smile."))
    assert found[-1].speaker == "Tom Vale"


def test_described_and_calling_cue_a_partial_quote() -> None:
    found = direct(quotes("Mayor Ann Vale described the plan as “a reckless harbour gamble.” "
                          "Tom Hart disagreed, calling it “the best deal in years.”"))
    assert [q.speaker for q in found] == ["Ann Vale", "Tom Hart"]


def test_a_day_after_said_dates_the_remark_and_a_when_clause_is_no_remark() -> None:
    found = [q for q in quotes("Mayor Ana Ruiz said Tuesday the harbour fees were too high for small boats. "
                               "“We will not pay,” Tom Hale said when asked about the new fees at the pier.")
             if q.kind == "reported"]
    assert [(q.speaker, q.text) for q in found] == [("Ana Ruiz", "the harbour fees were too high for small boats")]


def test_a_quote_whose_sentence_has_its_own_unnamed_source_does_not_carry_the_speaker_before() -> None:
    text = ('Mr Vale said the town was "still supporting the rebel groups" in the area. But state television '
            'insisted soldiers had "thwarted an attack against the prison by armed groups".')
    quotes = [q for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Mr Vale", None]


def test_a_quote_after_a_pronoun_that_refers_to_no_one_does_not_carry_the_speaker_before() -> None:
    # (No woman is named before "she": the words are hers, whoever she is, and not Tom Brook's.)
    text = ("When asked about it, Tom Brook said he 'could not remember the night at all'. A text exchange posted "
            "later shows that she reportedly told him: 'I am going to confront everyone about all of these lies.'")
    quotes = [q for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]
    assert quotes[-1].speaker is None



def test_a_second_speech_verb_after_and_still_carries_the_speaker_of_its_clause() -> None:
    text = ('Mayor Tom Brook backed her on Monday. While the mayor declined to say more, he said he thinks Vale is a '
            '"total opportunist" and said "the record is quite clear that she lies a whole lot of the time."')
    quotes = [q for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]
    assert quotes[-1].speaker == "Tom Brook"


def test_a_description_after_the_cue_refers_back_to_the_person_quoted_just_before() -> None:
    text = ("Ostland lost on Tuesday. 'The state of the squad is good,' centre back Tom Brook told reporters. "
            "'We are trying out young players in these games,' added the Kingsport defender. 'We are second in "
            "the group and these games are for trying things out.'")
    quotes = [q for q in extract_quotes(Article("a1", "o", None, None, None, text), []) if q.kind == "direct"]
    assert [q.speaker for q in quotes] == ["Tom Brook"] * 3
    # An office has a holder of its own: "the Kingsport coach" is not the defender just quoted.
    coach = text.replace("defender", "coach")
    quotes = [q for q in extract_quotes(Article("a1", "o", None, None, None, coach), []) if q.kind == "direct"]
    assert quotes[1].speaker is None


def test_a_title_in_marks_is_no_quote() -> None:
    text = ('"I love making people laugh," Ann Vale said. She won a prize in 1959 for "The Best of the Vale Shows." '
            'Later she wrote "Lady and the Tramp Again" and "What\'s Brewin\', Bruin," and the papers called it '
            '"a funny and fine record of a time."')
    found = [q.text for q in quotes(text) if q.kind == "direct"]
    assert found == ["I love making people laugh", "a funny and fine record of a time."]
    # A list of names someone used is a quote of theirs, capitals and all.
    text = 'Mr Vale said the dealers go by names like "Smoothie, D-Money and Shifty" when they come to town.'
    assert [q.text for q in quotes(text) if q.kind == "direct"] == ["Smoothie, D-Money and Shifty"]
