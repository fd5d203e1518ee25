"""Charts every page draws the same way: labels in HTML text (readable at normal zoom, on a phone too), a table
of the same figures beside each chart, and an empty state that says what is missing and how to fill it.

Bars are HTML rows whose widths are percentages; a line chart is an SVG drawn at its natural size (the page
scrolls it sideways on a phone rather than shrinking its 13 px labels). No script, no network. Pages build a
`Chart` and include ``core/_chart.html`` with ``chart=…``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from domain.vn_numbers import vn_number

# Tones name what a colour means, so that a series keeps its colour on every page; each tone also has a text
# label in the legend and the table, so colour is never the only signal.
TONES = ("good", "warn", "bad", "info", "muted")


def figure(value: float | int | Decimal | None, unit: str = "") -> str:
    """A value as a Vietnamese reader writes it: 74,8%; 1.109; "—" when there is none."""
    if value is None:
        return "—"
    text = vn_number(Decimal(str(value)), places=1)
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | int | None, ...]
    tone: str = "info"


@dataclass(frozen=True)
class Empty:
    """What is missing and how to fill it, with a link to where that is done."""

    text: str
    action: str = ""
    url: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    url: str
    total: str
    segments: list[tuple[Series, str, float]]  # series, shown value, width in % of the longest bar


@dataclass(frozen=True)
class Chart:
    """Categories (`labels`) by one or more series: stacked horizontal bars, or a line over time."""

    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    empty: Empty
    kind: str = "bars"  # "bars" | "line"
    unit: str = ""  # "%" for rates
    links: tuple[str, ...] = ()  # one drill-down address per label ("" for none)
    caption: str = ""
    axis: str = ""  # the heading of the labels' column in the table view ("Tháng", "Cơ quan")
    ident: str = ""
    max_value: float | None = None  # 100 for rates; otherwise the largest total

    @property
    def is_empty(self) -> bool:
        return not self.labels or all(value in (None, 0) for s in self.series for value in s.values)

    @property
    def stacked(self) -> bool:
        return self.kind == "bars" and len(self.series) > 1 and self.unit != "%"

    def _total(self, index: int) -> float:
        values = [s.values[index] or 0 for s in self.series]
        return float(sum(values)) if self.stacked else float(max(values, default=0))

    @property
    def bars(self) -> list[Bar]:
        longest = self.max_value or max((self._total(i) for i in range(len(self.labels))), default=0) or 1
        rows = []
        for index, label in enumerate(self.labels):
            segments = [
                (s, figure(s.values[index], self.unit), 100 * float(s.values[index] or 0) / longest)
                for s in self.series
            ]
            url = self.links[index] if index < len(self.links) else ""
            rows.append(Bar(label, url, figure(self._total(index), self.unit), segments))
        return rows

    @property
    def table(self) -> list[tuple[str, str, list[str]]]:
        """Rows of the table view: label, drill-down address, one shown figure per series."""
        return [
            (
                label,
                self.links[index] if index < len(self.links) else "",
                [figure(s.values[index], self.unit) for s in self.series],
            )
            for index, label in enumerate(self.labels)
        ]

    @property
    def line(self) -> dict[str, object]:
        """The SVG geometry of a line chart, in pixels: 64 px a label, 0–100 % (or 0–max) upwards."""
        # Months before the first figure carry nothing: leave them out so a phone opens on the data.
        first = next(
            (i for i in range(len(self.labels)) if any(s.values[i] is not None for s in self.series)), 0
        )
        labels = self.labels[first:]
        series = [Series(s.name, s.values[first:], s.tone) for s in self.series]
        step, left, top, height = 64, 48, 16, 200
        width = left + step * max(len(labels), 2)
        ceiling = self.max_value or max((float(v or 0) for s in series for v in s.values), default=1) or 1
        grid = [
            (top + height - height * level / 4, figure(ceiling * level / 4, self.unit)) for level in range(5)
        ]

        def y(value: float) -> float:
            return round(top + height - height * value / ceiling, 1)

        lines = []
        for s in series:
            points = [
                (round(left + step * index + step / 2, 1), y(float(value)), figure(value, self.unit))
                for index, value in enumerate(s.values)
                if value is not None
            ]
            lines.append(
                {"series": s, "points": points, "path": " ".join(f"{x},{y_}" for x, y_, _ in points)}
            )
        return {
            "width": width + 8,
            "height": top + height + 28,
            "left": left,
            "right": width,
            "grid": grid,
            "lines": lines,
            "labels": [
                (round(left + step * index + step / 2, 1), label) for index, label in enumerate(labels)
            ],
            "axis_y": top + height + 20,
        }
