"""A criteria tree written back as the rows of a province's table, in the columns the importer reads.

STT · Tiêu chí · Điểm tối đa · Hướng dẫn chấm điểm · Tài liệu kiểm chứng · Phương pháp đánh giá, then a
"Tổng cộng" row. The STT is the criterion's code; where the codes alone would not give back the tree (codes such
as "LV3" under "PROV"), a "Mã cha" column is added. The guide is the text the table came with, else words for the
rule that the importer reads as the same rule, so an import of an export gives the same tree. Cells go through
:func:`domain.spreadsheet_text.safe_row` before they reach a spreadsheet; that is the writer's job.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from domain.scoring.guide_rules import guide_from_rule
from domain.scoring.table_import import codes_from_stt
from domain.scoring.tree import METHOD_LABELS, Criterion
from domain.vn_numbers import vn_number

__all__ = ["EXPORT_HEADER", "export_criteria_table"]

EXPORT_HEADER = (
    "STT",
    "Tiêu chí",
    "Điểm tối đa",
    "Hướng dẫn chấm điểm",
    "Tài liệu kiểm chứng",
    "Phương pháp đánh giá",
)


def _flat(criteria: Sequence[Criterion]) -> Iterator[tuple[Criterion, str | None]]:
    def walk(node: Criterion, parent: str | None) -> Iterator[tuple[Criterion, str | None]]:
        yield node, parent
        for child in node.children:
            yield from walk(child, node.code)

    for root in criteria:
        yield from walk(root, None)


def export_criteria_table(
    criteria: Sequence[Criterion], total_points: Decimal | None = None
) -> list[list[str]]:
    """The header and one row per criterion in tree order, then the total (``total_points`` or the areas' sum)."""
    nodes = list(_flat(criteria))
    placed = codes_from_stt([node.code for node, _ in nodes])
    need_parent = any(
        place is None or place.code != node.code or place.parent != parent
        for (node, parent), place in zip(nodes, placed, strict=True)
    )
    header = list(EXPORT_HEADER) + (["Mã cha"] if need_parent else [])
    rows = [header]
    for node, parent in nodes:
        guide = node.guide
        if not guide and node.rule is not None:
            guide = guide_from_rule(node.rule, node.max_points)
        row = [
            node.code,
            node.title,
            "" if node.max_points is None else vn_number(node.max_points),
            guide,
            node.evidence,
            METHOD_LABELS[node.method],
        ]
        rows.append(row + ([parent or ""] if need_parent else []))
    if total_points is None:
        total_points = sum((root.full_max() for root in criteria if not root.extra), Decimal(0))
    rows.append(["", "Tổng cộng", vn_number(total_points), "", "", ""] + ([""] if need_parent else []))
    return rows
