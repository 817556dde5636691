"""Cross-check one story: claims, alignment, statements with independent sources, conflicts, brief, timeline.

``core.cross_check`` orchestrates; each step has its own module (see docs/WHERE.md).
"""
