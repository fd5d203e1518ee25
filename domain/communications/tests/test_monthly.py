from datetime import date

from domain.communications.monthly import (
    MET,
    MISSED,
    OPEN,
    OUTSIDE,
    UPCOMING,
    area_coverage,
    monthly_check,
    summarise,
)

WEB = "website"


def _cell(cells, month, channel=WEB):
    return next(cell for cell in cells if cell.month == month and cell.channel == channel)


def test_an_article_on_the_last_day_of_the_month_counts_for_that_month():
    cells = monthly_check(
        year=2026, targets={WEB: 1}, articles=[(date(2026, 2, 28), WEB)], today=date(2026, 6, 1)
    )
    assert _cell(cells, 2).status == MET
    assert _cell(cells, 3).status == MISSED


def test_a_plan_starting_mid_year_checks_only_its_months():
    cells = monthly_check(
        year=2026, targets={WEB: 1}, articles=[], today=date(2027, 1, 5), plan_start=date(2026, 5, 6)
    )
    assert [_cell(cells, month).status for month in (1, 4)] == [OUTSIDE, OUTSIDE]
    assert _cell(cells, 5).status == MISSED
    assert summarise(cells).checked == 8


def test_the_current_month_is_not_met_with_the_days_left_until_an_article_arrives():
    today = date(2026, 3, 20)
    cells = monthly_check(year=2026, targets={WEB: 1}, articles=[], today=today)
    current = _cell(cells, 3)
    assert (current.status, current.days_left, current.label) == (OPEN, 11, "Chưa đạt (còn 11 ngày)")
    assert _cell(cells, 4).status == UPCOMING
    met = monthly_check(year=2026, targets={WEB: 1}, articles=[(date(2026, 3, 2), WEB)], today=today)
    assert _cell(met, 3).status == MET


def test_articles_of_another_channel_or_year_do_not_count():
    cells = monthly_check(
        year=2026,
        targets={WEB: 2, "zalo_oa": 1},
        articles=[(date(2026, 1, 5), WEB), (date(2025, 1, 6), WEB), (date(2026, 1, 7), "zalo_oa")],
        today=date(2026, 2, 10),
    )
    assert (_cell(cells, 1).count, _cell(cells, 1).status) == (1, MISSED)
    assert _cell(cells, 1, "zalo_oa").status == MET
    assert summarise(cells).met == 1


def test_area_coverage_counts_each_area_once():
    assert area_coverage(["A", "B", "C"], ["A", "A", "X"]) == (1, 3)
