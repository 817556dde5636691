"""The CoNLL-U / IOB2 readers: whitespace from SpaceAfter and multiword tokens, joins, BIO spans, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.errors import CorroborateError
from corroborate.nlp.conllu import FormatError, align_tags, bio_spans, read_conllu, read_iob2, read_joined

CONLLU = """# newdoc id = d1
# sent_id = d1-0001
# text = I don't know Ann's dog.
1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\t_
5-6\tAnn's\t_\t_\t_\t_\t_\t_\t_\t_
5\tAnn\tAnn\tPROPN\tNNP\tNumber=Sing\t7\tnmod:poss\t7:nmod:poss\t_
6\t's\t's\tPART\tPOS\t_\t5\tcase\t5:case\t_
7\tdog\tdog\tNOUN\tNN\tNumber=Sing\t4\tobj\t4:obj\tSpaceAfter=No
7.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4
8\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_

# sent_id = d1-0002
# text = Go home
1\tGo\tgo\tVERB\tVB\t_\t0\troot\t0:root\t_
2\thome\thome\tADV\tRB\t_\t1\tadvmod\t1:advmod\t_

"""

IOB2 = """# sent_id = d1-0001
# text = I do n't know Ann 's dog .
1\tI\tO\t-\t-
2\tdo\tO\t-\t-
3\tn't\tO\t-\t-
4\tknow\tO\t-\t-
5\tAnn\tB-PER\t-\ta
6\t's\tO\t-\t-
7\tdog\tB-OTH\t-\ta
8\t.\tO\t-\t-

"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_words_spaces_and_heads(tmp_path: Path) -> None:
    first, second = read_conllu(_write(tmp_path, "a.conllu", CONLLU))
    assert first.words == ["I", "do", "n't", "know", "Ann", "'s", "dog", "."]  # no range line, no 7.1
    # "don't" and "Ann's" have no inner space; SpaceAfter=No glues "dog" to "."
    assert first.spaces == [True, False, True, True, False, True, False, True]
    assert first.heads == [3, 3, 3, 3, 6, 4, 3, 3]  # the root points at itself
    assert first.deprels[4] == "nmod:poss"
    # the multiword token of the first sentence must not leak into the second one
    assert second.spaces == [True, True]
    assert second.doc_id == "d1"


def test_join_maps_tags_and_drops_oth(tmp_path: Path) -> None:
    sents = read_joined(_write(tmp_path, "a.conllu", CONLLU), _write(tmp_path, "a.iob2", IOB2))
    assert sents[0].ner is not None
    assert bio_spans(sents[0].ner) == [(4, 5, "PER")]  # OTH is read as O
    assert sents[1].ner is None  # not in the IOB2 file


def test_bio_spans_handles_stray_inside_tags() -> None:
    tags = ["I-ORG", "I-ORG", "O", "B-PER", "I-PER", "B-PER", "I-LOC"]
    assert bio_spans(tags) == [(0, 2, "ORG"), (3, 5, "PER"), (5, 6, "PER"), (6, 7, "LOC")]


def test_align_tags_across_different_tokenisations() -> None:
    words = ["Inter", "-", "Services", "Intelligence", "in", "India", "'s"]
    tokens = ["Inter-", "Services", "Intelligence", "in", "India's"]
    tags = ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    assert align_tags(words, tokens, tags) == ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC"]
    assert align_tags(["a", "b"], ["a", "c"], ["O", "O"]) is None


def test_mismatched_join_names_the_file(tmp_path: Path) -> None:
    iob2 = _write(tmp_path, "bad.iob2", IOB2.replace("1\tI\tO", "1\tWe\tO"))
    with pytest.raises(FormatError, match=r"bad\.iob2"):
        read_joined(_write(tmp_path, "a.conllu", CONLLU), iob2)
    assert read_joined(_write(tmp_path, "a.conllu", CONLLU), iob2, strict=False)[0].ner is None


def test_bad_input_is_a_corroborate_error_naming_the_file(tmp_path: Path) -> None:
    short = _write(tmp_path, "short.conllu", "# sent_id = x\n1\tA\ta\n\n")
    with pytest.raises(CorroborateError, match=r"short\.conllu:2"):
        list(read_conllu(short))
    binary = tmp_path / "bin.iob2"
    binary.write_bytes(b"# sent_id = x\n1\t\xff\xfe\tO\n")
    with pytest.raises(CorroborateError, match=r"bin\.iob2: not UTF-8"):
        read_iob2(binary)
