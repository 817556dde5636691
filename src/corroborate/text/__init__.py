"""The language layer: word lists, quote marks and small word-shape helpers that every stage shares.

Word lists live here and nowhere else (tests/test_layout.py checks it), so a change to one is a change
everyone sees. Several lists still overlap (three negation lists, two title lists); they are kept apart
where merging them would change a report, and each module names the stage that reads it.
"""
