"""Speaker errors of the kinds speaker pool 8 showed (bench/gold/GUIDELINE.md section 33), on made-up sentences."""

from __future__ import annotations

from corroborate.attribution.quotes import extract_quotes
from corroborate.model import Article


def _quotes(text: str) -> list[tuple[str | None, str]]:
    found = extract_quotes(Article("a1", "o", None, None, None, text), [])
    return [(q.speaker, q.text) for q in found if q.kind == "direct"]


def test_per_and_given_open_a_sentence_and_are_no_part_of_a_speaker_name() -> None:
    text = ("Per Harbourwatch: “Pearfruit said last month it had broken ground on a site near the river.”\n\n"
            "Given Morrow's response to the claims, perhaps a better promise would have been “No more playing games "
            "with the readers of this magazine.”")
    speakers = [s for s, _ in _quotes(text)]
    assert not any(s and (s.startswith("Per ") or s.startswith("Given ")) for s in speakers)


def test_a_name_others_give_someone_is_no_words_of_theirs() -> None:
    text = "Dr Gwen Rosso, known as the “patron saint of opera singers and actors” for her work, treated the singer."
    assert [s for s, _ in _quotes(text)] in ([], [None])


def test_a_described_name_with_an_apposition_before_the_cue_speaks() -> None:
    text = ("“The mantra has confused the issue for years,” study author Dr. Ann Vale, a professor of neurology at "
            "Western Harbour University, said in a statement.")
    assert _quotes(text)[0][0] == "Ann Vale"


def test_a_person_of_a_body_with_a_long_apposition_before_the_cue_speaks() -> None:
    text = ("“The group is now less than two miles away from the town,” Peter Lowe of the Foundation for Relief, "
            "a British-based charity that runs the only church in the city, said on his Facebook page.")
    assert _quotes(text)[0][0] == "Peter Lowe"


def test_a_month_after_an_opening_preposition_is_no_part_of_the_subject() -> None:
    text = ("In July Acme spokeswoman Alexis Moreau said the company was “looking at a bunch of different locations "
            "and has not confirmed anything.”")
    assert _quotes(text)[0][0] == "Alexis Moreau"


def test_an_age_as_the_role_noun_refers_back_to_the_person_just_named() -> None:
    text = ("Ana Ruiz had a third ear fitted last year. The operation cost her 20,000 dollars. Speaking to a radio "
            "show, the 21-year-old said: “I got it because I wanted to look different from everybody else.”")
    assert _quotes(text)[0][0] == "Ana Ruiz"


def test_who_an_outlet_quotes_as_saying_speaks_not_the_outlet() -> None:
    text = ("The state agency quoted Ann Vale as saying that the plan \"will not survive the winter in its current "
            "form.\"")
    assert _quotes(text)[0][0] == "Ann Vale"


def test_who_is_told_after_a_quote_is_no_speaker() -> None:
    text = ("According to The Harbour Ledger, an announcement could come tomorrow. \"Sources familiar with the "
            "matter\" tell the paper that the chief executive will become chairman.")
    assert all(s is None for s, _ in _quotes(text))


def test_an_age_and_a_noun_after_a_quote_refer_back_but_a_new_man_does_not() -> None:
    text = ("The company's founder, Ana Ruiz, spoke at the launch. \"These results are striking and need more work,\" "
            "the 45-year-old {noun} said.")
    assert _quotes(text.format(noun="entrepreneur"))[0][0] == "Ana Ruiz"
    assert _quotes(text.format(noun="man"))[0][0] is None


def test_words_introduced_in_the_sentence_are_not_given_to_who_recalls_them() -> None:
    text = ("Eric Hale described how a squad car once rolled up and flashed its lights at him. The officer yelled, "
            "\"Where are you going? Hold it!\" Hale recalled.")
    assert _quotes(text)[0][0] is None
    # With nothing introducing them, the words are his own memory's: his.
    alone = "Eric Hale described the night. \"Where are you going? Hold it right there!\" Hale recalled."
    assert _quotes(alone)[0][0] == "Eric Hale"
