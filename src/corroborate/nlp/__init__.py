"""corroborate's own English NLP pipeline (tagger, morphologizer, parser, lemmatizer, NER).

Importing this package is cheap: spaCy and the model are loaded by :func:`load_pipeline` on first use.
When the model is not available, callers use :func:`available` to choose their rule-based fallback and
:func:`describe` to say which one they used.
"""

from corroborate.nlp.loader import (
    MODEL_DIR,
    ModelUnavailable,
    available,
    describe,
    load_pipeline,
)

__all__ = ["MODEL_DIR", "ModelUnavailable", "available", "describe", "load_pipeline"]
