"""The rule extractor of claims (no NLP model): subject, verb, target, counts, places, times and labels from a
token list.
"""

from __future__ import annotations

import re

from corroborate.crosscheck.claim_types import Claim, Label, Quantity
from corroborate.model import Article, Passage, Span
from corroborate.text.claim_words import (
    AUXILIARIES,
    CONJUNCTIONS,
    DAY_WORDS,
    DETERMINERS,
    EVENT_NOUNS,
    FRAME_OF,
    FUNCTION,
    IRREGULAR_PLURAL,
    LABEL_VERBS,
    MONTHS,
    MOTION,
    NEGATORS,
    NOT_COUNTED,
    PERSON_NOUNS,
    PLURAL_PERSONS,
    PREPOSITIONS,
    PRONOUNS,
    QUOTED,
    RELATIVE_TIMES,
    REPORTING,
    SKIP_BEFORE_VERB,
    STOP,
    TITLES,
    VAGUE,
    WEEKDAYS,
    Token,
    is_capitalised,
    is_verb,
    lemma,
    negation_at,
    number_value,
    tokenize,
)
from corroborate.text.numbers import HEDGES, bound


def _np_before(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase that ends right before token ``i`` (skipping auxiliaries and -ly adverbs)."""
    j = i - 1
    while j >= 0 and (tokens[j].lower in AUXILIARIES or tokens[j].lower.endswith("ly") or tokens[j].lower in NEGATORS
                      or tokens[j].lower in SKIP_BEFORE_VERB):
        j -= 1
    end = j
    while j >= 0:
        t = tokens[j]
        w = t.lower
        if not (t.text[:1].isalnum()) or w in PREPOSITIONS or w in CONJUNCTIONS - {"that", "who"}:
            break
        if w in ("that", "who", "which") or (w in AUXILIARIES):
            break
        if w in DETERMINERS or (w in PRONOUNS and j == end):
            j -= 1
            break
        if end - j >= 4:
            break
        j -= 1
    start = j + 1
    if start > end:
        return None
    return start, end + 1


def _np_after(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """The noun phrase right after token ``i`` (a verb's object), up to a preposition, clause word or verb."""
    j = i + 1
    start = j
    while j < len(tokens) and j - start < 6:
        t = tokens[j]
        w = t.lower
        if not t.text[:1].isalnum() or (w in PREPOSITIONS and j > start) or w in CONJUNCTIONS:
            break
        if j > start and w in AUXILIARIES:
            break
        if j > start and is_verb(t, tokens[j - 1]) and not is_capitalised(t):
            break
        j += 1
    if j == start or tokens[start].lower in PREPOSITIONS:
        return None
    return start, j


def _phrase(text: str, tokens: list[Token], rng: tuple[int, int] | None, base: int) -> str | None:
    if rng is None:
        return None
    s, e = rng
    return text[tokens[s].start - base:tokens[e - 1].end - base]


def _names(tokens: list[Token]) -> tuple[frozenset[str], list[tuple[int, int]]]:
    """Capitalised word runs (not sentence-initial function words): a cheap stand-in for named entities."""
    keys: set[str] = set()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if is_capitalised(t) and (i > 0 or (t.lower not in DETERMINERS | PREPOSITIONS | CONJUNCTIONS | PRONOUNS
                                  and t.lower not in ("last", "however", "after", "according", "today"))):
            j = i
            while j + 1 < len(tokens) and is_capitalised(tokens[j + 1]):
                j += 1
            words = [tok.lower.replace("'s", "") for tok in tokens[i:j + 1]]
            content = [w for w in words if w not in TITLES and w not in WEEKDAYS and w not in MONTHS]
            if content:
                keys.update(content)
                runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return frozenset(keys), runs


def _quantities(tokens: list[Token], article: Article, frame: str | None) -> list[Quantity]:
    """Counted things: "27 people", "twenty-seven migrants", "dozens of migrants", "the 27 who drowned",
    "one of whom was pregnant", "a pregnant woman" and bare plurals of a kind ("pregnant women")."""
    out: list[Quantity] = []
    n = len(tokens)

    def add(head: str, low: int, high: int | None, s: int, e: int, explicit: bool = True) -> None:
        span = Span.of(article, tokens[s].start, tokens[e].end)
        out.append(Quantity(head, low, high, span.text, span, frame, explicit))

    for i, t in enumerate(tokens):
        w = t.lower
        near_dash = (i > 0 and tokens[i - 1].text in "-/") or (i + 1 < n and tokens[i + 1].text in "-/")
        if near_dash and w.isdigit():
            continue  # a date or a score ("2021-11-26", "3-1"): not a count
        if w.isdigit() and ((len(w) > 1 and w.startswith("0")) or (i + 1 < n and tokens[i + 1].start == t.end)):
            # "4 , 051 yards" (a tokenised thousands group) or a glued suffix ("the 1940s"): not a count
            continue
        if w == "one" and i + 4 < n and tokens[i + 1].lower == "of" and tokens[i + 2].lower in ("whom", "them") \
                and tokens[i + 3].lower in ("was", "were", "is"):
            head = _previous_plural_head(tokens, i)
            prop = tokens[i + 4].lower
            if head and prop.isalpha():
                add(f"{prop} {head}", 1, 1, i, i + 4)
            continue
        value, vague = number_value(w), VAGUE.get(w)
        if value is None and vague is None and w not in ("a", "an"):
            continue
        j = i + 1
        if vague is not None and j < n and tokens[j].lower == "of":
            j += 1  # "dozens of migrants"
        mods: list[int] = []
        while j < n and len(mods) < 3 and tokens[j].text.isalpha() and not is_capitalised(tokens[j]) \
                and tokens[j].lower not in FUNCTION and not tokens[j].lower.endswith("ing"):
            mods.append(j)
            j += 1
            if tokens[j - 1].lower in PLURAL_PERSONS or tokens[j - 1].lower in IRREGULAR_PLURAL:
                break  # the head noun closes the phrase
        if not mods:
            if value is not None and j < n and tokens[j].lower == "who" and frame:
                add(frame, value, value, i, i)  # "the 27 who drowned"
            continue
        words = [tokens[k].lower for k in mods]
        head = lemma(words[-1])
        if head in NOT_COUNTED or not head.isalpha():
            continue
        phrase = " ".join([*words[:-1], head])
        if w in ("a", "an", "one"):
            # Singular counts matter only for a kind of person with a property ("a pregnant woman").
            if len(words) >= 2 and words[-1] in PERSON_NOUNS:
                add(phrase, 1, 1, i, mods[-1])
            continue
        if not _nounish(words[-1]):
            continue
        if value is not None:
            # "no more than 10 inches" is a ceiling and "at least 3 people" a floor, not the figure itself
            # (an average of five against no more than 10 was a number conflict, GUIDELINE.md section 19).
            before = [tok.lower for tok in tokens[max(0, i - 3):i]]
            hedged = bound(" ".join(before))
            hedge = next((h.split() for h in HEDGES if before[-len(h.split()):] == h.split()), [])
            first = i - len(hedge) if hedged else i  # the span reads "no more than 10 inches"
            if hedged == "at most":
                add(phrase, 0, value, first, mods[-1])
            elif hedged == "at least":
                add(phrase, value, None, first, mods[-1])
            else:
                add(phrase, value, value, i, mods[-1])
        elif vague is not None:
            add(phrase, vague, None, i, mods[-1])
    for i in range(n - 1):
        a, b = tokens[i], tokens[i + 1]
        prev = tokens[i - 1].lower if i else ""
        if b.lower in PLURAL_PERSONS and a.text.isalpha() and not is_capitalised(a) and a.lower not in FUNCTION \
                and not a.lower.endswith(("ing", "ed")) and number_value(a.lower) is None and a.lower not in VAGUE \
                and number_value(prev) is None and prev not in VAGUE and prev not in ("a", "an"):
            add(f"{a.lower} {lemma(b.lower)}", 2, None, i, i + 1, explicit=False)
    return out


def _nounish(word: str) -> bool:
    return word in PERSON_NOUNS or word in PLURAL_PERSONS or word.endswith("s") or word in IRREGULAR_PLURAL


def _previous_plural_head(tokens: list[Token], i: int) -> str | None:
    for j in range(i - 1, max(i - 6, -1), -1):
        if tokens[j].lower in PLURAL_PERSONS or tokens[j].lower in IRREGULAR_PLURAL:
            return lemma(tokens[j].lower)
    return None


def _places(tokens: list[Token], runs: list[tuple[int, int]], article: Article,
            persons: frozenset[str]) -> list[tuple[str, Span]]:
    """Capitalised runs governed by a locative preposition ("in Paris", "off Calais"), a destination after a
    motion verb ("head to Calais") or modifying an event noun ("a Calais summit"): where something happened,
    not who acted. Runs whose words name a person elsewhere (after a title) are not places."""
    out: list[tuple[str, Span]] = []
    lowers = [t.lower for t in tokens]
    for s, e in runs:
        prev = lowers[s - 1] if s > 0 else ""
        nxt = tokens[e] if e < len(tokens) else None
        event_mod = nxt is not None and nxt.lower in EVENT_NOUNS
        motion = prev == "to" and any(lemma(w) in MOTION for w in lowers[max(0, s - 8):s - 1])
        if not (prev in ("in", "at", "near", "off", "outside") or motion or event_mod):
            continue
        if nxt is not None and nxt.text[:1].islower() and nxt.text.isalpha() and nxt.lower not in FUNCTION \
                and not event_mod:
            continue  # "at French beaches": an adjective, not a place
        if _compound(tokens, s, e):
            continue  # "in U.S.-led airstrikes", "at Chicago-based firms": a modifier, not where it happened
        words = [t.lower.replace("'s", "") for t in tokens[s:e]]
        if e - s > 3 or any(w in TITLES or w in WEEKDAYS or w in MONTHS for w in words) \
                or any(w in persons for w in words):
            continue
        end = tokens[e - 1].end - (1 if tokens[e - 1].text.endswith(".") else 0)
        span = Span.of(article, tokens[s].start, end)
        out.append((span.text.replace("’s", "").replace("'s", ""), span))
    return out


def _compound(tokens: list[Token], s: int, e: int) -> bool:
    """Whether ``tokens[s:e]`` starts a hyphenated modifier ("Chicago-based", "U.S." glued to "-led": FNC-1 pool 2,
    GUIDELINE.md section 24); a hyphen before a capital ("al-Qaim", "Iraq-Syria") is part of a name."""
    k = e
    while k < len(tokens) and tokens[k].start == tokens[k - 1].end and not tokens[k].text[:1].isalnum():
        k += 1  # glued punctuation: "U." "S" "." "-" "led"
    return any(re.search(r"-[a-z]", t.text) for t in tokens[s:e]) or any(t.text.startswith("-") for t in tokens[e:k])


def person_keys(text: str) -> frozenset[str]:
    """Words that follow a title anywhere in the text ("Mr Macron", "President Emmanuel Macron"): names of
    people, so the place finder does not read "at Boris Johnson" as a place."""
    keys: set[str] = set()
    for m in re.finditer(r"\b(?:Mr|Mrs|Ms|Miss|Dr|President|Prime Minister|Minister|Secretary|Sir)\.?\s+"
                         r"((?:[A-Z][a-z’'A-Z-]+\s?){1,3})", text):
        keys.update(w.lower().replace("’s", "").replace("'s", "") for w in m.group(1).split())
    return frozenset(keys)


def _reported_on(tokens: list[Token], i: int) -> bool:
    """Whether the day word at ``i`` dates the report, not the event: "authorities said Saturday", "she told
    reporters on Friday", "the rep confirmed to People on Friday". Outlets report one fire as "Friday night"
    and its estimate as "said Saturday"; read as the event's day, the two made a date conflict (ECB+ audit,
    bench/gold/GUIDELINE.md section 7)."""
    # Back through the reporting verb's own phrase ("confirmed to People and Us Weekly on Friday"), stopping
    # at punctuation or at another verb ("said the fire started Friday" dates the fire).
    for j in range(i - 1, max(i - 8, -1), -1):
        w = tokens[j].lower
        if w in REPORTING:
            return True
        if not w or w.endswith(("ed", "ing")) or w in AUXILIARIES:
            return False
    return False


def _times(tokens: list[Token]) -> list[str]:
    out = []
    for i, t in enumerate(tokens):
        w = t.lower.replace("'s", "").replace("’s", "")
        if (w in WEEKDAYS or w in RELATIVE_TIMES) and not _reported_on(tokens, i):
            out.append(w)
        elif w in MONTHS and i + 1 < len(tokens) and tokens[i + 1].text.isdigit():
            out.append(f"{w} {tokens[i + 1].text}")
        elif t.text.isdigit() and i + 1 < len(tokens) and tokens[i + 1].lower in MONTHS:
            out.append(f"{tokens[i + 1].lower} {t.text}")
    return sorted(set(out))


_DAY_GLUE = frozenset(("on", "last", "this", "early", "late", "earlier", "later"))


def _dated_events(tokens: list[Token], verbs: list[int]) -> frozenset[tuple[str, str]]:
    """(verb lemma, day word) for each verb with a day word beside it, only glue words between ("on", "last",
    "early"): "apologized on Friday", "on Friday apologized", "to apologize Saturday". A day reached through
    other words may date another clause of the sentence."""
    out: set[tuple[str, str]] = set()
    days = {i for i, t in enumerate(tokens) if t.lower in DAY_WORDS}
    for i in verbs:
        if tokens[i].lower in REPORTING:
            continue
        for step in (1, -1):
            j = i + step
            while 0 <= j < len(tokens) and abs(j - i) <= 3 and tokens[j].lower in _DAY_GLUE:
                j += step
            if j in days and not _reported_on(tokens, j):
                out.add((lemma(tokens[i].lower), tokens[j].lower))
    return frozenset(out)


def _frame(tokens: list[Token]) -> str | None:
    for t in tokens:
        f = FRAME_OF.get(t.lower)
        if f:
            return f
    return None


def _labels(text: str, tokens: list[Token], article: Article, base: int, subject: str | None) -> list[Label]:
    out: list[Label] = []
    for i, t in enumerate(tokens):
        if t.lower not in LABEL_VERBS or (i + 1 < len(tokens) and tokens[i + 1].lower in ("for", "on", "off", "up")):
            continue
        m = QUOTED.search(text, t.end - base, min(len(text), t.end - base + 60))
        if not m:
            continue
        if t.lower.endswith("ing") or (i > 0 and tokens[i - 1].text == ","):
            labeler = subject  # participle clause: the main clause's subject does the calling
        else:
            labeler = _phrase(text, tokens, _np_before(tokens, i), base)
        if labeler:
            out.append(Label(labeler, " ".join(m.group(1).lower().split()),
                             Span.of(article, base + (tokens[i - 1].start - base if i else t.start - base),
                                     base + m.end())))
    return out


def rule_claim(article: Article, passage: Passage, *, persons: frozenset[str] = frozenset()) -> Claim:
    """The fallback extractor: one claim per sentence, frame from word shapes and closed word lists."""
    text = passage.text
    base = passage.start
    tokens = tokenize(text, base)
    names, runs = _names(tokens)
    frame = _frame(tokens)
    claim = Claim(article.id, article.outlet, passage.index, passage.span(), names=names)
    lowers = [t.lower for t in tokens]
    claim.polarity = "negative" if any(negation_at(lowers, k) for k in range(len(lowers))) else "positive"
    claim.content = frozenset(lemma(w) for w in lowers if w.isalpha() and len(w) > 2 and w not in STOP)
    events = {EVENT_NOUNS[w] for w in lowers if w in EVENT_NOUNS}
    # Infinitives ("due to meet", "to head to Calais") name events too; the shape "to" + bare word is enough.
    verbs = [i for i in range(1, len(lowers)) if lowers[i - 1] == "to" and lowers[i].isalpha()
             and lowers[i] not in FUNCTION and lowers[i] not in STOP]
    events.update(lemma(lowers[i]) for i in verbs if len(lowers[i]) > 2)
    first_subject: str | None = None
    main_named = False
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        if not is_verb(t, prev) or (t.lower in LABEL_VERBS and t.lower.endswith("ing")):
            continue
        verbs.append(i)
        pred = lemma(t.lower)
        who_rng = _np_before(tokens, i)
        obj_rng = _np_after(tokens, i)
        who = _phrase(text, tokens, who_rng, base)
        target = _phrase(text, tokens, obj_rng, base)
        k = i - 1
        while k >= 0 and (tokens[k].lower in NEGATORS or tokens[k].lower in SKIP_BEFORE_VERB):
            k -= 1
        passive = k >= 0 and tokens[k].lower in ("was", "were", "been", "be", "is", "are", "being")
        if passive:
            by = next((k for k in range(i + 1, min(i + 4, len(tokens))) if tokens[k].lower == "by"), None)
            agent = _phrase(text, tokens, _np_after(tokens, by), base) if by is not None else None
            who, target = agent, who
        if who and who.lower() in PRONOUNS:
            who = None
        if pred in REPORTING and claim.attribution is None and who:
            claim.attribution = who
        claim.triples.append((who, pred, target))
        events.add(pred)
        if target:
            events.update(EVENT_NOUNS[w.lower()] for w in target.split() if w.lower() in EVENT_NOUNS)
        if first_subject is None and who:
            first_subject = who
        # The main frame: the first action with a named actor ("Ms Patel cancelled"), which is rarely the verb
        # of a fronted subordinate clause ("After receiving a letter posted by ..."); else the first action.
        named = bool(who) and any(w[:1].isupper() for w in who.split())
        if pred not in REPORTING and (claim.predicate is None or (named and not main_named)):
            claim.predicate, claim.who, claim.target, claim.passive = pred, who, target, passive
            claim.verb = t.text
            main_named = named
    if first_subject is None:
        rng = _subject_at_start(tokens)
        first_subject = _phrase(text, tokens, rng, base)
    claim.events = frozenset(events)
    claim.numbers = _quantities(tokens, article, frame)
    claim.places = _places(tokens, runs, article, persons)
    claim.times = _times(tokens)
    claim.dated = _dated_events(tokens, verbs)
    claim.labels = _labels(text, tokens, article, base, first_subject)
    return claim


def _subject_at_start(tokens: list[Token]) -> tuple[int, int] | None:
    j = 0
    while j < len(tokens) and j < 5 and (is_capitalised(tokens[j]) or tokens[j].lower in DETERMINERS):
        j += 1
    return (0, j) if j else None
