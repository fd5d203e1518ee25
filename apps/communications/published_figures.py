"""What the communication register offers the public transparency portal (apps.transparency.registry): the
articles of the year so far, the months meeting the plan's target and the plan's content areas covered —
counts and rates only, never an author."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from apps.transparency.registry import register
from domain.transparency import FigureSpec, PublishedFigure, year_to_date


class CommunicationFigures:
    group = "Thông tin, tuyên truyền cải cách hành chính"
    order = 60
    ARTICLES, MONTHS, AREAS = "communications.articles", "communications.months", "communications.areas"
    # key → (indicator code of the catalogue, title, unit)
    FIGURES = {
        ARTICLES: ("article_count", "Tin, bài tuyên truyền CCHC đã đăng", "tin, bài"),
        MONTHS: ("communication_month_rate", "Tháng đạt chỉ tiêu tin, bài", "%"),
        AREAS: ("communication_area_coverage", "Nội dung tuyên truyền của kế hoạch đã có tin, bài", "%"),
    }

    def specs(self) -> Sequence[FigureSpec]:
        return (
            FigureSpec(
                self.ARTICLES, self.group, self.FIGURES[self.ARTICLES][1], "Trên mọi kênh, từ đầu năm.", 1
            ),
            FigureSpec(
                self.MONTHS,
                self.group,
                self.FIGURES[self.MONTHS][1],
                "Tháng có đủ số tin, bài theo chỉ tiêu của kế hoạch tuyên truyền, trên các tháng đã qua.",
                2,
            ),
            FigureSpec(
                self.AREAS,
                self.group,
                self.FIGURES[self.AREAS][1],
                "Số nội dung của kế hoạch tuyên truyền đã có ít nhất một tin, bài.",
                3,
            ),
        )

    def figures(self, agency: Any, keys: set[str], today: date) -> Iterable[PublishedFigure]:
        from apps.communications.selectors import indicator_figures

        start, end, label = year_to_date(today)
        found = indicator_figures(agency=agency, start=start, end=end, today=today)
        for key, (code, title, unit) in self.FIGURES.items():
            if key not in keys:
                continue
            figure = found.get(code)
            value = figure.value if figure is not None else None
            note = ""
            if figure is not None and figure.numerator is not None and figure.denominator:
                note = f"{figure.numerator}/{figure.denominator}"
            elif figure is not None and value is None:
                note = figure.provenance
            shown = int(value) if value is not None and unit != "%" else value
            yield PublishedFigure(key, title, shown, unit, label, today, note, self.group)


register(CommunicationFigures())
