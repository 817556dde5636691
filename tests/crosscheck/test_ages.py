"""A person's age given differently by two outlets: read per person, proposed, and judged (made-up sentences)."""

from __future__ import annotations

from pathlib import Path

from corroborate.attribution.entities import extract_entities
from corroborate.config import Config, ConflictConfig
from corroborate.crosscheck.ages import age_candidates, bare, read_ages
from corroborate.crosscheck.judge import JudgeContext, review
from corroborate.ingest.segment import segment
from corroborate.model import Article


def _story(texts: dict[str, str], dates: dict[str, str] | None = None) -> tuple[list[Article], dict, list]:
    dates = dates or {}
    arts = [Article(k, f"{k}.example", None, dates.get(k), None, t) for k, t in sorted(texts.items())]
    passages = {a.id: segment(a) for a in arts}
    return arts, passages, extract_entities(arts, passages)


def _ages(text: str, extra: str = "Marta Quell spoke to reporters. Quell said little.") -> dict[str, list[int]]:
    arts, _, ents = _story({"a": text, "b": extra})
    return {bare(ents[n].name): [age for _, age in sides] for n, sides in read_ages(arts[0], ents).items()}


def test_the_clear_age_patterns_are_read_for_the_person() -> None:
    assert _ages("Marta Quell, 41, crossed the river at dawn.") == {"Marta Quell": [41]}
    assert _ages("Quell (41) crossed the river at dawn.") == {"Marta Quell": [41]}
    assert _ages("The 41-year-old ferry pilot Marta Quell crossed the river.") == {"Marta Quell": [41]}
    assert _ages("Marta Quell, aged 41, crossed the river.") == {"Marta Quell": [41]}
    assert _ages("Marta Quell, the 41-year-old pilot, crossed the river.") == {"Marta Quell": [41]}
    assert _ages("A 13-year-old girl named Marta Quell crossed the river.") == {"Marta Quell": [13]}
    # in words, and with the age kept at the front of the entity's name by the entity stage
    assert _ages("Sixty-year-old Marta Quell crossed the river.") == {"Marta Quell": [60]}
    assert _ages("The twenty-seven-year-old pilot Marta Quell crossed the river.") == {"Marta Quell": [27]}


def test_ranges_hedges_lists_and_modifiers_are_not_an_age() -> None:
    assert _ages("Marta Quell, about 41, crossed the river.") == {}
    assert _ages("Marta Quell, 41-42, crossed the river.") == {}
    assert _ages("Ilse and Marta Quell, aged 16 and 13 respectively, crossed the river.") == {}
    assert _ages("Marta Quell, the 41-year-old pilot's sister, crossed the river.") == {}
    # the age belongs to the noun the name qualifies, not to a person of that name
    assert _ages("A 61-year-old Quell man crossed the river.") == {}


def test_two_outlets_giving_one_person_two_ages_is_a_number_conflict_with_both_spans() -> None:
    arts, passages, ents = _story({
        "a": "Ferry pilot Marta Quell, 41, steered the boat to shore. Quell said the storm came fast.",
        "b": "The 42-year-old pilot Marta Quell steered the boat to shore, witnesses said.",
    })
    kept, dropped = review(age_candidates(arts, ents), JudgeContext.for_story(arts, passages, None),
                           ConflictConfig(explain=True))
    assert not dropped and len(kept) == 1
    c = kept[0]
    assert c.kind == "number" and c.values == ["41", "42"]
    assert [s.text for s in c.spans] == ["Marta Quell, 41", "42-year-old pilot Marta Quell"]
    assert c.explanation.startswith("age of Marta Quell: '41' (a) vs '42' (b)")
    assert 0 < c.confidence <= 0.6


def test_one_age_per_outlet_and_close_dates_are_required() -> None:
    texts = {"a": "Marta Quell, 41, steered the boat to shore.",
             "b": "Marta Quell, 42, steered the boat to shore."}
    arts, passages, ents = _story(texts, {"a": "2024-01-05", "b": "2024-06-20"})
    kept, dropped = review(age_candidates(arts, ents), JudgeContext.for_story(arts, passages, None),
                           ConflictConfig(explain=True))
    assert not kept and "birthday" in dropped[0].explanation  # a birthday may fall between the two reports
    arts, passages, ents = _story(texts, {"a": "2024-01-05", "b": "2024-01-09"})
    kept, _ = review(age_candidates(arts, ents), JudgeContext.for_story(arts, passages, None))
    assert len(kept) == 1
    # one article giving the person two ages (a father and a son, a birthday) gives none
    arts, _, ents = _story({"a": "Marta Quell, 41, met Quell, 12, at the shore.", "b": texts["b"]})
    assert age_candidates(arts, ents) == []


def test_check_reports_the_age_conflict(tmp_path: Path) -> None:
    from corroborate.pipeline import Checker

    one = tmp_path / "one.txt"
    one.write_text("A burning ferry reached the shore near Harlow on Monday after its pilot, Marta Quell, 41, "
                   "refused to abandon the wheel. Quell said all passengers were safe.", encoding="utf-8")
    two = tmp_path / "two.txt"
    two.write_text("Smoke filled the cabin within minutes, passengers told the local radio station. The "
                   "42-year-old skipper Marta Quell kept the vessel on course until it ran aground near Harlow, "
                   "and coastguards praised her calm.", encoding="utf-8")
    report = Checker(config=Config(semantic="off", nlp="off", cache="off")).run([one, two])
    ages = [c for s in report.stories for c in s.conflicts if c.explanation.startswith("age of Marta Quell")]
    assert len(ages) == 1 and sorted(ages[0].values) == ["41", "42"]
