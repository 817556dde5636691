"""A person's age given differently by two outlets ("Igor Petrov, 41," against "the 42-year-old Igor Petrov").

Stage (inside a story, after its entities; judged with the misquotes): needs the articles and the story's
entities; adds ``number`` conflict candidates "age of <person>", one per person, with every side's span and
age. The judge (:mod:`corroborate.crosscheck.judge`) keeps or drops them by :func:`age_drop`.

Ages are read only next to a mention of a person entity (its name or an alias, so "Petrov, 41" and "Igor Petrov,
42" are one person), in a few clear patterns:

* after the name: "Petrov, 41," / "Petrov (41)" / "Petrov, aged 41" / "Petrov, 41 years old";
* after it, as an apposition: "Petrov, the 42-year-old fisherman," (not "..., the 42-year-old victim's mother");
* before it: "41-year-old Petrov" / "the 41-year-old fisherman Igor Petrov" / "a 13-year-old boy named Yair",
  not a name used as a modifier ("a 61-year-old Vancouver man").

"The 42-year-old" in a later sentence is not read: on natural news it named another person than the one named
last about half the time (the doctor, not the patient; the journalist, not his subject; GUIDELINE.md section 20).

Nothing else is read: a range ("41 or 42", "41-42") or a hedge ("about 41", "nearly 42") is no stated age, and a
person given two ages inside one article (a father and son of one surname, a birthday told) is left alone. Every
pattern found on real news was read (bench/gold/audit_ages.json, GUIDELINE.md section 20).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from corroborate.crosscheck.findings import Finding, merge_findings
from corroborate.model import Article, Conflict, Entity, Span
from corroborate.text.claim_words import REPORTING, number_value
from corroborate.text.stopwords import STOPWORDS

# The detector's confidence; stated as the judge's pooled bucket says (judge.MEASURED). Ages read on natural
# news (bench/gold/audit_ages.json): see GUIDELINE.md section 20.
AGE_CONFIDENCE = 0.6
MAX_DAYS_APART = 60  # reports further apart may straddle a birthday
_HEDGES = frozenset(["about", "around", "nearly", "almost", "approximately", "roughly", "some", "estimated", "or",
                     "to", "and", "reportedly"])
_PERSON_NOUNS = frozenset(["man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "native",
                           "mother", "father"])
_AGE = r"(1[01]\d|[1-9]\d?)"  # 1 to 119
_AFTER = re.compile(r",\s+(?:aged\s+)?" + _AGE + r"(?:\s+years\s+old)?(?=\s*[,;)]|\.(?:\s|$))|\s+\(" + _AGE + r"\)"
                    r"|,?\s+aged\s+" + _AGE + r"\b(?![-.]\d|\s+(?:or|to|and)\b|,?\s+respectively)"
                    # "Petrov, the 42-year-old fisherman," (not "Petrov, the 42-year-old victim's mother")
                    r"|,\s+(?:the|a|an)\s+" + _AGE + r"-year-old\b(?![^,.;]{0,30}['’]s\b)")
# in figures or in words ("Sixty-year-old", "twenty-seven-year-old")
_YEAR_OLD = re.compile(r"(?<![\w-])(\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)-year-old\b")
_AGE_PREFIX = re.compile(r"^\S+-year-old\s+")  # the entity stage may keep a sentence's first words in a name
_FILLER = re.compile(r"[A-Za-z]+")
MAX_FILLER = 3  # words between "41-year-old" and the name: "Russian fisherman", "Jewish boy named"


def bare(name: str) -> str:
    """A name without an age the entity stage kept in it ("Sixty-year-old Sharron Smith" -> "Sharron Smith")."""
    return _AGE_PREFIX.sub("", name)


def _hedged(text: str, start: int) -> bool:
    """A hedge or a range word right before the number ("about 41", "41- or 42-year-old")."""
    before = text[max(0, start - 16):start].split()
    return bool(before) and before[-1].lower().strip("-,") in _HEDGES


def _filler_ok(words: list[str], other_names: set[str]) -> bool:
    """Words between an age and a name are a description ("fisherman", "Jewish boy named"): no function word
    or verb (that would start another clause) and no word of another person's name."""
    if len(words) > MAX_FILLER:
        return False
    for k, w in enumerate(words):
        low = w.lower()
        if low in ("named", "called") and k == len(words) - 1:
            continue
        if low in STOPWORDS or low in REPORTING or w in other_names:
            return False
    return True


