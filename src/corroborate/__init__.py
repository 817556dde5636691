"""corroborate: cross-check the news.

The public API imports nothing heavy: no torch, Dask, spaCy or model is loaded until a stage needs it.
"""

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
    "Conflict",
    "InputError",
    "Passage",
    "RepeatGroup",
    "Report",
    "Span",
    "Statement",
    "Story",
    "__version__",
    "to_json",
]
