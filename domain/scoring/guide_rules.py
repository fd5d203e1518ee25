"""Rules read from the text of a scoring guide (hướng dẫn chấm điểm), and the text written back for a rule.

A province's criteria table states how each criterion is scored in words. Where the words follow one of the
shapes below the rule is recognised; anything else is left as text for scoring by hand (no rule), never guessed:

* tiered thresholds — "Đạt 100%: 1 điểm; từ 80% đến dưới 100%: 0,5 điểm; dưới 80%: 0 điểm",
  "> 90%: 2; 70–90%: 1; < 70%: 0" (a bare range "70–90%" holds both its edges);
* on time / late / missing — "Ban hành kịp thời: 1; không kịp thời: 0,5; không ban hành: 0";
* yes / no — "Có: 1; Không: 0" (yes earns the criterion's maximum);
* proportional — "Tỷ lệ % × điểm tối đa" (with "÷ 80%" for a target other than 100%);
* answer mapping — "A: 100%; B: 60%; C: 20%; D: 0%";
* a count against a target — "Mỗi tháng ít nhất 01 tin bài" (12 months; a quarter is 4), "ít nhất 02 cuộc";
* bonus — "Điểm thưởng tối đa 2 điểm", "mỗi sáng kiến được cộng 0,5 điểm, tối đa 2 điểm";
* penalty — "Điểm trừ: trừ 0,5 điểm mỗi lần, tối đa trừ 2 điểm" (outside the scale, its cap the maximum), and
  the same words on an ordinary criterion are a deduction from its maximum ("tối đa trừ" then sets the floor).

Clauses are separated by ";", a new line or a full stop; a clause scores with "condition: points" (also "→",
"=", "được" or "(1 điểm)"). Numbers take a decimal comma ("0,5"). Clauses without points only describe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from domain.scoring.rules import (
    AnswerMap,
    Bonus,
    CountTarget,
    Deduction,
    Penalty,
    Proportional,
    Rule,
    Tier,
    Tiered,
    TimelinessRule,
    YesNo,
)
from domain.scoring.values import RuleError
from domain.vn_numbers import vn_number
from domain.vntext import fold_chars, normalize_space

__all__ = ["GuideRule", "guide_from_rule", "rule_from_guide"]

HUNDRED = Decimal(100)
ZERO = Decimal(0)
NUM = r"(\d+(?:[.,]\d+)?)"
PERIODS = {"thang": ("tháng", 12), "quy": ("quý", 4), "nam": ("năm", 1), "tuan": ("tuần", 52)}
PERIOD_LABELS = {label: (key, count) for key, (label, count) in PERIODS.items()}


@dataclass(frozen=True)
class GuideRule:
    """A rule recognised in a guide (``None``: score by hand) and the cap the text itself states, if any."""

    rule: Rule | None
    cap: Decimal | None = None


@dataclass(frozen=True)
class _Clause:
    text: str  # as written, spaces normalised
    folded: str  # same length as ``text``: lower case, no diacritics
    points: Decimal | None
    condition: str  # the text before the points, as written
    condition_folded: str


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


_POINTS_END = re.compile(
    r"^(?P<cond>.*?)\s*(?::|→|=>|=|\bthi\b|\bduoc\b)\s*(?:duoc\s+)?" + NUM + r"\s*(?:diem|d)?\s*\.?$"
)
_POINTS_PAREN = re.compile(r"^(?P<cond>.*?)\s*\(\s*" + NUM + r"\s*(?:diem|d)\s*\)\s*\.?$")


def _clauses(text: str) -> list[_Clause]:
    found = []
    for piece in re.split(r"[;\n•]|\.(?=\s|$)", text):
        written = normalize_space(piece).lstrip("-+*– ").strip()
        if not written:
            continue
        folded = fold_chars(written)
        points, condition = None, written
        match = _POINTS_END.match(folded) or _POINTS_PAREN.match(folded)
        if match:
            points = _number(match.group(2))
            condition = written[: match.end("cond")].strip()
        found.append(_Clause(written, folded, points, condition, fold_chars(condition)))
    return found


def _scored(clauses: Sequence[_Clause]) -> list[_Clause]:
    return [clause for clause in clauses if clause.points is not None]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- tiered thresholds ---------------------------------------------------------------------------------------

_RANGE_WORDS = re.compile(
    r"\b(tu|tren)\s+" + NUM + r"\s*%?\s*(?:den|toi|-|–|—)\s*(duoi\s+|<\s*)?" + NUM + r"\s*%"
)
_RANGE_BARE = re.compile(NUM + r"\s*%?\s*(?:-|–|—)\s*(<\s*)?" + NUM + r"\s*%")
_LOWER = re.compile(r"(>=|≥|\btu\b|>|\btren\b)\s*" + NUM + r"\s*%")
_LOWER_AFTER = re.compile(NUM + r"\s*%\s*(?:tro len)")
_UPPER = re.compile(r"(<=|≤|<|\bduoi\b)\s*" + NUM + r"\s*%")
_UPPER_AFTER = re.compile(NUM + r"\s*%\s*(?:tro xuong)")
_EXACT = re.compile(NUM + r"\s*%")


def _tier(condition: str, points: Decimal) -> Tier | None:
    match = _RANGE_WORDS.search(condition)
    if match:
        return Tier(
            points,
            lower=_number(match.group(2)),
            lower_inclusive=match.group(1) == "tu",
            upper=_number(match.group(4)),
            upper_inclusive=match.group(3) is None,
        )
    match = _RANGE_BARE.search(condition)
    if match:
        return Tier(
            points,
            lower=_number(match.group(1)),
            lower_inclusive=True,
            upper=_number(match.group(3)),
            upper_inclusive=match.group(2) is None,
        )
    match = _LOWER.search(condition) or _LOWER_AFTER.search(condition)
    if match:
        sign = match.group(1) if match.re is _LOWER else "≥"
        return Tier(
            points,
            lower=_number(match.group(match.lastindex or 1)),
            lower_inclusive=sign in (">=", "≥", "tu"),
        )
    match = _UPPER.search(condition) or _UPPER_AFTER.search(condition)
    if match:
        sign = match.group(1) if match.re is _UPPER else "≤"
        return Tier(
            points, upper=_number(match.group(match.lastindex or 1)), upper_inclusive=sign in ("<=", "≤")
        )
    match = _EXACT.search(condition)
    if match:
        value = _number(match.group(1))
        if value >= HUNDRED:  # "Đạt 100%": a rate cannot do better
            return Tier(points, lower=value, lower_inclusive=True)
        return Tier(points, lower=value, lower_inclusive=True, upper=value, upper_inclusive=True)
    return None


def _tiered(clauses: Sequence[_Clause]) -> Rule | None:
    scored = _scored(clauses)
    if len(scored) < 2 or not all("%" in clause.condition_folded for clause in scored):
        return None
    try:
        tiers = [_tier(clause.condition_folded, clause.points or ZERO) for clause in scored]
    except RuleError:
        return None
    if any(tier is None for tier in tiers):
        return None
    return Tiered(tiers=tuple(tier for tier in tiers if tier is not None))


# --- on time / late / missing, yes / no ----------------------------------------------------------------------

_LATE = re.compile(
    r"khong kip thoi|chua kip thoi|\bcham\b|tre han|qua han|khong dung (?:han|thoi (?:gian|han))|\bmuon\b"
)
_MISSING = re.compile(
    r"\b(?:khong|chua)\s+(?:ban hanh|thuc hien|co|gui|bao cao|xay dung|to chuc|trien khai)\b"
)
_ON_TIME = re.compile(r"kip thoi|dung han|dung thoi (?:gian|han)|dung quy dinh")
_NEGATIVE = re.compile(r"^(?:khong|chua)\b")


def _timeliness(clauses: Sequence[_Clause]) -> Rule | None:
    found: dict[str, _Clause] = {}
    for clause in _scored(clauses):
        if _LATE.search(clause.condition_folded):
            key = "late"
        elif _MISSING.search(clause.condition_folded):
            key = "missing"
        elif _ON_TIME.search(clause.condition_folded):
            key = "on_time"
        else:
            return None
        if key in found:
            return None
        found[key] = clause
    if "on_time" not in found or "late" not in found:
        return None
    rule = TimelinessRule(on_time=found["on_time"].points or ZERO, late=found["late"].points or ZERO)
    missing = found.get("missing")
    if missing is None:
        return rule
    return replace(rule, missing=missing.points or ZERO, missing_label=_capitalised(missing.condition))


def _yes_no(clauses: Sequence[_Clause], max_points: Decimal | None) -> Rule | None:
    scored = _scored(clauses)
    if len(scored) != 2 or any("%" in clause.condition_folded for clause in scored):
        return None
    yes, no = scored
    if no.points != 0 or not yes.points or not _NEGATIVE.match(no.condition_folded):
        return None
    if max_points is not None and yes.points != max_points:
        return None
    if yes.condition_folded == "co" and no.condition_folded == "khong":
        return YesNo()
    return YesNo(yes_label=_capitalised(yes.condition), no_label=_capitalised(no.condition))


# --- proportional, answer mapping, count against a target ----------------------------------------------------

_TIMES = re.compile(r"[×*]|\bx\b|\bnhan\b")
_TARGET = re.compile(r"(?:÷|/|\bchia(?: cho)?\b)\s*(?:chi tieu\s*)?" + NUM + r"\s*%")
_ANSWER = re.compile(r"(?:^|[\s;,(·])(?:phuong an|dap an|muc)?\s*([a-e])\s*[:=)\-–]?\s*" + NUM + r"\s*%")


def _proportional(folded: str) -> Rule | None:
    if not ("ty le" in folded or "%" in folded) or not _TIMES.search(folded) or "diem toi da" not in folded:
        return None
    match = _TARGET.search(folded)
    return Proportional() if match is None else Proportional(target=_number(match.group(1)))


def _answer_map(folded: str) -> Rule | None:
    answers = [(letter.upper(), _number(share)) for letter, share in _ANSWER.findall(folded)]
    letters = [letter for letter, _ in answers]
    if len(answers) < 2 or letters != [chr(ord("A") + index) for index in range(len(letters))]:
        return None
    return AnswerMap(answers=tuple(answers))


_STOP = re.compile(r"\s+(?:moi|trong|tren|thi|duoc|va|hoac|tu|/)\b.*$|\s*/.*$")
_COUNT_PERIOD_FIRST = re.compile(
    r"\bmoi\s+(thang|quy|nam|tuan)\s*(?:co\s+)?(?:it nhat|toi thieu|>=|≥)\s*(\d+)\s+([^\d,;.:()%]+)"
)
_COUNT = re.compile(r"(?:it nhat|toi thieu|>=|≥)\s*(\d+)\s+([^\d,;.:()%]+)")
_PERIOD_AFTER = re.compile(r"^\s*(?:/|moi|trong moi|tren)\s*(thang|quy|nam|tuan)\b")


def _unit(written: str, folded: str, start: int, end: int) -> tuple[str, int]:
    """The unit's words ("tin bài") cut from the text as written, and where they end in the text."""
    cut = _STOP.sub("", folded[start:end]).strip()
    words = cut.split()[:4]
    length = len(" ".join(words))
    return written[start : start + length], start + length


