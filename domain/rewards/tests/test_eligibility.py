"""Eligibility of each title and form, one row per condition, with the edges the issue names."""

from dataclasses import replace
from datetime import date

import pytest

from domain.rewards.eligibility import check, declarations_for
from domain.rewards.facts import (
    Declaration,
    Discipline,
    Evidence,
    InitiativeFact,
    MemberFact,
    NomineeFacts,
    PastAward,
    YearRating,
)
from domain.rewards.forms import AwardForm, Subject
from domain.rewards.movement_rules import MovementRules
from domain.rewards.rulesets import ND98, ND152, Param, ProvinceRules

ON = date(2026, 12, 15)
F = AwardForm
LDTT, CSTD, CSTD_TINH = F.LABOUR, F.EMULATION_SOLDIER, F.PROVINCIAL_EMULATION_SOLDIER
TTLDTT, TTLDXS, GIAY_KHEN, BANG_KHEN = (
    F.ADVANCED_COLLECTIVE,
    F.EXCELLENT_COLLECTIVE,
    F.CERTIFICATE_OF_MERIT,
    F.PROVINCIAL_MERIT,
)


def declared(*keys: str) -> tuple[Declaration, ...]:
    return tuple(Declaration(key, True) for key in keys)


def person(grade: str = "good", **changes: object) -> NomineeFacts:
    facts = NomineeFacts(
        subject=Subject.PERSON,
        name="Nguyễn Văn An",
        year=2026,
        ratings=(YearRating(2026, grade, "rating:1"),),
        declarations=declared("self_reliance", "law_abiding"),
    )
    return replace(facts, **changes)


def initiative(
    recognised: date | None, scope: str = "co_so", title: str = "Số hóa hồ sơ một cửa"
) -> InitiativeFact:
    return InitiativeFact(title, recognised, scope, 2026, "initiative:3")


def members(total: int, labour: int, **extra: MemberFact) -> tuple[MemberFact, ...]:
    rows = [
        MemberFact(
            f"Thành viên {i + 1}",
            "good",
            frozenset({LDTT}) if i < labour else frozenset(),
            None,
            f"person:{i}",
        )
        for i in range(total)
    ]
    return tuple(rows) + tuple(extra.values())


def collective(
    grade: str = "good", crew: tuple[MemberFact, ...] | None = None, **changes: object
) -> NomineeFacts:
    facts = NomineeFacts(
        subject=Subject.COLLECTIVE,
        name="Phòng Văn hóa – Xã hội",
        year=2026,
        ratings=(YearRating(2026, grade, "rating:9"),),
        members=crew if crew is not None else members(10, 7),
        declarations=declared("emulation_effective", "internal_unity", "law_abiding"),
    )
    return replace(facts, **changes)


def condition(verdict, key):
    found = [c for c in verdict.conditions if c.key == key]
    assert found, [c.key for c in verdict.conditions]
    return found[0]


SOLDIER_AWARDS = tuple(PastAward(CSTD, y, f"{CSTD}:{y}", f"award:{y}") for y in (2024, 2025, 2026))


