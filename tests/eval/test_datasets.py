"""Every dataset in ../shared/data is read in its original format and detected from name and content."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.errors import InputFormatError
from corroborate.eval.datasets import clust_mcms_catchall, detect_format, read
from tests.conftest import shared_path

FILES = [
    ("stories", "ecbplus/ecbplus_docs.jsonl", "ecbplus", 772),
    ("stories", "basil", "basil", 135),
    ("stories", "clust_mcms_news_clusters/mds_ac_dev_final.json", "clust-mcms", 156),  # 209 minus the catch-all 53
    ("paraphrase", "mrpc/msr_paraphrase_train.txt", "mrpc", 4076),
    ("contradiction", "sick/SICK.txt", "sick", 4934),
    ("contradiction", "breaking_nli/dataset.jsonl", "breaking-nli", 4105),
    ("contradiction", "mnli_dev_matched/mnli_dev_matched_with_bert100_correct.tsv", "mnli", 4904),
    ("contradiction", "mnli_dev_matched/mnli_contradicting_examples.tsv", "mnli-contradicting", 261),
    ("contradiction", "fever_symmetric/fever_symmetric_dev_v0.2.jsonl", "fever", 708),
    ("contradiction", "fever_symmetric/fever_symmetric_generated_v0.1.jsonl", "fever", 717),
    ("consistency", "summedits_news/summedits_news.json", "summedits", 363),
    ("consistency", "frank/frank_joined.jsonl", "frank", 671),
    ("consistency", "falke_correctness/val_sentence_pairs.json", "falke", 746),
    ("consistency", "qags_mturk/mturk_cnndm.jsonl", "qags", 714),
]


@pytest.mark.parametrize(("task", "rel", "fmt", "count"), FILES)
def test_reads_original_format(task: str, rel: str, fmt: str, count: int) -> None:
    path = shared_path("data", *rel.split("/"))
    got_fmt, rows = read(path, task=task)
    assert got_fmt == fmt
    assert len(rows) == count


def test_catchall_label_rule() -> None:
    assert clust_mcms_catchall([0] * 53 + [1] * 7 + [2] * 6) == 0
    assert clust_mcms_catchall([0] * 7 + [1] * 6) is None


def test_fever_refutes_is_conflict() -> None:
    _, rows = read(shared_path("data", "fever_symmetric", "fever_symmetric_dev_v0.2.jsonl"), task="contradiction")
    assert {r.label for r in rows} == {"CONTRADICTION", "ENTAILMENT"}


def test_bad_inputs_raise_one_line_errors(tmp_path: Path) -> None:
    bad = tmp_path / "broken.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="JSON"):
        detect_format(bad)
    with pytest.raises(InputFormatError, match="no such file"):
        detect_format(tmp_path / "missing.txt")
    wrong = tmp_path / "pairs.txt"
    wrong.write_text("0\t1\t2\tA man.\tA woman.\n", encoding="utf-8")
    with pytest.raises(InputFormatError, match="not a contradiction dataset"):
        read(wrong, task="contradiction")
    assert read(wrong, task="paraphrase")[0] == "mrpc"  # other splits in the same format are read unchanged
