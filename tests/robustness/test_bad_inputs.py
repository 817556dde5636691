"""`corroborate check` on one batch holding every kind of bad input (issue #9), through the real CLI.

The batch (tests/robustness/badinputs.py): empty and whitespace-only files; a PNG, a zip and random bytes;
invalid UTF-8, Latin-1 and UTF-16 with a BOM; a 50 MB text file and a 1 MB line without punctuation;
HTML nested 5,000 deep and HTML full of scripts and iframes; malformed RSS and Atom; JSONL with bad lines
and wrong field types; symlink loops, a dangling link, an unreadable file and a missing path; and two good
articles. Each bad input must be named on stderr in one line, ``corroborate: PATH: problem``; the rest must
be processed; the exit status is 2; and no traceback may appear.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from corroborate.cli import main
from corroborate.config import RepeatsConfig
from corroborate.ingest.clean import clean
from corroborate.ingest.segment import segment
from corroborate.model import Article
from corroborate.repeats.find import find_repeats
from tests.conftest import spans_in
from tests.robustness.badinputs import MB, Case, build_batch, drop_file_read_override, one_line

REPO = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^corroborate: (?P<path>.+?): (?P<problem>.+)$")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("bad")
    batch = root / "batch"
    cases = build_batch(batch)
    missing = next(c for c in cases if c.name == "missing.txt")
    out = root / "report.json"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "corroborate.cli", "check", str(batch), str(missing.path), "--semantic", "off",
         "--format", "json", "--output", str(out), "--no-progress"],
        cwd=REPO, capture_output=True, text=True, timeout=900,
        preexec_fn=drop_file_read_override,  # so chmod 000 holds even when the tests run as root
    )
    seconds = time.perf_counter() - started
    return {"cases": cases, "proc": proc, "out": out, "seconds": seconds}


def _error_lines(stderr: str) -> list[tuple[str, str]]:
    """(path, problem) of every ``corroborate: PATH: problem`` line, minus the "wrote ... report" notice."""
    found = []
    for line in stderr.splitlines():
        m = LINE.match(line)
        if m and not line.startswith("corroborate: wrote "):
            found.append((m.group("path"), m.group("problem")))
    return found


def test_exit_status_is_2_and_nothing_crashes(run: dict[str, Any]) -> None:
    proc = run["proc"]
    assert proc.returncode == 2, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    assert "Error:" not in proc.stderr  # no bare exception name leaking (ValueError: ...)


def test_each_bad_input_is_named_in_one_clear_line(run: dict[str, Any]) -> None:
    lines = _error_lines(run["proc"].stderr)
    by_path: dict[str, list[str]] = {}
    for path, problem in lines:
        by_path.setdefault(path, []).append(problem)
    for case in run["cases"]:
        problems = by_path.get(str(case.path), [])
        if case.expect is None and case.errors == 1:
            assert not problems, f"{case.name} should be read, but: {problems}"
            continue
        assert len(problems) == case.errors, (case.name, problems)
        for problem in problems:
            assert case.expect in problem, (case.name, problem)
            assert len(problem) <= 200 and "\n" not in problem
    named = {str(c.path) for c in run["cases"]}
    assert set(by_path) <= named, f"errors about inputs not in the batch: {set(by_path) - named}"


def test_jsonl_errors_name_each_bad_line(run: dict[str, Any]) -> None:
    problems = [p for path, p in _error_lines(run["proc"].stderr) if path.endswith("mixed.jsonl")]
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 3", "line 4", "line 5"]
    assert "not valid JSON" in problems[0] and "at at" not in problems[0]
    assert "'text' must be a string, got int" in problems[1]
    assert "'title' must be a string, got list" in problems[2]
    assert "expected a JSON object, got str" in problems[3]


def test_huge_inputs_are_refused_with_the_limit_and_how_to_raise_it(run: dict[str, Any]) -> None:
    problems = dict(_error_lines(run["proc"].stderr))
    huge = next(p for path, p in problems.items() if path.endswith("huge.txt"))
    assert huge.startswith("article too long: 52,428,800 characters")
    assert "500,000" in huge and "--max-article-chars" in huge
    line = next(p for path, p in problems.items() if path.endswith("one-line.txt"))
    assert line.startswith(f"article too long: {MB + 1:,} characters")


def test_json_report_is_valid_and_holds_the_readable_inputs(run: dict[str, Any]) -> None:
    doc = json.loads(run["out"].read_text(encoding="utf-8"))
    cases: list[Case] = run["cases"]
    by_path = {a["path"]: a for a in doc["articles"]}
    for case in cases:
        if case.must_contain:
            article = by_path.get(str(case.path))
            assert article is not None, f"{case.name} missing from the report"
            for word in case.must_contain:
                assert word.lower() in article["text"].lower(), (case.name, word)
            for bad in case.must_not_contain:
                assert bad not in article["text"], (case.name, bad)
    # Two good articles, the recovered feed entry, the JSONL's good line, and the four decoded/cleaned inputs.
    readable = {c.name for c in cases if c.must_contain}
    assert {Path(p).name for p in by_path} == readable
    stderr_errors = _error_lines(run["proc"].stderr)
    assert sorted((e["path"], e["error"]) for e in doc["errors"]) == sorted(stderr_errors)
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    spans = spans_in(doc)
    assert spans
    for span in spans:
        assert texts[span["article"]][span["start"]:span["end"]] == span["text"]


def test_batch_finishes_in_bounded_time(run: dict[str, Any]) -> None:
    # Measured about 45 s on 2 busy cores (bench/robustness.py); the 50 MB file is refused in about 2 s.
    assert run["seconds"] < 600


def test_article_limit_flag(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The harbour reopened on Monday after repairs. " * 20, encoding="utf-8")
    assert main(["check", str(article), "--max-article-chars", "100", "--semantic", "off", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert f"corroborate: {article}: article too long: 920 characters of text, over the limit of 100" in err
    assert "Traceback" not in err
    assert main(["check", str(article), "--max-article-chars", "2000000", "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("corroborate: error: max_article_chars must be in [1, 1,000,000]")


def test_one_megabyte_line_without_punctuation_is_linear() -> None:
    """clean, segment and repeats on a 1 MB line (no sentence ends anywhere) finish in bounded CPU time."""
    text = one_line(MB, seed=1)
    article = Article("a" * 16, "o", None, None, None, text)
    started = time.process_time()
    removed = clean(article)
    passages = segment(article, removed)
    result = find_repeats([article], {article.id: passages}, config=RepeatsConfig(), embedder=None)
    seconds = time.process_time() - started
    assert [(p.start, p.end) for p in passages] == [(0, len(text))]
    assert result.groups == []
    assert seconds < 30, f"{seconds:.1f} s of CPU for one 1 MB line (measured about 1.5 s)"