@pytest.mark.parametrize(
    ("form", "facts", "key", "met", "says"),
    [
        # Lao động tiên tiến: "hoàn thành tốt" or better in year N, and the unit's declaration
        (LDTT, person("good"), "rating", True, "Hoàn thành tốt"),
        (LDTT, person("excellent"), "rating", True, "xuất sắc"),
        (LDTT, person("completed"), "rating", False, "cần “Hoàn thành tốt nhiệm vụ” trở lên"),
        (LDTT, person(ratings=(YearRating(2025, "excellent"),)), "rating", False, "Chưa có kết quả"),
        (LDTT, person(declarations=()), "declaration:self_reliance", False, "chưa xác nhận"),
        (
            LDTT,
            person(declarations=(Declaration("self_reliance", False, "không tham gia phong trào"),)),
            "declaration:self_reliance",
            False,
            "không tham gia phong trào",
        ),
        # Chiến sĩ thi đua cơ sở: LĐTT + (xuất sắc OR recognised initiative OR accepted research)
        (CSTD, person("excellent"), "soldier", True, "xuất sắc"),
        (CSTD, person("good", initiatives=(initiative(date(2026, 11, 20)),)), "soldier", True, "sáng kiến"),
        (
            CSTD,
            person("good", research_accepted=(Evidence("Đề tài X", "research:1"),)),
            "soldier",
            True,
            "đề tài",
        ),
        (CSTD, person("good"), "soldier", False, "Không có sáng kiến"),
        (CSTD, person("completed"), "rating", False, "Hoàn thành tốt"),
        # not recognised does not count
        (
            CSTD,
            person("good", initiatives=(initiative(None),)),
            "soldier",
            False,
            "chưa được Hội đồng sáng kiến",
        ),
        # recognised the year after does not count for year N
        (
            CSTD,
            person("good", initiatives=(initiative(date(2027, 1, 10)),)),
            "soldier",
            False,
            "không tính cho năm 2026",
        ),
        # recognised two years before: outside the year considered
        (
            CSTD,
            person("good", initiatives=(initiative(date(2024, 6, 1)),)),
            "soldier",
            False,
            "trước thời gian",
        ),
        # Chiến sĩ thi đua cấp tỉnh: 3 consecutive years CSTĐ cơ sở and a province-scope initiative
        (CSTD_TINH, person(past_awards=SOLDIER_AWARDS), "soldier_streak", True, "3 năm"),
        (
            CSTD_TINH,
            person(past_awards=(SOLDIER_AWARDS[0], SOLDIER_AWARDS[2])),
            "soldier_streak",
            False,
            "gián đoạn",
        ),
        (CSTD_TINH, person(past_awards=SOLDIER_AWARDS[1:]), "soldier_streak", False, "năm 2024"),
        (
            CSTD_TINH,
            person(initiatives=(initiative(date(2025, 12, 1), "tinh"),)),
            "initiative_province",
            True,
            "cấp tỉnh",
        ),
        # scope cơ sở does not satisfy tỉnh
        (
            CSTD_TINH,
            person(initiatives=(initiative(date(2025, 12, 1), "co_so"),)),
            "initiative_province",
            False,
            "chưa đạt cấp tỉnh",
        ),
        # Tập thể lao động tiên tiến
        (TTLDTT, collective("good"), "rating", True, ""),
        (TTLDTT, collective("completed"), "rating", False, "Hoàn thành tốt"),
        (TTLDTT, collective(crew=members(10, 7)), "members_labour", True, "7/10"),  # exactly 70% passes
        (TTLDTT, collective(crew=members(1000, 699)), "members_labour", False, "69,9%"),  # 69,9% fails
        (TTLDTT, collective(crew=members(10, 6)), "members_labour", False, "ít nhất 7 thành viên"),
        (TTLDTT, collective(crew=()), "members_labour", False, "danh sách thành viên"),
        (
            TTLDTT,
            collective(crew=members(9, 7, x=MemberFact("Trần Bình", "good", frozenset({CSTD})))),
            "members_labour",
            True,
            "8/10",  # a Chiến sĩ thi đua is counted among the Lao động tiên tiến
        ),
        (
            TTLDTT,
            collective(crew=members(9, 7, x=MemberFact("Lê Cường", "good", discipline="khien_trach"))),
            "members_discipline",
            True,
            "",
        ),
        (
            TTLDTT,
            collective(crew=members(9, 7, x=MemberFact("Lê Cường", "completed", discipline="canh_cao"))),
            "members_discipline",
            False,
            "Lê Cường (Cảnh cáo)",
        ),
        (TTLDTT, collective(declarations=()), "declaration:internal_unity", False, "chưa xác nhận"),
        # Tập thể lao động xuất sắc
        (TTLDXS, collective("excellent"), "rating", True, ""),
        (TTLDXS, collective("good"), "rating", False, "xuất sắc"),
        (TTLDXS, collective(crew=members(10, 7)), "members_completed", True, "10 thành viên"),
        (
            TTLDXS,
            collective(crew=members(9, 7, x=MemberFact("Phạm Dũng", "not_completed"))),
            "members_completed",
            False,
            "Phạm Dũng",
        ),
        (TTLDXS, collective(crew=members(10, 6)), "members_labour", False, "6/10"),
        (TTLDXS, collective(crew=members(10, 7)), "members_soldier", False, "Chưa có thành viên"),
        (
            TTLDXS,
            collective(crew=members(9, 7, x=MemberFact("Võ Hà", "excellent", frozenset({LDTT, CSTD})))),
            "members_soldier",
            True,
            "1 thành viên",
        ),
        # Giấy khen
        (GIAY_KHEN, person(), "declaration:law_abiding", True, "đơn vị đề nghị xác nhận"),
        (GIAY_KHEN, person(declarations=()), "declaration:law_abiding", False, "chưa xác nhận"),
        (GIAY_KHEN, person("completed"), "rating", False, "Hoàn thành tốt"),
        (
            GIAY_KHEN,
            person(declarations=declared("law_abiding", "outstanding_achievement")),
            "certificate_achievement",
            True,
            "đột xuất",
        ),
        (GIAY_KHEN, person(), "certificate_achievement", False, "Chưa đạt tiêu chuẩn nào"),
        (
            GIAY_KHEN,
            collective(declarations=declared("law_abiding", "emulation_achievement")),
            "certificate_achievement",
            True,
            "bình xét",
        ),
        # Bằng khen của Chủ tịch UBND tỉnh
        (BANG_KHEN, person(), "merit_achievement", False, "Chưa đạt tiêu chuẩn nào"),
        (BANG_KHEN, person(past_awards=SOLDIER_AWARDS[1:]), "merit_achievement", True, "2 lần liên tục"),
        (
            BANG_KHEN,
            person(
                ratings=(YearRating(2025, "excellent"), YearRating(2026, "excellent")),
                initiatives=(
                    initiative(date(2026, 3, 1), title="A"),
                    initiative(date(2026, 9, 1), title="B"),
                ),
            ),
            "merit_achievement",
            True,
            "2 sáng kiến",
        ),
        (
            BANG_KHEN,
            person(
                ratings=(YearRating(2025, "excellent"), YearRating(2026, "excellent")),
                initiatives=(initiative(date(2026, 3, 1), title="A"), initiative(None, title="B")),
            ),
            "merit_achievement",
            False,
            "1/2 sáng kiến",
        ),
        (
            BANG_KHEN,
            person(
                ratings=(YearRating(2024, "excellent"), YearRating(2026, "excellent")),
                initiatives=(
                    initiative(date(2026, 3, 1), title="A"),
                    initiative(date(2026, 4, 1), title="B"),
                ),
            ),
            "merit_achievement",
            False,
            "năm 2025",
        ),
        (
            BANG_KHEN,
            person(declarations=declared("law_abiding", "socio_economic_contribution")),
            "merit_achievement",
            True,
            "kinh tế",
        ),
        (
            BANG_KHEN,
            collective(
                ratings=(YearRating(2025, "excellent"), YearRating(2026, "excellent")),
                declarations=declared("law_abiding", "grassroots_democracy"),
            ),
            "merit_achievement",
            True,
            "2 năm liên tục",
        ),
        (
            BANG_KHEN,
            collective(
                ratings=(YearRating(2026, "excellent"),),
                past_awards=(PastAward(TTLDXS, 2025, "x"),),
                declarations=declared("law_abiding"),
            ),
            "merit_achievement",
            False,
            "dân chủ ở cơ sở",
        ),
        # every nomination: the subject, pending reviews, the same form for the same year, one achievement once
        (LDTT, collective(), "subject", False, "chỉ xét tặng cho cá nhân"),
        (TTLDTT, person(), "subject", False, "chỉ xét tặng cho tập thể"),
        (
            LDTT,
            person(pending_review="Đang thanh tra việc giải quyết hồ sơ"),
            "not_frozen",
            False,
            "thanh tra",
        ),
        (
            LDTT,
            person(disciplines=(Discipline(2026, "khien_trach", "d:1", pending=True),)),
            "not_frozen",
            False,
            "Khiển trách",
        ),
        (LDTT, person(disciplines=(Discipline(2024, "khien_trach"),)), "not_frozen", True, ""),
        (
            LDTT,
            person(past_awards=(PastAward(LDTT, 2026, "khác", "award:7"),)),
            "not_awarded",
            False,
            "Đã được tặng",
        ),
        (LDTT, person(past_awards=(PastAward(LDTT, 2025, f"{LDTT}:2025"),)), "not_awarded", True, ""),
    ],
)
def test_each_condition(form, facts, key, met, says):
    verdict = check(form, facts, on=ON)
    result = condition(verdict, key)
    assert result.met is met, result.explanation
    assert says in result.explanation or says in " ".join(e.text for e in result.evidence), result.explanation
    assert result.rule and result.article


