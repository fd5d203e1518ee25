"""Every read of dossiers that crosses a permission boundary, and the counts the indicators are made of.

Counts come from the roll-up (`DossierMonthly`): flows summed over the period's months, the overdue backlog
summed over every month up to its last (see `domain.indicators.dossier_rates`). Lists of dossiers — the
drill-down behind a figure — read the facts with the same definitions written as filters (`metric_q`).
"""

from __future__ import annotations

import csv
import io
from calendar import monthrange
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from django.db.models import F, Q, QuerySet, Sum
from django.http import Http404

from apps.accounts.policy import scope_for
from apps.organizations.models import Agency
from domain.indicators.dossier_rates import MONTHLY_FIELDS, DossierCounts, counts_from_monthly
from domain.periods import Period, month_key

from .choices import Metric
from .models import Dossier, DossierExport, DossierMonthly, ImportBatch, Procedure, SourceMapping

_FLOWS = tuple(name for name in MONTHLY_FIELDS if not name.startswith("backlog"))
_BACKLOG = ("backlog_in", "backlog_in_apologised", "backlog_out", "backlog_out_apologised")


def _readable_ids(user: Any) -> set[int] | None:
    return scope_for(user).readable_ids


# -- facts --------------------------------------------------------------------------------------------------
def dossier_list_for_user(*, user: Any) -> QuerySet[Dossier]:
    queryset = Dossier.objects.select_related("agency", "unit", "procedure").order_by("-received_on", "code")
    ids = _readable_ids(user)
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def dossier_get_for_user(*, user: Any, pk: int) -> Dossier:
    dossier = dossier_list_for_user(user=user).filter(pk=pk).first()
    if dossier is None:
        raise Http404("Không tìm thấy hồ sơ.")
    return dossier


def metric_q(metric: str, period: Period) -> Q:
    """The dossiers behind one figure of a period, as a filter (the definitions of dossier_rates)."""
    start, end = period.start, period.end
    received = Q(received_on__gte=start, received_on__lte=end)
    resolved = Q(resolved_on__gte=start, resolved_on__lte=end)
    late = resolved & Q(resolved_on__gt=F("due_on"))
    overdue = Q(due_on__lte=end) & (Q(resolved_on__isnull=True) | Q(resolved_on__gt=end))
    apology_due = late | overdue
    by_metric = {
        Metric.RECEIVED: received,
        Metric.ONLINE: received & Q(channel="truc_tuyen"),
        Metric.WITH_FEE: received & Q(fee__gt=0),
        Metric.PAID_ONLINE: received & Q(fee__gt=0, paid_online=True),
        Metric.NOT_PAID_ONLINE: received & Q(fee__gt=0, paid_online=False),
        Metric.DIGITISED: received & Q(digitised=True),
        Metric.NOT_DIGITISED: received & Q(digitised=False),
        Metric.RESOLVED: resolved,
        Metric.ON_TIME: resolved & Q(resolved_on__lte=F("due_on")),
        Metric.EARLY: resolved & Q(resolved_on__lt=F("due_on")),
        Metric.LATE: late,
        Metric.E_RESULT: resolved & Q(e_result=True),
        Metric.OVERDUE: overdue,
        Metric.APOLOGY_DUE: apology_due,
        Metric.APOLOGY_MISSING: apology_due & Q(apologised=False),
    }
    return by_metric.get(metric, received)  # type: ignore[call-overload]


def dossiers_handled_count(*, agency: Agency, start: date, end: date) -> int:
    """Dossiers of the agency with a result between `start` and `end` (the N of a SIPAS sample)."""
    if start.day == 1 and end.day == monthrange(end.year, end.month)[1]:
        first, last = month_key(start.year, start.month), month_key(end.year, end.month)
        total = DossierMonthly.objects.filter(agency=agency, month__gte=first, month__lte=last).aggregate(
            total=Sum("resolved")
        )["total"]
        return int(total or 0)
    return Dossier.objects.filter(agency=agency, resolved_on__gte=start, resolved_on__lte=end).count()


