"""`corroborate cache info` and `clear`: what they print, their exit status, a damaged file in one line; and a
`check` whose cache is far smaller than its work still writes the bytes of a run without a cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.cli import main
from corroborate.ingest import cache as cache_module
from corroborate.store.blobs import BlobCache

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def cache_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "check-cache.sqlite"
    monkeypatch.setenv(cache_module.ENV, str(path))
    monkeypatch.setenv(cache_module.MAX_ENV, "300")
    return path


def filled(path: Path) -> None:
    cache = BlobCache(path)
    cache.put_many("vector:m:2", {f"k{i}": b"v" * 1536 for i in range(200)})
    cache.put_many("report:1", {"r": b"r" * 100})
    cache.close()


def test_info_names_the_file_its_size_entries_and_bound(cache_file: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert f"path: {cache_file}" in out and "no file yet" in out and "bound: 300 MB" in out
    assert not cache_file.exists()  # looking does not make the file
    filled(cache_file)
    assert main(["cache", "info"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("size on disk: ") and "kB" in lines[1]
    assert "entries: 201" in lines
    assert lines[-2:] == ["  report:1\t1 entry\t100 B", "  vector:m:2\t200 entries\t300.0 kB"]
    assert main(["cache", "info", "--namespace", "report"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "  report:1\t1 entry\t100 B"


def test_clear_a_namespace_then_all(cache_file: Path, capsys: pytest.CaptureFixture) -> None:
    filled(cache_file)
    assert main(["cache", "clear", "--namespace", "vector"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"deleted 200 entries of namespace 'vector' from {cache_file}; ")
    assert main(["cache", "info"]) == 0 and "vector:" not in capsys.readouterr().out
    assert main(["cache", "clear", "-q"]) == 0 and capsys.readouterr().out == ""
    assert BlobCache(cache_file).usage().namespaces == [] and cache_file.stat().st_size < 100_000


def test_a_damaged_file_is_one_line_naming_it(cache_file: Path, capsys: pytest.CaptureFixture) -> None:
    cache_file.write_bytes(b"these are not the pages of a database " * 200)
    for action in ("info", "clear"):
        assert main(["cache", action]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and str(cache_file) in err and "damaged" in err


def test_cache_off_and_a_bad_bound(cache_file: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setenv(cache_module.MAX_ENV, "big")
    assert main(["cache", "info"]) == 1
    assert capsys.readouterr().err.strip() == ("corroborate: error: $CORROBORATE_CACHE_MAX_MB must be a whole number "
                                               "of MB (0: no bound), got 'big'")
    monkeypatch.setenv(cache_module.ENV, "off")  # said before the bound is read
    assert main(["cache", "info"]) == 0 and main(["cache", "clear"]) == 1
    assert "the check cache is off" in capsys.readouterr().err


def test_a_check_with_a_tiny_bound_writes_the_bytes_of_an_uncached_one(
        cache_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    monkeypatch.setattr(cache_module, "MB", 1024)  # cache_max_mb counts kilobytes here
    files = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.suffix in {".txt", ".html", ".jsonl"}]
    settings = tmp_path / "settings.toml"
    settings.write_text("semantic = \"off\"\ncache_max_mb = 40\n", encoding="utf-8")

    def check(paths: list[str], *extra: str) -> bytes:
        out = tmp_path / "report.json"
        assert main(["check", *paths, "-f", "json", "-o", str(out), "--no-progress", "-q",
                     "--config", str(settings), *extra]) == 0
        return out.read_bytes()

    fresh = check(files, "--no-cache")
    check(files[:1])  # part of the work cached, then evicted piece by piece by the runs below
    assert check(files) == fresh
    assert check(files) == fresh
    usage = BlobCache(cache_file).usage()
    assert usage.data_bytes <= 40 * 1024 and usage.namespaces  # the bound held, and the cache was used
    capsys.readouterr()
