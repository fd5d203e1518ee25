"""Which catalogue indicator a plan's target measures, proposed from its wording.

"Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt từ 98% trở lên" measures `dossier_on_time_rate`;
"100% hồ sơ quá hạn thực hiện xin lỗi" measures `dossier_apology_rate`. The proposal is only a proposal: the
focal point confirms or changes it. Rules compare the text without diacritics (`domain.vntext.fold`); every
phrase of `all_of` and at least one of `any_of` must appear, none of `none_of`; a rate rule needs a target in
percent, a count rule a target that is not.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.vntext import fold

__all__ = ["MATCH_RULES", "MatchRule", "Proposal", "propose_indicator", "propose_indicators"]

RATE, COUNT, ANY = "rate", "count", "any"


@dataclass(frozen=True)
class MatchRule:
    indicator: str
    any_of: tuple[str, ...]
    all_of: tuple[str, ...] = ()
    none_of: tuple[str, ...] = ()
    kind: str = RATE


@dataclass(frozen=True)
class Proposal:
    indicator: str
    score: int
    matched: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "Khớp cụm từ: " + ", ".join(f"“{phrase}”" for phrase in self.matched)


# Most specific first: on equal scores the earlier rule wins.
MATCH_RULES: tuple[MatchRule, ...] = (
    MatchRule("dossier_apology_rate", ("xin loi",)),
    MatchRule("feedback_satisfaction_rate", ("hai long",), all_of=("phan anh",)),
    MatchRule(
        "feedback_on_time_rate",
        ("dung han", "dung thoi han", "xu ly", "giai quyet", "tra loi"),
        all_of=("phan anh",),
    ),
    MatchRule("dossier_online_payment_rate", ("thanh toan truc tuyen", "thanh toan dien tu")),
    MatchRule(
        "dossier_e_result_rate",
        ("ket qua dien tu", "so hoa ket qua", "ket qua giai quyet duoc dien tu", "dien tu hoa ket qua"),
    ),
    MatchRule("dossier_digitised_rate", ("so hoa",), all_of=("ho so",)),
    MatchRule(
        "online_procedure_rate",
        ("dich vu cong truc tuyen", "truc tuyen toan trinh"),
        all_of=("thu tuc",),
        none_of=("ty le ho so",),
    ),
    MatchRule(
        "dossier_online_rate",
        ("ho so truc tuyen", "nop truc tuyen", "tiep nhan truc tuyen", "truc tuyen toan trinh"),
        all_of=("ho so",),
    ),
    MatchRule("dossier_on_time_rate", ("dung han", "truoc han", "dung va truoc han"), all_of=("ho so",)),
    MatchRule("dossier_overdue_count", ("tre han", "qua han", "tre hen"), all_of=("ho so",), kind=COUNT),
    MatchRule("dossier_sync_rate", ("dong bo",), all_of=("ho so",)),
    MatchRule("dossier_status_update_rate", ("cap nhat", "trang thai"), all_of=("ho so",)),
    MatchRule("procedure_publication_rate", ("cong khai", "niem yet"), all_of=("thu tuc",)),
    MatchRule("procedure_publication_rate", ("cong khai", "niem yet"), all_of=("tthc",)),
    MatchRule("satisfaction_rate", ("hai long", "sipas")),
    MatchRule("par_index_score", ("par index", "chi so cai cach hanh chinh"), kind=ANY),
    MatchRule("task_completion_rate", ("hoan thanh",), all_of=("nhiem vu",)),
    MatchRule("initiative_count", ("sang kien",), kind=COUNT),
    MatchRule("article_count", ("tin bai", "tin, bai", "bai viet", "tuyen truyen"), kind=COUNT),
    MatchRule("inspection_unit_rate", ("kiem tra",)),
)


def _unit_fits(rule: MatchRule, unit: str | None) -> bool:
    if rule.kind == ANY or unit is None:
        return True
    return (unit == "%") == (rule.kind == RATE)


def propose_indicators(text: str, unit: str | None = None) -> list[Proposal]:
    """Every rule the text satisfies, best first."""
    folded = fold(text)
    proposals: list[tuple[int, int, Proposal]] = []
    for order, rule in enumerate(MATCH_RULES):
        if not _unit_fits(rule, unit):
            continue
        if any(phrase in folded for phrase in rule.none_of):
            continue
        if not all(phrase in folded for phrase in rule.all_of):
            continue
        found = tuple(phrase for phrase in rule.any_of if phrase in folded)
        if not found:
            continue
        matched = rule.all_of + found
        proposals.append((-len(matched), order, Proposal(rule.indicator, len(matched), matched)))
    return [proposal for _, _, proposal in sorted(proposals, key=lambda item: (item[0], item[1]))]


def propose_indicator(text: str, unit: str | None = None) -> Proposal | None:
    """The best proposal for the target's text, or None when no rule fits."""
    found = propose_indicators(text, unit)
    return found[0] if found else None