def test_a_full_nomination_is_eligible_and_every_condition_cites_its_article_and_evidence():
    verdict = check(LDTT, person("good"), on=ON)
    assert verdict.eligible and verdict.rule_set is ND152
    rating = condition(verdict, "rating")
    assert rating.evidence[0].ref == "rating:1" and "Điều 24 Luật Thi đua, khen thưởng 2022" in rating.article
    assert condition(verdict, "declaration:self_reliance").declared
    assert "Đủ điều kiện" in verdict.summary


def test_a_failed_condition_makes_the_nomination_ineligible_and_the_summary_says_why():
    verdict = check(CSTD, person("good", initiatives=(initiative(date(2027, 1, 10)),)), on=ON)
    assert not verdict.eligible
    assert [c.key for c in verdict.failed] == ["soldier"]
    assert "Chưa đủ điều kiện" in verdict.summary and "2027" in verdict.summary


def test_the_same_achievement_is_not_rewarded_twice():
    given = person(
        achievement="movement:2026:one-stop",
        past_awards=(
            PastAward(GIAY_KHEN, 2026, "movement:2026:one-stop", "award:7", "Giấy khen của Giám đốc Sở"),
        ),
    )
    verdict = check(LDTT, given, on=ON)
    twice = condition(verdict, "not_twice")
    assert not twice.met and not verdict.eligible
    assert "Giấy khen của Giám đốc Sở năm 2026" in twice.explanation
    assert twice.evidence[0].ref == "award:7"
    assert "Nguyên tắc khen thưởng" in twice.article


