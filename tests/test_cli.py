"""The command-line dispatcher: options every command shares, and missing optional dependencies."""

from __future__ import annotations

import pytest

from corroborate import cli
from corroborate.cli import build_parser, main


def _subparsers():
    parser = build_parser()
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return action.choices


def test_every_command_has_quiet_and_verbose() -> None:
    commands = _subparsers()
    assert set(cli.COMMANDS) <= set(commands)
    for name, parser in commands.items():
        options = {s for a in parser._actions for s in a.option_strings}
        assert {"-q", "--quiet", "-v", "--verbose"} <= options, name
        args = parser.parse_args([a for a in _required(name)] + ["-q"])
        assert args.quiet and not args.verbose


def _required(name: str) -> list[str]:
    return {"check": ["x"], "add": ["x"], "show": ["s1"], "serve": ["--db", "x"], "eval": ["stories"],
            "nlp-eval": ["--conllu", "a", "--iob2", "b"], "cache": ["info"]}.get(name, [])


def test_quiet_and_verbose_exclude_each_other(capsys: pytest.CaptureFixture) -> None:
    assert main(["stories", "-q", "-v"]) == 1
    assert "not allowed with argument" in capsys.readouterr().err


def test_a_missing_optional_dependency_names_its_extra(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture) -> None:
    from corroborate.commands import store

    def needs_sklearn(args) -> int:
        raise ModuleNotFoundError("No module named 'sklearn'", name="sklearn.metrics")

    monkeypatch.setattr(store, "run_stories", needs_sklearn)
    assert main(["stories"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == "corroborate: error: sklearn is needed for `corroborate stories`: pip install 'corroborate[eval]'"


def test_verbose_prints_the_total_time(tmp_path, capsys: pytest.CaptureFixture) -> None:
    assert main(["stories", "--db", str(tmp_path / "none.db"), "-v"]) == 1
    assert "time total (stories):" in capsys.readouterr().err
