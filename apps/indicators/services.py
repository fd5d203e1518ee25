"""Every write of indicators: entered measurements with evidence, snapshots of computed values, the links of
plan targets to catalogue indicators, and the 766 points the national portal published."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from apps.core.uploads import UploadRefused, Use, upload_check
from apps.core.versioning import version_check, versioned_save
from apps.organizations.models import Agency, Unit
from apps.plans.models import Plan, Target
from domain.dossier_import.columns import ImportFileError, normalise_header
from domain.dossier_import.reader import open_table
from domain.indicators.target_match import propose_indicator
from domain.periods import Period, PeriodError, parse_period

from .choices import LinkStatus, Method, Origin
from .models import Indicator, Measurement, ServiceIndexGroup, ServiceIndexScore, TargetLink
from .selectors import groups_in_force, indicators_in_force, link_of


def _user(user: Any) -> Any:
    return user if getattr(user, "is_authenticated", False) else None


def _period(text: str) -> Period:
    try:
        return parse_period(text)
    except PeriodError as error:
        raise ValidationError({"period": str(error)}) from error


@transaction.atomic
def measurement_record(
    *,
    indicator: Indicator,
    agency: Agency,
    period: str,
    value: Decimal | None,
    user: Any = None,
    unit: Unit | None = None,
    numerator: Decimal | None = None,
    denominator: Decimal | None = None,
    evidence: Any = None,
    note: str = "",
    provenance: str = "",
    origin: str = Origin.ENTERED,
) -> Measurement:
    """Enter (or correct) the value of an indicator for an agency and period; evidence (an uploaded file,
    through the upload gate) is kept with it."""
    parsed = _period(period)
    if origin == Origin.ENTERED and indicator.method in (Method.DOSSIERS, Method.FEEDBACK):
        raise ValidationError({"indicator": "Chỉ số này được tính tự động từ dữ liệu, không nhập tay."})
    if unit is not None and unit.agency_id != agency.pk:
        raise ValidationError({"unit": "Đơn vị không thuộc cơ quan."})
    if numerator is not None and denominator is not None:
        if denominator <= 0:
            raise ValidationError({"denominator": "Mẫu số phải lớn hơn 0."})
        if indicator.is_rate and numerator > denominator:
            raise ValidationError({"numerator": "Tử số không được lớn hơn mẫu số."})
        if value is None and indicator.is_rate:
            value = numerator * 100 / denominator
    if value is None:
        raise ValidationError({"value": "Hãy nhập giá trị (hoặc tử số và mẫu số)."})
    if indicator.is_rate and not Decimal(0) <= value <= Decimal(100):
        raise ValidationError({"value": "Tỷ lệ phải từ 0 đến 100."})
    if value < 0:
        raise ValidationError({"value": "Giá trị không được âm."})
    checked = upload_check(evidence, use=Use.EVIDENCE, field="evidence") if evidence is not None else None
    measurement = (
        Measurement.objects.select_for_update()
        .filter(indicator=indicator, agency=agency, unit=unit, period=parsed.code)
        .first()
    ) or Measurement(indicator=indicator, agency=agency, unit=unit, period=parsed.code)
    measurement.period_start, measurement.period_end = parsed.start, parsed.end
    measurement.value = value
    measurement.numerator, measurement.denominator = numerator, denominator
    measurement.origin = origin
    measurement.provenance = provenance[:255] or (
        "Nhập tay có minh chứng" if evidence or measurement.evidence else "Nhập tay"
    )
    measurement.note = note
    measurement.recorded_by = _user(user)
    if checked is not None:
        measurement.evidence.save(checked.stored_name, checked.django_file(), save=False)
        measurement.evidence_name = checked.name[:255]
    measurement.save()
    return measurement


def measurement_snapshot(*, agency: Agency, period: str, user: Any = None) -> list[Measurement]:
    """Freeze the computed values of a period (chốt số liệu), e.g. before a report cites them."""
    from .scorecard import agency_values

    parsed = _period(period)
    values = agency_values(agency=agency, period=parsed)
    stamp = timezone.localtime().strftime("%d/%m/%Y %H:%M")
    saved = []
    with transaction.atomic():
        for indicator in indicators_in_force(on=parsed.end).exclude(method=Method.ENTERED):
            item = values.values.get(indicator.code)
            if item is None or item.value is None or item.provenance.startswith("Nhập"):
                continue
            saved.append(
                measurement_record(
                    indicator=indicator,
                    agency=agency,
                    period=parsed.code,
                    value=item.value,
                    numerator=Decimal(item.numerator) if item.numerator is not None else None,
                    denominator=Decimal(item.denominator) if item.denominator else None,
                    user=user,
                    origin=Origin.SNAPSHOT,
                    provenance=f"{item.provenance}, chốt lúc {stamp}",
                )
            )
    return saved


# -- plan targets → catalogue indicators -------------------------------------------------------------------
def _plan_day(plan: Plan) -> Any:
    return plan.period_end or plan.issued_on or timezone.localdate()


def target_links_propose(*, plan: Plan) -> list[TargetLink]:
    """Propose an indicator for each target of the plan that has no link yet (the focal point confirms)."""
    catalogue = {indicator.code: indicator for indicator in indicators_in_force(on=_plan_day(plan))}
    created = []
    with transaction.atomic():
        for target in Target.objects.filter(objective__plan=plan).select_related("objective"):
            if link_of(target) is not None:
                continue
            proposal = propose_indicator(target.text or target.objective.text, target.unit or None)
            if proposal is None or proposal.indicator not in catalogue:
                continue
            created.append(
                TargetLink.objects.create(
                    target=target,
                    indicator=catalogue[proposal.indicator],
                    status=LinkStatus.PROPOSED,
                    reason=proposal.reason[:255],
                )
            )
    return created


@transaction.atomic
def target_link_decide(
    *,
    target: Target,
    indicator: Indicator | None,
    user: Any = None,
    assigned_value: Decimal | None = None,
    baseline_value: Decimal | None = None,
    expected_version: int | None = None,
) -> TargetLink:
    """Confirm which indicator measures the target, or that none does (indicator None).

    `expected_version` is the link's version the form showed (0: no link yet); a stale one is refused."""
    found = TargetLink.objects.select_for_update().filter(target=target).first()
    version_check(found, expected_version)
    link = found or TargetLink(target=target)
    link.indicator = indicator
    link.status = LinkStatus.CONFIRMED if indicator is not None else LinkStatus.REJECTED
    link.assigned_value = assigned_value
    link.baseline_value = baseline_value
    link.decided_by = _user(user)
    link.decided_at = timezone.now()
    versioned_save(link, expected_version=expected_version)
    return link


