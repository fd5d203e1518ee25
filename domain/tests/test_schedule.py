"""Normalising the "Thời gian thực hiện" column, as written in the seed plans."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.schedule import Schedule, normalize_schedule, occurrence_dates

PLAN_YEAR = 2026


def schedule_of(raw: str, period_end_year: int | None = None) -> Schedule:
    return normalize_schedule(raw, plan_year=PLAN_YEAR, period_end_year=period_end_year)


@pytest.mark.parametrize(
    ("raw", "start", "due"),
    [
        ("Quý III/2026", date(2026, 7, 1), date(2026, 9, 30)),
        ("Quý \nIV/2026", date(2026, 10, 1), date(2026, 12, 31)),
        ("Quý III", date(2026, 7, 1), date(2026, 9, 30)),
        ("Quý III, IV", date(2026, 7, 1), date(2026, 12, 31)),
        ("Quý IV \nnăm \n2026", date(2026, 10, 1), date(2026, 12, 31)),
        ("Quý I, II", date(2026, 1, 1), date(2026, 6, 30)),
        ("quy iii/2026", date(2026, 7, 1), date(2026, 9, 30)),
        ("QUÝ II NĂM 2027", date(2027, 4, 1), date(2027, 6, 30)),
        ("Quý 3/2026", date(2026, 7, 1), date(2026, 9, 30)),
        ("6 tháng đầu năm", date(2026, 1, 1), date(2026, 6, 30)),
        ("6 thang cuoi nam", date(2026, 7, 1), date(2026, 12, 31)),
        ("Tháng 5/2026", date(2026, 5, 1), date(2026, 5, 31)),
        ("Tháng 11, 12", date(2026, 11, 1), date(2026, 12, 31)),
        ("Cả năm", date(2026, 1, 1), date(2026, 12, 31)),
        ("Trong \nnăm", date(2026, 1, 1), date(2026, 12, 31)),
        ("Trong năm ", date(2026, 1, 1), date(2026, 12, 31)),
        ("Năm 2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("nam 2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("Cuối năm", date(2026, 12, 1), date(2026, 12, 31)),
        ("Giai đoạn 2026 - 2030", date(2026, 1, 1), date(2030, 12, 31)),
        ("trước ngày 15/5/2026", date(2026, 1, 1), date(2026, 5, 15)),
        ("**trước ngày 15/5/2026**", date(2026, 1, 1), date(2026, 5, 15)),
        ("Trước ngày 15/5", date(2026, 1, 1), date(2026, 5, 15)),
        ("từ ngày 01/3/2026 đến ngày 30/6/2026", date(2026, 3, 1), date(2026, 6, 30)),
    ],
)
def test_window_phrases_give_start_and_due(raw: str, start: date, due: date) -> None:
    schedule = schedule_of(raw)
    assert (schedule.kind, schedule.start, schedule.due) == ("window", start, due)


@pytest.mark.parametrize(
    ("raw", "recurrence"),
    [
        ("Hàng tháng", "monthly"),
        ("Hằng tháng", "monthly"),
        ("hang thang", "monthly"),
        ("Hàng quý", "quarterly"),
        ("Hằng quý", "quarterly"),
        ("Định kỳ 6 tháng", "half_yearly"),
        ("Hàng năm", "yearly"),
        ("Hằng năm", "yearly"),
        ("Định kỳ", "periodic"),
        ("Định kỳ hằng quý", "quarterly"),
        ("báo cáo định kỳ (hàng tháng, 6 tháng, năm)", "monthly"),
    ],
)
def test_cadence_words_give_a_recurrence(raw: str, recurrence: str) -> None:
    schedule = schedule_of(raw)
    assert (schedule.kind, schedule.recurrence) == ("recurrence", recurrence)


def test_recurrence_runs_over_the_whole_plan_period() -> None:
    schedule = schedule_of("Hàng tháng", period_end_year=2030)
    assert (schedule.start, schedule.due) == (date(2026, 1, 1), date(2030, 12, 31))


def test_periodic_without_cadence_is_not_datable() -> None:
    schedule = schedule_of("Định kỳ")
    assert not schedule.datable
    assert schedule.reason is not None and "chu kỳ" in schedule.reason


@pytest.mark.parametrize("raw", ["trước ngày 20/11 hằng năm", "trước ngày **20/11** hàng năm"])
def test_yearly_deadline_keeps_its_day_and_month(raw: str) -> None:
    schedule = schedule_of(raw, period_end_year=2030)
    assert (schedule.kind, schedule.recurrence, schedule.recurrence_day) == ("recurrence", "yearly", (20, 11))
    assert (schedule.start, schedule.due) == (date(2026, 1, 1), date(2030, 12, 31))


@pytest.mark.parametrize("raw", ["Thường xuyên", "THUONG XUYEN", "Thường xuyên, liên tục"])
def test_continuous_work_spans_the_plan_period(raw: str) -> None:
    schedule = schedule_of(raw)
    assert (schedule.kind, schedule.start, schedule.due) == (
        "continuous",
        date(2026, 1, 1),
        date(2026, 12, 31),
    )


@pytest.mark.parametrize(
    ("raw", "trigger"),
    [
        ("Sau kiểm tra", "Sau kiểm tra"),
        ("Sau khi \ncó văn \nbản", "Sau khi có văn bản"),
        ("Sau khi có văn bản hướng dẫn", "Sau khi có văn bản hướng dẫn"),
        ("Sau khi \ncó \nhướng \ndẫn của \nTrung \nương", "Sau khi có hướng dẫn của Trung ương"),
        ("Sau khi có hướng dẫn của Sở Tài Chính", "Sau khi có hướng dẫn của Sở Tài Chính"),
        ("Theo \nthời gian \nvăn bản \nyêu cầu", "Theo thời gian văn bản yêu cầu"),
        ("Theo kế hoạch", "Theo kế hoạch"),
        ("sau khi co huong dan", "sau khi co huong dan"),
    ],
)
def test_trigger_phrases_are_kept_and_not_datable(raw: str, trigger: str) -> None:
    schedule = schedule_of(raw)
    assert (schedule.kind, schedule.trigger, schedule.datable) == ("trigger", trigger, False)


def test_trigger_reason_is_vietnamese_and_quotes_the_phrase() -> None:
    schedule = schedule_of("Sau kiểm tra")
    assert schedule.reason == (
        "Thời gian “Sau kiểm tra” phụ thuộc vào một sự kiện hoặc văn bản khác, "
        "chưa xác định được ngày cụ thể."
    )


def test_impossible_date_is_unknown_with_the_reason() -> None:
    schedule = schedule_of("trước ngày 31/02/2026")
    assert (schedule.kind, schedule.due) == ("unknown", None)
    assert schedule.reason == "Ngày 31/02/2026 không tồn tại."


@pytest.mark.parametrize("raw", ["", "   ", "\n"])
def test_empty_text_is_unknown(raw: str) -> None:
    schedule = schedule_of(raw)
    assert (schedule.kind, schedule.reason) == ("unknown", "Chưa ghi thời gian thực hiện.")


@pytest.mark.parametrize("raw", ["Quý V", "Tháng 13/2026", "Năm 3000", "abc"])
def test_unrecognised_text_is_unknown_with_a_reason(raw: str) -> None:
    schedule = schedule_of(raw)
    assert (schedule.kind, schedule.datable) == ("unknown", False)
    assert schedule.reason


def test_raw_keeps_the_text_with_whitespace_normalised() -> None:
    assert schedule_of("Quý \nIV/2026").raw == "Quý IV/2026"


@pytest.mark.parametrize(
    ("raw", "datable"),
    [  # every "Thời gian" of the appendix of seed 001
        ("Quý III/2026", True),
        ("Thường xuyên", True),
        ("Quý III, IV", True),
        ("Sau kiểm tra", False),
        ("Định kỳ", False),
        ("Quý III", True),
        ("Hàng tháng", True),
        ("Hàng quý", True),
        ("Năm 2026", True),
        ("Theo kế hoạch", False),
        ("Cuối năm", True),
    ],
)
def test_seed_001_timelines_are_datable_unless_they_wait_for_something(raw: str, datable: bool) -> None:
    assert schedule_of(raw).datable is datable


def test_period_end_before_plan_year_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        normalize_schedule("Quý III", plan_year=2026, period_end_year=2025)


def test_monthly_occurrences_are_each_month_of_the_period() -> None:
    windows = occurrence_dates(schedule_of("Hằng tháng"), date(2026, 1, 1), date(2026, 12, 31))
    assert len(windows) == 12
    assert windows[1] == (date(2026, 2, 1), date(2026, 2, 28))


def test_quarterly_occurrences_are_clipped_to_the_period() -> None:
    windows = occurrence_dates(schedule_of("Hàng quý"), date(2026, 2, 10), date(2026, 12, 31))
    assert windows == [
        (date(2026, 2, 10), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 12, 31)),
    ]


def test_half_yearly_occurrences_are_two_halves() -> None:
    windows = occurrence_dates(schedule_of("Định kỳ 6 tháng"), date(2026, 1, 1), date(2026, 12, 31))
    assert windows == [(date(2026, 1, 1), date(2026, 6, 30)), (date(2026, 7, 1), date(2026, 12, 31))]


def test_yearly_deadline_occurs_on_its_day_every_year_of_a_multi_year_plan() -> None:
    schedule = schedule_of("trước ngày 20/11 hàng năm", period_end_year=2030)
    windows = occurrence_dates(schedule, date(2026, 1, 1), date(2030, 12, 31))
    assert [due for _, due in windows] == [date(year, 11, 20) for year in range(2026, 2031)]
    assert windows[0][0] == date(2026, 1, 1)


def test_yearly_occurrences_without_a_day_are_calendar_years() -> None:
    windows = occurrence_dates(
        schedule_of("Hằng năm", period_end_year=2027), date(2026, 1, 1), date(2027, 12, 31)
    )
    assert windows == [(date(2026, 1, 1), date(2026, 12, 31)), (date(2027, 1, 1), date(2027, 12, 31))]


def test_continuous_work_is_followed_month_by_month() -> None:
    windows = occurrence_dates(schedule_of("Thường xuyên"), date(2026, 1, 1), date(2026, 12, 31))
    assert len(windows) == 12


def test_a_window_occurs_once() -> None:
    windows = occurrence_dates(schedule_of("Quý III/2026"), date(2026, 1, 1), date(2026, 12, 31))
    assert windows == [(date(2026, 7, 1), date(2026, 9, 30))]


@pytest.mark.parametrize("raw", ["Sau kiểm tra", "Định kỳ", "", "trước ngày 31/02/2026"])
def test_undatable_schedules_have_no_occurrences(raw: str) -> None:
    assert occurrence_dates(schedule_of(raw), date(2026, 1, 1), date(2026, 12, 31)) == []


def test_window_outside_the_period_has_no_occurrence() -> None:
    assert occurrence_dates(schedule_of("Quý I/2027"), date(2026, 1, 1), date(2026, 12, 31)) == []


@given(st.text(), st.integers(min_value=2000, max_value=2090), st.integers(min_value=0, max_value=5))
def test_normalize_schedule_never_raises_and_dates_are_ordered(raw: str, year: int, extra: int) -> None:
    schedule = normalize_schedule(raw, plan_year=year, period_end_year=year + extra)
    assert schedule.kind in ("window", "recurrence", "trigger", "continuous", "unknown")
    if schedule.start and schedule.due:
        assert schedule.start <= schedule.due
    if not schedule.datable:
        assert schedule.reason
    for start, due in occurrence_dates(schedule, date(year, 1, 1), date(year + extra, 12, 31)):
        assert start <= due


@given(
    st.lists(
        st.sampled_from(
            ["Quý", "III", "/", "2026", "hằng", "năm", "tháng", "5", "trước", "ngày", "20/11", "\n"]
        ),
        max_size=8,
    )
)
def test_normalize_schedule_never_raises_on_schedule_like_words(words: list[str]) -> None:
    normalize_schedule(" ".join(words), plan_year=PLAN_YEAR)
