"""The rows of a criteria table from an uploaded file: .xlsx and CSV through the dossier-import reader, .docx
through the plan-import reader (every table of the document, in order; a repeated header is skipped on import).

Row numbers are kept: row ``n`` of the sheet is ``rows[n - 1]`` (an empty row stays an empty list), so a warning
"Dòng 7" points at the row a person sees in Excel. A file that cannot be read raises :class:`ImportFileError`
with a Vietnamese message.
"""

from __future__ import annotations

import io

from domain.dossier_import.columns import ImportFileError
from domain.dossier_import.reader import open_table
from domain.plan_import.model import DocumentError, Table
from domain.plan_import.word_reader import read_docx

__all__ = ["ImportFileError", "read_table_rows"]


def read_table_rows(data: bytes, filename: str = "") -> list[list[str | None]]:
    """Rows of cell texts of a .xlsx (first sheet), .docx (its tables) or CSV file."""
    if filename.lower().endswith(".docx"):
        try:
            document = read_docx(data)
        except DocumentError as error:
            raise ImportFileError(str(error)) from None
        table_rows = [
            list(row) for block in document.blocks if isinstance(block, Table) for row in block.rows
        ]
        if not table_rows:
            raise ImportFileError("Tài liệu Word không có bảng nào: bảng tiêu chí phải là một bảng.")
        return table_rows
    source = open_table(io.BytesIO(data), filename)
    rows: list[list[str | None]] = [list(source.header)]
    for number, line in source.rows:
        rows.extend([] for _ in range(number - 1 - len(rows)))
        rows.append(list(line))
    return rows
