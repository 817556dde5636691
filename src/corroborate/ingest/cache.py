"""Where `check` keeps sentence vectors and parses between runs (the ``cache`` setting, ``--no-cache``).

``auto`` is ``$CORROBORATE_CACHE`` when set (a file path, or ``off``), else
``$XDG_CACHE_HOME/corroborate/check-cache.sqlite`` (``~/.cache/...`` without XDG). Entries are keyed by content
hash and by what made them (model files, code of the model layers, library versions), so an entry is only
read by a run that would compute the same bytes; a changed model simply misses.

The file is bounded (the ``cache_max_mb`` setting, else ``$CORROBORATE_CACHE_MAX_MB``, else
:data:`DEFAULT_MAX_MB`; 0: no bound): past it, the least recently used entries go (store/blobs.py), and a run that
needs one computes it again, to the same bytes. ``corroborate cache info`` shows the file, ``corroborate cache
clear`` empties it; deleting the file is safe too: nothing else refers to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborate.store.blobs import BlobCache

ENV = "CORROBORATE_CACHE"
MAX_ENV = "CORROBORATE_CACHE_MAX_MB"
FILENAME = "check-cache.sqlite"
# 1 GiB: a 1.5 KB vector takes ~1,740 bytes of the cache's pages (~2,150 in a file made before 8 KB pages), so this
# keeps the vectors of ~500-600k sentences (thousands of articles) with their parses and reports, and stays small
# next to the ~1 GB the models and libraries take on disk. A user with more corpora to re-check raises it.
DEFAULT_MAX_MB = 1024
MB = 2**20  # bytes of the setting's unit (a test shrinks it, to bound a cache by kilobytes)


def cache_path(setting: str = "auto") -> Path | None:
    """The cache file for a ``cache`` setting, or None when caching is off."""
    if setting == "auto":
        setting = os.environ.get(ENV) or "auto"
    if setting == "off":
        return None
    if setting != "auto":
        return Path(setting).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corroborate" / FILENAME


def max_mb(setting: int | None = None) -> int:
    """The bound in MB (2**20 bytes) for a ``cache_max_mb`` setting: the setting when given, else
    ``$CORROBORATE_CACHE_MAX_MB``, else DEFAULT_MAX_MB; 0 is no bound."""
    if setting is not None:
        return setting
    raw = os.environ.get(MAX_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_MB
    if not raw.isdigit():
        from corroborate.errors import CorroborateError

        raise CorroborateError(f"${MAX_ENV} must be a whole number of MB (0: no bound), got {raw!r}")
    return int(raw)


def open_cache(setting: str = "auto", max_mb_setting: int | None = None) -> BlobCache | None:
    """A :class:`~corroborate.store.blobs.BlobCache` on the setting's file (opened on first use), or None."""
    path = cache_path(setting)
    if path is None:
        return None
    from corroborate.store.blobs import BlobCache

    return BlobCache(path, max_bytes=max_mb(max_mb_setting) * MB)
