"""Where `check` keeps sentence vectors and parses between runs (the ``cache`` setting, ``--no-cache``).

``auto`` is ``$CORROBORATE_CACHE`` when set (a file path, or ``off``), else
``$XDG_CACHE_HOME/corroborate/check-cache.sqlite`` (``~/.cache/...`` without XDG). Entries are keyed by content
hash and by what made them (model files, code of the model layers, library versions), so an entry is only
read by a run that would compute the same bytes; a changed model simply misses. Delete the file to reclaim the
space: nothing else refers to it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from corroborate.store.blobs import BlobCache

ENV = "CORROBORATE_CACHE"
FILENAME = "check-cache.sqlite"


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


def open_cache(setting: str = "auto") -> BlobCache | None:
    """A :class:`~corroborate.store.blobs.BlobCache` on the setting's file (opened on first use), or None."""
    path = cache_path(setting)
    if path is None:
        return None
    from corroborate.store.blobs import BlobCache

    return BlobCache(path)
