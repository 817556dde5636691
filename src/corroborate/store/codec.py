"""Turning the JSON contract back into model objects, so a cached story report is a real :class:`Report`.

:func:`corroborate.model.to_json` drops hidden fields (``Article.meta``) and ``None`` optionals; the decoder
restores them from the dataclass defaults, so ``to_json(from_json(to_json(r))) == to_json(r)``.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from corroborate import model


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(model))


def _decode(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(tp)
        return [_decode(item, v) for v in value]
    if origin is tuple:
        args = typing.get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if origin is dict:
        _key, val = typing.get_args(tp)
        return {k: _decode(val, v) for k, v in value.items()}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return from_json(tp, value)
    return value


def from_json(cls: type, data: dict[str, Any]) -> Any:
    """Build ``cls`` (a model dataclass) from its JSON form; absent fields take their defaults."""
    hints = _hints(cls)
    kwargs = {f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**kwargs)


def report_from_json(data: dict[str, Any]) -> model.Report:
    return from_json(model.Report, data)
