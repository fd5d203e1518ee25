"""Resolve the unit phrases of a plan ("Chủ trì", "Phối hợp") against an agency's own units.

Plans name units loosely: "Văn phòng" for "Văn phòng Sở", "Kế hoạch - Tài chính" with a hyphen where the
unit is registered with an en dash, "Phòng Văn hoá" with the old tone placement, and groups such as
"Các phòng chuyên môn" or "Các phòng, ban, đơn vị thuộc Sở". Group phrases resolve to sets of units by kind:

* "Các phòng" → the office and the divisions (the office is a phòng in everyday speech);
* "Các phòng chuyên môn" → divisions only; "Các ban" → boards; "Các bộ phận" → sections;
* "Các đơn vị" / "Các đơn vị trực thuộc" → affiliates;
* "Các phòng, đơn vị", "Các phòng, ban, đơn vị thuộc Sở" → every unit ("đơn vị" beside another kind means
  unit in general); "Các phòng chuyên môn, đơn vị trực thuộc" → divisions and affiliates;
* "… được giao", "… có liên quan", "Các cơ quan …" → a group with no fixed set: it names whoever the task
  concerns, so it resolves to no unit and nothing to create.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from domain.vntext import fold, normalize_space, strip_markup

__all__ = [
    "UNIT_KINDS",
    "UnitRef",
    "UnitResolution",
    "normalize_unit_name",
    "resolve_units",
    "split_unit_list",
]

UNIT_KINDS = ("office", "division", "board", "affiliate", "section", "center")


@dataclass(frozen=True)
class UnitRef:
    """A unit of the agency as the caller knows it; ``key`` is opaque (e.g. ``str(pk)``)."""

    key: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitResolution:
    """The units a phrase names: found keys, whether it was a group, and names not found (as written)."""

    phrase: str
    keys: tuple[str, ...]
    is_group: bool
    unknown: tuple[str, ...]


# A new unit starts after a comma when the next words are a unit head; otherwise the comma is part of a
# name ("Phòng Văn hóa, Thông tin").
_HEADS = (
    "van phong",
    "phong",
    "ban",
    "bo phan",
    "trung tam",
    "van thu",
    "don vi",
    "chi cuc",
    "thanh tra",
    "cac",
    "lanh dao",
    "giam doc",
)
_HEAD_START = re.compile(r"^(?:" + "|".join(_HEADS) + r")\b")
_TRAILING_SCOPE = re.compile(
    r"(?:\s+(?:truc thuoc|thuoc|cua)\s+(?:so|xa|ubnd xa|uy ban nhan dan xa|ubnd tinh)|\s+(?:so|xa))$"
)


def normalize_unit_name(name: str) -> str:
    """Comparable form of a unit name: no case, accents, punctuation or dashes, no trailing "Sở"/"xã"."""
    words = re.sub(r"[^\w]+", " ", fold(strip_markup(name))).strip()
    previous = None
    while previous != words:
        previous = words
        words = _TRAILING_SCOPE.sub("", words).strip()
    return words


def _clean_piece(piece: str) -> str:
    return piece.strip(" .;,:-–\t")


def _starts_new_unit(current: str, item: str) -> bool:
    if not current or not _HEAD_START.match(fold(item)):
        return False
    if not fold(current).startswith("cac "):
        return True
    # Inside a group the kinds are lowercase ("Các phòng, ban, đơn vị"); a capitalised head names a
    # unit of its own ("Các phòng chuyên môn, Văn phòng Sở").
    stripped = item.strip()
    return stripped[:1].isupper()


def split_unit_list(text: str) -> list[str]:
    """Split a "Chủ trì"/"Phối hợp" cell into unit phrases; a group phrase ("Các phòng, ban, …") stays one.

    ";" always separates; "," separates when a unit head follows ("Văn phòng Sở, Phòng Kế hoạch - Tài
    chính"); "và" only before a group ("Văn phòng Sở và các phòng chuyên môn"), since names contain it
    ("Văn phòng HĐND và UBND xã"). Line breaks are PDF damage, not separators.
    """
    pieces: list[str] = []
    for part in normalize_space(strip_markup(text)).split(";"):
        for chunk in re.split(r"\s+(?:và|va)\s+(?=[Cc][áa]c\s)", part):
            current = ""
            for item in chunk.split(","):
                if _starts_new_unit(current, item):
                    pieces.append(_clean_piece(current))
                    current = item
                else:
                    current = f"{current},{item}" if current else item
            pieces.append(_clean_piece(current))
    return [normalize_space(piece) for piece in pieces if piece]


_UNFIXED = re.compile(r"\b(?:duoc giao|co lien quan|lien quan|duoc phan cong|co quan|to chuc|ca nhan)\b")
_GROUP_START = re.compile(r"^(?:cac|toan bo|tat ca|toan the)\b")
_ALL_KINDS = frozenset(UNIT_KINDS)


def _group_kinds(comparable: str) -> frozenset[str] | None:
    """Kinds a group phrase covers; ``None`` for a group with no fixed set ("được giao", "có liên quan")."""
    if _UNFIXED.search(comparable):
        return None
    text = comparable.replace("van phong", "vanphong")
    specialised = "chuyen mon" in text
    kinds: set[str] = set()
    if re.search(r"\bphong chuyen mon\b", text):
        kinds.add("division")
    if re.search(r"\bphong\b(?! chuyen mon)", text):
        kinds.update(("office", "division"))
    for word, kind in (
        ("vanphong", "office"),
        ("ban", "board"),
        ("bo phan", "section"),
        ("trung tam", "center"),
    ):
        if re.search(rf"\b{word}\b", text):
            kinds.add(kind)
    if re.search(r"\bdon vi\b", text):
        # "đơn vị" beside another kind means "unit" in general, unless "chuyên môn" narrows the list.
        if kinds and not specialised:
            return _ALL_KINDS
        kinds.add("affiliate")
    return frozenset(kinds) if kinds else None


def _unit_index(units: Sequence[UnitRef]) -> dict[str, list[UnitRef]]:
    index: dict[str, list[UnitRef]] = {}
    for unit in units:
        for name in (unit.name, *unit.aliases):
            key = normalize_unit_name(name)
            if key and unit not in index.setdefault(key, []):
                index[key].append(unit)
    return index


_HEAD_ONLY = r"(?:bo phan|phong|ban|trung tam|to|doi)"


def _match_name(comparable: str, index: dict[str, list[UnitRef]]) -> UnitRef | None:
    exact = index.get(comparable)
    if exact:
        return exact[0]
    if " " not in comparable:
        return None  # "Phòng" alone could be any unit
    # Shortened names, only when one unit fits: "Văn phòng" for "Văn phòng HĐND và UBND xã", "Phòng Kế
    # hoạch" for "Phòng Kế hoạch – Tài chính", "Văn thư" for "Bộ phận Văn thư".
    escaped = re.escape(comparable)
    for fits in (f"^{escaped} ", f"^{_HEAD_ONLY} {escaped}$"):
        candidates = {
            unit.key: unit for name, found in index.items() if re.search(fits, name) for unit in found
        }
        if len(candidates) == 1:
            return next(iter(candidates.values()))
    return None


def resolve_units(phrase: str, units: Sequence[UnitRef], *, exclude: Sequence[str] = ()) -> UnitResolution:
    """The units a phrase names. ``exclude`` (keys) drops the lead unit from a cooperating group."""
    written = normalize_space(phrase)
    index = _unit_index(units)
    keys: list[str] = []
    unknown: list[str] = []
    is_group = False
    for piece in split_unit_list(written):
        comparable = normalize_unit_name(piece)
        if not comparable:
            continue
        if _GROUP_START.match(comparable):
            is_group = True
            kinds = _group_kinds(comparable)
            keys.extend(unit.key for unit in units if kinds and unit.kind in kinds)
            continue
        unit = _match_name(comparable, index)
        if unit is not None:
            keys.append(unit.key)
        elif piece not in unknown:
            unknown.append(piece)
    excluded = set(exclude)
    unique = tuple(dict.fromkeys(key for key in keys if key not in excluded))
    return UnitResolution(phrase=written, keys=unique, is_group=is_group, unknown=tuple(unknown))
