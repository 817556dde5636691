"""Entities: mentions merged into people, organisations and places, with role titles as aliases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corroborate.attribution.entities import EntityLookup, extract_entities, normalise_name
from corroborate.ingest.segment import segment
from corroborate.model import Article, Entity
from tests.seedstory import SeedStory, load_seed_story, model_or_skip


def art(text: str, aid: str = "a1", published: str | None = None) -> Article:
    return Article(aid, f"outlet-{aid}", None, published, None, text)


def ents(*articles: Article) -> list[Entity]:
    return extract_entities(list(articles), {a.id: segment(a) for a in articles})


def find(entities: list[Entity], name: str) -> Entity:
    for e in entities:
        if e.name == name:
            return e
    raise AssertionError(f"{name!r} not among {[e.name for e in entities]}")


def test_title_before_a_name_makes_the_bare_title_an_alias() -> None:
    a = art("Home Secretary Jane Doe visited Dover. Ms Doe met officials.\n\n"
            "The Home Secretary said little. Doe left at noon.")
    e = find(ents(a), "Jane Doe")
    assert e.type == "PER"
    assert {"Home Secretary", "Ms Doe", "Doe"} <= set(e.aliases)
    texts = sorted(s.text for s in e.spans)
    assert texts.count("Home Secretary") == 2 and "Ms Doe" in texts


def test_aliases_merge_across_articles_and_pm_reads_as_prime_minister() -> None:
    a = art("Prime Minister John Smith wrote a letter.", "a1")
    b = art("Mr Smith was criticised. The PM did not reply.", "b2")
    e = find(ents(a, b), "John Smith")
    assert {"Prime Minister", "PM", "Mr Smith"} <= set(e.aliases)
    assert {s.article for s in e.spans} == {"a1", "b2"}


def test_shadow_and_former_titles_are_not_the_title() -> None:
    a = art("Home Secretary Jane Doe spoke. Shadow Home Secretary Tom Roe objected. "
            "The former Foreign Secretary Ann Vale agreed. The Foreign Secretary was absent.")
    found = ents(a)
    assert "Home Secretary" not in find(found, "Tom Roe").aliases
    assert "Shadow Home Secretary" in find(found, "Tom Roe").aliases
    assert "Foreign Secretary" not in find(found, "Ann Vale").aliases


def test_a_title_linked_to_two_people_resolves_nothing() -> None:
    a = art("President Anna Berg met President Carl Holm. The President left early.")
    found = ents(a)
    for name in ("Anna Berg", "Carl Holm"):
        spans = [s.text for s in find(found, name).spans]
        assert spans.count("President") == 1  # its own link only, not the ambiguous bare mention


def test_a_shorter_full_name_joins_the_one_longer_name_it_ends() -> None:
    e = find(ents(art("Cheryl Boone Isaacs spoke first. Boone Isaacs then left. Ms Isaacs smiled.")),
             "Cheryl Boone Isaacs")
    assert {"Boone Isaacs", "Ms Isaacs"} <= set(e.aliases)


def test_two_people_with_one_surname_leave_the_surname_unmerged() -> None:
    a = art("Boris Johnson spoke. Jo Johnson listened. Mr Johnson left.")
    found = ents(a)
    assert "Mr Johnson" not in find(found, "Boris Johnson").aliases
    assert "Mr Johnson" not in find(found, "Jo Johnson").aliases


def test_nationality_keeps_foreign_titles_apart() -> None:
    a = art("British Prime Minister John Smith wrote. The French Prime Minister replied. The Prime Minister waited.")
    e = find(ents(a), "John Smith")
    assert "Prime Minister" in e.aliases
    assert all(s.text != "French Prime Minister" for s in e.spans)


def test_organisations_places_and_sentence_initial_words() -> None:
    a = art("However, the French Interior Ministry said the boat sank off Dunkirk. "
            "France’s Interior Ministry added more. Officials met in Geneva.\n\nMigrants waited. migrants left.")
    found = ents(a)
    ministry = find(found, "French Interior Ministry")
    assert ministry.type == "ORG" and ministry.aliases == ["Interior Ministry"]
    assert find(found, "Dunkirk").type == "LOC"
    assert find(found, "Geneva").type == "LOC"
    assert find(found, "France").type == "LOC"
    names = {e.name for e in found}
    assert not names & {"However", "Migrants", "Officials"}


def test_spans_follow_the_span_rule_and_output_is_deterministic() -> None:
    a = art("BORIS Johnson met President Emmanuel Macron in Paris. Mr Macron’s aides left.")
    first, second = ents(a), ents(a)
    assert first == second
    for e in first:
        for s in e.spans:
            assert a.text[s.start:s.end] == s.text
    macron = find(first, "Emmanuel Macron")
    assert "Mr Macron" in macron.aliases and "President" in macron.aliases
    assert find(first, "Boris Johnson").type == "PER"


def test_lookup_by_alias_and_offset() -> None:
    a = art("Home Secretary Jane Doe spoke in Leeds.")
    found = ents(a)
    look = EntityLookup(found)
    assert look.named("the Home Secretary’s") is find(found, "Jane Doe")
    assert normalise_name("Ms. Doe") == "ms doe"
    assert [e.name for _, _, e in look.in_range("a1", 0, len(a.text))][:2] == ["Jane Doe", "Jane Doe"]


def test_empty_input() -> None:
    assert extract_entities([], {}) == []


# --- the seed story ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def story() -> SeedStory:
    return load_seed_story()


def _seed_expectations(found: list[Entity]) -> None:
    patel = find(found, "Priti Patel")
    assert {"Ms Patel", "Patel", "Home Secretary"} <= set(patel.aliases)
    johnson = find(found, "Boris Johnson")
    assert {"Mr Johnson", "Prime Minister", "PM"} <= set(johnson.aliases)
    macron = find(found, "Emmanuel Macron")
    assert {"Mr Macron", "Macron", "French President"} <= set(macron.aliases)
    darmanin = find(found, "Gerald Darmanin")
    assert {"Mr Darmanin", "Darmanin", "Interior Minister"} <= set(darmanin.aliases)
    # Each of the four is one entity with mentions in more than one article.
    for e in (patel, johnson, macron, darmanin):
        assert e.type == "PER"
        assert len({s.article for s in e.spans}) >= 2
        assert [x.name for x in found].count(e.name) == 1
    # The shadow home secretary's title is no alias of the Home Secretary.
    assert "Shadow Home Secretary" not in patel.aliases


def test_seed_aliases_are_merged(story: SeedStory) -> None:
    found = extract_entities(story.articles, story.passages)
    _seed_expectations(found)
    by_id = {a.id: a for a in story.articles}
    for e in found:
        for s in e.spans:
            assert by_id[s.article].text[s.start:s.end] == s.text
    assert found[0].name in {"Boris Johnson", "Priti Patel"}  # most mentioned first


def test_seed_aliases_with_the_model(story: SeedStory) -> None:
    nlp = model_or_skip()
    _seed_expectations(extract_entities(story.articles, story.passages, nlp=nlp))


_PIECES = ["Mr", "Ms.", "Home Secretary", "Prime Minister", "the PM", "Jane Doe", "Doe", "BORIS", "Johnson’s",
           "of", "and", "Ministry", "in", "Paris", "French", "former", "(", ")", ",", ".", "\n\n", "I", "We’ve",
           "UK-EU", "Shadow", "President", "the", "said"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_mix_of_names_and_titles_keeps_the_span_rule(pieces: list[str]) -> None:
    a = art(" ".join(pieces))
    found = ents(a)
    assert found == ents(a)
    for e in found:
        assert e.type in ("PER", "ORG", "LOC", "OTH") and e.name and e.spans
        for s in e.spans:
            assert a.text[s.start:s.end] == s.text


# --- merging by evidence (issue #24) ----------------------------------------------------------------------

def test_first_name_variants_and_middle_names_are_one_person() -> None:
    a = art("Rep. Liz Cheney spoke. Hillary Clinton agreed with Bill Clinton.")
    b = art("Elizabeth Cheney left. Hillary Rodham Clinton said no. Ms. Cheney was not there.", aid="b")
    found = ents(a, b)
    cheney = find(found, "Elizabeth Cheney")
    assert {"Rep Liz Cheney", "Ms Cheney"} <= set(cheney.aliases)
    hillary = find(found, "Hillary Rodham Clinton")
    assert "Hillary Clinton" in hillary.aliases and "Bill Clinton" not in hillary.aliases
    assert find(found, "Bill Clinton").aliases == []


def test_a_generational_suffix_is_not_the_surname() -> None:
    e = find(ents(art("Joseph R. Biden Jr. spoke first. Later Joe Biden left. Mr. Biden smiled.")),
             "Joseph R. Biden Jr")
    assert {"Joe Biden", "Mr Biden"} <= set(e.aliases)


def test_a_title_and_its_organisation_are_not_the_name() -> None:
    found = ents(art("Senate Majority Leader Harry Reid spoke. Mr. Reid left early.\n\n"
                     "Florida Sen. Marco Rubio agreed. Rubio said so."))
    reid = find(found, "Harry Reid")
    assert reid.type == "PER" and {"Majority Leader Harry Reid", "Mr Reid"} <= set(reid.aliases)
    rubio = find(found, "Marco Rubio")
    assert "Rubio" in rubio.aliases and not any("Florida" in a for a in rubio.aliases)
    assert not [e for e in found if e.type == "PER" and "Florida" in e.name]


def test_a_title_with_no_name_after_it_names_nobody() -> None:
    found = ents(art("The bill passed, said the Maine Gov.\n\nEnter Ms Lauten, who spoke."))
    assert not [e for e in found if e.type == "PER" and "Gov" in e.name]
    assert find(found, "Ms Lauten").type == "PER"


def test_acronyms_with_and_without_dots_join_their_one_expansion() -> None:
    found = ents(art("The National Collegiate Athletic Association ruled. The NCAA said no. The N.C.A.A. left."))
    e = find(found, "National Collegiate Athletic Association")
    assert e.type == "ORG" and {"NCAA", "N.C.A.A."} <= set(e.aliases)


def test_a_party_is_an_organisation_never_its_politician() -> None:
    found = ents(art("Republican Mitt Romney spoke to the GOP. Republicans cheered. Romney left. The Republican "
                     "Party was pleased."))
    romney = find(found, "Mitt Romney")
    assert not any("Republican" in a or a == "GOP" for a in romney.aliases)
    party = next(e for e in found if "GOP" in [e.name, *e.aliases])
    assert party.type == "ORG" and {"Republicans", "Republican Party"} <= {party.name, *party.aliases}


def test_a_state_never_joins_its_governor() -> None:
    found = ents(art("Indiana Gov. Mike Pence signed it. Indiana voters agreed. Pence said so."))
    pence = find(found, "Mike Pence")
    assert not any(a == "Indiana" for a in pence.aliases)


def test_country_and_spelling_variants_of_one_organisation() -> None:
    found = ents(art("The U.S. Supreme Court ruled. The Supreme Court said no. The Justice Department spoke. "
                     "The Department of Justice agreed."))
    court = next(e for e in found if "Supreme Court" in [e.name, *e.aliases])
    assert {"U.S. Supreme Court", "Supreme Court"} <= {court.name, *court.aliases}
    doj = next(e for e in found if "Justice Department" in [e.name, *e.aliases])
    assert "Department of Justice" in [doj.name, *doj.aliases]


def test_vessels_and_outlets_are_typed_by_the_story() -> None:
    a = Article("a1", "Coast Wire", None, None, None,
                "The ferry Morwen Star ran aground. Passengers left the Morwen Star at dawn.")
    b = Article("b1", "Harbour Gazette", None, None, None, "Coast Wire reported the Morwen Star was listing.")
    found = ents(a, b)
    assert find(found, "Morwen Star").type == "OTH"
    assert find(found, "Coast Wire").type == "ORG"


def test_every_alias_says_why_it_joined() -> None:
    from corroborate.attribution.entities import explain_entities

    a = art("Home Secretary Jane Doe spoke. Ms Doe left. The NCAA and the National Collegiate Athletic "
            "Association agreed.")
    explained = dict((e.name, why) for e, why in explain_entities([a], {a.id: segment(a)}))
    assert explained["Jane Doe"]["Ms Doe"].startswith("the surname")
    assert "title" in explained["Jane Doe"]["Home Secretary"]
    assert explained["National Collegiate Athletic Association"]["NCAA"].startswith("the acronym")


def test_a_capitalised_the_mid_sentence_is_part_of_the_name_shown() -> None:
    found = ents(art("He told The Washington Post on Monday. Later the Washington Post said no."))
    post = next(e for e in found if "Washington Post" in e.name)
    assert post.type == "ORG" and {"The Washington Post", "Washington Post"} == {post.name, *post.aliases}


def test_the_words_before_a_title_are_never_a_person() -> None:
    found = ents(art("He met Wyoming U.S. Rep. Liz Cheney there. Then White House Press Secretary Jay Carney spoke "
                     "about the Middle East."))
    people = {e.name for e in found if e.type == "PER"}
    assert people == {"Liz Cheney", "Jay Carney"}
    assert find(found, "White House").type == "ORG" and find(found, "Middle East").type == "LOC"


def test_every_alias_says_why_it_joined_its_entity() -> None:
    text = ("Home Secretary Priti Patel spoke on Monday. Ms Patel said the plan would work. "
            "Patel later left for Calais.")
    a = Article("a1", "o", None, None, None, text)
    ents = extract_entities([a], {"a1": segment(a)})
    patel = next(e for e in ents if e.name == "Priti Patel")
    assert patel.aliases and set(patel.why) == set(patel.aliases)
    assert all(patel.why.values())
    assert "surname" in patel.why["Ms Patel"]


def test_a_bare_title_several_people_hold_is_no_alias_of_any() -> None:
    a = art("Senator Alma Ruiz of Oregon opened the hearing on Monday. The senator said the harbour plan was late.\n\n"
            "Senator Tom Hale of Idaho asked about the budget. The senator said the fees were too high.")
    found = ents(a)
    for name in ("Alma Ruiz", "Tom Hale"):
        e = find(found, name)
        assert "Senator" not in e.aliases and "Senator" not in e.why
        # ... but the title in front of each name stays a mention (span) of that person
        assert [s.text for s in e.spans].count("Senator") == 1


def test_a_post_at_an_organisation_is_no_bare_title_alias() -> None:
    a = art("“The court must stay out of it,” said Ed Vance, the president of the Harbour Policy Center. "
            "Vance added that he had written to the justices.")
    e = find(ents(a), "Ed Vance")
    assert not {"President", "president"} & set(e.aliases)


def test_a_son_named_with_his_suffix_alone_is_not_his_father() -> None:
    a = art("Tomas K. Varga spoke in Ohio on Monday. His son Tomas Varga Jr. spoke in Texas. "
            "Mr. Varga said the rally was large. Varga Jr. said little.")
    found = ents(a)
    assert find(found, "Tomas K. Varga").aliases == ["Mr Varga"]
    assert find(found, "Tomas Varga Jr").aliases == ["Varga Jr"]
    # Without "Varga Jr." on its own, the suffix is one person's full name, as before.
    b = art("Tomas K. Varga Jr. spoke in Ohio on Monday. Tomas Varga said the rally was large.")
    assert "Tomas Varga" in find(ents(b), "Tomas K. Varga Jr").aliases


def test_party_labels_time_zones_and_month_abbreviations_are_no_entities() -> None:
    a = Article("a", "Wire", None, None, None,
                "Sen. Ted Cruz (R-Texas) spoke on Oct. 5 at 6:41 p.m. PDT in Austin. "
                "Rep. Jan Schakowsky (D-Ill.) answered him in Chicago.")
    names = {e.name for e in ents(a)}
    assert not names & {"R-Texas", "D-Ill", "D-Ill.", "Oct", "Oct.", "PDT"}
    assert {"Austin", "Chicago"} <= names and any("Cruz" in n for n in names)
    assert any("Schakowsky" in n for n in names)  # "Jan" the given name stays a name


def test_a_plural_weekday_or_an_acronym_of_common_words_is_no_entity() -> None:
    found = {e.name for e in ents(art("The quiz show Brainbox airs on Channel 9 Thursdays at 8pm. Each seat has a "
                                      "remote lamp unit (RLU) that Dr Ossian Vell designed."))}
    assert "Thursdays" not in found and "RLU" not in found, found
    assert "Ossian Vell" in found
    # An organisation's acronym after its capitalised name stays.
    assert "NRB" in {e.name for e in ents(art("The National Rail Board (NRB) met in Dunmore. NRB staff agreed."))} \
        or any("National Rail Board" in e.name for e in ents(art("The National Rail Board (NRB) met in Dunmore.")))


def test_the_last_part_of_a_double_barrelled_surname_is_that_person() -> None:
    text = ("Rosa Lind-Halvorsen found the cat as a stray. Halvorsen was shocked by what the vet found. "
            "Halvorsen paid for the surgery.")
    article = Article("a1", "o", None, None, None, text)
    found = extract_entities([article], {article.id: segment(article)})
    person = next(e for e in found if e.name == "Rosa Lind-Halvorsen")
    assert person.type == "PER" and "Halvorsen" in person.aliases


def test_a_lone_surname_after_a_title_is_a_person() -> None:
    from corroborate.attribution.entities import extract_entities
    from corroborate.ingest.segment import segment
    from corroborate.model import Article

    text = ("Tax talks\n\nPresident Hale met with top party leaders on Tuesday. Critics of the Hale administration "
            "spoke later.")
    art = Article("a1", "o", None, None, None, text)
    ents = extract_entities([art], {art.id: segment(art)})
    assert [(e.name, e.type) for e in ents if "Hale" in e.name] == [("Hale", "PER")]
