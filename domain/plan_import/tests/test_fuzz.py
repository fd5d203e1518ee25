"""Whatever the input, the importer raises nothing but ``DocumentError`` (and never its internal-error one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.plan_import import DocumentError, parse_plan_file
from domain.plan_import.parser import _INTERNAL_ERROR
from domain.plan_import.tests.fixtures import SEED_FILES, seeds_dir

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_NAMES = st.sampled_from(["kehoach.txt", "kehoach.docx", "kehoach.pdf", "kehoach", "KE HOACH.TXT"])
_PREFIXES = st.sampled_from(
    [b"", b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf"]
)
_SEED_LINES = [
    line
    for name in SEED_FILES.values()
    if (seeds_dir() / name).is_file()
    for line in (seeds_dir() / name).read_text(encoding="utf-8").split("\n")
]


def _survives(data: bytes, name: str) -> None:
    try:
        parse_plan_file(data, name)
    except DocumentError as error:
        assert error.message != _INTERNAL_ERROR, error.__cause__
        assert error.message.strip()


@_SETTINGS
@given(st.text(max_size=3000), _NAMES)
def test_random_text(text: str, name: str) -> None:
    _survives(text.encode("utf-8", errors="surrogatepass"), name)


@_SETTINGS
@given(_PREFIXES, st.binary(max_size=3000), _NAMES)
def test_random_bytes(prefix: bytes, data: bytes, name: str) -> None:
    _survives(prefix + data, name)


@_SETTINGS
@given(st.lists(st.sampled_from(_SEED_LINES or ["KẾ HOẠCH"]), max_size=120), st.booleans())
def test_shuffled_seed_lines(lines: list[str], plan_line: bool) -> None:
    # Real plan vocabulary in random order: headings, tab rows and appendix fragments out of place.
    text = "\n".join((["KẾ HOẠCH"] if plan_line else []) + lines)
    _survives(text.encode("utf-8"), "kehoach.txt")


@pytest.mark.skipif(not _SEED_LINES, reason="seed plans not found")
@_SETTINGS
@given(st.sampled_from(sorted(SEED_FILES)), st.floats(min_value=0.0, max_value=1.0), st.floats(0.0, 1.0))
def test_truncated_seeds(key: str, start: float, length: float) -> None:
    data = (seeds_dir() / SEED_FILES[key]).read_bytes()
    begin = int(len(data) * start * 0.3)
    end = begin + int((len(data) - begin) * length)
    _survives(data[begin:end], "kehoach.txt")


def test_truncated_word_and_pdf(seed_files: Callable[[str, str], Path]) -> None:
    for fmt in ("docx", "pdf"):
        data = seed_files("001", fmt).read_bytes()
        for cut in range(1, 40):
            _survives(data[: len(data) * cut // 40], f"kehoach.{fmt}")
