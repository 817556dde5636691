"""The JSON contract (see README "Output"): deterministic, so the same input gives byte-identical output.

The bytes are made by :meth:`corroborate.model.Report.to_json`, so the Python API and ``--format json`` can never
drift apart; this module is the renderer registry's entry for them.
"""

from __future__ import annotations

from typing import Any

from corroborate.model import Report


def as_dict(report: Report) -> dict[str, Any]:
    return report.as_dict()


def render(report: Report) -> str:
    return report.to_json()
