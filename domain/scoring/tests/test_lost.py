"""Lost points: what was lost, why, what the next step asks, cheapest to regain first, against last year."""

from decimal import Decimal

from domain.scoring.lost import Effort, LostInput, lost_points, regain_hint
from domain.scoring.rules import CountTarget, Manual, Proportional, Tier, Tiered, YesNo

D = Decimal
TIERS = Tiered(
    tiers=(
        Tier(D(2), lower=D(90), lower_inclusive=False),
        Tier(D(1), lower=D(70), lower_inclusive=True, upper=D(90), upper_inclusive=True),
        Tier(D(0), upper=D(70), upper_inclusive=False),
    )
)


def test_a_rate_in_the_middle_band_is_told_the_next_edge():
    assert regain_hint(TIERS, D("88.5"), D(1), D(2)) == "Cần tỷ lệ > 90% (hiện 88,5%) để được 2 điểm."
    assert regain_hint(TIERS, D(50), D(0), D(2)) == "Cần tỷ lệ ≥ 70% (hiện 50%) để được 1 điểm."


def test_a_proportional_rate_and_a_count_say_what_a_step_is_worth():
    assert "mỗi 10% thêm 0,2 điểm" in regain_hint(Proportional(), D(60), D("1.2"), D(2))
    assert regain_hint(
        CountTarget(target=1, periods=12, period_label="tháng", unit="tin bài"), None, D(1), D(2)
    ) == ("Cần đạt ít nhất 1 tin bài mỗi tháng.")


def test_losses_are_sorted_by_effort_then_by_points_and_full_marks_are_left_out():
    items = [
        LostInput("1.2", "Thực hiện kế hoạch", TIERS, D(80), D(1), D(2), "Tỷ lệ 80% → 1/2 điểm", D(2)),
        LostInput("1.1", "Kế hoạch", YesNo(), None, D(0), D(1), "Không → 0/1 điểm", D(0)),
        LostInput("2", "Thể chế", Manual(), None, D(8), D(10), "Chấm trực tiếp 8/10", None),
        LostInput("3", "TTHC", Manual(), None, D(10), D(10), "Đủ", None),
        LostInput("8", "Tác động", Proportional(), None, D(12), D("15.5"), "Điều tra", None, survey=True),
    ]
    found = lost_points(items)
    assert [item.code for item in found] == ["2", "1.1", "8", "1.2"]  # within rates, more points first
    assert found[0].effort == Effort.ACTION and found[2].effort == Effort.RATE
    assert found[1].change == D(1)  # lost 1 this year, 0 last year
    assert found[3].change == D(-1)
    assert found[0].change is None
    assert "điều tra xã hội học" in found[2].hint
