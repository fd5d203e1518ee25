"""The figures a contest criterion fills itself with, per participant and year.

A criterion of a contest table names a source (``Criterion.source``) when the system already holds its figure:
the tasks of the participant done on time, its dossiers on time, the satisfaction rate (SIPAS), its articles and
its recognised initiatives. A unit of the agency is measured on its own records (the tasks it leads, the articles
it wrote, its initiatives); another agency on its indicator values (``apps.indicators.scorecard``). A figure the
system does not hold per unit (dossiers, SIPAS are counted for the whole agency) is left to the focal point.
Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone

from apps.communications.models import Article
from apps.indicators.scorecard import agency_values
from apps.reports import sources as report_sources
from domain.periods import parse_period
from domain.vn_numbers import vn_number
from domain.vntext import fold

from .choices import InitiativeStatus
from .models import Initiative, Participant

TASKS = "task_completion_rate"
INITIATIVES = "initiative_count"
ARTICLES = "article_count"
DOSSIERS = "dossier_on_time_rate"
SATISFACTION = "satisfaction_rate"
SOURCE_LABELS = {
    TASKS: "Tỷ lệ nhiệm vụ hoàn thành đúng hạn",
    INITIATIVES: "Số sáng kiến được công nhận trong năm",
    ARTICLES: "Số tin, bài tuyên truyền CCHC",
    DOSSIERS: "Tỷ lệ hồ sơ giải quyết đúng hạn và trước hạn",
    SATISFACTION: "Mức độ hài lòng của người dân, tổ chức (SIPAS)",
}
RATES = {TASKS, DOSSIERS, SATISFACTION}
_AGENCY_ONLY = {DOSSIERS, SATISFACTION}


def source_for_title(title: str) -> str:
    """The source a criterion's wording points to ("Tỷ lệ hồ sơ giải quyết đúng hạn" → dossiers on time), or
    "" when it names nothing the system measures."""
    text = fold(title)
    if "sang kien" in text:
        return INITIATIVES
    if "tin, bai" in text or "tin bai" in text:
        return ARTICLES
    if "ho so" in text and ("dung han" in text or "truoc han" in text):
        return DOSSIERS
    if "hai long" in text or "sipas" in text:
        return SATISFACTION
    if "nhiem vu" in text and "dung han" in text:
        return TASKS
    return ""


@dataclass(frozen=True)
class Figure:
    """A participant's figure for a source: the value (``None``: none) and where it comes from, in Vietnamese."""

    value: Decimal | None
    provenance: str


def _unit_tasks(participant: Participant, year: int, today: date) -> Figure:
    period = parse_period(str(year))
    agency = participant.movement.agency
    rows = report_sources.task_occurrences(
        agency=agency,
        start=period.start,
        end=period.end,
        period_end=period.end,
        as_of=min(today, period.end),
    )
    assert participant.unit is not None
    group = report_sources.by_unit(rows, [participant.unit])[0]
    counts = group.counts
    rate = counts.on_time_rate
    if rate is None:
        return Figure(None, f"{participant.unit.name} chưa có nhiệm vụ đến hạn trong năm {year}")
    return Figure(
        rate,
        f"{counts.on_time}/{counts.fallen_due} nhiệm vụ đến hạn hoàn thành đúng hạn = {vn_number(rate)}%",
    )


def participant_figure(
    *, participant: Participant, source: str, year: int, today: date | None = None
) -> Figure:
    """The figure of ``source`` for the participant in ``year``, as of ``today``."""
    day = today or timezone.localdate()
    if source == INITIATIVES:
        initiatives = Initiative.objects.filter(status=InitiativeStatus.RECOGNISED, recognised_on__year=year)
        if participant.unit_id:
            initiatives = initiatives.filter(unit_id=participant.unit_id)
        else:
            initiatives = initiatives.filter(agency=participant.participant_agency)
        count = initiatives.count()
        return Figure(Decimal(count), f"{count} sáng kiến được công nhận trong năm {year}")
    if source == ARTICLES:
        articles = Article.objects.filter(published_on__year=year)
        if participant.unit_id:
            articles = articles.filter(author_unit_id=participant.unit_id)
        else:
            articles = articles.filter(agency=participant.participant_agency)
        count = articles.count()
        return Figure(Decimal(count), f"{count} tin, bài trong sổ tuyên truyền năm {year}")
    if participant.unit_id:
        if source == TASKS:
            return _unit_tasks(participant, year, day)
        if source in _AGENCY_ONLY:
            return Figure(None, "Số liệu này chỉ có cho toàn cơ quan, không theo từng đơn vị: đầu mối nhập")
        return Figure(None, f"Không có số liệu “{source}” theo đơn vị")
    assert participant.participant_agency is not None
    values = agency_values(agency=participant.participant_agency, period=parse_period(str(year)), today=day)
    found = values.values.get(source)
    if found is None or found.value is None:
        return Figure(None, f"Chưa có số liệu ({found.provenance if found else source})")
    unit = "%" if source in RATES else ""
    return Figure(
        found.value,
        f"{found.provenance or SOURCE_LABELS.get(source, source)} = {vn_number(found.value)}{unit}",
    )
