"""Rules as plain dicts (JSON): ``{"kind": "tiered", "tiers": [{"points": "2", "lower": "90", ...}], ...}``.

Decimals are written as strings so no point is lost to binary floats; reading accepts numbers and texts with a
comma or a dot. Every field of the rule's dataclass is a key; unknown keys, missing parameters and values of the
wrong type are refused with a Vietnamese :class:`RuleError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, fields
from decimal import Decimal
from typing import Any, TypeVar, get_type_hints

from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    CountTarget,
    Deduction,
    Manual,
    NotApplicable,
    Penalty,
    Proportional,
    Rule,
    Tier,
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.values import InvalidInput, RuleError, as_decimal

__all__ = ["RULE_KINDS", "rule_from_dict", "rule_to_dict"]

_T = TypeVar("_T", Tier, Rule)

RULE_KINDS: dict[str, type[Rule]] = {
    rule.kind: rule
    for rule in (
        Tiered,
        TimelinessRule,
        YesNo,
        Proportional,
        AnswerMap,
        CountTarget,
        Bonus,
        Penalty,
        Deduction,
        Manual,
        NotApplicable,
    )
}


def rule_to_dict(rule: Rule) -> dict[str, object]:
    data: dict[str, object] = {"kind": rule.kind}
    for field in fields(rule):
        data[field.name] = _encode(getattr(rule, field.name))
    return data


def _encode(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Tier):
        return {field.name: _encode(getattr(value, field.name)) for field in fields(value)}
    if isinstance(value, tuple):
        if value and all(isinstance(item, tuple) for item in value):
            return {str(key): _encode(share) for key, share in value}
        return [_encode(item) for item in value]
    return value


def _decode(name: str, hint: object, raw: object) -> object:
    """One field's value from its plain-dict form, checked against the field's type."""
    try:
        if hint == Decimal | None and raw is None:
            return None
        if hint in (Decimal, Decimal | None):
            return as_decimal(raw, "giá trị")
        if hint == bool | None and raw is None:
            return None
        if hint in (bool, bool | None) and isinstance(raw, bool):
            return raw
        if hint is int and isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if hint is str and isinstance(raw, str):
            return raw
        if hint == tuple[Tier, ...] and isinstance(raw, list):
            return tuple(_from_fields(Tier, item) for item in raw)
        if hint == tuple[tuple[str, Decimal], ...] and isinstance(raw, Mapping):
            return tuple((str(key), as_decimal(share, "giá trị")) for key, share in raw.items())
    except InvalidInput as error:
        raise RuleError(f"Tham số “{name}”: {error}") from None
    raise RuleError(f"Tham số “{name}” có giá trị không hợp lệ: {raw!r}.")


_SHAPES: dict[type, tuple[dict[str, Any], frozenset[str]]] = {}


def _shape(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A rule class's field types and names, read once: evaluating the annotations is most of reading a set."""
    if cls not in _SHAPES:
        _SHAPES[cls] = (get_type_hints(cls), frozenset(field.name for field in fields(cls)))
    return _SHAPES[cls]


def _from_fields(cls: type[_T], data: object) -> _T:
    if not isinstance(data, Mapping):
        raise RuleError("Quy tắc phải là một bảng tham số.")
    hints, known = _shape(cls)
    unknown = sorted(set(data) - known - {"kind"})
    if unknown:
        raise RuleError(f"Tham số không có trong quy tắc: {', '.join(map(str, unknown))}.")
    values: dict[str, Any] = {name: _decode(name, hints[name], data[name]) for name in known if name in data}
    try:
        return cls(**values)
    except TypeError:
        missing = sorted(
            field.name
            for field in fields(cls)
            if field.name not in data and field.default is MISSING and field.default_factory is MISSING
        )
        raise RuleError(f"Quy tắc thiếu tham số: {', '.join(missing)}.") from None


def rule_from_dict(data: Mapping[str, object]) -> Rule:
    """The rule a plain dict describes (the inverse of :func:`rule_to_dict`); :class:`RuleError` otherwise."""
    kind = data.get("kind")
    if not isinstance(kind, str) or kind not in RULE_KINDS:
        raise RuleError(f"Loại quy tắc “{kind}” không được hỗ trợ.")
    return _from_fields(RULE_KINDS[kind], data)