# -- published 766 points ------------------------------------------------------------------------------------
def _month(text: str) -> str:
    written = text.strip()
    if "/" in written:  # 03/2026
        month, _, year = written.partition("/")
        written = f"{year.strip()}-{month.strip()}"
    try:
        period = parse_period(written)
    except PeriodError as error:
        raise ValidationError(
            {"month": f"Tháng “{text}” không hợp lệ: viết 2026-03 hoặc 03/2026."}
        ) from error
    if period.kind != "month":
        raise ValidationError({"month": f"“{text}” không phải một tháng: viết 2026-03 hoặc 03/2026."})
    return period.code


@transaction.atomic
def service_scores_record(
    *, agency: Agency, month: str, points: dict[str, Decimal | None], user: Any = None, source: str = ""
) -> list[ServiceIndexScore]:
    """Enter the points of the five groups for a month (a group left empty is removed)."""
    code = _month(month)
    period = parse_period(code)
    groups = {group.code: group for group in groups_in_force(on=period.end)}
    saved = []
    for group_code, value in points.items():
        group = groups.get(group_code)
        if group is None:
            raise ValidationError({"points": f"Không có nhóm “{group_code}”."})
        if value is None:
            ServiceIndexScore.objects.filter(agency=agency, month=code, group=group).delete()
            continue
        if not Decimal(0) <= value <= group.points:
            raise ValidationError({group_code: f"Điểm nhóm “{group.name}” phải từ 0 đến {group.points:g}."})
        score, _ = ServiceIndexScore.objects.update_or_create(
            agency=agency,
            month=code,
            group=group,
            defaults={
                "points": value,
                "recorded_by": _user(user),
                "source": source or "Cổng Dịch vụ công quốc gia",
            },
        )
        saved.append(score)
    return saved


