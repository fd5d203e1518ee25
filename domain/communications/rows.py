"""Rows of the article spreadsheet (the template the register offers for download): the columns it must have,
and each row read into an article or refused with a Vietnamese message naming its row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from domain.vntext import fold

from .channels import CHANNEL_LABELS, ONLINE, channel_from_text
from .links import link_problem

COLUMNS: tuple[tuple[str, str, bool], ...] = (
    # (key, header as printed in the template, required)
    ("title", "Tiêu đề", True),
    ("channel", "Kênh", True),
    ("published_on", "Ngày đăng", True),
    ("link", "Đường dẫn", False),
    ("area", "Nội dung tuyên truyền", False),
    ("author_unit", "Đơn vị viết bài", False),
    ("place", "Nơi niêm yết", False),
)
HEADERS = {fold(header): key for key, header, _ in COLUMNS}


@dataclass(frozen=True)
class ArticleRow:
    row: int
    title: str
    channel: str
    published_on: date
    link: str = ""
    area: str = ""
    author_unit: str = ""
    place: str = ""


@dataclass
class ReadRows:
    rows: list[ArticleRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def read_rows(header: Sequence[object], rows: Sequence[Sequence[object]], *, today: date) -> ReadRows:
    """Every row or the reasons: an unknown or missing column refuses the whole sheet."""
    out = ReadRows()
    keys: list[str | None] = []
    for cell in header:
        name = _text(cell)
        key = HEADERS.get(fold(name)) if name else None
        if name and key is None:
            out.errors.append(
                f"Cột “{name}” không có trong mẫu (các cột: {', '.join(h for _, h, _ in COLUMNS)})."
            )
        keys.append(key)
    for key, header_text, required in COLUMNS:
        if required and key not in keys:
            out.errors.append(f"Thiếu cột “{header_text}”.")
    if out.errors:
        return out
    seen_links: dict[str, int] = {}
    for number, values in enumerate(rows, start=2):
        record = {
            key: values[index] if index < len(values) else None for index, key in enumerate(keys) if key
        }
        if not any(_text(value) for value in record.values()):
            continue
        problems = []
        title = _text(record.get("title"))
        if not title:
            problems.append("thiếu tiêu đề")
        channel_text = _text(record.get("channel"))
        channel = channel_from_text(channel_text)
        if channel is None:
            problems.append(
                f"kênh “{channel_text}” không hợp lệ (một trong: {', '.join(CHANNEL_LABELS.values())})"
            )
        published = _date(record.get("published_on"))
        if published is None:
            problems.append(f"ngày đăng “{_text(record.get('published_on'))}” không hợp lệ (dd/mm/yyyy)")
        elif published > today:
            problems.append(f"ngày đăng {published:%d/%m/%Y} chưa đến")
        link = _text(record.get("link"))
        if link:
            problem = link_problem(link)
            if problem:
                problems.append(problem[0].lower() + problem[1:].rstrip("."))
            elif link.lower() in seen_links:
                problems.append(f"đường dẫn trùng với dòng {seen_links[link.lower()]}")
            else:
                seen_links[link.lower()] = number
        elif channel in ONLINE:
            problems.append("tin, bài trên mạng cần có đường dẫn")
        if problems:
            out.errors.append(f"Dòng {number}: {'; '.join(problems)}.")
            continue
        assert channel is not None and published is not None
        out.rows.append(
            ArticleRow(
                number,
                title[:500],
                channel,
                published,
                link,
                _text(record.get("area")),
                _text(record.get("author_unit")),
                _text(record.get("place")),
            )
        )
    if not out.rows and not out.errors:
        out.errors.append("Tệp không có dòng dữ liệu nào.")
    return out
