"""Repeated, copied and spun passages: fingerprints, exact/near/paraphrase groups, drift, reuse and direction."""