# -- counts from the roll-up ------------------------------------------------------------------------------
def _monthly(agency_ids: Iterable[int], **filters: Any) -> QuerySet[DossierMonthly]:
    return DossierMonthly.objects.filter(agency_id__in=list(agency_ids), **filters)


def dossier_counts(
    *, agency_ids: Iterable[int], period: Period, unit_id: int | None = None, procedure_id: int | None = None
) -> DossierCounts:
    """The counts of some agencies (one, usually) for a period of whole months, from two small sums."""
    ids = list(agency_ids)
    filters: dict[str, Any] = {}
    if unit_id is not None:
        filters["unit_id"] = unit_id
    if procedure_id is not None:
        filters["procedure_id"] = procedure_id
    flows = _monthly(ids, month__gte=period.first_month, month__lte=period.last_month, **filters).aggregate(
        **{name: Sum(name) for name in _FLOWS}
    )
    backlog = _monthly(ids, month__lte=period.last_month, **filters).aggregate(
        **{name: Sum(name) for name in _BACKLOG}
    )
    values = {key: int(value or 0) for key, value in (flows | backlog).items()}
    return counts_from_monthly([(period.last_month, values)], period.first_month, period.last_month)


def dossier_counts_by_month(*, agency_ids: Iterable[int], months: list[int]) -> dict[int, DossierCounts]:
    """The counts of each month in `months` (consecutive), for trend charts: two grouped reads."""
    ids = list(agency_ids)
    if not months:
        return {}
    last = max(months)
    rows: dict[int, dict[str, int]] = defaultdict(dict)
    for row in (
        _monthly(ids, month__lte=last)
        .values("month")
        .annotate(**{name: Sum(name) for name in MONTHLY_FIELDS})
    ):
        found = cast(dict[str, Any], row)
        rows[found["month"]] = {name: int(found[name] or 0) for name in MONTHLY_FIELDS}
    ordered = sorted(rows.items())
    out: dict[int, DossierCounts] = {}
    for month in months:
        out[month] = counts_from_monthly(ordered, month, month)
    return out


def dossier_counts_by_agency(*, agency_ids: Iterable[int], period: Period) -> dict[int, DossierCounts]:
    """The counts of each agency for the period (the province ranking): two grouped reads."""
    ids = list(agency_ids)
    flows: dict[int, dict[str, Any]] = {
        row["agency_id"]: cast(dict[str, Any], row)
        for row in _monthly(ids, month__gte=period.first_month, month__lte=period.last_month)
        .values("agency_id")
        .annotate(**{name: Sum(name) for name in _FLOWS})
    }
    backlog: dict[int, dict[str, Any]] = {
        row["agency_id"]: cast(dict[str, Any], row)
        for row in _monthly(ids, month__lte=period.last_month)
        .values("agency_id")
        .annotate(**{name: Sum(name) for name in _BACKLOG})
    }
    out = {}
    for agency_id in set(flows) | set(backlog):
        values = {name: int((flows.get(agency_id) or {}).get(name) or 0) for name in _FLOWS}
        values |= {name: int((backlog.get(agency_id) or {}).get(name) or 0) for name in _BACKLOG}
        out[agency_id] = counts_from_monthly(
            [(period.last_month, values)], period.first_month, period.last_month
        )
    return out


@dataclass(frozen=True)
class ProcedureRow:
    procedure: Procedure
    received: int
    resolved: int
    on_time: int
    late: int
    average_days: float | None

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.resolved, 2) if self.resolved else None


def procedure_stats(
    *, agency_ids: Iterable[int], period: Period, limit: int | None = None
) -> list[ProcedureRow]:
    """Per procedure: received, resolved, on time, late and the average working days, busiest first."""
    rows = (
        _monthly(agency_ids, month__gte=period.first_month, month__lte=period.last_month)
        .values("procedure_id")
        .annotate(
            received_sum=Sum("received"),
            resolved_sum=Sum("resolved"),
            on_time_sum=Sum("on_time"),
            late_sum=Sum("late"),
            days_sum=Sum("resolution_days"),
        )
        .order_by("-resolved_sum", "-received_sum")
    )
    if limit is not None:
        rows = rows[:limit]
    found = list(rows)
    procedures = Procedure.objects.in_bulk([row["procedure_id"] for row in found])
    out = []
    for row in found:
        resolved = int(row["resolved_sum"] or 0)
        out.append(
            ProcedureRow(
                procedure=procedures[row["procedure_id"]],
                received=int(row["received_sum"] or 0),
                resolved=resolved,
                on_time=int(row["on_time_sum"] or 0),
                late=int(row["late_sum"] or 0),
                average_days=round(int(row["days_sum"] or 0) / resolved, 1) if resolved else None,
            )
        )
    return out


