"""One table component for the long registers: sortable columns, column choice, page size, pagination.

A register declares its columns once; the component reads `sort`, `cols` and `per_page` from the address
(so every view of a table can be bookmarked, shared and saved as a filter), remembers the column choice
and page size in the session, and gives the templates in `tables/` what they print. The rows stay in the
page's own template, which prints a cell only when `table.show.<column>` is true.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import F, QuerySet
from django.http import HttpRequest, QueryDict

from domain.vn_numbers import vn_number

PAGE_SIZES = (25, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50
# The parameters that shape how a table looks rather than which rows it holds.
VIEW_PARAMS = ("page", "sort", "cols", "per_page")


@dataclass(frozen=True)
class Column:
    """One column: `sort` lists the fields it orders by (empty: not sortable); `always` cannot be hidden."""

    key: str
    label: str
    sort: tuple[str, ...] = ()
    default: bool = True
    always: bool = False
    numeric: bool = False


@dataclass(frozen=True)
class Header:
    column: Column
    url: str
    direction: str  # "asc", "desc" or "" when the table is not sorted by this column

    @property
    def aria_sort(self) -> str:
        return {"asc": "ascending", "desc": "descending"}.get(self.direction, "none")


class Table:
    """A register's table for one request."""

    def __init__(
        self,
        request: HttpRequest,
        *,
        name: str,
        columns: list[Column],
        queryset: QuerySet[Any],
        default_sort: str = "",
        selectable: bool = False,
    ) -> None:
        self.name = name
        self.columns = columns
        self.selectable = selectable
        self._by_key = {column.key: column for column in columns}
        self._get = request.GET
        self._user = request.user
        session = getattr(request, "session", {})
        self.visible_keys = self._choose_columns(session)
        self.page_size = self._choose_page_size(session)
        self.sort = self._choose_sort(default_sort)
        ordered = self._ordered(queryset)
        self.page: Page[Any] = Paginator(ordered, self.page_size).get_page(self._get.get("page"))

    def _choose_columns(self, session: Any) -> list[str]:
        key = f"table:{self.name}:cols"
        if "cols" in self._get:
            asked = [value for raw in self._get.getlist("cols") for value in raw.split(",")]
            chosen = [c.key for c in self.columns if c.key in asked or c.always]
            session[key] = chosen
            return chosen
        remembered = session.get(key)
        if isinstance(remembered, list) and remembered:
            kept = [c.key for c in self.columns if c.key in remembered or c.always]
            if kept:
                return kept
        return [c.key for c in self.columns if c.default or c.always]

    def _choose_page_size(self, session: Any) -> int:
        key = f"table:{self.name}:per_page"
        raw = self._get.get("per_page", "")
        if raw.isdigit() and int(raw) in PAGE_SIZES:
            session[key] = int(raw)
            return int(raw)
        remembered = session.get(key)
        return remembered if remembered in PAGE_SIZES else DEFAULT_PAGE_SIZE

    def _choose_sort(self, default_sort: str) -> str:
        asked = self._get.get("sort", "")
        column = self._by_key.get(asked[1:] if asked.startswith("-") else asked)
        if column is not None and column.sort:
            return asked
        return default_sort

    def _ordered(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if not self.sort:
            return queryset
        descending = self.sort.startswith("-")
        column = self._by_key[self.sort[1:] if descending else self.sort]
        fields = [
            F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
            for field in column.sort
        ]
        return queryset.order_by(*fields, "-pk" if descending else "pk")

    @property
    def visible(self) -> list[Column]:
        return [self._by_key[key] for key in self.visible_keys]

    @property
    def show(self) -> dict[str, bool]:
        return {column.key: column.key in self.visible_keys for column in self.columns}

    @property
    def column_count(self) -> int:
        return len(self.visible_keys) + (1 if self.selectable else 0)

    @property
    def choosable(self) -> list[tuple[Column, bool]]:
        return [(column, column.key in self.visible_keys) for column in self.columns]

    def _query(self, drop: tuple[str, ...] = ("page",), **values: str) -> str:
        query: QueryDict = self._get.copy()
        for name in drop:
            query.pop(name, None)
        for name, value in values.items():
            query[name] = value
        return query.urlencode()

    @property
    def headers(self) -> list[Header]:
        headers = []
        for column in self.visible:
            if not column.sort:
                headers.append(Header(column, "", ""))
                continue
            direction = ""
            if self.sort == column.key:
                direction = "asc"
            elif self.sort == f"-{column.key}":
                direction = "desc"
            following = f"-{column.key}" if direction == "asc" else column.key
            headers.append(Header(column, "?" + self._query(sort=following), direction))
        return headers

    @property
    def query(self) -> str:
        """The address without the page number: for exports, other views and the pagination links."""
        return self._query()

    @property
    def filter_query(self) -> str:
        """Only the filters (no sort, columns, page size or page): for counts and saved filters' names."""
        return self._query(drop=VIEW_PARAMS)

    def kept_params(self, *skip: str) -> list[tuple[str, str]]:
        """Hidden inputs for a form that changes one view parameter and keeps the rest."""
        return [
            (name, value)
            for name, values in self._get.lists()
            if name not in ("page", *skip)
            for value in values
        ]

    @property
    def reset_columns_url(self) -> str:
        defaults = ",".join(c.key for c in self.columns if c.default or c.always)
        return "?" + self._query(drop=("page", "cols"), cols=defaults)

    @property
    def kept_for_columns(self) -> list[tuple[str, str]]:
        return self.kept_params("cols")

    @property
    def kept_for_page_size(self) -> list[tuple[str, str]]:
        return self.kept_params("per_page")

    @property
    def page_links(self) -> list[tuple[int | None, str]]:
        """Page numbers around the current one, with the first and last; None marks a gap."""
        current, last = self.page.number, self.page.paginator.num_pages
        wanted = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        links: list[tuple[int | None, str]] = []
        previous = 0
        for number in wanted:
            if number - previous > 1:
                links.append((None, ""))
            links.append((number, "?" + self._query(page=str(number))))
            previous = number
        return links

    def page_url(self, number: int) -> str:
        return "?" + self._query(page=str(number))

    @property
    def previous_url(self) -> str:
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def saved_filters(self) -> list[Any]:
        if self.name not in REGISTERS or not getattr(self._user, "is_authenticated", False):
            return []
        from .selectors import saved_filter_list_for_user

        return list(saved_filter_list_for_user(user=self._user, register=self.name))

    @property
    def saved_query(self) -> str:
        """What a saved filter keeps: filters, sorting, columns and page size, never the page number."""
        query = self.query
        if "cols" not in self._get:
            query = "&".join(part for part in (query, "cols=" + ",".join(self.visible_keys)) if part)
        return query

    @property
    def count_text(self) -> str:
        return vn_number(self.page.paginator.count)

    @property
    def range_text(self) -> str:
        """“51–100 trong 1.109”: the rows this page shows, the Vietnamese way."""
        if not self.page.paginator.count:
            return "0"
        start, end = self.page.start_index(), self.page.end_index()
        return f"{vn_number(start)}–{vn_number(end)} trong {self.count_text}"

    @property
    def page_sizes(self) -> tuple[int, ...]:
        return PAGE_SIZES


# The registers whose filters can be saved, and the page each one lives on.
REGISTERS = {
    "tasks": "tasks:task_register",
    "dossiers": "dossiers:dossier_list",
    "feedback": "feedback:feedback_register",
}
