"""The Python API (docs/API.md): ``corroborate.check(...) -> Report`` and ``Report.to_json()``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import corroborate
from corroborate.api import make_config
from corroborate.cli import main
from corroborate.config import Config, RepeatsConfig
from corroborate.model import Article, Report
from tests.conftest import REPO

EXAMPLES = REPO / "examples"


@pytest.fixture(scope="module")
def report() -> Report:
    return corroborate.check([str(EXAMPLES)], semantic="off")


def test_check_returns_a_report(report: Report) -> None:
    assert isinstance(report, Report)
    assert len(report.articles) == 5 and len(report.stories) == 2
    assert report.method["alignment"] == "lexical"


def test_to_json_is_the_check_json_output(report: Report, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "report.json"
    assert main(["check", str(EXAMPLES), "--semantic", "off", "-f", "json", "-o", str(out), "-q"]) == 0
    assert report.to_json() == out.read_text(encoding="utf-8")
    assert report.to_json() == corroborate.check(str(EXAMPLES), semantic="off").to_json()  # deterministic
    assert capsys.readouterr().err == ""


def test_articles_and_paths_mix(report: Report) -> None:
    mine = Article("mine", "My Paper", "Ferry aground", "2025-03-04", None,
                   "The ferry Morwen Star ran aground on Sennock Reef off Port Elin on Monday night.")
    gazette = EXAMPLES / "harbour-gazette.txt"
    mixed = corroborate.check([mine, gazette], semantic="off", nlp="off")
    assert mixed.articles[0].id == "mine" and len(mixed.articles) == 2
    only = corroborate.check(mine, semantic="off", nlp="off")
    assert [a.id for a in only.articles] == ["mine"] and only.stories[0].articles == ["mine"]


def test_settings_are_config_fields() -> None:
    config = make_config(semantic="off", repeats={"paraphrase_threshold": 0.8})
    assert config.semantic == "off" and config.repeats.paraphrase_threshold == 0.8
    assert make_config(Config(nlp="off"), repeats=RepeatsConfig(min_words=3)).repeats.min_words == 3
    with pytest.raises(ValueError, match="unknown setting 'semantics'"):
        corroborate.check([], semantics="off")
    with pytest.raises(ValueError, match="unknown setting"):
        make_config(repeats={"nope": 1})
    with pytest.raises(ValueError, match="semantic must be"):
        make_config(semantic="maybe")


def test_unreadable_inputs_are_errors_not_exceptions(tmp_path: Path) -> None:
    result = corroborate.check([tmp_path / "missing.txt"], semantic="off", nlp="off")
    assert result.articles == [] and len(result.errors) == 1 and "missing.txt" in result.errors[0].path


def test_the_documented_one_liner() -> None:
    code = "import corroborate; r = corroborate.check(['examples'], semantic='off'); print(len(r.stories))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout == "2\n"
