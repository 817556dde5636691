"""Speaker error classes found on the fourth speaker pool (FNC-1 bodies, bench/speaker_pool.py), on made-up text."""

from __future__ import annotations

from corroborate.attribution.entities import extract_entities
from corroborate.attribution.quotes import extract_quotes
from corroborate.ingest.segment import segment
from corroborate.model import Article


def speakers(text: str) -> list[tuple[str | None, str]]:
    a = Article("a1", "outlet-a1", None, None, None, text)
    passages = segment(a)
    found = extract_quotes(a, passages, entities=extract_entities([a], {a.id: passages}))
    return [(q.speaker, q.text.split()[0]) for q in found if q.kind == "direct"]


def test_an_opening_participle_phrase_names_no_subject() -> None:
    text = ("The agency chief spoke to senators on Tuesday.\n\n"
            "Asked by Senator Ann Vale whether Tom Reed's dismissal would slow the inquiry, Peter Lamb was adamant."
            "\n\n“Nobody can stop the people of this agency from doing their work,” he said.")
    assert speakers(text) == [("Peter Lamb", "Nobody")]


def test_a_name_after_a_place_preposition_is_no_subject() -> None:
    place = ("The family home was quiet on Tuesday.\n\n"
             "A man answering the door at the family home in Tulsa told The Herald, “I cannot talk right now, I am "
             "sorry.”")
    about = ("Nora Bell did not file charges against Carl Dunn.\n\n"
             "A hoax report that spread amid new claims against Dunn says the actress “told the station that she "
             "too had been hurt” by him.")
    assert speakers(place) == [(None, "I")]
    assert speakers(about) == [(None, "told")]


def test_who_quotes_someone_is_not_the_speaker() -> None:
    text = ("Tom Hale, a reporter for the Daily Star, said the claims were weak.\n\n"
            "A fighter was quick to deny the claims, saying the group had no time. He was quoted by Mr Hale as "
            "saying: “If this were true, it would be a policy we could not hide.”\n\n"
            "“People are shot and left in the desert, so nobody has time to collect their bodies,” he added.")
    assert speakers(text) == [(None, "If"), (None, "People")]


def test_a_cue_after_an_opening_as() -> None:
    text = ("Markets fell sharply on Tuesday.\n\n"
            "As the analyst Ruth Baker noted this morning, prices rose. As Baker warns, “if that is the spread of "
            "the conflict, it would be a big escalation for the region.”")
    assert speakers(text) == [("Ruth Baker", "if")]


def test_a_pronoun_after_an_opening_phrase_is_the_participles_subject() -> None:
    text = ("Nora Bell was beaten by a man last year.\n\n"
            "But instead of pressing charges, she offered her attacker a choice, telling him, “I can press charges, "
            "or you can hold up a sign for eight hours.”")
    assert speakers(text) == [("Nora Bell", "I")]


def test_a_capitalised_role_joined_by_and_is_no_first_speaker() -> None:
    text = ("Michael Dunn was a caring father.\n\n"
            "Producer and Dunn’s friend Teddy Rowe recalled, “He read them a book every day, and there was not one "
            "day missed.”")
    assert speakers(text) == [("Teddy Rowe", "He")]


def test_a_description_with_its_complement_then_the_name() -> None:
    text = ("The hearing ran late on Thursday.\n\n"
            "“It is hard to ignore that one of our leaders is not here today,” said the top Democrat on the panel, "
            "Ruth Okafor.")
    assert speakers(text) == [("Ruth Okafor", "It")]


def test_a_persons_relation_named_in_apposition_speaks() -> None:
    text = ("Fan Lung was rushed to the hospital on Monday.\n\n"
            "Lung's lover, Zhang Hung, 21, said she is fine with it. “It does not matter that he has lost it,” she "
            "told the agency. “He has five children already.”")
    assert speakers(text) == [("Zhang Hung", "It"), ("Zhang Hung", "He")]


def test_one_of_a_group_then_the_name_in_apposition() -> None:
    text = ("The group imposed taxes on every family.\n\n"
            "One of the prominent tribal figures in the province, Sheikh Mohammad Abu Karim, said, “The gangs imposed "
            "a fee on every family if a son did not join.”")
    assert speakers(text) == [("Sheikh Mohammad Abu Karim", "The")]


def test_captioned_and_tweeting_are_cues() -> None:
    caption = ("Nora Bell took to Instagram on Wednesday.\n\n"
               "“I was never treated badly by anyone on that show at all,” she captioned a photo of her character.")
    tweet = ("Carl Dunn fired the director on Tuesday.\n\n"
             "Dunn's running mate, Ruth Baker, picked up on this after the news, tweeting, “The firing shows how "
             "frightened the team is over the inquiry.”")
    assert speakers(caption) == [("Nora Bell", "I")]
    assert speakers(tweet) == [("Ruth Baker", "The")]


def test_as_reported_by_names_the_source() -> None:
    text = ("Protesters raised their hands on Sunday.\n\n"
            "As reported by Quartz, “The gesture is a result of training from protest leaders, who told people to "
            "raise their hands.”")
    assert speakers(text) == [("Quartz", "The")]


def test_a_photo_caption_does_not_end_a_quotation() -> None:
    text = ("Mr Nash said the invoice was a shock.\n\n"
            "“I told her I would not be paying her the money for the party at all.\n\n"
            "Julie Lawrence and her husband Simon\n\n"
            "“I would have sympathised with her about the cost, but I cannot believe the way she went about it.”")
    assert speakers(text) == [("Mr Nash", "I"), ("Mr Nash", "I")]


