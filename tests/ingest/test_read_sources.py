"""read_sources: folders, globs, stdin, and a clear one-line InputError for every kind of bad input."""

from __future__ import annotations

import io
import json
import os
import random
import zipfile
from pathlib import Path

import pytest

from corroborate.config import IngestConfig
from corroborate.ingest import read_source_bytes, read_sources
from corroborate.model import Article, InputError
from tests.conftest import REPO
from tests.ingest.test_detect import PNG


def _errors(items: list[Article | InputError]) -> dict[str, str]:
    return {Path(e.path).name: e.error for e in items if isinstance(e, InputError)}


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "b-sub").mkdir(parents=True)
    (root / "a.txt").write_text("The first story is about the pier.\n", encoding="utf-8")
    (root / "c.txt").write_text("The third story is about the tide.\n", encoding="utf-8")
    (root / "b-sub" / "inner.txt").write_text("The inner story is about gulls.\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("Hidden story.\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text("Not a story.\n", encoding="utf-8")
    (root / "README.md").write_text("# About this folder\n", encoding="utf-8")
    return root


def test_folder_is_recursive_sorted_and_skips_hidden_and_docs(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    items = list(read_sources([str(root)]))
    assert all(isinstance(a, Article) for a in items)
    assert [Path(a.path).name for a in items if isinstance(a, Article)] == ["a.txt", "c.txt", "inner.txt"]
    assert [a.id for a in items] == [a.id for a in read_sources([str(root)])]  # deterministic


def test_explicit_readme_is_read(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    [a] = read_sources([str(root / "README.md")])
    assert isinstance(a, Article)


def test_glob_patterns(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    items = list(read_sources([str(root / "**" / "*.txt")]))
    assert sorted(Path(a.path).name for a in items if isinstance(a, Article)) == ["a.txt", "c.txt", "inner.txt"]
    [err] = read_sources([str(root / "*.html")])
    assert err == InputError(str(root / "*.html"), "no files match this pattern")


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    items = list(read_sources([str(root / "a.txt"), str(root), str(root / "a.txt")]))
    assert [Path(a.path).name for a in items] == ["a.txt", "c.txt", "inner.txt"]


def test_stdin_text_stream() -> None:
    [a] = read_sources(["-"], stdin=io.StringIO("Title: Quay lights\n\nThe quay lights failed.\n"))
    assert isinstance(a, Article)
    assert (a.path, a.outlet, a.title) == ("<stdin>", "stdin", "Quay lights")


def test_stdin_binary_buffer_html_is_sniffed() -> None:
    html = "<html><body><p>The quay lights failed at night, the port said.</p></body></html>"
    stream = io.TextIOWrapper(io.BytesIO(html.encode("utf-8")), encoding="utf-8")
    [a] = read_sources(["-"], stdin=stream)
    assert isinstance(a, Article)
    assert a.meta["format"] == "html" and a.text == "The quay lights failed at night, the port said."


def test_stdin_binary_is_an_error() -> None:
    stream = io.TextIOWrapper(io.BytesIO(PNG))
    [err] = read_sources(["-"], stdin=stream)
    assert err == InputError("<stdin>", "binary file (PNG image), not text")


def test_bad_inputs_each_give_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "spaces.txt").write_text("  \n\t\n  ", encoding="utf-8")
    (bad / "image.png").write_bytes(PNG)
    (bad / "renamed-image.txt").write_bytes(PNG)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.txt", "x")
    (bad / "archive.zip").write_bytes(buf.getvalue())
    (bad / "noise.bin").write_bytes(random.Random(5).randbytes(2048))
    (bad / "loop-a").symlink_to(bad / "loop-b")
    (bad / "loop-b").symlink_to(bad / "loop-a")
    (bad / "dangling.txt").symlink_to(bad / "gone.txt")
    (bad / "good.txt").write_text("The one good story is about boats.\n", encoding="utf-8")
    items = list(read_sources([str(bad), str(tmp_path / "missing.txt")]))
    assert _errors(items) == {
        "empty.txt": "empty file",
        "spaces.txt": "empty file (only whitespace)",
        "image.png": "binary file (PNG image), not text",
        "renamed-image.txt": "binary file (PNG image), not text",
        "archive.zip": "binary file (zip archive), not text",
        "noise.bin": "binary file (contains NUL bytes), not text",
        "loop-a": "symlink loop",
        "loop-b": "symlink loop",
        "dangling.txt": "broken symlink: its target does not exist",
        "missing.txt": "no such file or directory",
    }
    assert [Path(a.path).name for a in items if isinstance(a, Article)] == ["good.txt"]
    for item in items:
        if isinstance(item, InputError):
            assert "\n" not in item.error and item.path


def test_folder_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    (root / "b-sub" / "back-up").symlink_to(root, target_is_directory=True)
    items = list(read_sources([str(root)]))
    assert _errors(items) == {"back-up": "symlink loop: this folder links back to a folder that contains it"}
    assert len([a for a in items if isinstance(a, Article)]) == 3


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("The harbour was busy. " * 20, encoding="utf-8")
    [err] = read_sources([str(path)], config=IngestConfig(max_bytes=100))
    assert isinstance(err, InputError)
    assert err.error == "file too large: 440 bytes, over the limit of 100 (ingest.max_bytes)"
    [err] = read_source_bytes(b"x" * 101, path="<upload>", config=IngestConfig(max_bytes=100))
    assert isinstance(err, InputError) and err.error.startswith("file too large")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their mode, so chmod 000 cannot make one unreadable")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("A story nobody may read.\n", encoding="utf-8")
    folder = tmp_path / "locked"
    folder.mkdir()
    path.chmod(0)
    folder.chmod(0)
    try:
        items = list(read_sources([str(path), str(folder)]))
    finally:
        path.chmod(0o644)
        folder.chmod(0o755)
    assert _errors(items) == {"secret.txt": "permission denied", "locked": "cannot list folder: permission denied"}


def test_not_a_regular_file() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("/dev/null not available")
    [err] = read_sources(["/dev/null"])
    assert err == InputError("/dev/null", "not a regular file")


def test_forced_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        list(read_source_bytes(b"text", path="x", kind="pdf"))


def test_examples_folder_reads_cleanly() -> None:
    items = list(read_sources([str(REPO / "examples")]))
    assert not [e for e in items if isinstance(e, InputError)]
    outlets = [a.outlet for a in items if isinstance(a, Article)]
    assert outlets == ["Coast Wire", "daily-buzz", "Harbour Gazette", "Island Herald", "Island Herald"]
    assert len({a.id for a in items if isinstance(a, Article)}) == 5


def test_permission_error_message_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The chmod test above cannot run as root; this one simulates the refusal so the path is covered anyway.
    import corroborate.ingest as ingest

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "secret.txt"
    path.write_text("A story nobody may read.\n", encoding="utf-8")
    monkeypatch.setattr(ingest, "open", refuse, raising=False)
    [err] = read_sources([str(path)])
    assert err == InputError(str(path), "permission denied")


def test_path_objects_are_accepted(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert len(list(read_sources([root / "a.txt", root / "c.txt"]))) == 2


def test_mojibake_in_json_and_html_input_is_repaired_like_plain_text() -> None:
    # "é" read once as cp1252 ("Ã©"), in the body and the title of a JSON record and an HTML page.
    record = json.dumps({"title": "RenÃ©e Bay", "text": "Carla RenÃ©e paid Â£40 for a ticket."}).encode() + b"\n"
    page = ("<html><head><title>RenÃ©e Bay</title></head><body><article><p>Carla RenÃ©e paid Â£40 for a "
            "ticket on the morning ferry to the island, her third trip this month.</p></article></body></html>")
    for data, path in ((record, "a.jsonl"), (page.encode("utf-8"), "a.html")):
        (a,) = read_source_bytes(data, path=path)
        assert isinstance(a, Article), a
        assert "Carla Renée paid £40" in a.text and "Ã" not in a.text and a.title == "Renée Bay", path
        spans = [tuple(map(int, part.split(":"))) for part in a.meta["mojibake"].split()]
        assert [a.text[s:e] for s, e in spans] == ["é", "£"]
        (clean_copy,) = read_source_bytes(a.text.encode("utf-8"), path="b.txt")
        assert isinstance(clean_copy, Article) and clean_copy.id == a.id  # one article, garbled or not
