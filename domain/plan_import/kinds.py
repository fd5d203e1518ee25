"""Which kind of administrative document a file is, and where a decision's attached plan starts.

A plan's tasks reach an agency in several kinds of document (Nghị định 30/2020/NĐ-CP, Phụ lục III lists
the type names and their abbreviations): a plan (KẾ HOẠCH, "KH"), a directive (CHỈ THỊ, "CT"), a decision
that issues a plan attached to it (QUYẾT ĐỊNH, "QĐ", "Ban hành kèm theo Quyết định này Kế hoạch …"), an
official dispatch assigning tasks (công văn: no type name; its number symbol names the issuing body,
"4120/UBND-NC", and its subject line starts "V/v"), and a notice of conclusions (THÔNG BÁO, "TB",
subject "Kết luận …"). The kind is read from the type line first, then from the number symbol and the
"V/v" line; anything else is not a document the importer reads.
"""

from __future__ import annotations

import re

from domain.vntext import fold

__all__ = [
    "DECISION",
    "DIRECTIVE",
    "DOCUMENT_KINDS",
    "LETTER",
    "NOTICE",
    "PLAN",
    "attached_plan_start",
    "kind_of",
]

# The codes are those of the corpus and of the register (Plan.document_kind).
PLAN, DIRECTIVE, DECISION, LETTER, NOTICE = (
    "ke_hoach",
    "chi_thi",
    "quyet_dinh",
    "cong_van",
    "thong_bao_ket_luan",
)
DOCUMENT_KINDS = (PLAN, DIRECTIVE, DECISION, LETTER, NOTICE)

# Symbols of type names: a number symbol starting with one of these is not a dispatch's.
_TYPE_ABBREVIATIONS = frozenset(
    [
        "kh",
        "ct",
        "qd",
        "tb",
        "bc",
        "nq",
        "nd",
        "tt",
        "hd",
        "ctr",
        "tb",
        "tr",
        "da",
        "qc",
        "qđ",
        "ck",
        "gm",
        "gp",
        "gxn",
        "gcn",
        "bb",
        "tt-btc",
        "pa",
    ]
)


def kind_of(
    type_name: str | None, title: str | None, symbol: str | None, has_subject_line: bool
) -> str | None:
    """The document kind, or ``None`` when the type line names a kind the importer does not read."""
    if type_name is not None:
        folded = fold(re.sub(r"[^\w\s]", " ", type_name))
        if folded == "ke hoach":
            return PLAN
        if folded == "chi thi":
            return DIRECTIVE
        if folded == "quyet dinh":
            return DECISION
        if folded == "cong van":
            return LETTER
        if folded == "thong bao" and title and re.search(r"\bket luan\b", fold(title)):
            return NOTICE
        return None
    if symbol and has_subject_line:
        first = fold(symbol).split("-", 1)[0].split("/", 1)[0]
        if first not in _TYPE_ABBREVIATIONS:
            return LETTER
    return None


_ATTACHED = re.compile(r"^\(?\s*(?:ban hanh )?kem theo (?:quyet dinh|qd)\b")


def attached_plan_start(lines: list[str]) -> int | None:
    """Where the plan a decision issues starts: its own "KẾ HOẠCH" type line after the decision's signature.

    The attached plan is recognised by the type line followed within a few lines by "(Ban hành kèm theo
    Quyết định số …)"; the lines above the type line that belong to its own top block (the issuing body)
    are part of it.
    """
    for index, line in enumerate(lines):
        type_line = fold(re.sub(r"[^\w\s]", " ", line))
        spaced = index + 1 < len(lines) and f"{type_line} {fold(lines[index + 1])}" == "ke hoach"
        if type_line != "ke hoach" and not spaced:
            continue
        following = [fold(text) for text in lines[index + 1 : index + 7]]
        if any(_ATTACHED.match(text) for text in following):
            start = index
            while start > 0 and _is_block_line(lines[start - 1]):
                start -= 1
            return start
    return None


def _is_block_line(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    motto = re.search(r"cong hoa|doc lap", fold(line))
    return bool(letters) and (all(c.isupper() for c in letters) or bool(motto)) and len(line) <= 90
