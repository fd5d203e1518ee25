"""A criteria table between its upload and its save: what the file gave, kept in the user's session under a
one-time token, corrected row by row on the preview page, and rebuilt into the engine's tree to be checked.

The rows live on the server only, so the preview form carries nothing but the corrections, and those are checked
again (by the form, the engine, and the service that saves) on every submit.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import MutableMapping
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from domain.scoring.rule_dicts import rule_from_dict
from domain.scoring.rule_text import describe_rule
from domain.scoring.rules import Rule
from domain.scoring.table_import import TableImport
from domain.scoring.tree import Criterion as Node
from domain.scoring.tree import Method, validate_criteria
from domain.scoring.values import RuleError
from domain.vn_numbers import vn_number

from .choices import SetLevel

DRAFTS = "scoring_imports"
SAVED = "scoring_imports_saved"
KEPT = 3  # previews kept per session: a second tab does not lose the first
ZERO = Decimal(0)


@dataclass(frozen=True)
class DraftRow:
    """One criterion as the table gave it (or as corrected): its parent by code, points as decimal text."""

    code: str
    parent: str | None
    title: str
    max_points: str | None
    method: str
    rule: dict[str, Any] | None
    evidence: str = ""
    guide: str = ""


@dataclass(frozen=True)
class ImportDraft:
    """The header typed on the upload form and the table read from the file.

    ``file_errors`` are the reader's errors the preview cannot correct (a repeated code whose row was dropped,
    a maximum that is not a number, a guide contradicting its column): the file is fixed and uploaded again.
    The sums are checked again on the corrected rows (:func:`draft_check`)."""

    filename: str
    name: str
    level: str
    year: int
    province_id: int
    decision_number: str
    decision_date: str  # ISO date, "" when not given
    total_points: str | None
    rows: tuple[DraftRow, ...]
    warnings: tuple[str, ...] = ()
    file_errors: tuple[str, ...] = ()

    @property
    def decision_day(self) -> date | None:
        return date.fromisoformat(self.decision_date) if self.decision_date else None

    @property
    def level_label(self) -> str:
        return str(dict(SetLevel.choices).get(self.level, self.level))

    def to_session(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_session(cls, data: dict[str, Any]) -> ImportDraft:
        values = dict(data)
        values["rows"] = tuple(DraftRow(**row) for row in data["rows"])
        values["warnings"] = tuple(data.get("warnings", ()))
        values["file_errors"] = tuple(data.get("file_errors", ()))
        return cls(**values)


def draft_from_table(
    table: TableImport,
    *,
    filename: str,
    name: str,
    level: str,
    year: int,
    province_id: int,
    decision_number: str = "",
    decision_date: str = "",
) -> ImportDraft:
    """The draft of a table read by `criteria_table_read`, its errors split into those of the file and those
    the preview re-checks."""
    shape = table.to_json()
    rechecked = set(validate_criteria(table.criteria, table.total_points))
    rows = tuple(
        DraftRow(
            code=item["code"],
            parent=item["parent"],
            title=item["title"],
            max_points=item["max_points"],
            method=item["method"],
            rule=item["rule"],
            evidence=item.get("evidence", ""),
            guide=item.get("guide", ""),
        )
        for item in cast(list[dict[str, Any]], shape["criteria"])
    )
    return ImportDraft(
        filename=filename,
        name=name,
        level=level,
        year=year,
        province_id=province_id,
        decision_number=decision_number,
        decision_date=decision_date,
        total_points=None if table.total_points is None else str(table.total_points),
        rows=rows,
        warnings=table.warnings,
        file_errors=tuple(error for error in table.errors if error not in rechecked),
    )


# --- the draft checked: the engine's tree, its rows for the preview, what blocks saving -------------------------


@dataclass(frozen=True)
class PreviewRow:
    """A row of the preview: the draft's row, its depth in the tree and its rule read aloud."""

    row: DraftRow
    depth: int
    has_children: bool
    rule_text: str
    max_text: str


@dataclass(frozen=True)
class DraftCheck:
    roots: tuple[Node, ...]
    rows: tuple[PreviewRow, ...]
    errors: tuple[str, ...]
    total_points: Decimal | None
    areas_total: Decimal

    @property
    def areas_text(self) -> str:
        return vn_number(self.areas_total)

    def table(self, draft: ImportDraft) -> TableImport:
        """The corrected tree as the import service takes it."""
        return TableImport(self.roots, self.total_points, draft.warnings, self.errors)


