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

from domain.scoring.guide_rules import guide_from_rule, rule_from_guide
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

    # A rule is written as the words the importer reads back; the set's own guide text beside a rule (a source
    # note, a province's wording) goes to a "Ghi chú" column so that it is kept without hiding the rule.
    def reads_back(node: Criterion) -> bool:
        return rule_from_guide(node.guide, node.max_points, extra_area=node.extra).rule == node.rule

    notes = any(node.rule is not None and node.guide and not reads_back(node) for node, _ in nodes)
    header = list(EXPORT_HEADER) + (["Mã cha"] if need_parent else []) + (["Ghi chú"] if notes else [])
    rows = [header]
    for node, parent in nodes:
        guide, note = node.guide, ""
        if node.rule is not None and not (node.guide and reads_back(node)):
            rule_words = guide_from_rule(node.rule, node.max_points)
            if rule_words:
                guide, note = rule_words, node.guide
        row = [
            node.code,
            node.title,
            "" if node.max_points is None else vn_number(node.max_points),
            guide,
            node.evidence,
            METHOD_LABELS[node.method],
        ]
        rows.append(row + ([parent or ""] if need_parent else []) + ([note] if notes else []))
    if total_points is None:
        total_points = sum((root.full_max() for root in criteria if not root.extra), Decimal(0))
    tail = [""] * ((1 if need_parent else 0) + (1 if notes else 0))
    rows.append(["", "Tổng cộng", vn_number(total_points), "", "", "", *tail])
    return rows
