"""Reading a Word .docx: body paragraphs and tables in order, merged cells kept as ``None``.

Headers and footers are page furniture (page numbers) and are not read. The XML is walked directly so
vertical merges (``w:vMerge``) and spans (``w:gridSpan``) survive; python-docx opens and validates the
package.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from domain.plan_import.model import DocumentError, Paragraph, SourceDocument, Table, clean_text
from domain.uploads import PLAN, zip_bounds_problem

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(element: Any) -> str:
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag == f"{_W}tab":
            parts.append("\t")
        elif tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return clean_text("".join(parts))


def _cell_text(cell: Any) -> str:
    lines = [_paragraph_text(p) for p in cell.iter(f"{_W}p")]
    return "\n".join(line for line in lines if line.strip())


def _docx_table(element: Any) -> Table:
    rows: list[tuple[str | None, ...]] = []
    for tr in element.findall(f"{_W}tr"):
        cells: list[str | None] = []
        for tc in tr.findall(f"{_W}tc"):
            properties = tc.find(f"{_W}tcPr")
            span, continued = 1, False
            if properties is not None:
                grid_span = properties.find(f"{_W}gridSpan")
                if grid_span is not None:
                    try:
                        span = max(1, int(grid_span.get(f"{_W}val", "1")))
                    except ValueError:
                        span = 1
                v_merge = properties.find(f"{_W}vMerge")
                # <w:vMerge/> without a value continues the merged cell above; "restart" opens one.
                continued = v_merge is not None and v_merge.get(f"{_W}val", "continue") != "restart"
            cells.append(None if continued else _cell_text(tc))
            cells.extend([None] * (span - 1))
        rows.append(tuple(cells))
    return Table(tuple(rows))


def _docx_blocks(container: Any) -> Iterator[Paragraph | Table]:
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            for line in _paragraph_text(child).split("\n"):
                if line.strip():
                    yield Paragraph(line.rstrip())
        elif child.tag == f"{_W}tbl":
            yield _docx_table(child)
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _docx_blocks(content)


def read_docx(data: bytes) -> SourceDocument:
    """Read a Word .docx: body paragraphs and tables in order (headers and footers are page furniture)."""
    import docx

    # Every part counts, not only the body: python-docx reads them all into memory. The upload gate checked
    # the same limits; this keeps a file given by other means (the command line) within them too.
    problem = zip_bounds_problem(data, PLAN.zip_limits, "kế hoạch")
    if problem is not None:
        raise DocumentError(problem)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentError("Tệp Word (.docx) bị hỏng hoặc không phải tệp Word: không mở được.") from None
    with archive:
        if "word/document.xml" not in archive.namelist():
            raise DocumentError(
                "Tệp nén này không phải tài liệu Word (.docx): không có phần nội dung văn bản."
            ) from None
        try:
            archive.testzip()
        except Exception:
            raise DocumentError("Tệp Word (.docx) bị hỏng: dữ liệu nén không đọc được.") from None
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_docx_blocks(document.element.body))
    except Exception:
        raise DocumentError("Tệp Word (.docx) bị hỏng: không đọc được nội dung.") from None
    if not any(isinstance(b, Paragraph) or any(c for r in b.rows for c in r if c) for b in blocks):
        raise DocumentError("Tài liệu Word không có chữ nào để nhập.")
    return SourceDocument(blocks, "docx")
