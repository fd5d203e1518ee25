"""Whatever the input, the importer raises nothing but ``DocumentError`` (and never its internal-error one),
and reads every document within a time limit: no text makes it crash or hang."""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from domain.plan_import import DocumentError, parse_plan_file
from domain.plan_import.parser import _INTERNAL_ERROR
from domain.plan_import.tests.fixtures import SEED_FILES, seeds_dir

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Whole documents cost more per example; fewer of them still vary every piece.
_DOCUMENTS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)
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


_CORPUS_LINES = [
    line
    for path in sorted((Path(__file__).parent / "corpus").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]
# A document may take this long at most, on a loaded machine; the seeds take well under a second.
_LIMIT_SECONDS = 5.0


class _Hang(BaseException):  # not swallowed by the parser's own safety net
    pass


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Fail a document that takes longer than ``seconds`` (a hang), with a timer signal."""

    def stop(signum: int, frame: object) -> None:
        raise _Hang(f"the importer took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _survives(data: bytes, name: str) -> None:
    try:
        with _deadline(_LIMIT_SECONDS):
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


# Pieces of the documents agencies receive, recombined: top blocks cut anywhere, type lines, duties given
# agency by agency, lettered duties, scoring-table rows, broken parentheses and quotations.
_PIECES = [
    "ỦY BAN NHÂN DÂN", "**CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM**", "TỈNH ĐẮ", "K LẮK", "| SỞ NỘI VỤ | Độc lập |",
    "Số: 09/CT-UBND", "Đắk Lắk, ngày", "16 tháng 01 năm 2026", "CHỈ THỊ", "QUYẾT", "ĐỊNH", "KẾ", "HOẠCH",
    "THÔNG BÁO", "Kết luận kiểm tra", "V/v triển khai", "Kính gửi:", "- Các sở, ban, ngành;",
    "1. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã, phường", "a) Chủ trì, phối hợp với Sở Nội vụ",
    "b) Giao Sở Tài chính chủ trì bố trí kinh phí trước ngày 31/01/2026.", "- Sở Nội vụ hướng dẫn (trên",
    "“Cán bộ, công chức", "Trang 2", "Ban hành: Sở Nội vụ, trước ngày", "(Ban hành kèm theo Quyết định số 1/QĐ-UBND)",
    "| STT | Tiêu chí thi đua | Điểm chuẩn | Hướng dẫn chấm điểm |", "| A | Đối với tập thể | 100 | |",
    "| 1 | Tỷ lệ | 50 | Tỷ lệ = b/a × 100% |", "|---|---|", "từ ngày ban hành đến hết ngày 31/12/2026",
    "Chủ tịch UBND tỉnh yêu cầu các cơ quan thực hiện./.", "Nơi nhận:", "CHỦ TỊCH", "Nguyễn Văn An", "trực tu-", "yến",
]  # fmt: skip


@_SETTINGS
@given(
    st.lists(st.sampled_from(_PIECES + (_CORPUS_LINES or ["KẾ HOẠCH"])), max_size=150), st.text(max_size=200)
)
def test_recombined_documents_of_every_kind(lines: list[str], noise: str) -> None:
    text = "\n".join(lines) + "\n" + noise
    _survives(text.encode("utf-8", errors="surrogatepass"), "van-ban.txt")


@_DOCUMENTS
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30).map(" ".join), st.integers(1, 120))
def test_one_long_line_repeated(line: str, times: int) -> None:
    # A document of one duty sentence repeated, on one line or on many: quadratic work would show here.
    _survives(("KẾ HOẠCH\n" + (line + " ") * times).encode("utf-8"), "kh.txt")
    _survives(("CHỈ THỊ\n" + (line + "\n") * times).encode("utf-8"), "ct.txt")


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