def test_without_an_achievement_key_the_form_and_year_are_the_achievement():
    given = person(past_awards=(PastAward(CSTD, 2026, f"{CSTD}:2026"),))
    assert (
        condition(
            check(CSTD, replace(given, ratings=(YearRating(2026, "excellent"),)), on=ON), "not_twice"
        ).met
        is False
    )
    assert condition(check(LDTT, given, on=ON), "not_twice").met is True


def test_the_province_may_count_an_initiative_recognised_the_year_before():
    given = person("good", initiatives=(initiative(date(2025, 12, 20)),))
    assert not condition(check(CSTD, given, on=ON), "soldier").met
    province = ProvinceRules("Tỉnh X", "QĐ 1/2026", {"initiative_years_before": Param(1, "QĐ 1/2026 Điều 2")})
    assert condition(check(CSTD, given, on=ON, province=province), "soldier").met


def test_the_province_sets_the_year_counts_of_the_bang_khen():
    given = person(past_awards=SOLDIER_AWARDS[1:])
    province = ProvinceRules("Tỉnh X", "QĐ 1/2026", {"merit_consecutive_years": Param(3, "QĐ 1/2026")})
    assert condition(check(BANG_KHEN, given, on=ON), "merit_achievement").met
    assert not condition(check(BANG_KHEN, given, on=ON, province=province), "merit_achievement").met


def test_an_initiative_recognised_after_the_decision_date_does_not_count():
    given = person("good", initiatives=(initiative(date(2026, 12, 20)),))
    result = condition(check(CSTD, given, on=date(2026, 12, 15)), "soldier")
    assert not result.met and "sau ngày xét 15/12/2026" in result.explanation