def _count(written: str, folded: str, clauses: Sequence[_Clause]) -> Rule | None:
    all_or_nothing = any(clause.points == 0 for clause in clauses)
    match = _COUNT_PERIOD_FIRST.search(folded)
    if match:
        label, periods = PERIODS[match.group(1)]
        unit, _ = _unit(written, folded, match.start(3), match.end(3))
        if unit:
            return CountTarget(
                target=int(match.group(2)),
                periods=periods,
                unit=unit,
                period_label=label,
                all_or_nothing=all_or_nothing,
            )
    match = _COUNT.search(folded)
    if not match:
        return None
    unit, end = _unit(written, folded, match.start(2), match.end(2))
    if not unit:
        return None
    after = _PERIOD_AFTER.match(folded[end:])
    label, periods = ("tháng", 1) if after is None else PERIODS[after.group(1)]
    return CountTarget(
        target=int(match.group(1)),
        periods=periods,
        unit=unit,
        period_label=label,
        all_or_nothing=all_or_nothing,
    )


# --- bonus, penalty, deduction -------------------------------------------------------------------------------

_BONUS = re.compile(r"diem thuong|\bcong\s+(?:them\s+)?" + NUM + r"\s*diem")
_BONUS_EACH = re.compile(r"\bcong\s+(?:them\s+)?" + NUM + r"\s*diem")
_DEDUCT_EACH = re.compile(r"\btru\s+(?:di\s+)?" + NUM + r"\s*(%|diem)")
_CAP = re.compile(
    r"(?:toi da|khong qua|khong vuot qua)\s*(?:cong\s+|tru\s+)?(?:khong qua\s+)?" + NUM + r"\s*diem"
)
_EACH = re.compile(r"\bmoi\b\s*([^,;.:]*)")
_PENALTY = re.compile(r"diem tru|\btru\s+(?:di\s+)?" + NUM + r"\s*diem")


