"""The SQLite store behind ``corroborate add``, ``stories``, ``show`` and the web app.

The database is one file: ``--db FILE``, else ``$CORROBORATE_DB``, else ``./corroborate.db``. It runs in WAL
mode, so readers (the web app) never block a writer (``corroborate add``), and two ``add`` processes can run
at once. Tables:

==================  ==========================================================================================
``articles``        one row per article: ``id`` (content hash, unique), outlet, title, published, path, url,
                    text, meta (JSON), added_at; ``seq`` is the insertion order
``fingerprints``    MinHash signature of each article's word shingles (uint64 bytes), keyed by the article's seq
``lsh``             the signature's band buckets, one row per article (seq): near-duplicate candidates
                    without a corpus scan, through an index built in memory from this table
``near_duplicates`` article pairs whose estimated Jaccard reaches the threshold, filed under the later
                    stored article's seq (``other``: the earlier one's)
``story_features``  the stories module's tf features of each article (seq), and its day
``postings``        (day, blocking key) -> articles: story candidates; filed by day so a crawl's inserts stay
                    on neighbouring pages (undated articles: day -1), and read a day at a time into memory
``term_df``         document frequencies of words and names (the idf of the story similarity), up to the
                    last fold of ``term_df_log``
``term_df_log``     the frequencies of the latest write transactions, one row each, summed into ``term_df``
                    every 64 rows (appended rows instead of upserts all over ``term_df``)
``stories``         id (``s1``, ``s2``, ...), title, first/last published, size
``story_members``   article (seq) -> story, with the score it joined with
``embeddings``      sentence vectors (float32 bytes) keyed by text hash
``reports``         cached story cross-checks (JSON) keyed by article ids + version + method
``story_digests``   counts of each story's cached cross-check for the story list (sources, conflicts)
``article_search``  FTS5 index of article titles and texts; ``statement_search`` over ``story_statements``,
                    the statements of each story's latest cached report (kept by triggers; store/search.py)
``meta``/``counters`` schema version (5; files of schemas 1-4 are migrated on open), stories method, id counters
==================  ==========================================================================================
"""

from corroborate.store.core import DB_ENV, AddResult, Store, StorySummary, default_db_path
from corroborate.store.db import StoreError, StoreFull

__all__ = ["DB_ENV", "AddResult", "Store", "StoreError", "StoreFull", "StorySummary", "default_db_path"]