# -- imports and sources -----------------------------------------------------------------------------------
def import_batch_list_for_user(*, user: Any) -> QuerySet[ImportBatch]:
    queryset = ImportBatch.objects.select_related("agency", "source", "created_by")
    ids = _readable_ids(user)
    if ids is None:
        return queryset
    return queryset.filter(Q(agency_id__in=ids) | Q(created_by=user))


def import_batch_get_for_user(*, user: Any, pk: int) -> ImportBatch:
    batch = import_batch_list_for_user(user=user).filter(pk=pk).first()
    if batch is None:
        raise Http404("Không tìm thấy lần nhập.")
    return batch


@dataclass(frozen=True)
class RejectedRow:
    """One row of an import that was not loaded: its line in the file, the dossier code if read, the reason."""

    line: str
    code: str
    reason: str


def import_batch_rejected_rows(*, batch: ImportBatch, limit: int = 20) -> list[RejectedRow]:
    """The first rejected rows of a batch the user may read (the page shows them; the CSV holds them all)."""
    if not batch.error_file or limit <= 0:
        return []
    rows: list[RejectedRow] = []
    with batch.error_file.open("rb") as handle:
        reader = csv.reader(io.TextIOWrapper(handle, encoding="utf-8-sig", newline=""))
        header = next(reader, [])
        code_at = header.index("ma_ho_so") if "ma_ho_so" in header else None
        for cells in reader:
            if len(cells) < 2:
                continue
            code = cells[code_at] if code_at is not None and code_at < len(cells) else ""
            rows.append(RejectedRow(line=cells[0], code=code, reason=cells[1]))
            if len(rows) >= limit:
                break
    return rows


def source_list_for_user(*, user: Any) -> QuerySet[SourceMapping]:
    queryset = SourceMapping.objects.select_related("agency")
    ids = _readable_ids(user)
    return queryset if ids is None else queryset.filter(agency_id__in=ids)


def source_get_for_user(*, user: Any, pk: int) -> SourceMapping:
    source = source_list_for_user(user=user).filter(pk=pk).first()
    if source is None:
        raise Http404("Không tìm thấy nguồn dữ liệu.")
    return source


def source_by_name(*, name: str) -> SourceMapping | None:
    """For the command line, which acts for the whole deployment."""
    return SourceMapping.objects.filter(name__iexact=name.strip()).first()


def importer_by_username(*, username: str) -> Any | None:
    """For the command line: the active account an import is made for (`--user`)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=username.strip(), is_active=True).first()


def importable_agency_ids(*, user: Any) -> set[int]:
    """The agencies whose dossiers this user may import."""
    ids = _readable_ids(user)
    agencies = Agency.objects.all() if ids is None else Agency.objects.filter(pk__in=ids)
    return {agency.pk for agency in agencies if user.has_perm("dossiers.import_dossiers", agency)}


def default_import_agency(*, user: Any, current: Any, allowed: set[int]) -> Agency | None:
    """The agency an import is recorded under: the one the user works in, else their first importable one."""
    if current and getattr(current, "pk", None) in allowed:
        return Agency.objects.get(pk=current.pk)
    ids = _readable_ids(user)
    agencies = Agency.objects.filter(pk__in=allowed)
    if ids is not None:
        agencies = agencies.filter(pk__in=ids)
    return agencies.order_by("pk").first()


def dossier_export_get_for_user(*, user: Any, pk: int) -> DossierExport:
    """An export file is the asker's own: anyone else gets a 404."""
    found = DossierExport.objects.filter(pk=pk, user_id=getattr(user, "pk", None) or 0).first()
    if found is None:
        raise Http404("Không tìm thấy tệp xuất.")
    return found
