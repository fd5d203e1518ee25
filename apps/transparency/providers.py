"""The providers of what exists today: plan progress by reform area, the 766-style dossier figures, feedback
handled on time, SIPAS results and PAR INDEX results once published. Each reads aggregates only (see
`registry` for the contract and for how a new provider registers)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.utils import timezone

from domain.periods import YEAR, Period
from domain.transparency import FigureSpec, PublishedFigure, share, year_to_date
from domain.vn_numbers import vn_number

from .registry import register


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _local_day(moment: Any, fallback: date) -> date:
    return timezone.localtime(moment).date() if moment else fallback


class PlanProgress:
    """Occurrences of the agency's tasks due this year: the share done on time (the leader's dashboard counts)."""

    group = "Tiến độ thực hiện kế hoạch cải cách hành chính"
    order = 10
    OVERALL, AREAS = "plan.progress", "plan.areas"

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec(
                self.OVERALL,
                self.group,
                "Nhiệm vụ hoàn thành đúng hạn",
                "Tỷ lệ kỳ nhiệm vụ đến hạn trong năm được hoàn thành đúng hạn.",
                1,
            ),
            FigureSpec(
                self.AREAS,
                self.group,
                "Hoàn thành đúng hạn theo lĩnh vực cải cách",
                "Cùng tỷ lệ đó, tách theo từng lĩnh vực của kế hoạch.",
                2,
            ),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        from apps.tasks.models import Occurrence

        rows = Occurrence.objects.filter(task__agency=agency, due_on__year=today.year).values_list(
            "due_on", "completed_on", "accepted_on", "not_applicable", "task__area__order", "task__area__name"
        )
        totals = [0, 0, 0]  # due, on time, open
        areas: dict[tuple[int, str], list[int]] = {}
        for due_on, completed_on, accepted_on, not_applicable, order, name in rows:
            if not_applicable or (due_on > today and accepted_on is None):
                continue
            bucket = areas.setdefault(
                (order if order is not None else 999, name or "Chưa phân lĩnh vực"), [0, 0, 0]
            )
            for counts in (totals, bucket):
                counts[0] += 1
                if accepted_on is None:
                    counts[2] += 1
                elif (completed_on or accepted_on) <= due_on:
                    counts[1] += 1
        period = f"Năm {today.year}, đến ngày {_day(today)}"

        def figure(key: str, title: str, counts: list[int]) -> PublishedFigure:
            if not counts[0]:
                return PublishedFigure(
                    key, title, None, "%", period, today, "Chưa có kỳ nhiệm vụ nào đến hạn", self.group
                )
            note = f"{vn_number(counts[1])}/{vn_number(counts[0])} kỳ nhiệm vụ đến hạn hoàn thành đúng hạn"
            if counts[2]:
                note += f"; {vn_number(counts[2])} kỳ chưa hoàn thành"
            return PublishedFigure(
                key, title, share(counts[1], counts[0]), "%", period, today, note, self.group
            )

        if self.OVERALL in keys:
            yield figure(self.OVERALL, "Nhiệm vụ hoàn thành đúng hạn", totals)
        if self.AREAS in keys:
            for (order, name), counts in sorted(areas.items()):
                yield figure(f"{self.AREAS}.{order}", name, counts)


class DossierFigures:
    """The Quyết định 766/QĐ-TTg figures of the one-stop dossiers, over the whole months of the year so far."""

    group = "Giải quyết thủ tục hành chính (Quyết định 766/QĐ-TTg)"
    order = 20
    ON_TIME, APOLOGY, ONLINE = "dossiers.on_time", "dossiers.apology", "dossiers.online"

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec(
                self.ON_TIME,
                self.group,
                "Hồ sơ giải quyết đúng hạn",
                "Đúng hạn và trước hạn, trên hồ sơ có kết quả.",
                1,
            ),
            FigureSpec(
                self.APOLOGY,
                self.group,
                "Hồ sơ trễ hạn có văn bản xin lỗi",
                "Trên hồ sơ giải quyết trễ hạn hoặc đang quá hạn.",
                2,
            ),
            FigureSpec(self.ONLINE, self.group, "Hồ sơ nộp trực tuyến", "Trên hồ sơ tiếp nhận trong kỳ.", 3),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        from apps.dossiers.selectors import dossier_counts

        start, end, label = year_to_date(today)
        counts = dossier_counts(agency_ids=[agency.pk], period=Period(start, end, YEAR))
        rows = (
            (
                self.ON_TIME,
                "Hồ sơ giải quyết đúng hạn",
                counts.on_time,
                counts.resolved,
                "hồ sơ có kết quả đúng hạn",
            ),
            (
                self.APOLOGY,
                "Hồ sơ trễ hạn có văn bản xin lỗi",
                counts.apologised,
                counts.apology_due,
                "hồ sơ trễ hạn, quá hạn đã có văn bản xin lỗi",
            ),
            (
                self.ONLINE,
                "Hồ sơ nộp trực tuyến",
                counts.received_online,
                counts.received,
                "hồ sơ nộp trực tuyến",
            ),
        )
        for key, title, part, whole, words in rows:
            if key in keys:
                note = f"{vn_number(part)}/{vn_number(whole)} {words}" if whole else "Chưa có hồ sơ trong kỳ"
                yield PublishedFigure(key, title, share(part, whole), "%", label, today, note, self.group)


class FeedbackFigures:
    """Feedback (phản ánh, kiến nghị) within the agency's remit that fell due in the year so far."""

    group = "Phản ánh, kiến nghị của người dân, doanh nghiệp"
    order = 30
    ON_TIME = "feedback.on_time"

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec(
                self.ON_TIME,
                self.group,
                "Phản ánh, kiến nghị xử lý đúng hạn",
                "Trên phản ánh, kiến nghị thuộc thẩm quyền đến hạn trả lời trong kỳ.",
                1,
            ),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        if self.ON_TIME not in keys:
            return
        from apps.feedback.selectors import feedback_counts_for

        start, end, label = year_to_date(today)
        counts = feedback_counts_for(agency_ids=[agency.pk], period=Period(start, end, YEAR), as_of=today)
        note = (
            f"{vn_number(counts.on_time)}/{vn_number(counts.due)} phản ánh, kiến nghị đến hạn được trả lời đúng hạn"
            if counts.due
            else "Chưa có phản ánh, kiến nghị đến hạn trong kỳ"
        )
        yield PublishedFigure(
            self.ON_TIME,
            "Phản ánh, kiến nghị xử lý đúng hạn",
            share(counts.on_time, counts.due),
            "%",
            label,
            today,
            note,
            self.group,
        )


