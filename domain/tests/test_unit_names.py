"""Resolving the "Chủ trì"/"Phối hợp" phrases of the seed plans against an agency's units."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.unit_names import UnitRef, normalize_unit_name, resolve_units, split_unit_list

OFFICE = UnitRef("office", "Văn phòng Sở", "office")
PLANNING = UnitRef("planning", "Phòng Kế hoạch – Tài chính", "division")
BUILDING = UnitRef("building", "Phòng Quản lý xây dựng", "division")
BOARD = UnitRef("board", "Ban Quản lý dự án", "board")
CENTER = UnitRef("lab", "Trung tâm Kiểm định xây dựng", "affiliate")
ONE_STOP = UnitRef("one_stop", "Bộ phận Một cửa", "section")
CLERK = UnitRef("clerk", "Văn thư", "section", aliases=("Bộ phận Văn thư",))
UNITS = (OFFICE, PLANNING, BUILDING, BOARD, CENTER, ONE_STOP, CLERK)
ALL_KEYS = {unit.key for unit in UNITS}


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("Bộ phận một cửa; Văn thư", ["Bộ phận một cửa", "Văn thư"]),
        ("Bộ phận \nmột cửa; \nVăn thư", ["Bộ phận một cửa", "Văn thư"]),
        ("Các phòng, ban, đơn vị thuộc Sở", ["Các phòng, ban, đơn vị thuộc Sở"]),
        ("Các phòng, \nban, đơn vị \nthuộc Sở", ["Các phòng, ban, đơn vị thuộc Sở"]),
        ("Văn phòng Sở, Phòng Kế hoạch - Tài chính", ["Văn phòng Sở", "Phòng Kế hoạch - Tài chính"]),
        ("Các phòng, đơn vị được giao", ["Các phòng, đơn vị được giao"]),
        ("Văn phòng Sở và các phòng chuyên môn", ["Văn phòng Sở", "các phòng chuyên môn"]),
        ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]),
        ("Các phòng chuyên môn, Văn phòng Sở", ["Các phòng chuyên môn", "Văn phòng Sở"]),
        ("Phòng Văn hóa, Thông tin", ["Phòng Văn hóa, Thông tin"]),
        ("", []),
    ],
)
def test_split_unit_list(text: str, pieces: list[str]) -> None:
    assert split_unit_list(text) == pieces


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("Văn phòng Sở", "office"),
        ("Văn phòng", "office"),
        ("VĂN PHÒNG SỞ", "office"),
        ("van phong so", "office"),
        ("Phòng Kế hoạch - Tài chính", "planning"),
        ("Phòng Kế hoạch – Tài chính", "planning"),
        ("phong ke hoach-tai chinh", "planning"),
        ("Bộ phận một cửa", "one_stop"),
        ("Bộ phận Văn thư", "clerk"),
        ("Phòng Quản lý xây dựng thuộc Sở", "building"),
    ],
)
def test_resolve_units_matches_a_name_loosely(phrase: str, key: str) -> None:
    resolution = resolve_units(phrase, UNITS)
    assert (resolution.keys, resolution.is_group, resolution.unknown) == ((key,), False, ())


def test_resolve_units_finds_two_units_in_a_list() -> None:
    resolution = resolve_units("Bộ phận một cửa; Văn thư", UNITS)
    assert resolution.keys == ("one_stop", "clerk")


@pytest.mark.parametrize(
    ("phrase", "keys"),
    [
        ("Các phòng", {"office", "planning", "building"}),
        ("Các phòng chuyên môn", {"planning", "building"}),
        ("Các phòng chuyên \nmôn", {"planning", "building"}),
        ("Các đơn vị", {"lab"}),
        ("Các đơn vị trực thuộc", {"lab"}),
        ("Các ban", {"board"}),
        ("Các phòng, đơn vị", ALL_KEYS),
        ("Các phòng, ban, đơn vị thuộc Sở", ALL_KEYS),
        ("Các phòng, đơn vị trực thuộc Sở", ALL_KEYS),
        ("Các phòng, đơn vị thuộc Sở", ALL_KEYS),
        ("Các phòng chuyên môn, đơn vị trực thuộc", {"planning", "building", "lab"}),
        ("cac phong, ban, don vi thuoc so", ALL_KEYS),
    ],
)
def test_group_phrases_resolve_to_units_by_kind(phrase: str, keys: set[str]) -> None:
    resolution = resolve_units(phrase, UNITS)
    assert resolution.is_group
    assert set(resolution.keys) == keys


@pytest.mark.parametrize(
    "phrase",
    ["Các phòng, đơn vị được giao", "Các phòng, \nđơn vị \nđược giao", "Các cơ quan, đơn vị có liên quan"],
)
def test_group_without_a_fixed_set_resolves_to_nothing(phrase: str) -> None:
    resolution = resolve_units(phrase, UNITS)
    assert (resolution.is_group, resolution.keys, resolution.unknown) == (True, (), ())


def test_exclude_removes_the_lead_from_a_cooperating_group() -> None:
    resolution = resolve_units("Các phòng", UNITS, exclude=["office"])
    assert set(resolution.keys) == {"planning", "building"}


def test_unknown_names_are_returned_as_written() -> None:
    resolution = resolve_units("Phòng Quản lý vận tải, Văn phòng Sở", UNITS)
    assert (resolution.keys, resolution.unknown) == (("office",), ("Phòng Quản lý vận tải",))


def test_ambiguous_short_name_is_unknown() -> None:
    assert resolve_units("Phòng", UNITS).unknown == ("Phòng",)


def test_short_office_name_finds_the_commune_office() -> None:
    commune = (
        UnitRef("vp", "Văn phòng HĐND và UBND xã", "office"),
        UnitRef("vhxh", "Phòng Văn hoá – Xã hội", "division"),
    )
    assert resolve_units("Văn phòng", commune).keys == ("vp",)
    assert resolve_units("Phòng Văn hóa - Xã hội xã", commune).keys == ("vhxh",)


def test_keys_are_not_repeated() -> None:
    resolution = resolve_units("Văn phòng Sở; Văn phòng", UNITS)
    assert resolution.keys == ("office",)


def test_empty_phrase_resolves_to_nothing() -> None:
    resolution = resolve_units("", UNITS)
    assert (resolution.keys, resolution.is_group, resolution.unknown) == ((), False, ())


@pytest.mark.parametrize(
    ("name", "normalized"),
    [
        ("Văn phòng Sở", "van phong"),
        ("Phòng Kế hoạch – Tài chính", "phong ke hoach tai chinh"),
        ("Phòng Văn hóa - Xã hội xã", "phong van hoa xa hoi"),
        ("Phòng Quản lý xây dựng trực thuộc Sở", "phong quan ly xay dung"),
    ],
)
def test_normalize_unit_name(name: str, normalized: str) -> None:
    assert normalize_unit_name(name) == normalized


@given(st.text(), st.lists(st.text(), max_size=3))
def test_unit_parsers_never_raise(phrase: str, exclude: list[str]) -> None:
    split_unit_list(phrase)
    resolution = resolve_units(phrase, UNITS, exclude=exclude)
    assert set(resolution.keys) <= ALL_KEYS