def _each_unit(written: str, folded: str) -> str:
    match = _EACH.search(folded)
    if match is None:
        return ""
    words = re.sub(r"\s*\b(?:duoc\s+)?(?:cong|tru)\b.*$", "", folded[match.start(1) : match.end(1)]).split()[
        :4
    ]
    return written[match.start(1) : match.start(1) + len(" ".join(words))]


def _extra(written: str, folded: str, max_points: Decimal | None, extra_area: bool) -> GuideRule | None:
    cap_match = _CAP.search(folded)
    cap = None if cap_match is None else _number(cap_match.group(1))
    each_bonus = _BONUS_EACH.search(folded)
    if _BONUS.search(folded) and not _PENALTY.search(folded):
        if "diem thuong" not in folded and "moi" not in folded:
            return None
        per_item = None if each_bonus is None or "moi" not in folded else _number(each_bonus.group(1))
        return GuideRule(Bonus(per_item=per_item), cap)
    each = _DEDUCT_EACH.search(folded)
    per_each = each is not None and "moi" in folded
    if "diem tru" in folded or (per_each and (extra_area or max_points is None)):
        per_item = None if each is None or each.group(2) == "%" or not per_each else _number(each.group(1))
        return GuideRule(Penalty(per_item=per_item), cap)
    if each is None or not per_each or max_points is None:
        return None
    per_item, percent = _number(each.group(1)), each.group(2) == "%"
    floor = ZERO if cap is None or cap >= max_points else max_points - cap
    unit = _each_unit(written, folded) or "lần"
    return GuideRule(Deduction(per_item=per_item, percent_of_max=percent, floor=floor, unit=unit))


