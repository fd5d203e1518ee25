"""Excel of the register (the rows a filter selected) and the empty template to import articles from; every cell
made inert (safe_row)."""

from __future__ import annotations

from collections.abc import Iterable
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font

from domain.communications.channels import CHANNEL_LABELS
from domain.communications.rows import COLUMNS
from domain.spreadsheet_text import safe_row

from .models import Article

REGISTER_HEADERS = [
    "STT",
    "Ngày đăng",
    "Tiêu đề",
    "Kênh",
    "Nội dung tuyên truyền",
    "Đơn vị viết bài",
    "Đường dẫn",
    "Nơi niêm yết",
    "Minh chứng",
]


def register_to_xlsx(articles: Iterable[Article], *, title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Tin bài"
    sheet.append(safe_row([title]))
    sheet["A1"].font = Font(bold=True)
    sheet.append(REGISTER_HEADERS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for index, article in enumerate(articles, start=1):
        sheet.append(
            safe_row(
                [
                    index,
                    article.published_on.strftime("%d/%m/%Y"),
                    article.title,
                    CHANNEL_LABELS.get(article.channel, article.channel),
                    article.area.name if article.area else "",
                    article.author_unit.name if article.author_unit else "",
                    article.link,
                    article.place,
                    "Có" if article.evidence else "",
                ]
            )
        )
    for column, width in zip("ABCDEFGHI", (6, 12, 60, 26, 36, 30, 50, 24, 12), strict=True):
        sheet.column_dimensions[column].width = width
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def import_template_xlsx() -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Tin bài"
    sheet.append([header for _, header, _ in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column in "ABCDEFG":
        sheet.column_dimensions[column].width = 30
    guide = workbook.create_sheet("Hướng dẫn")
    guide.append(["Cột", "Bắt buộc", "Cách ghi"])
    notes = {
        "title": "Tiêu đề tin, bài như đã đăng.",
        "channel": "Một trong: " + "; ".join(CHANNEL_LABELS.values()) + ".",
        "published_on": "Ngày đăng dạng dd/mm/yyyy, không sau hôm nay.",
        "link": "Địa chỉ https://… của tin, bài; bắt buộc với Trang thông tin điện tử, Zalo OA, Fanpage.",
        "area": "Một nội dung tuyên truyền của kế hoạch (ví dụ: Cải cách thủ tục hành chính).",
        "author_unit": "Tên phòng, đơn vị viết bài như trong hệ thống.",
        "place": "Nơi niêm yết áp phích, mã QR.",
    }
    for key, header, required in COLUMNS:
        guide.append(safe_row([header, "Có" if required else "Không", notes[key]]))
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