def _mentions(text: str, entities: list[Entity]) -> list[tuple[int, int, int]]:
    """(start, end, entity index) of every person's name or alias in ``text``, longest first at a place."""
    found: list[tuple[int, int, int]] = []
    for n, e in enumerate(entities):
        for alias in sorted({bare(a) for a in (e.name, *e.aliases)}, key=lambda a: (-len(a), a)):
            if len(alias) < 3:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text):
                if not any(s <= m.start() < t for s, t, _ in found):
                    found.append((m.start(), m.end(), n))
    return sorted(found)


def read_ages(article: Article, entities: list[Entity]) -> dict[int, list[tuple[Span, int]]]:
    """Per person entity (index into ``entities``), the (span, age) it is given in ``article``. The span runs from
    the name to the age, so it holds both."""
    people = [e for e in entities if e.type == "PER"]
    index = {id(e): k for k, e in enumerate(entities)}
    text = article.text
    mentions = _mentions(text, people)
    names = [{w for a in (e.name, *e.aliases) for w in bare(a).split()} for e in people]
    found: dict[int, dict[int, tuple[Span, int]]] = defaultdict(dict)  # entity -> number offset -> side

    def add(n: int, s: int, e: int, at: int, age: int) -> None:
        found[n].setdefault(at, (Span.of(article, s, e), age))

    for s, e, n in mentions:
        m = _AFTER.match(text, e)
        if m:
            g = next(k for k in (1, 2, 3, 4) if m.group(k))
            if not _hedged(text, m.start(g)):
                add(n, s, m.end(), m.start(g), int(m.group(g)))
    others = [set().union(*(names[k] for k in range(len(people)) if k != n)) for n in range(len(people))]
    for m in _YEAR_OLD.finditer(text):
        age = number_value(m.group(1))
        if age is None or not 0 < age < 120 or _hedged(text, m.start()):
            continue
        after = [(s, e, n) for s, e, n in mentions if s >= m.end()]
        if after:
            s, e, n = after[0]
            between = text[m.end():s]
            if re.fullmatch(r"[A-Za-z ]*", between) and _filler_ok(_FILLER.findall(between), others[n]) \
                    and not _modifier(text, e):
                add(n, m.start(), e, m.start(1), age)
    return {index[id(people[n])]: sorted(sides.values(), key=lambda x: x[0].start) for n, sides in found.items()}


def _modifier(text: str, end: int) -> bool:
    """A name used as a modifier ("a 61-year-old Vancouver man", "the 17-year-old Ohio teen"): a noun for a
    person follows it, so the age is that person's (on natural news the "name" was a place)."""
    w = re.match(r"\s+([a-z]+)\b", text[end:end + 30])
    return bool(w) and w.group(1) in _PERSON_NOUNS


def age_candidates(articles: list[Article], entities: list[Entity]) -> list[Conflict]:
    """One ``number`` candidate per person given different ages by different articles (the judge decides)."""
    by_id = {a.id: a for a in articles}
    per: dict[int, list[tuple[Span, str]]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: a.id):
        for n, sides in read_ages(a, entities).items():
            if len({age for _, age in sides}) == 1:  # two ages in one article: two people, or a birthday
                per[n].extend((span, str(age)) for span, age in sides)
    findings = [Finding("number", ("age", entities[n].name), f"age of {bare(entities[n].name)}", sides,
                        AGE_CONFIDENCE)
                for n, sides in sorted(per.items()) if len({v for _, v in sides}) > 1]
    return [Conflict(c.kind, c.spans, c.values, c.explanation, c.confidence, features={"age": 1.0})
            for c in merge_findings(findings, by_id)]


def _published(article: Article | None) -> date | None:
    from corroborate.crosscheck.timeline import published_date

    return published_date(article)[0] if article is not None else None


def age_drop(c: Conflict, source: dict[str, str], articles: dict[str, Article]) -> str | None:
    """Why an age candidate is dropped, or None to keep it: it needs two sides with different ages from two
    independent sources, published (when both dates are known) within :data:`MAX_DAYS_APART` days."""
    apart: list[int] = []
    for i, (a, va) in enumerate(zip(c.spans, c.values, strict=True)):
        for b, vb in list(zip(c.spans, c.values, strict=True))[i + 1:]:
            if va == vb or source.get(a.article, a.article) == source.get(b.article, b.article):
                continue
            da, db = _published(articles.get(a.article)), _published(articles.get(b.article))
            if da is None or db is None or abs((da - db).days) <= MAX_DAYS_APART:
                return None
            apart.append(abs((da - db).days))
    if apart:
        return f"the reports are {min(apart)} days apart or more: a birthday may fall between them"
    return "the different ages come from one source"