class SurveyFigures:
    """The overall satisfaction index of the agency's latest campaign whose results it made public."""

    group = "Mức độ hài lòng của người dân, doanh nghiệp (SIPAS)"
    order = 40
    LATEST = "sipas.latest"

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec(
                self.LATEST,
                self.group,
                "Chỉ số hài lòng của đợt khảo sát gần nhất",
                "Chỉ đợt khảo sát đã bật “công khai kết quả”.",
                1,
            ),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        if self.LATEST not in keys:
            return
        from apps.surveys.selectors import campaign_results, published_campaigns_of

        campaign = published_campaigns_of(agency=agency).first()
        if campaign is None:
            return
        overall = campaign_results(campaign=campaign).overall
        note = f"{vn_number(overall.n)} câu trả lời hợp lệ"
        if overall.margin_percent is not None:
            margin = vn_number(overall.margin_percent, 2)
            note += f"; sai số ± {margin} điểm % (độ tin cậy 95%)"
        updated = _local_day(campaign.published_at, today)
        yield PublishedFigure(
            self.LATEST,
            "Chỉ số hài lòng chung",
            overall.percent,
            "%",
            f"Từ {_day(campaign.period_start)} đến {_day(campaign.period_end)}",
            updated,
            note,
            self.group,
        )


class ParIndexFigures:
    """The agency's PAR INDEX of the latest round the province has published."""

    group = "Chỉ số cải cách hành chính (PAR INDEX)"
    order = 50
    LATEST = "par.latest"

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec(
                self.LATEST,
                self.group,
                "Chỉ số CCHC năm gần nhất đã công bố",
                "Chỉ hiện khi Sở Nội vụ đã công bố kết quả; kèm thứ hạng.",
                1,
            ),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        if self.LATEST not in keys:
            return
        from apps.par.selectors import public_ranking, published_rounds

        round_ = published_rounds().filter(assessments__agency=agency).first()
        if round_ is None:
            return
        ranking = public_ranking(round_=round_)
        mine = next((item for item in ranking if item.assessment.agency_id == agency.pk), None)
        if mine is None:
            return
        note = f"Xếp hạng {mine.rank}/{len(ranking)}"
        if mine.group:
            note += f", nhóm {mine.group}"
        updated = _local_day(round_.published_at, today)
        yield PublishedFigure(
            self.LATEST,
            "Chỉ số CCHC",
            mine.assessment.index_percent,
            "%",
            f"Năm {round_.year}",
            updated,
            note,
            self.group,
        )


def register_builtin() -> None:
    for provider in (PlanProgress(), DossierFigures(), FeedbackFigures(), SurveyFigures(), ParIndexFigures()):
        register(provider)
