"""What the emulation report ("Báo cáo phong trào thi đua CCHC", apps.reports) says of the movements: for the
report's year, each movement's registrations, the contest ranking per group, the initiatives and the awards of the
register; in the last year of a multi-year movement, the end-of-period summary. Read by ``apps.reports.sources``
(no permission check here: the caller has read the report)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from django.db.models import Q

from apps.organizations.models import Agency
from domain.rewards.forms import form_label
from domain.vn_numbers import vn_number

from .choices import InitiativeStatus
from .models import Award, ContestScore, Initiative, Movement, Registration

RANKED = 10  # the ranking line names the first ten of each group


def _initiative_lines(agency: Agency, years: range, label: str) -> list[str]:
    initiatives = Initiative.objects.filter(agency=agency, year__gte=years.start, year__lt=years.stop)
    recognised = list(initiatives.filter(status=InitiativeStatus.RECOGNISED).order_by("recognised_on", "pk"))
    pending = initiatives.filter(status=InitiativeStatus.PROPOSED).count()
    refused = initiatives.filter(status=InitiativeStatus.NOT_RECOGNISED).count()
    if not (recognised or pending or refused):
        return [f"{label}, chưa có sáng kiến nào được đăng ký trên hệ thống."]
    line = f"{label}, có {len(recognised)} sáng kiến được công nhận"
    if recognised:
        named = "; ".join(
            f"“{i.title}”"
            + (f" (Quyết định số {i.recognition_number}" if i.recognition_number else " (")
            + (f" ngày {i.recognised_on:%d/%m/%Y})" if i.recognised_on else ")")
            for i in recognised
        )
        line += f": {named}"
    extra = []
    if pending:
        extra.append(f"{pending} sáng kiến đang chờ Hội đồng sáng kiến xét")
    if refused:
        extra.append(f"{refused} sáng kiến không được công nhận")
    return [line + ("; " + "; ".join(extra) if extra else "") + "."]


def _award_lines(agency: Agency, years: range, label: str) -> list[str]:
    awards = Award.objects.filter(agency=agency, year__gte=years.start, year__lt=years.stop)
    counts = Counter(awards.values_list("form", flat=True))
    if not counts:
        return [f"{label}, sổ khen thưởng chưa ghi khen thưởng nào."]
    parts = "; ".join(f"{form_label(form)}: {count}" for form, count in sorted(counts.items()))
    return [f"{label}, đã khen thưởng {sum(counts.values())} lượt — {parts}."]


def _ranking_lines(movement: Movement, year: int) -> list[str]:
    lines = []
    for table in movement.contest_tables.order_by("group", "pk"):
        scores = list(
            ContestScore.objects.filter(table=table, year=year)
            .select_related("participant__unit", "participant__participant_agency")
            .order_by("-total", "participant_id")
        )
        if not scores:
            continue
        ranked = "; ".join(
            f"{rank}. {score.participant} — {vn_number(score.total) if score.total is not None else '—'} điểm"
            for rank, score in enumerate(scores[:RANKED], start=1)
        )
        group = f" ({table.group})" if table.group else ""
        lines.append(f"Kết quả chấm điểm thi đua năm {year}{group}: {ranked}.")
    return lines


def emulation_lines(*, agency: Agency, start: date, end: date) -> list[str]:
    """The paragraphs of the movements running in [start, end] for the emulation report."""
    year = end.year
    movements = Movement.objects.filter(agency=agency).filter(
        Q(start_year__lte=year) & Q(end_year__gte=start.year)
    )
    lines: list[str] = []
    for movement in movements.order_by("start_year", "pk"):
        registered = Registration.objects.filter(movement=movement, year=year)
        collectives = registered.filter(subject="collective").count()
        people = registered.filter(subject="person").count()
        period = f" ({movement.period_label.lower()})" if movement.start_year < movement.end_year else ""
        lines.append(
            f"Thực hiện {movement.name}{period}, năm {year} có {collectives} tập thể và {people} cá nhân đăng ký "
            f"thi đua; phong trào có {movement.contents.count()} nội dung thi đua."
        )
        lines.extend(_ranking_lines(movement, year))
        if movement.end_year == year and movement.start_year < year:
            years = range(movement.start_year, movement.end_year + 1)
            label = f"Tổng kết giai đoạn {movement.start_year}–{movement.end_year}"
            lines.extend(_initiative_lines(agency, years, label))
            lines.extend(_award_lines(agency, years, label))
    if not movements.exists():
        return []
    lines.extend(_initiative_lines(agency, range(year, year + 1), f"Trong năm {year}"))
    lines.extend(_award_lines(agency, range(year, year + 1), f"Trong năm {year}"))
    return lines
