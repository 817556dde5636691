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


def require(module: str, extra: str, *, purpose: str = "") -> ModuleType:
    """Import an optional dependency lazily, or fail with the pip command that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        why = f" for {purpose}" if purpose else ""
        raise MissingDependency(
            f"{module} is needed{why}: pip install 'corroborate[{extra}]'"
        ) from exc
