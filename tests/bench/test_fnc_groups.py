"""FNC-1 claim groups for brief-lead pool 3 (bench/fnc_groups.py), on made-up bodies."""

from __future__ import annotations

import csv
from pathlib import Path

from bench.fnc_groups import events, groups, sentences


def test_sentences_cut_at_line_breaks_and_sentence_ends() -> None:
    text = 'A dog rescued a cat on Monday. "It was brave," she said.\nScroll down\n\nThe U.S. team won 3.5 to 2.'
    cuts = [text[s:e] for s, e in sentences(text)]
    assert cuts == ["A dog rescued a cat on Monday.", '"It was brave," she said.', "Scroll down",
                    "The U.S. team won 3.5 to 2."]


def _write(root: Path, bodies: dict[int, str], stances: list[tuple[str, int, str]]) -> None:
    (root / "fnc1").mkdir()
    with (root / "fnc1" / "competition_test_bodies.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Body ID", "articleBody"])
        w.writerows(bodies.items())
    with (root / "fnc1" / "competition_test_stances.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["Headline", "Body ID", "Stance"])
        w.writerows(stances)


def test_groups_take_agreeing_bodies_once_and_skip_repeats(tmp_path: Path) -> None:
    bodies = {1: "A zoo's panda had twins. More later.", 2: "Twin pandas were born at the zoo.",
              3: "A zoo's panda had twins. More later.", 4: "The zoo welcomed two cubs.", 5: "Nothing here."}
    _write(tmp_path, bodies, [("Panda has twins", 1, "agree"), ("Panda has twins", 2, "discuss"),
                              ("Panda has twins", 3, "agree"), ("Panda has twins", 4, "agree"),
                              ("Panda has twins", 5, "unrelated"), ("Zoo panda twins", 2, "agree"),
                              ("Zoo panda twins", 4, "agree"), ("Zoo panda twins", 1, "agree")])
    got = groups(tmp_path, 5)
    # One group: body 3 repeats body 1's opening, body 5 is unrelated, and the second headline's bodies overlap.
    assert len(got) == 1 and sorted(got[0][1]) in ([1, 2, 4], [2, 3, 4])
    ev = events(tmp_path, 5)[0]
    assert len(ev.articles) == 3 and all(doc.startswith("fnc_") for doc in ev.doc_article)
    assert all(ev.sentences[k][2] for k in ev.sentences)
