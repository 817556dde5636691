"""thinc's NumPy operations with the matrix products in OpenBLAS, where the caller holds BLAS to one thread.

spaCy's layers multiply through thinc's ``NumpyOps.gemm``, which runs blis; on the 2-core machines measured here
blis ran about 3x below OpenBLAS (NumPy's matmul) on the same products, and the parser's layers are most of the
lexical path's time. OpenBLAS's floats depend on its thread count, so a product goes to it only while
:func:`corroborate.ingest.bert_numpy.one_blas_thread` holds BLAS to one thread (the parse of an article runs
inside it, :func:`corroborate.nlp.parses.parse_article`); anywhere else, and wherever ``threadpoolctl`` is not
installed to hold it, the product stays in blis, as before. Either way a parse is the same at any core count.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from thinc.api import NumpyOps

from corroborate.ingest.bert_numpy import blas_held


class BlasOps(NumpyOps):  # type: ignore[misc]
    """``NumpyOps`` whose ``gemm`` runs in OpenBLAS while BLAS is held to one thread."""

    def gemm(self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False) -> Any:
        if not blas_held():
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return np.matmul(a, b)
        np.matmul(a, b, out=out)
        return out
