"""Writes of the communication register, each atomic and checked against the policy: an article one at a time,
many confirmed at once (the pasted links), a spreadsheet (every row or none), an event, and a plan's targets and
content areas. Bad input raises a ValidationError with a Vietnamese message and changes nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from apps.core.uploads import Use, upload_check
from apps.organizations.models import Agency, Unit
from apps.plans.models import Plan
from domain.communications.channels import ONLINE
from domain.communications.links import link_problem, normalise_link
from domain.communications.rows import read_rows
from domain.vntext import fold

from . import selectors
from .choices import Channel
from .models import Article, ChannelTarget, ContentArea, Event

RECORD, TARGETS = "communications.record_article", "communications.set_targets"


def _require(user: Any, permission: str, agency: Agency) -> None:
    if not user.has_perm(permission, agency):
        raise PermissionDenied("Bạn không có quyền ghi sổ tuyên truyền của cơ quan này.")


def _plan_of(agency: Agency, plan: Plan | None) -> Plan | None:
    if plan is not None and plan.agency_id != agency.pk:
        raise ValidationError({"plan": "Kế hoạch không thuộc cơ quan này."})
    return plan or selectors.current_plan(agency=agency)


def areas_ensure(*, plan: Plan) -> dict[str, ContentArea]:
    """The plan's content areas by folded name, saved from its text the first time they are needed."""
    saved = {fold(area.name): area for area in ContentArea.objects.filter(plan=plan)}
    if saved:
        return saved
    for order, name in enumerate(selectors.area_names(plan), start=1):
        area = ContentArea.objects.create(plan=plan, name=name, order=order)
        saved[fold(name)] = area
    return saved


def _area(plan: Plan | None, name: str, field: str = "area") -> ContentArea | None:
    if not name or plan is None:
        return None
    areas = areas_ensure(plan=plan)
    found = areas.get(fold(name))
    if found is None:
        raise ValidationError({field: f"Nội dung “{name}” không có trong kế hoạch."})
    return found


@dataclass(frozen=True)
class ArticleInput:
    title: str
    channel: str
    published_on: date
    link: str = ""
    area: str = ""
    author_unit: Unit | None = None
    place: str = ""


def _check(item: ArticleInput, agency: Agency, *, today: date, prefix: str = "") -> tuple[str, str]:
    """The link as kept and its duplicate key; raises with the field's message."""
    if not item.title.strip():
        raise ValidationError({"title": f"{prefix}Chưa nhập tiêu đề."})
    if item.channel not in Channel.values:
        raise ValidationError({"channel": f"{prefix}Kênh không hợp lệ."})
    if item.published_on > today:
        raise ValidationError(
            {
                "published_on": f"{prefix}Ngày đăng {item.published_on:%d/%m/%Y} chưa đến (hôm nay là {today:%d/%m/%Y})."
            }
        )
    link = item.link.strip()
    if not link:
        if item.channel in ONLINE:
            raise ValidationError({"link": f"{prefix}Tin, bài trên mạng cần có đường dẫn."})
        return "", ""
    problem = link_problem(link)
    if problem:
        raise ValidationError({"link": prefix + problem})
    key = normalise_link(link)
    existing = Article.objects.filter(agency=agency, link_key=key).first()
    if existing is not None:
        raise ValidationError(
            {
                "link": f"{prefix}Đường dẫn này đã được ghi sổ ngày {existing.published_on:%d/%m/%Y}: “{existing.title}”."
            }
        )
    return link, key


def _unit(agency: Agency, unit: Unit | None) -> Unit | None:
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"author_unit": "Đơn vị không thuộc cơ quan này."})
    return unit


