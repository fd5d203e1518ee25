"""The facts the app gathers for one nomination (đề nghị khen thưởng), as plain frozen values.

Grades are the rating codes of Nghị định 335/2025/NĐ-CP: "excellent" (hoàn thành xuất sắc nhiệm vụ), "good"
(hoàn thành tốt), "completed" (hoàn thành), "not_completed" (không hoàn thành). Every fact may carry ``ref``, an
opaque key ("rating:12", "initiative:3", "award:7") the app turns into a link to the record that proves it.
Conditions only people can judge (đoàn kết, chấp hành pháp luật …) are declared by the proposing unit in the
nomination (biên bản bình xét) as ``Declaration`` and shown as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.rewards.forms import AwardForm, Subject

__all__ = [
    "DECLARATIONS",
    "DISCIPLINE_LABELS",
    "DISCIPLINE_ORDER",
    "GRADE_LABELS",
    "GRADE_ORDER",
    "SCOPE_LABELS",
    "SCOPE_ORDER",
    "Declaration",
    "Discipline",
    "Evidence",
    "InitiativeFact",
    "MemberFact",
    "NomineeFacts",
    "PastAward",
    "YearRating",
    "grade_at_least",
]

GRADE_ORDER = {"not_completed": 0, "completed": 1, "good": 2, "excellent": 3}
GRADE_LABELS = {
    "excellent": "Hoàn thành xuất sắc nhiệm vụ",
    "good": "Hoàn thành tốt nhiệm vụ",
    "completed": "Hoàn thành nhiệm vụ",
    "not_completed": "Không hoàn thành nhiệm vụ",
}

# The order matters: "kỷ luật từ cảnh cáo trở lên" is every measure from "canh_cao" on.
DISCIPLINE_ORDER = ("khien_trach", "canh_cao", "ha_bac_luong", "giang_chuc", "cach_chuc", "buoc_thoi_viec")
DISCIPLINE_LABELS = {
    "khien_trach": "Khiển trách",
    "canh_cao": "Cảnh cáo",
    "ha_bac_luong": "Hạ bậc lương",
    "giang_chuc": "Giáng chức",
    "cach_chuc": "Cách chức",
    "buoc_thoi_viec": "Buộc thôi việc",
}

SCOPE_ORDER = {"co_so": 0, "tinh": 1, "toan_quoc": 2}
SCOPE_LABELS = {"co_so": "cấp cơ sở", "tinh": "cấp tỉnh", "toan_quoc": "toàn quốc"}

# What the proposing unit declares in the nomination; the keys are what ``Declaration.key`` holds.
DECLARATIONS = {
    "self_reliance": "Có tinh thần tự lực, tự cường; đoàn kết, tương trợ, tích cực tham gia phong trào thi đua",
    "law_abiding": "Gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước",
    "emulation_effective": "Có phong trào thi đua thường xuyên, thiết thực, hiệu quả",
    "internal_unity": "Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách, pháp luật",
    "emulation_achievement": "Có thành tích được bình xét trong phong trào thi đua",
    "outstanding_achievement": "Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng",
    "provincial_emulation_excellence": "Có thành tích xuất sắc được bình xét trong phong trào thi đua của tỉnh",
    "socio_economic_contribution": "Có đóng góp vào phát triển kinh tế – xã hội, khoa học, từ thiện, nhân đạo",
    "grassroots_democracy": (
        "Thực hiện tốt dân chủ ở cơ sở, thực hành tiết kiệm, chống lãng phí, phòng, chống tham nhũng, tiêu cực"
    ),
}


def grade_at_least(grade: str | None, minimum: str) -> bool:
    """``grade_at_least("excellent", "good")`` is true; an unknown or missing grade is never enough."""
    if grade is None or grade not in GRADE_ORDER:
        return False
    return GRADE_ORDER[grade] >= GRADE_ORDER[minimum]


@dataclass(frozen=True)
class Evidence:
    """The record that proves (or fails) a condition: a sentence and the app's key to it."""

    text: str
    ref: str = ""


@dataclass(frozen=True)
class YearRating:
    year: int
    grade: str
    ref: str = ""


@dataclass(frozen=True)
class Discipline:
    """A disciplinary measure of ``year``; ``pending`` while it is still being considered."""

    year: int
    measure: str
    ref: str = ""
    pending: bool = False

    @property
    def at_least_warning(self) -> bool:
        return self.measure in DISCIPLINE_ORDER and DISCIPLINE_ORDER.index(self.measure) >= 1


@dataclass(frozen=True)
class PastAward:
    """An award already decided. ``achievement`` is the app's normalised key for what was rewarded
    (e.g. ``f"{form}:{year}"`` or a movement content's key): two awards with one key reward one achievement."""

    form: AwardForm
    year: int
    achievement: str
    ref: str = ""
    label: str = ""


@dataclass(frozen=True)
class InitiativeFact:
    """An initiative (sáng kiến); ``recognised_on`` is None until the council recognises it, at ``scope``
    ("co_so", "tinh" or "toan_quoc")."""

    title: str
    recognised_on: date | None
    scope: str
    year: int
    ref: str = ""


@dataclass(frozen=True)
class MemberFact:
    """One member of a collective: the grade and titles of the year considered, the heaviest discipline."""

    name: str
    grade: str | None
    titles: frozenset[AwardForm] = frozenset()
    discipline: str | None = None
    ref: str = ""


@dataclass(frozen=True)
class Declaration:
    """A condition the proposing unit declares met (or not) in the biên bản bình xét."""

    key: str
    met: bool
    note: str = ""
    ref: str = ""  # the nomination's biên bản bình xét, when the app has it as a record

    @property
    def label(self) -> str:
        return DECLARATIONS.get(self.key, self.key)


@dataclass(frozen=True)
class NomineeFacts:
    """Everything the rules need about one nominee (a person or a collective) for the year ``year``."""

    subject: Subject
    name: str
    year: int
    ratings: tuple[YearRating, ...] = ()
    disciplines: tuple[Discipline, ...] = ()
    past_awards: tuple[PastAward, ...] = ()
    initiatives: tuple[InitiativeFact, ...] = ()
    members: tuple[MemberFact, ...] = ()
    research_accepted: tuple[Evidence, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    pending_review: str = ""  # a discipline, inspection or complaint still pending (NĐ 152 Đ4.4)
    achievement: str = ""
    ref: str = ""

    def rating(self, year: int) -> YearRating | None:
        found = [r for r in self.ratings if r.year == year]
        return found[-1] if found else None

    def declaration(self, key: str) -> Declaration | None:
        found = [d for d in self.declarations if d.key == key]
        return found[-1] if found else None

    def awards_of(self, form: AwardForm, year: int) -> tuple[PastAward, ...]:
        return tuple(a for a in self.past_awards if a.form == form and a.year == year)
