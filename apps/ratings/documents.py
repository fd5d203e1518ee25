"""A person's rating sheet of a period (Phiếu đánh giá, xếp loại chất lượng công chức) as .docx."""

from __future__ import annotations

from .sheets import PersonSheet


def sheet_to_docx(sheet: PersonSheet) -> bytes:
    raise NotImplementedError