@transaction.atomic
def article_create(
    *, user: Any, agency: Agency, item: ArticleInput, plan: Plan | None = None, evidence: Any = None
) -> Article:
    _require(user, RECORD, agency)
    plan = _plan_of(agency, plan)
    link, key = _check(item, agency, today=timezone.localdate())
    article = Article(
        agency=agency,
        plan=plan,
        title=item.title.strip()[:500],
        channel=item.channel,
        area=_area(plan, item.area),
        published_on=item.published_on,
        link=link,
        link_key=key,
        author_unit=_unit(agency, item.author_unit),
        place=item.place.strip(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if evidence:
        checked = upload_check(evidence, use=Use.EVIDENCE, field="evidence")
        article.evidence.save(checked.stored_name, checked.django_file(), save=False)
        article.evidence_name = checked.name[:255]
    article.save()
    return article


@transaction.atomic
def articles_create_many(
    *, user: Any, agency: Agency, items: Sequence[ArticleInput], plan: Plan | None = None
) -> list[Article]:
    """The confirmed rows of a pasted list, all or none; a row's problem names its number."""
    _require(user, RECORD, agency)
    if not items:
        raise ValidationError("Chưa có dòng nào được chọn để ghi sổ.")
    plan = _plan_of(agency, plan)
    today = timezone.localdate()
    seen: set[str] = set()
    articles = []
    for number, item in enumerate(items, start=1):
        prefix = f"Dòng {number}: "
        link, key = _check(item, agency, today=today, prefix=prefix)
        if key and key in seen:
            raise ValidationError({"link": f"{prefix}đường dẫn trùng với một dòng phía trên."})
        seen.add(key)
        articles.append(
            Article.objects.create(
                agency=agency,
                plan=plan,
                title=item.title.strip()[:500],
                channel=item.channel,
                area=_area(plan, item.area),
                published_on=item.published_on,
                link=link,
                link_key=key,
                author_unit=_unit(agency, item.author_unit),
                place=item.place.strip(),
                created_by=user if getattr(user, "is_authenticated", False) else None,
            )
        )
    return articles


def article_import_xlsx(*, user: Any, agency: Agency, uploaded: Any, plan: Plan | None = None) -> int:
    """Every row of the spreadsheet or none: each refused row is named with its reason."""
    _require(user, RECORD, agency)
    checked = upload_check(uploaded, use=Use.TABLE, field="file")
    if checked.extension != "xlsx":
        raise ValidationError({"file": "Hãy tải lên tệp Excel .xlsx theo mẫu."})
    try:
        workbook = load_workbook(checked.file, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        values = [list(row) for row in sheet.iter_rows(values_only=True)]
    except Exception as error:
        raise ValidationError({"file": "Không đọc được tệp Excel."}) from error
    if not values:
        raise ValidationError({"file": "Tệp không có dữ liệu."})
    read = read_rows(values[0], values[1:], today=timezone.localdate())
    if read.errors:
        raise ValidationError(read.errors)
    units = {fold(unit.name): unit for unit in selectors.agency_units(agency=agency)}
    problems = []
    items = []
    for row in read.rows:
        unit = units.get(fold(row.author_unit)) if row.author_unit else None
        if row.author_unit and unit is None:
            problems.append(f"Dòng {row.row}: đơn vị “{row.author_unit}” không có trong cơ quan.")
        items.append(
            (
                row.row,
                ArticleInput(row.title, row.channel, row.published_on, row.link, row.area, unit, row.place),
            )
        )
    if problems:
        raise ValidationError(problems)
    with transaction.atomic():
        plan = _plan_of(agency, plan)
        errors: list[str] = []
        for number, item in items:
            try:
                with transaction.atomic():
                    link, key = _check(item, agency, today=timezone.localdate())
                    Article.objects.create(
                        agency=agency,
                        plan=plan,
                        title=item.title,
                        channel=item.channel,
                        area=_area(plan, item.area),
                        published_on=item.published_on,
                        link=link,
                        link_key=key,
                        author_unit=item.author_unit,
                        place=item.place,
                        created_by=user,
                    )
            except ValidationError as error:
                errors.extend(f"Dòng {number}: {message}" for message in error.messages)
        if errors:
            transaction.set_rollback(True)
            raise ValidationError(errors)
    return len(items)


@transaction.atomic
def event_create(
    *,
    user: Any,
    agency: Agency,
    kind: str,
    title: str,
    held_on: date,
    attendance: int,
    place: str = "",
    area: str = "",
    plan: Plan | None = None,
) -> Event:
    _require(user, RECORD, agency)
    plan = _plan_of(agency, plan)
    today = timezone.localdate()
    if held_on > today:
        raise ValidationError({"held_on": f"Ngày tổ chức {held_on:%d/%m/%Y} chưa đến."})
    if attendance < 1:
        raise ValidationError({"attendance": "Số người tham dự phải từ 1 trở lên."})
    return Event.objects.create(
        agency=agency,
        plan=plan,
        kind=kind,
        title=title.strip(),
        held_on=held_on,
        attendance=attendance,
        place=place.strip(),
        area=_area(plan, area),
        created_by=user,
    )


@transaction.atomic
def targets_save(*, user: Any, plan: Plan, per_month: dict[str, int], areas: Iterable[str]) -> None:
    """The plan's targets per channel (0 or empty: no target) and its content areas, replacing the old ones."""
    _require(user, TARGETS, plan.agency)
    for channel, count in per_month.items():
        if channel not in Channel.values:
            raise ValidationError("Kênh không hợp lệ.")
        if count < 0 or count > 100:
            raise ValidationError({f"target_{channel}": "Số tin, bài mỗi tháng từ 0 đến 100."})
    ChannelTarget.objects.filter(plan=plan).exclude(
        channel__in=[channel for channel, count in per_month.items() if count]
    ).delete()
    for channel, count in per_month.items():
        if count:
            ChannelTarget.objects.update_or_create(plan=plan, channel=channel, defaults={"per_month": count})
    wanted = [name.strip() for name in areas if name.strip()]
    existing = {fold(area.name): area for area in ContentArea.objects.filter(plan=plan)}
    for order, name in enumerate(dict.fromkeys(wanted), start=1):
        area = existing.pop(fold(name), None)
        if area is None:
            ContentArea.objects.create(plan=plan, name=name[:255], order=order)
        elif area.order != order or area.name != name:
            area.order, area.name = order, name[:255]
            area.save()
    for area in existing.values():
        area.delete()
