"""Story clustering in a batch; the store's incremental index (``corroborate.store``) matches its scorer."""
