"""Target status against values and baselines; proposals of the indicator a target measures; 766 points."""

from decimal import Decimal

import pytest

from domain.indicators.service_index import QD_766, estimate_points
from domain.indicators.target_match import propose_indicator
from domain.indicators.target_status import (
    ACHIEVED,
    AT_RISK,
    NO_DATA,
    NO_THRESHOLD,
    NOT_ACHIEVED,
    TargetSpec,
    evaluate_target,
)

AT_LEAST_98 = TargetSpec(">=", Decimal(98), "%")


@pytest.mark.parametrize(
    ("spec", "value", "over", "baseline", "assigned", "status"),
    [
        (AT_LEAST_98, Decimal("98.5"), True, None, None, ACHIEVED),
        (AT_LEAST_98, Decimal(98), True, None, None, ACHIEVED),
        (AT_LEAST_98, Decimal("97.9"), True, None, None, NOT_ACHIEVED),
        (AT_LEAST_98, Decimal("97.9"), False, None, None, AT_RISK),
        (AT_LEAST_98, None, True, None, None, NO_DATA),
        (TargetSpec("none", Decimal(0), "count"), Decimal(0), False, None, None, ACHIEVED),
        (TargetSpec("none", Decimal(0), "count"), Decimal(1), False, None, None, NOT_ACHIEVED),
        (TargetSpec(">", None, "%", "previous_year", 2025), Decimal(91), True, Decimal(90), None, ACHIEVED),
        (
            TargetSpec(">", None, "%", "previous_year", 2025),
            Decimal(90),
            True,
            Decimal(90),
            None,
            NOT_ACHIEVED,
        ),
        (TargetSpec(">", None, "%", "previous_year", 2025), Decimal(90), True, None, None, NO_THRESHOLD),
        (
            TargetSpec(">=", Decimal(20), "%", "relative_increase", 2025),
            Decimal(120),
            True,
            Decimal(100),
            None,
            ACHIEVED,
        ),
        (
            TargetSpec(">=", Decimal(20), "%", "relative_increase", 2025),
            Decimal(119),
            True,
            Decimal(100),
            None,
            NOT_ACHIEVED,
        ),
        (TargetSpec(">=", None, "%", "government_target"), Decimal(60), True, None, Decimal(55), ACHIEVED),
        (TargetSpec(">=", None, "%", "government_target"), Decimal(60), True, None, None, NO_THRESHOLD),
        (TargetSpec("<=", Decimal(2), "count"), Decimal(3), False, None, None, AT_RISK),
    ],
)
def test_status(spec, value, over, baseline, assigned, status):
    result = evaluate_target(spec, value, period_over=over, baseline_value=baseline, assigned_value=assigned)
    assert result.status == status
    assert result.label


@pytest.mark.parametrize(
    ("text", "unit", "indicator"),
    [
        ("Tỷ lệ hồ sơ giải quyết đúng và trước hạn đạt từ 98% trở lên.", "%", "dossier_on_time_rate"),
        (
            "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn đạt từ 98% trở lên; hạn chế tối đa hồ sơ giải quyết trễ hạn",
            "%",
            "dossier_on_time_rate",
        ),
        ("100% hồ sơ quá hạn thực hiện xin lỗi theo quy định.", "%", "dossier_apology_rate"),
        (
            "100% hồ sơ TTHC được cập nhật đầy đủ trên Hệ thống thông tin giải quyết TTHC.",
            "%",
            "dossier_status_update_rate",
        ),
        (
            "100% phản ánh, kiến nghị của người dân, doanh nghiệp được xử lý đúng thời hạn.",
            "%",
            "feedback_on_time_rate",
        ),
        (
            "Mức độ hài lòng của tổ chức, cá nhân đối với việc giải quyết TTHC đạt từ 95% trở lên.",
            "%",
            "satisfaction_rate",
        ),
        (
            "100% hồ sơ thủ tục hành chính được số hóa, kết quả giải quyết được điện tử hóa",
            "%",
            "dossier_digitised_rate",
        ),
        (
            "Tỷ lệ thanh toán trực tuyến trên Cổng Dịch vụ công Quốc gia đạt 50%",
            "%",
            "dossier_online_payment_rate",
        ),
        ("Tỷ lệ hồ sơ trực tuyến có phát sinh trong năm đạt tối thiểu 80%", "%", "dossier_online_rate"),
        ("Không để xảy ra hồ sơ trễ hạn", "count", "dossier_overdue_count"),
        (
            "100% TTHC thuộc thẩm quyền được công khai đầy đủ, đúng quy định",
            "%",
            "procedure_publication_rate",
        ),
        ("Mỗi phòng có ít nhất 01 sáng kiến", "sáng kiến", "initiative_count"),
        ("Chỉ số PAR INDEX năm 2026 cao hơn năm 2025", "", "par_index_score"),
    ],
)
def test_proposal_from_the_seed_wording(text, unit, indicator):
    proposal = propose_indicator(text, unit)
    assert proposal is not None and proposal.indicator == indicator
    assert proposal.reason.startswith("Khớp cụm từ")


def test_no_proposal_for_a_target_that_measures_nothing_known():
    assert propose_indicator("Tổ chức 02 hội nghị tập huấn", "hội nghị") is None


def test_group_points_are_scaled_by_the_mean_rate():
    progress = next(group for group in QD_766 if group.code == "progress")
    assert estimate_points(progress, {"dossier_on_time_rate": Decimal(90)}) == Decimal(18)
    assert estimate_points(progress, {"dossier_overdue_count": Decimal(3)}) is None
    assert sum(group.points for group in QD_766) == 100
