"""A computed figure read by each rule kind: the input, the same as typed on the form, and the note."""

from decimal import Decimal

import pytest

from domain.scoring.entries import Entry, entry_input
from domain.scoring.figures import figure_input
from domain.scoring.rules import CountTarget, Proportional, Tier, Tiered, TimelinessRule, YesNo
from domain.scoring.values import InvalidInput

D = Decimal
PLAN = TimelinessRule(on_time=D(1), late=D("0.5"), missing_label="Không ban hành")
REPORTS = YesNo(yes_label="Gửi đủ, đúng hạn mọi báo cáo", no_label="Thiếu hoặc chậm báo cáo")
DETAIL = "Kế hoạch 13/KH-SXD ngày 08/01/2026; hạn ban hành 31/01/2026 (chưa đối chiếu)"


@pytest.mark.parametrize(
    ("status", "points", "label"),
    [
        ("on_time", D(1), "Kịp thời"),
        ("late", D("0.5"), "Không kịp thời"),
        ("missing", D(0), "Không ban hành"),
    ],
)
def test_a_timeliness_rule_reads_the_figures_status_and_keeps_the_plans_number_and_date(
    status, points, label
):
    read = figure_input(PLAN, value=D(0), timeliness=status, detail=DETAIL)
    assert read.value == status and read.entry == status and read.note == DETAIL
    result = PLAN.score(read.value, D(1))
    assert result.points == points and result.explanation.startswith(label)
    assert PLAN.score(entry_input(Entry(value=read.entry), PLAN), D(1)) == result  # the form reads it back


def test_a_timeliness_rule_refuses_a_figure_that_says_nothing_of_time():
    with pytest.raises(InvalidInput, match="kịp thời"):
        figure_input(PLAN, value=D(80), is_rate=True)


@pytest.mark.parametrize(
    ("rate", "yes", "entry"),
    [(D(100), True, "có"), (D("99.99"), False, "không"), (D(0), False, "không")],
)
def test_a_yes_no_rule_reads_a_rate_as_yes_only_at_100_percent(rate, yes, entry):
    read = figure_input(REPORTS, value=rate, is_rate=True, timeliness="on_time" if yes else "late")
    assert read.value is yes and read.entry == entry
    assert "chỉ khi đạt 100%" in read.note
    assert entry_input(Entry(value=read.entry), REPORTS) is yes


def test_a_yes_no_rule_reads_a_duty_without_a_rate_as_yes_only_on_time():
    assert figure_input(REPORTS, value=None, timeliness="on_time", detail=DETAIL).value is True
    late = figure_input(REPORTS, value=D(9), timeliness="late", detail=DETAIL)
    assert late.value is False and late.note.startswith(DETAIL)
    with pytest.raises(InvalidInput, match="có/không"):
        figure_input(REPORTS, value=D(3))


def test_rates_and_counts_are_read_as_the_pages_show_them():
    tiers = Tiered(tiers=(Tier(D(2), lower=D(90), lower_inclusive=False),))
    assert figure_input(tiers, value=D("80.00"), is_rate=True) == figure_input(
        Proportional(), value=D("80.00"), is_rate=True
    )
    read = figure_input(tiers, value=D("80.00"), is_rate=True)
    assert (read.value, read.entry, read.note) == (D("80.00"), "80.00", "")
    count = figure_input(CountTarget(target=12), value=D("11.00"))
    assert (count.value, count.entry) == (11, "11")
    with pytest.raises(InvalidInput, match="Chưa có số liệu"):
        figure_input(tiers, value=None)
