"""The embedder's persistent cache: vectors written once per run, read back in one batch, a bad file ignored."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from corroborate.ingest.embed import Embedder, text_key
from corroborate.store.blobs import BlobCache


class FakeModel:
    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: list[str], **_settings: object) -> np.ndarray:
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0, 0.5] for t in texts], dtype=np.float32)


def test_vectors_outlive_the_run(tmp_path: Path) -> None:
    cache = BlobCache(tmp_path / "c.sqlite")
    first = Embedder(persist=cache)
    first._model = FakeModel()
    vectors = first.encode(["one sentence", "another one"])
    first.add({text_key("handed over"): np.ones(3, dtype=np.float32)})
    first.save()
    again = Embedder(persist=cache)
    again._model = model = FakeModel()
    assert np.array_equal(again.encode(["another one", "one sentence"]), vectors[::-1])
    assert np.array_equal(again.encode(["handed over"]), np.ones((1, 3), dtype=np.float32))
    assert model.calls == [] and again.from_persist == 3
    again.encode(["new"])
    assert model.calls == [["new"]]


def test_an_unreadable_cache_is_left_alone(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"garbage" * 200)
    embedder = Embedder(persist=BlobCache(bad))
    embedder._model = FakeModel()
    assert embedder.encode(["x"]).shape == (1, 3)
    embedder.save()
    assert embedder.persist is None  # dropped after the first failure: the run goes on without it
