"""Deadline reminders of the assessment year, sent by the daily reminders job through the existing notifications:
the agency's focal point and leader before the self-assessment and explanation deadlines (and once when one has
passed), Sở Nội vụ before the appraisal deadline with how many assessments wait for it. One message per person,
assessment, deadline and day (the notification key), so a second run the same day sends nothing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.urls import reverse

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment
from apps.notifications.choices import NotificationKind
from apps.notifications.services.notify import notify

from .choices import AssessmentStatus
from .models import Assessment, AssessmentRound
from .services import notify_agency

BEFORE = (7, 3, 1, 0)  # days before a deadline when a reminder goes out; and the day after it passed (-1)


@dataclass
class ParReminders:
    agencies: int = 0
    appraisers: int = 0

    def describe(self) -> str:
        return f"Chỉ số CCHC: nhắc {self.agencies} cơ quan, {self.appraisers} lượt Sở Nội vụ."


def _when(deadline: date, on: date) -> str | None:
    days = (deadline - on).days
    if days in BEFORE:
        return "hôm nay là hạn cuối" if days == 0 else f"còn {days} ngày"
    if days == -1:
        return "đã quá hạn"
    return None


def par_reminders_run(*, on: date) -> ParReminders:
    summary = ParReminders()
    rounds = AssessmentRound.objects.filter(published_at__isnull=True).select_related("province")
    for round_ in rounds:
        waiting = Assessment.objects.filter(round=round_).select_related("agency", "round")
        self_when = _when(round_.self_deadline, on)
        if self_when:
            for assessment in waiting.filter(status=AssessmentStatus.DRAFT):
                left = assessment.scores.exclude(criterion__method="survey").filter(self_entry={}).count()
                notify_agency(
                    assessment,
                    f"Tự đánh giá Chỉ số CCHC năm {round_.year}: {self_when} ({round_.self_deadline:%d/%m/%Y})",
                    f"Còn {left} tiêu chí chưa chấm. Nộp bản tự đánh giá trước hạn để Sở Nội vụ thẩm định.",
                    key=f"self-{on.isoformat()}",
                )
                summary.agencies += 1
        explain_when = _when(round_.explanation_deadline, on)
        if explain_when:
            for assessment in waiting.filter(status=AssessmentStatus.APPRAISED):
                notify_agency(
                    assessment,
                    f"Giải trình kết quả thẩm định Chỉ số CCHC năm {round_.year}: {explain_when} "
                    f"({round_.explanation_deadline:%d/%m/%Y})",
                    "Giải trình các tiêu chí bị điều chỉnh điểm rồi bấm “Gửi giải trình”.",
                    key=f"explain-{on.isoformat()}",
                )
                summary.agencies += 1
        appraisal_when = _when(round_.appraisal_deadline, on)
        pending = waiting.filter(status=AssessmentStatus.SUBMITTED).count()
        if appraisal_when and pending:
            summary.appraisers += _notify_appraisers(round_, on, appraisal_when, pending)
    return summary


def _notify_appraisers(round_: AssessmentRound, on: date, when: str, pending: int) -> int:
    appraisers = {
        assignment.user
        for assignment in RoleAssignment.objects.filter(role=Role.OVERSEER)
        .filter(Q(agency=round_.province) | Q(agency__parent=round_.province))
        .select_related("user")
    }
    sent = 0
    for user in appraisers:
        sent += bool(
            notify(
                user=user,
                kind=NotificationKind.PAR,
                title=f"Thẩm định Chỉ số CCHC năm {round_.year}: {when} ({round_.appraisal_deadline:%d/%m/%Y})",
                body=f"{pending} bản tự đánh giá đang chờ thẩm định.",
                url=reverse("par:round", args=[round_.pk]),
                dedupe_key=f"par-round:{round_.pk}:appraisal-{on.isoformat()}:{user.pk}",
            )
        )
    return sent
