"""Writes of contest scoring: a scoring table per participant group (from the plan's appendix or a spreadsheet,
kept as a contest criteria set of apps.scoring) and each participant's score of a year, scored by the engine of
``domain.scoring`` with the criteria the system measures filled in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from apps.organizations.choices import AgencyLevel
from apps.scoring.choices import SetLevel
from apps.scoring.models import CriteriaSet
from apps.scoring.models import Criterion as StoredCriterion
from apps.scoring.selectors import set_tree
from apps.scoring.services import criteria_set_load, criteria_table_read
from domain.scoring.entries import Entry, scorable, scorecard_inputs
from domain.scoring.figures import figure_input
from domain.scoring.guide_rules import GuideRule, rule_from_guide
from domain.scoring.rule_dicts import rule_to_dict
from domain.scoring.scoring import InvalidInputs, score_criteria
from domain.scoring.tree import Criterion, Method
from domain.scoring.values import InvalidInput
from domain.vn_numbers import vn_number

from ..contest_sources import RATES, participant_figure, source_for_title
from ..models import ContestScore, ContestTable, Movement, Participant
from . import MANAGE


def _require(user: Any, agency: Any) -> None:
    if not user.has_perm(MANAGE, agency):
        raise PermissionDenied("Chỉ đầu mối, lãnh đạo của cơ quan quản lý thang điểm và chấm điểm thi đua.")


def _level(movement: Movement) -> str:
    return SetLevel.COMMUNE if movement.agency.level == AgencyLevel.COMMUNE else SetLevel.DEPARTMENT


def _set_sources(criteria_set: CriteriaSet) -> None:
    """Each criterion whose wording names a figure the system holds takes it as its source."""
    for criterion in StoredCriterion.objects.filter(criteria_set=criteria_set):
        source = source_for_title(criterion.title)
        if source and criterion.rule:
            criterion.source = source
            criterion.save(update_fields=["source"])


def _table(movement: Movement, group: str, criteria_set: CriteriaSet) -> ContestTable:
    criteria_set.contest = True
    criteria_set.save(update_fields=["contest"])
    _set_sources(criteria_set)
    if ContestTable.objects.filter(movement=movement, group=group).exists():
        raise ValidationError(f"Phong trào đã có thang điểm cho nhóm “{group or 'chung'}”.")
    return ContestTable.objects.create(movement=movement, group=group, criteria_set=criteria_set)


def _guide_rule(guide: str, max_points: Decimal | None) -> GuideRule | None:
    """The guide's rule; an emulation table says "điểm chuẩn" where the PAR tables say "điểm tối đa"."""
    if not guide:
        return None
    read = rule_from_guide(guide, max_points)
    if read.rule is None and "điểm chuẩn" in guide.lower():
        read = rule_from_guide(re.sub("điểm chuẩn", "điểm tối đa", guide, flags=re.IGNORECASE), max_points)
    return read


