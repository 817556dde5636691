"""The JSON contract (see README "Output"): deterministic, so the same input gives byte-identical output."""

from __future__ import annotations

import json
from typing import Any

from corroborate.model import Report, to_json


def as_dict(report: Report) -> dict[str, Any]:
    data = to_json(report)
    # The contract's root starts with the version, then says how it was made.
    ordered = {"version": data.pop("version"), "method": data.pop("method")}
    ordered.update(data)
    return ordered


def render(report: Report) -> str:
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"
