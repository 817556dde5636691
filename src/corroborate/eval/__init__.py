"""Evaluation on public datasets in their original formats: ``corroborate eval TASK --data FILE``.

* :mod:`corroborate.eval.datasets` reads and detects the formats;
* :mod:`corroborate.eval.run` selects rows (split / limit / seeded sample) and scores one task;
* :mod:`corroborate.eval.metrics` holds BCubed, ARI and the binary scores;
* :mod:`corroborate.eval.baselines` holds the baselines that ``bench/eval.py`` reports beside corroborate.
"""
