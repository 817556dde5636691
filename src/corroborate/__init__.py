"""corroborate: cross-check the news.

    import corroborate
    report = corroborate.check(["examples/"], semantic="off")
    print(len(report.stories), report.to_json()[:80])

The public API (docs/API.md) imports nothing heavy: no torch, Dask, spaCy or model is loaded until a stage needs it.
"""

from corroborate.api import check
from corroborate.config import Config
from corroborate.model import (
    Article,
    Conflict,
    InputError,
    Passage,
    RepeatGroup,
    Report,
    Span,
    Statement,
    Story,
    to_json,
)

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Config",
    "Conflict",
    "InputError",
    "Passage",
    "RepeatGroup",
    "Report",
    "Span",
    "Statement",
    "Story",
    "__version__",
    "check",
    "to_json",
]