def test_a_relation_set_off_by_dashes_speaks() -> None:
    text = ("Fan Lung was rushed to the hospital on Monday.\n\n"
            "Lung's lover — Zhang Hung, 21 — said she is fine with it.\n\n"
            "“It does not matter that he has lost it,” she told the agency. “He has five children already.”")
    assert speakers(text) == [("Zhang Hung", "It"), ("Zhang Hung", "He")]


def test_an_unnamed_spokesperson_speaks_for_the_body_just_named() -> None:
    body = ("The Foreign Office told the Daily Mail it is looking into the reports, but it has no staff in the "
            "region.\n\n"
            "“The incident occurred last weekend, and so we have received the reports in the last few days,” a "
            "spokesman said.")
    person = ("Ann Vale was taken to a hospital in the city.\n\n"
              "“She is in a stable condition and will stay with us for some days,” a spokesman said.")
    assert speakers(body) == [("Foreign Office", "The")]
    assert speakers(person) == [(None, "She")]


def test_an_owners_website_speaks_for_the_owner() -> None:
    text = ("The Acme Corporation sells the class.\n\n"
            "Acme Corporation's website states: “The latest research shows that the body will burn more calories for "
            "hours after the class.”")
    assert speakers(text) == [("Acme Corporation", "The")]


def test_a_statement_announced_in_the_paragraph_before_is_its_persons() -> None:
    text = ("The council released a statement on Thursday, in which spokeswoman Ann Vale addressed the cost of the "
            "plan.\n\n"
            "“Without getting into the details of our talks with residents, the law is clear that such payments are "
            "not allowed.”")
    assert speakers(text) == [("Ann Vale", "Without")]


def test_the_statement_is_by_whoever_issued_it() -> None:
    body = ("The Northern Water Board issued a brief statement on Monday about the leak.\n\n"
            "“The pipe will be repaired by the end of the week and the supply is safe,” the statement said.")
    person = ("Ann Vale released a statement after the vote, thanking her staff.\n\n"
              "“We ran a campaign we can be proud of, and I thank every volunteer,” the statement said.")
    nobody = ("The vote was held on Monday.\n\n"
              "“We ran a campaign we can be proud of, and I thank every volunteer,” the statement said.")
    assert speakers(body) == [("Northern Water Board", "The")]
    assert speakers(person) == [("Ann Vale", "We")]
    assert speakers(nobody) == [(None, "We")]


def test_an_unnamed_source_keeps_no_name_from_near_it() -> None:
    owner = ("Tom Hale was killed last year.\n\n"
             "This former rebel said he was asked to find a channel to the government or Hale's family. Like the "
             "others, he named a price. “They ask for a million, and they want the money first,” he said.")
    one = ("Tom Hale was killed last year.\n\n"
           "One of the three sources seeking to act as middlemen said he was approached by a leader.\n\n"
           "He said: “They ask for a million, and they will send proof, but they want the money first,” he said.")
    beside = ("Tom Hale was shown in a new video on Tuesday.\n\n"
              "A masked fighter, the Daily Star reports, appears beside Hale saying, “I am back, and I am back "
              "because of your policy.”")
    assert speakers(owner) == [(None, "They")]
    assert speakers(one) == [(None, "They")]
    assert speakers(beside) == [(None, "I")]


def test_a_party_and_state_label_after_a_name_is_no_speaker() -> None:
    # "(R-Va.)" sits between the name and "had argued": the name is the speaker, the label describes it.
    for text, speaker in (("Rep. Tom Vance (R-Va.) had argued that the motto needed a vote.", "Tom Vance"),
                          ("Sen. Jane Roe, D-Ill., has said that the plan was a good start.", "Jane Roe")):
        art = Article("a", "o", None, None, None, text)
        assert [q.speaker for q in extract_quotes(art, segment(art))] == [speaker]


def test_a_day_and_a_place_after_the_cue_are_no_reported_clause() -> None:
    # The cue closes a direct quote; "Wednesday in a speech ..." says when and where, not what was said.
    text = 'The vote is "not putting people back to work," Mayor Tom Vance said Wednesday in a speech on the budget.'
    art = Article("a", "o", None, None, None, text)
    assert [(q.kind, q.text) for q in extract_quotes(art, segment(art))] == [
        ("direct", "not putting people back to work")]
    art = Article("a", "o", None, None, None, "Mayor Tom Vance said Tuesday night on a radio show that he would run.")
    assert extract_quotes(art, segment(art)) == []
    # A day before a clause still dates the remark and the clause is reported.
    art = Article("a", "o", None, None, None, "Mayor Tom Vance said Tuesday the budget would pass before the recess.")
    assert [q.text for q in extract_quotes(art, segment(art))] == ["the budget would pass before the recess"]


def test_the_cue_of_a_quote_before_it_opens_no_reported_clause() -> None:
    text = '"This is a felony," said Rep. Tom Vance, R-Calif., who has been leading the charge for more details.'
    art = Article("a", "o", None, None, None, text)
    assert [(q.kind, q.text) for q in extract_quotes(art, segment(art))] == [("direct", "This is a felony")]


def test_an_answer_is_no_reported_clause() -> None:
    art = Article("a", "o", None, None, None, "Mr. Tom Vance said no and went on to win the primary against her.")
    assert extract_quotes(art, segment(art)) == []
    art = Article("a", "o", None, None, None, "Mr. Tom Vance said no one was hurt in the fire on Monday.")
    assert [q.text for q in extract_quotes(art, segment(art))] == ["no one was hurt in the fire on Monday"]