def _points(where: str, text: str | None, problems: list[str]) -> Decimal | None:
    if text is None or text == "":
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        problems.append(f"{where}: “{text}” không phải là một số.")
        return None
    return value


def _rule(code: str, data: dict[str, Any] | None, problems: list[str]) -> Rule | None:
    if data is None:
        return None
    try:
        return rule_from_dict(data)
    except RuleError as error:
        problems.append(f"Tiêu chí {code}: {error}")
        return None


def _method(value: str) -> Method:
    try:
        return Method(value)
    except ValueError:
        return Method.SELF_ASSESSED


def draft_check(draft: ImportDraft) -> DraftCheck:
    """The draft's rows as the engine's tree, each with its depth and rule described, and every error that
    blocks saving: the file's, then the engine's on the rows as they stand (sums, missing maxima, rules)."""
    problems: list[str] = []
    codes = {row.code for row in draft.rows}
    children: dict[str | None, list[DraftRow]] = defaultdict(list)
    for row in draft.rows:
        parent = row.parent if row.parent in codes and row.parent != row.code else None
        children[parent].append(row)
    placed: dict[str, tuple[Node, int]] = {}

    def build(row: DraftRow, depth: int) -> Node:
        placed[row.code] = (Node(code=row.code, title=row.title), depth)  # marks it while its children build
        node = Node(
            code=row.code,
            title=row.title,
            max_points=_points(f"Tiêu chí {row.code}: điểm tối đa", row.max_points, problems),
            method=_method(row.method),
            evidence=row.evidence,
            guide=row.guide,
            rule=_rule(row.code, row.rule, problems),
            children=tuple(
                build(child, depth + 1) for child in children.get(row.code, []) if child.code not in placed
            ),
        )
        placed[row.code] = (node, depth)
        return node

    roots = tuple(build(row, 0) for row in children.get(None, []))
    for row in draft.rows:
        if row.code not in placed:
            problems.append(f"Tiêu chí {row.code}: mã cha tạo thành vòng lặp.")
    stated = _points("Tổng điểm của bộ tiêu chí", draft.total_points, problems)
    areas = sum((root.full_max() for root in roots if not root.extra), ZERO)
    problems.extend(validate_criteria(roots, stated))
    preview = []
    for row in draft.rows:  # one per row, in the draft's order, so the preview's forms line up with them
        node, depth = placed.get(row.code, (Node(code=row.code, title=row.title), 0))
        preview.append(
            PreviewRow(
                row=row,
                depth=depth,
                has_children=bool(node.children),
                rule_text=describe_rule(node.rule, node.full_max()),
                max_text=vn_number(node.full_max()),
            )
        )
    errors = (*draft.file_errors, *problems)
    return DraftCheck(roots, tuple(preview), errors, stated if stated is not None else areas, areas)


# --- the session: drafts under one-time tokens, and the sets they became -----------------------------------------


def draft_keep(session: MutableMapping[str, Any], draft: ImportDraft) -> str:
    """Keep a new draft; its token names it in the preview's address and form."""
    token = secrets.token_urlsafe(16)
    drafts = {**session.get(DRAFTS, {}), token: draft.to_session()}
    session[DRAFTS] = dict(list(drafts.items())[-KEPT:])
    return token


def draft_get(session: MutableMapping[str, Any], token: str) -> ImportDraft | None:
    data = session.get(DRAFTS, {}).get(token)
    if data is None:
        return None
    try:
        return ImportDraft.from_session(data)
    except (KeyError, TypeError):  # kept by an older version of this page
        return None


def draft_update(session: MutableMapping[str, Any], token: str, draft: ImportDraft) -> None:
    """Keep the corrections, so a check that finds errors does not lose them."""
    drafts = dict(session.get(DRAFTS, {}))
    if token in drafts:
        drafts[token] = draft.to_session()
        session[DRAFTS] = drafts


def draft_drop(session: MutableMapping[str, Any], token: str) -> None:
    drafts = dict(session.get(DRAFTS, {}))
    if drafts.pop(token, None) is not None:
        session[DRAFTS] = drafts


def draft_done(session: MutableMapping[str, Any], token: str, set_id: int) -> None:
    """The token is spent: its draft goes, and a second submit of the same form finds the set it made."""
    draft_drop(session, token)
    saved = {**session.get(SAVED, {}), token: set_id}
    session[SAVED] = dict(list(saved.items())[-KEPT:])


def draft_saved_set(session: MutableMapping[str, Any], token: str) -> int | None:
    found = session.get(SAVED, {}).get(token)
    return found if isinstance(found, int) else None