def rule_from_guide(text: str, max_points: Decimal | None = None, *, extra_area: bool = False) -> GuideRule:
    """The rule a scoring guide's words state, or ``GuideRule(None)`` when they follow no known shape.

    ``max_points``: the criterion's maximum from its table (a yes/no must give it to "Có"; a deduction starts from
    it). ``extra_area``: the row sits under bonus and penalty points ("Điểm thưởng, điểm trừ"), so "trừ 0,5 điểm
    mỗi …" is a penalty outside the scale, not a deduction from the criterion's own points.
    """
    written = normalize_space(text)
    if not written:
        return GuideRule(None)
    folded = fold_chars(written)
    clauses = _clauses(text)
    extra = _extra(written, folded, max_points, extra_area)
    if extra is not None:
        return extra
    rule = (
        _answer_map(folded)
        or _tiered(clauses)
        or _timeliness(clauses)
        or _yes_no(clauses, max_points)
        or _proportional(folded)
        or _count(written, folded, clauses)
    )
    return GuideRule(rule)


# --- the text written back -----------------------------------------------------------------------------------


def _pts(value: Decimal) -> str:
    return f"{vn_number(value)} điểm"


def guide_from_rule(rule: Rule, max_points: Decimal | None) -> str:
    """Words for ``rule`` that :func:`rule_from_guide` reads back as the same rule (an export of a set built or
    edited here, where no guide text was kept). Labels other than the defaults are written as they are."""
    top = ZERO if max_points is None else max_points
    if isinstance(rule, Tiered):
        return "; ".join(f"{tier.describe()}: {_pts(tier.points)}" for tier in rule.tiers)
    if isinstance(rule, TimelinessRule):
        return (
            f"Kịp thời: {_pts(rule.on_time)}; không kịp thời: {_pts(rule.late)}; "
            f"{rule.missing_label}: {_pts(rule.missing)}"
        )
    if isinstance(rule, YesNo):
        return f"{rule.yes_label}: {_pts(top)}; {rule.no_label}: {_pts(ZERO)}"
    if isinstance(rule, Proportional):
        target = "" if rule.target == HUNDRED else f" ÷ {vn_number(rule.target)}%"
        return f"Tỷ lệ %{target} × điểm tối đa"
    if isinstance(rule, AnswerMap):
        return "; ".join(f"{key}: {vn_number(share)}%" for key, share in rule.answers)
    if isinstance(rule, CountTarget):
        stated = f"ít nhất {rule.target:02d} {rule.unit}"
        text = f"Mỗi {rule.period_label} {stated}" if rule.periods > 1 else _capitalised(stated)
        return text + ("; không đủ: 0 điểm" if rule.all_or_nothing else "")
    if isinstance(rule, Bonus):
        each = "" if rule.per_item is None else f"mỗi lần được cộng {_pts(rule.per_item)}, "
        return f"Điểm thưởng: {each}tối đa {_pts(top)}"
    if isinstance(rule, Penalty):
        each = "" if rule.per_item is None else f"trừ {_pts(rule.per_item)} mỗi lần, "
        return f"Điểm trừ: {each}tối đa trừ {_pts(top)}"
    if isinstance(rule, Deduction):
        each = f"{vn_number(rule.per_item)}%" if rule.percent_of_max else _pts(rule.per_item)
        floor = "" if rule.floor == 0 else f", tối đa trừ {_pts(top - rule.floor)}"
        return f"Trừ {each} mỗi {rule.unit}{floor}"
    guide = getattr(rule, "guide", "")
    return str(guide)
