"""`corroborate check` end to end, through the CLI, on the real seed articles (the spine's acceptance)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborate.cli import main
from corroborate.ingest.embed import semantic_available
from tests.conftest import shared_path, spans_in


def _check(args: list[str], out: Path, capsys: pytest.CaptureFixture) -> tuple[int, dict, str]:
    code = main(["check", *args, "--format", "json", "-o", str(out), "--no-progress"])
    err = capsys.readouterr().err
    return code, json.loads(out.read_text(encoding="utf-8")), err


@pytest.fixture(scope="module", params=["off", "on"])
def seeds_report(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict, bytes]:
    mode = request.param
    if mode == "on" and not semantic_available():
        pytest.skip("the semantic extra is not installed")
    seeds = shared_path("seeds")
    out = tmp_path_factory.mktemp("check") / "report.json"
    assert main(["check", str(seeds), "--semantic", mode, "-f", "json", "-o", str(out), "--no-progress"]) == 0
    raw = out.read_bytes()
    return mode, json.loads(raw), raw


def _article_id(doc: dict, prefix: str) -> str:
    return next(a["id"] for a in doc["articles"] if Path(a["path"]).name.startswith(prefix))


def test_json_contract_and_span_rule(seeds_report: tuple[str, dict, bytes]) -> None:
    mode, doc, _ = seeds_report
    assert doc["version"] == 1
    assert doc["method"]["alignment"] == ("lexical" if mode == "off" else "all-MiniLM-L6-v2")
    assert {"articles", "removed", "repeats", "reuse", "stories", "errors"} <= set(doc)
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    spans = spans_in(doc)
    assert len(spans) > 100
    for span in spans:
        assert texts[span["article"]][span["start"]:span["end"]] == span["text"]


def test_repeated_captions_are_exact_repeats(seeds_report: tuple[str, dict, bytes]) -> None:
    _, doc, _ = seeds_report
    a000 = _article_id(doc, "000")
    exact = [g for g in doc["repeats"] if g["kind"] == "exact" and {m["article"] for m in g["members"]} == {a000}]
    captions = ["The Prime Minister is understood to have privately rebuked",
                "Migrants set up camp on a railway line", "The flimsy and dangerous dinghy that sank off Calais"]
    for caption in captions:
        groups = [g for g in exact if any(" ".join(m["text"].split()).startswith(caption) for m in g["members"])]
        assert groups, f"caption not found as an exact repeat: {caption}"
    assert any(len(g["members"]) == 3 for g in exact), "one caption appears three times"


@pytest.mark.parametrize(("left", "right", "changed"), [
    ("launched a defence", "launched an attack", ("defence", "attack")),
    ("the French government cancelled the meeting", "Ms. Patel cancelled her meeting", ("government", "patel")),
])
def test_spun_rewrites_are_paraphrases_with_drift(seeds_report: tuple[str, dict, bytes], left: str, right: str,
                                                  changed: tuple[str, str]) -> None:
    _, doc, _ = seeds_report
    pairs = [g for g in doc["repeats"] if g["kind"] in {"paraphrase", "near"}
             and any(left in m["text"] for m in g["members"]) and any(right in m["text"] for m in g["members"])]
    assert pairs, f"rewrite not found: {left!r} ~ {right!r}"
    drift = pairs[0].get("drift")
    assert drift, "the rewrite changed meaning-bearing words and must be flagged as drift"
    words = " ".join(w.lower() for pair in drift["changed"] for w in pair)
    assert changed[0] in words and changed[1] in words, drift


def test_read_more_line_is_removed_with_reason(seeds_report: tuple[str, dict, bytes]) -> None:
    _, doc, _ = seeds_report
    a002 = _article_id(doc, "002")
    promo = [r for r in doc["removed"] if r["span"]["article"] == a002 and r["span"]["text"].startswith("READ MORE:")]
    assert len(promo) == 1 and promo[0]["reason"] == "promo line"


def test_same_input_gives_byte_identical_json(seeds_report: tuple[str, dict, bytes], tmp_path: Path) -> None:
    mode, _, raw = seeds_report
    out = tmp_path / "again.json"
    assert main(["check", str(shared_path("seeds")), "--semantic", mode, "-f", "json", "-o", str(out),
                 "--no-progress"]) == 0
    assert out.read_bytes() == raw


def test_bad_inputs_are_named_and_the_rest_is_processed(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Title: Bridge reopens\n\nThe old bridge over the Elin reopened on Monday after repairs.\n",
                    encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "broken.jsonl").write_text('{"text": "A fine article about the harbour and its boats."}\n{oops\n',
                                           encoding="utf-8")
    out_dir = tmp_path.parent / f"{tmp_path.name}-out"
    out_dir.mkdir()
    code, doc, err = _check([str(tmp_path), str(tmp_path / "missing.txt"), "--semantic", "off"],
                            out_dir / "r.json", capsys)
    assert code == 2
    failed = {Path(e["path"]).name for e in doc["errors"]}
    assert {"empty.txt", "image.png", "missing.txt"} <= failed
    assert any(Path(e["path"]).name == "broken.jsonl" for e in doc["errors"])
    error_lines = [line for line in err.splitlines() if line.startswith("corroborate: ") and "wrote" not in line]
    assert len(error_lines) == len(doc["errors"])
    assert all("Traceback" not in line for line in err.splitlines())
    assert len(doc["articles"]) == 2  # good.txt and the valid JSONL line


def test_nothing_readable_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    assert main(["check", str(tmp_path), "--semantic", "off", "--no-progress"]) == 1
    assert "no article could be read" in capsys.readouterr().err


def test_text_and_markdown_show_brief_first(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    seeds = str(shared_path("seeds"))
    assert main(["check", seeds, "--semantic", "off", "-f", "markdown", "--no-progress"]) == 0
    md = capsys.readouterr().out
    assert md.index("### Brief") < md.index("### Conflicts")
    assert main(["check", seeds, "--semantic", "off", "-f", "text", "--no-progress"]) == 0
    text = capsys.readouterr().out
    assert text.index("Brief") < text.index("Conflicts")


def test_nlp_option_picks_the_pipeline_and_the_report_says_which(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture) -> None:
    from corroborate import nlp

    seeds = str(shared_path("seeds"))
    code, doc, _ = _check([seeds, "--semantic", "off", "--nlp", "off"], tmp_path / "off.json", capsys)
    assert code == 0 and doc["method"]["nlp"].startswith("rules")
    if nlp.available("cnn"):
        code, doc, _ = _check([seeds, "--semantic", "off"], tmp_path / "cnn.json", capsys)
        assert code == 0 and doc["method"]["nlp"] == nlp.describe("cnn")  # auto without MiniLM: CNN
    assert main(["check", seeds, "--nlp", "bert"]) == 1
    assert "invalid choice: 'bert'" in capsys.readouterr().err


def test_nlp_setting_is_checked() -> None:
    from corroborate.config import Config

    assert Config.from_dict({"nlp": "cnn"}).nlp == "cnn"
    with pytest.raises(ValueError, match="nlp must be"):
        Config(nlp="bert")


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_quiet_writes_nothing_to_stderr_and_verbose_the_stage_timings(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "r.json"
    args = ["check", str(EXAMPLES), "--semantic", "off", "--nlp", "off", "-f", "json", "-o", str(out)]
    assert main([*args, "-q"]) == 0
    assert capsys.readouterr().err == ""
    quiet = out.read_bytes()
    assert main([*args, "-v"]) == 0
    err = capsys.readouterr().err
    for stage in ("ingest", "clean+segment", "repeats", "stories", "cross-check"):
        assert f"  time {stage}: " in err
    assert "  stories: 2" in err and "wrote json report" in err and "time total (check):" in err
    assert out.read_bytes() == quiet  # verbosity never changes the report
    # Input errors are errors, not notes: -q still names them.
    assert main(["check", str(tmp_path / "missing.txt"), *args[1:], "-q"]) == 2
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"corroborate: {tmp_path / 'missing.txt'}: ")


def test_jsonl_is_one_story_per_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    args = ["check", str(EXAMPLES), "--semantic", "off", "--nlp", "off", "-q"]
    assert main([*args, "-f", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert main([*args, "-f", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert len(lines) == len(doc["stories"]) == 2
    for line, story in zip(lines, doc["stories"], strict=True):
        row = json.loads(line)
        assert row["version"] == 1 and row["id"] == story["id"]
        assert [a["id"] for a in row["articles"]] == story["articles"]
        assert {k: row[k] for k in ("statements", "conflicts", "brief", "quotes", "entities", "timeline")} == {
            k: story[k] for k in ("statements", "conflicts", "brief", "quotes", "entities", "timeline")}
    assert main([*args, "-f", "jsonl"]) == 0
    assert capsys.readouterr().out.splitlines() == lines  # deterministic
