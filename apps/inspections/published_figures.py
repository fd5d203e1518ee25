"""What the inspection register offers the public transparency portal (apps.transparency.registry): the share of
units inspected this year, the share of inspections on the digital systems and the findings remediated on
time — rates only, never a person or a finding's text."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from apps.transparency.registry import register
from domain.transparency import FigureSpec, PublishedFigure, year_to_date


class InspectionFigures:
    group = "Kiểm tra công tác cải cách hành chính"
    order = 70
    FIGURES = {
        "inspections.units": ("inspection_unit_rate", "Đơn vị được kiểm tra CCHC trong năm"),
        "inspections.digital": ("inspection_digital_rate", "Cuộc kiểm tra thực hiện trên hệ thống số"),
        "inspections.remediated": (
            "finding_remediated_on_time_rate",
            "Tồn tại sau kiểm tra khắc phục đúng hạn",
        ),
    }

    def specs(self) -> Sequence[FigureSpec]:
        return tuple(
            FigureSpec(key, self.group, title, "Theo kế hoạch kiểm tra CCHC của năm.", order)
            for order, (key, (_code, title)) in enumerate(self.FIGURES.items(), 1)
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        from apps.inspections.selectors import indicator_figure

        start, end, label = year_to_date(today)
        for key, (code, title) in self.FIGURES.items():
            if key not in keys:
                continue
            figure = indicator_figure(code=code, agency_id=agency.pk, start=start, end=end, today=today)
            if figure is None:
                yield PublishedFigure(
                    key, title, None, "%", label, today, "Chưa có kế hoạch kiểm tra", self.group
                )
                continue
            note = f"{figure.numerator}/{figure.denominator}" if figure.denominator else ""
            yield PublishedFigure(key, title, figure.percent, "%", label, today, note, self.group)


register(InspectionFigures())