def rubric_criteria(rubric: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A scoring table of the plan (``PlanImport.rubrics``, the shape of ``domain.plan_import.rubrics``) as the
    flat criteria list ``criteria_set_load`` reads: each guide read into a rule where the engine can."""
    criteria = []
    for number, item in enumerate(rubric.get("criteria", []), start=1):
        points = item.get("points")
        max_points = None if points in (None, "") else Decimal(str(points))
        guide = str(item.get("guide", "") or "")
        read = _guide_rule(guide, max_points)
        criteria.append(
            {
                "code": str(item.get("code") or number),
                "title": str(item.get("title", "")),
                "max_points": None if max_points is None else str(max_points),
                "guide": guide,
                "rule": rule_to_dict(read.rule) if read is not None and read.rule is not None else None,
                "method": Method.SELF_ASSESSED.value,
            }
        )
    return criteria


@transaction.atomic
def contest_tables_from_rubrics(
    *, user: Any, movement: Movement, rubrics: list[Mapping[str, Any]]
) -> list[ContestTable]:
    """One table per participant group of the plan's scoring appendix ("A. Đối với tập thể", …)."""
    _require(user, movement.agency)
    if not rubrics:
        raise ValidationError("Kế hoạch không có thang điểm thi đua: hãy tải lên bảng điểm (.xlsx).")
    tables = []
    for rubric in rubrics:
        group = str(rubric.get("group") or "")[:128]
        criteria = rubric_criteria(rubric)
        if not criteria:
            continue
        total = rubric.get("total_points")
        criteria_set = criteria_set_load(
            data={
                "name": f"Thang điểm thi đua — {group or movement.name}"[:255],
                "level": _level(movement),
                "year": movement.start_year,
                "total_points": total,
                "is_sample": False,
                "criteria": criteria,
            },
            agency=movement.agency,
        )
        tables.append(_table(movement, group, criteria_set))
    return tables


@transaction.atomic
def contest_table_import(
    *, user: Any, movement: Movement, group: str, uploaded: Any, filename: str
) -> ContestTable:
    """A table for one group from a spreadsheet (.xlsx, .csv or .docx), read by the scoring app's table import;
    refused whole while the table has errors."""
    _require(user, movement.agency)
    table = criteria_table_read(data=uploaded, filename=filename)
    if table.errors or not table.criteria:
        raise ValidationError(
            "Bảng điểm còn lỗi nên chưa tạo thang điểm: " + " ".join(table.errors or ("bảng trống.",))
        )
    shape = table.to_json()
    criteria_set = criteria_set_load(
        data={
            "name": f"Thang điểm thi đua — {group or movement.name}"[:255],
            "level": _level(movement),
            "year": movement.start_year,
            "total_points": shape["total_points"],
            "is_sample": False,
            "criteria": shape["criteria"],
        },
        agency=movement.agency,
    )
    return _table(movement, " ".join(group.split())[:128], criteria_set)


def _auto_entries(
    table: ContestTable, roots: tuple[Criterion, ...], participant: Participant, year: int, today: date | None
) -> dict[str, tuple[Entry, str]]:
    """The entries the system fills: per sourced criterion, its figure as the rule reads it and the provenance."""
    sources = dict(
        StoredCriterion.objects.filter(criteria_set=table.criteria_set)
        .exclude(source="")
        .values_list("code", "source")
    )
    out: dict[str, tuple[Entry, str]] = {}
    for node in scorable(roots):
        source = sources.get(node.code)
        if not source or node.rule is None:
            continue
        figure = participant_figure(participant=participant, source=source, year=year, today=today)
        if figure.value is None:
            out[node.code] = (Entry(), figure.provenance)
            continue
        try:
            read = figure_input(
                node.rule, value=figure.value, is_rate=source in RATES, detail=figure.provenance
            )
        except InvalidInput as error:
            out[node.code] = (Entry(), f"{figure.provenance}; {error}")
            continue
        # typed the Vietnamese way, as the focal point would ("74,7")
        out[node.code] = (Entry(value=read.entry.replace(".", ",")), figure.provenance)
    return out


@transaction.atomic
def contest_score_save(
    *,
    user: Any,
    table: ContestTable,
    participant: Participant,
    year: int,
    entries: Mapping[str, Entry],
    today: date | None = None,
) -> ContestScore:
    """A participant's score of ``year``: the focal point's entries, the figures the system measures where the
    focal point left the criterion empty, scored by the engine; every unreadable entry refused, nothing saved."""
    movement = table.movement
    _require(user, movement.agency)
    if participant.movement_id != movement.pk:
        raise ValidationError("Đối tượng này không tham gia phong trào.")
    if table.group and participant.group and table.group != participant.group:
        raise ValidationError(f"Đối tượng thuộc nhóm “{participant.group}”, không chấm theo thang điểm này.")
    if not movement.start_year <= year <= movement.end_year:
        raise ValidationError(f"Năm {year} ngoài thời gian của phong trào ({movement.period_label}).")
    tree = set_tree(criteria_set=table.criteria_set)
    auto = _auto_entries(table, tree.roots, participant, year, today)
    merged: dict[str, Entry] = {}
    stored: dict[str, dict[str, object]] = {}
    for node in scorable(tree.roots):
        entry = entries.get(node.code) or Entry()
        if entry.empty and node.code in auto:
            filled, provenance = auto[node.code]
            entry = filled
            stored[node.code] = {**entry.to_dict(), "auto": provenance}
        elif not entry.empty:
            stored[node.code] = entry.to_dict()
        merged[node.code] = entry
    inputs, problems = scorecard_inputs(tree.roots, merged)
    if problems:
        raise ValidationError([f"Tiêu chí {code}: {message}" for code, message in problems.items()])
    try:
        card = score_criteria(tree.roots, inputs)
    except InvalidInputs as error:
        raise ValidationError(list(error.problems)) from None
    scorecard = {
        "explanation": card.explanation,
        "total": str(card.total),
        "nodes": {
            code: {
                "points": str(node.points),
                "max": str(node.full_max),
                "explanation": node.explanation,
                "scored": node.scored,
            }
            for code, node in card.nodes.items()
        },
    }
    score, _ = ContestScore.objects.update_or_create(
        table=table,
        participant=participant,
        year=year,
        defaults={
            "inputs": stored,
            "scorecard": scorecard,
            "total": card.total,
            "scored_by": user if getattr(user, "is_authenticated", False) else None,
        },
    )
    return score


def total_text(score: ContestScore) -> str:
    return "—" if score.total is None else vn_number(score.total)