@pytest.mark.parametrize(("on", "code"), [(date(2025, 3, 10), ND98.code), (date(2025, 8, 10), ND152.code)])
def test_the_rule_set_is_the_one_in_force_on_the_decision_date(on, code):
    assert check(LDTT, person(), on=on).rule_set.code == code


def test_the_freeze_cites_nd152_and_the_rule_set_given_wins_over_the_date():
    facts = person(pending_review="Đang giải quyết khiếu nại")
    assert (
        condition(check(LDTT, facts, on=ON), "not_frozen").article
        == "Khoản 4 Điều 4 Nghị định 152/2025/NĐ-CP"
    )
    verdict = check(LDTT, facts, on=date(2025, 8, 1), rule_set=ND98)
    assert verdict.rule_set is ND98 and "chưa đối chiếu" in condition(verdict, "not_frozen").article


DAI_SON = MovementRules(
    2026,
    2030,
    min_initiatives=2,
    min_outstanding_years=3,
    applies_to=Subject.COLLECTIVE,
    source="Kế hoạch phong trào thi đua CCHC xã Đại Sơn giai đoạn 2026 – 2030",
)
YEARS_EXCELLENT = tuple(YearRating(y, "excellent") for y in (2026, 2027, 2028))
TWO_INITIATIVES = (
    InitiativeFact("Một cửa số", date(2026, 10, 1), "co_so", 2026),
    InitiativeFact("Zalo OA", date(2028, 5, 1), "co_so", 2028),
)


@pytest.mark.parametrize(
    ("ratings", "initiatives", "require_all", "keys_failed"),
    [
        (YEARS_EXCELLENT, TWO_INITIATIVES, True, []),
        (YEARS_EXCELLENT[:2], TWO_INITIATIVES, True, ["movement_outstanding_years"]),
        (YEARS_EXCELLENT, TWO_INITIATIVES[:1], True, ["movement_initiatives"]),
        (
            YEARS_EXCELLENT,
            (*TWO_INITIATIVES[:1], InitiativeFact("Chưa duyệt", None, "co_so", 2028)),
            True,
            ["movement_initiatives"],
        ),
        # the seed's "Đạt một trong các tiêu chuẩn sau": either count suffices
        (YEARS_EXCELLENT[:2], TWO_INITIATIVES, False, []),
        (YEARS_EXCELLENT[:2], TWO_INITIATIVES[:1], False, ["movement_one_of"]),
    ],
)
def test_a_movement_adds_its_own_period_rules(ratings, initiatives, require_all, keys_failed):
    facts = collective(
        "excellent",
        year=2028,
        ratings=ratings,
        initiatives=initiatives,
        declarations=declared("law_abiding", "outstanding_achievement"),
    )
    # Nghị định 152 expires 01/3/2027: a later decision names the rule set it applies
    rules = replace(DAI_SON, require_all=require_all)
    verdict = check(GIAY_KHEN, facts, on=date(2028, 12, 10), rule_set=ND152, movement=rules)
    failed = [c.key for c in verdict.failed if c.key.startswith("movement")]
    assert failed == keys_failed
    assert all(c.article == DAI_SON.source for c in verdict.conditions if c.key.startswith("movement"))


def test_a_movement_for_collectives_leaves_persons_alone_and_a_year_outside_the_period_fails():
    assert not [
        c for c in check(LDTT, person(), on=ON, movement=DAI_SON).conditions if c.key.startswith("movement")
    ]
    verdict = check(TTLDTT, collective(year=2025), on=date(2025, 12, 1), movement=DAI_SON)
    assert "nằm ngoài giai đoạn 2026 – 2030" in condition(verdict, "movement_period").explanation
    assert DAI_SON.problems() == []
    assert MovementRules(2030, 2026).problems()


def test_the_declarations_asked_for_each_form():
    assert declarations_for(LDTT, Subject.PERSON) == ("self_reliance",)
    assert "grassroots_democracy" in declarations_for(BANG_KHEN, Subject.COLLECTIVE)
    assert "grassroots_democracy" not in declarations_for(BANG_KHEN, Subject.PERSON)
