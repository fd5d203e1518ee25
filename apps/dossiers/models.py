"""Dossiers (hồ sơ TTHC) imported from the one-stop systems, their monthly roll-up, imports and column mappings.

`Dossier` is a fact table of millions of rows written only through the bulk path (package `bulk`): its foreign keys
carry no database constraint and no index of their own, because per-row trigger checks and five extra B-trees
would cost seconds per million rows; the importer checks every code, and deletion of an agency, unit or
procedure that has dossiers is refused by Django (PROTECT). Dashboards read `DossierMonthly`, the roll-up per
agency × unit × procedure × month, never the facts; drill-down lists read the facts by agency and date.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from apps.core.audit import AuditedModel
from apps.core.files import RandomPath
from apps.core.versioning import VersionedModel
from apps.jobs.models import LeasedWork
from apps.organizations.models import Agency, Unit

from .choices import Channel, ImportStatus, ServiceLevel


class Procedure(models.Model):
    """An administrative procedure (thủ tục hành chính) by its national code; created by imports."""

    code = models.CharField(_("mã thủ tục"), max_length=64, unique=True)
    name = models.CharField(_("tên thủ tục"), max_length=500)
    level = models.CharField(_("mức độ"), max_length=16, choices=ServiceLevel.choices, blank=True)

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class SourceMapping(VersionedModel, AuditedModel):
    """How the export of one source system maps to the canonical columns, saved for the next import."""

    version_subject = "Nguồn dữ liệu"

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="dossier_sources"
    )
    name = models.CharField(_("tên nguồn dữ liệu"), max_length=128, unique=True)
    columns = models.JSONField(_("ghép cột"), default=dict, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("nguồn dữ liệu hồ sơ")
        verbose_name_plural = _("nguồn dữ liệu hồ sơ")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def audit_agency_id(self) -> int | None:
        return self.agency_id


class ImportBatch(AuditedModel, LeasedWork):
    """One import of a dossier file: what it held, what was loaded, and the rows that were not."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dossier_imports",
    )
    source = models.ForeignKey(
        SourceMapping, verbose_name=_("nguồn"), null=True, blank=True, on_delete=models.SET_NULL
    )
    original_name = models.CharField(_("tên tệp"), max_length=255)
    file_size = models.BigIntegerField(_("dung lượng (byte)"), default=0)
    encoding = models.CharField(_("bảng mã"), max_length=32, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.RUNNING
    )
    load_good_rows = models.BooleanField(_("nhập các dòng hợp lệ khi có dòng lỗi"), default=False)
    rows_total = models.PositiveIntegerField(_("số dòng"), default=0)
    rows_good = models.PositiveIntegerField(_("dòng hợp lệ"), default=0)
    rows_bad = models.PositiveIntegerField(_("dòng lỗi"), default=0)
    inserted = models.PositiveIntegerField(_("hồ sơ mới"), default=0)
    updated = models.PositiveIntegerField(_("hồ sơ cập nhật"), default=0)
    unchanged = models.PositiveIntegerField(_("hồ sơ không đổi"), default=0)
    agency_ids = models.JSONField(_("cơ quan có hồ sơ thay đổi"), default=list, blank=True)
    months = models.JSONField(_("tháng được tính lại"), default=list, blank=True)
    ignored_columns = models.JSONField(_("cột không dùng"), default=list, blank=True)
    message = models.TextField(_("thông báo"), blank=True)
    error_file = models.FileField(_("tệp dòng lỗi"), upload_to=RandomPath("dossier-imports"), blank=True)
    # The uploaded file, kept while it is imported: an import whose server died is run again from it ("Thử lại").
    source_file = models.FileField(_("tệp đang nhập"), upload_to="dossier-imports/dang-nhap/", blank=True)
    retry_of = models.ForeignKey(
        "self",
        verbose_name=_("chạy lại lần nhập"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retries",
    )
    seconds = models.FloatField(_("thời gian (giây)"), default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(_("bắt đầu lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập hồ sơ")
        verbose_name_plural = _("lần nhập hồ sơ")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.get_status_display()})"

    def audit_agency_id(self) -> int | None:
        return self.agency_id

    @property
    def can_retry(self) -> bool:
        return self.status == ImportStatus.INTERRUPTED and bool(self.source_file)


class Dossier(models.Model):
    """One dossier as the one-stop system exported it (the fact table)."""

    code = models.CharField(_("mã hồ sơ"), max_length=64, unique=True)
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("đơn vị"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    procedure = models.ForeignKey(
        Procedure,
        verbose_name=_("thủ tục"),
        on_delete=models.PROTECT,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    service_level = models.CharField(_("mức độ"), max_length=16, choices=ServiceLevel.choices, blank=True)
    channel = models.CharField(_("kênh nộp"), max_length=16, choices=Channel.choices, blank=True)
    received_on = models.DateField(_("ngày tiếp nhận"))
    received_time = models.TimeField(_("giờ tiếp nhận"), null=True, blank=True)
    due_on = models.DateField(_("ngày hẹn trả"))
    resolved_on = models.DateField(_("ngày có kết quả"), null=True, blank=True)
    resolved_time = models.TimeField(_("giờ có kết quả"), null=True, blank=True)
    returned_on = models.DateField(_("ngày trả kết quả"), null=True, blank=True)
    fee = models.BigIntegerField(_("phí, lệ phí (đồng)"), default=0)
    paid_online = models.BooleanField(_("thanh toán trực tuyến"), default=False)
    digitised = models.BooleanField(_("số hóa"), default=False)
    e_result = models.BooleanField(_("kết quả điện tử"), default=False)
    apology_on = models.DateField(_("ngày xin lỗi"), null=True, blank=True)
    reappointments = models.PositiveSmallIntegerField(_("số lần hẹn lại"), default=0)
    # Derived once at import (domain.dossier_import.rows): month keys yyyymm, the apology rule, working days.
    received_month = models.PositiveIntegerField(_("tháng tiếp nhận"))
    due_month = models.PositiveIntegerField(_("tháng hẹn trả"))
    resolved_month = models.PositiveIntegerField(_("tháng có kết quả"), null=True, blank=True)
    apologised = models.BooleanField(_("xin lỗi đúng quy định"), default=False)
    resolution_days = models.PositiveIntegerField(_("số ngày làm việc giải quyết"), null=True, blank=True)
    batch = models.ForeignKey(
        ImportBatch,
        verbose_name=_("lần nhập"),
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
    )
    line = models.PositiveIntegerField(_("dòng trong tệp"), null=True, blank=True)

    class Meta:
        verbose_name = _("hồ sơ TTHC")
        verbose_name_plural = _("hồ sơ TTHC")
        # The indexes by agency and date differ per database (migration 0002): BRIN on PostgreSQL, where the
        # importer writes each file's rows ordered by agency and date; B-tree on SQLite.

    def __str__(self) -> str:
        return self.code

    @property
    def is_late(self) -> bool:
        return self.resolved_on is not None and self.resolved_on > self.due_on


class DossierMonthly(models.Model):
    """The roll-up: counts of one agency × unit × procedure × month (see domain.indicators.dossier_rates).

    Rows add up: a refresh writes one row per cell (`bulk.rollup_select`), an import of new dossiers adds the
    rows of its own file to the cells it touches, and every reader sums the rows of a cell.

    The counts are plain integers, not PositiveIntegerField: they are counted by the import, never entered,
    and seventeen CHECK constraints cost PostgreSQL half the time of copying a million-row file's roll-up.
    """

    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, db_constraint=False, db_index=False, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, null=True, on_delete=models.CASCADE, db_constraint=False, db_index=False, related_name="+"
    )
    procedure = models.ForeignKey(
        Procedure, on_delete=models.CASCADE, db_constraint=False, db_index=False, related_name="+"
    )
    month = models.IntegerField(_("tháng (yyyymm)"))
    received = models.IntegerField(db_default=0)
    received_online = models.IntegerField(db_default=0)
    received_with_fee = models.IntegerField(db_default=0)
    paid_online = models.IntegerField(db_default=0)
    digitised = models.IntegerField(db_default=0)
    resolved = models.IntegerField(db_default=0)
    early = models.IntegerField(db_default=0)
    on_time = models.IntegerField(db_default=0)
    late = models.IntegerField(db_default=0)
    late_apologised = models.IntegerField(db_default=0)
    e_result = models.IntegerField(db_default=0)
    resolution_days = models.BigIntegerField(db_default=0)
    backlog_in = models.IntegerField(db_default=0)
    backlog_in_apologised = models.IntegerField(db_default=0)
    backlog_out = models.IntegerField(db_default=0)
    backlog_out_apologised = models.IntegerField(db_default=0)

    class Meta:
        verbose_name = _("tổng hợp hồ sơ theo tháng")
        verbose_name_plural = _("tổng hợp hồ sơ theo tháng")
        indexes = [models.Index(fields=["agency", "month"], name="dossier_monthly_agency_month")]

    def __str__(self) -> str:
        return f"{self.agency_id} · {self.month}"


class DossierExport(models.Model):
    """An Excel file of a dossier list, written in the background for the person who asked; only they read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người yêu cầu"), on_delete=models.CASCADE, related_name="+"
    )
    file = models.FileField(_("tệp Excel"), upload_to=RandomPath("dossier-exports"))
    rows = models.PositiveIntegerField(_("số hồ sơ"), default=0)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp xuất hồ sơ")
        verbose_name_plural = _("tệp xuất hồ sơ")

    def __str__(self) -> str:
        return f"{self.user} · {self.rows} hồ sơ"