# Columns of the published-points file: one row per agency and month.
SCORE_COLUMNS = {
    "public": ("cong_khai", "cong_khai_minh_bach"),
    "progress": ("tien_do", "tien_do_ket_qua_giai_quyet"),
    "online": ("truc_tuyen", "dich_vu_truc_tuyen", "cung_cap_dich_vu_truc_tuyen"),
    "digitised": ("so_hoa", "so_hoa_ho_so"),
    "satisfaction": ("hai_long", "muc_do_hai_long"),
}


@dataclass
class ScoreImportResult:
    saved: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    message: str = ""


def service_scores_import(
    *, stream: IO[bytes], filename: str, allowed_agency_ids: set[int] | None, user: Any = None
) -> ScoreImportResult:
    """Read `ma_co_quan, thang, cong_khai, tien_do, truc_tuyen, so_hoa, hai_long`; all rows or none."""
    result = ScoreImportResult()
    agencies = (
        Agency.objects.all()
        if allowed_agency_ids is None
        else Agency.objects.filter(pk__in=allowed_agency_ids)
    )
    by_code = {agency.code.upper(): agency for agency in agencies}
    try:
        upload_check(stream, use=Use.TABLE, name=filename)
        table = open_table(stream, filename)
    except UploadRefused as refusal:
        result.message = refusal.reason
        return result
    except ImportFileError as error:
        result.message = str(error)
        return result
    header = [normalise_header(cell) for cell in table.header]
    position = {name: index for index, name in enumerate(header)}
    if "ma_co_quan" not in position or "thang" not in position:
        result.message = "Không nhập được tệp: thiếu cột ma_co_quan hoặc thang."
        return result
    columns = {
        group: next((position[name] for name in names if name in position), -1)
        for group, names in SCORE_COLUMNS.items()
    }
    rows: list[tuple[Agency, str, dict[str, Decimal | None]]] = []
    for line, cells in table.rows:
        cells = cells + [""] * (len(header) - len(cells))
        agency = by_code.get(cells[position["ma_co_quan"]].strip().upper())
        if agency is None:
            result.errors.append(
                (line, f"Mã cơ quan “{cells[position['ma_co_quan']]}” không có hoặc ngoài phạm vi.")
            )
            continue
        points: dict[str, Decimal | None] = {}
        try:
            month = _month(cells[position["thang"]])
            for group, index in columns.items():
                if index >= 0 and cells[index].strip():
                    points[group] = Decimal(cells[index].strip().replace(",", "."))
        except ValidationError as error:
            result.errors.append((line, " ".join(error.messages)))
            continue
        except InvalidOperation:
            result.errors.append((line, "Điểm phải là số (ví dụ 17,5)."))
            continue
        rows.append((agency, month, points))
    if result.errors:
        result.message = f"Tệp có {len(result.errors)} dòng lỗi nên chưa nhập dòng nào."
        return result
    try:
        with transaction.atomic():
            for agency, month, points in rows:
                result.saved += len(
                    service_scores_record(agency=agency, month=month, points=points, user=user)
                )
    except ValidationError as error:
        result.message = "Không nhập được: " + " ".join(error.messages)
        result.saved = 0
        return result
    result.message = f"Đã nhập {result.saved} điểm nhóm của {len(rows)} dòng (cơ quan × tháng)."
    return result


def groups_for_form(*, month: str) -> list[ServiceIndexGroup]:
    return list(groups_in_force(on=parse_period(_month(month)).end).order_by("order"))
