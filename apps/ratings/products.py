"""The products of a period, read from the task register: each occurrence of a task a person is accountable for,
due in the period, is one product; the unit head's weights and exemptions and the ad-hoc work come from this
app. Each product keeps the link to the record that caused its points.

- completed: the occurrence has a completion date (a returned result clears it until reported again);
- to standard: the authority accepted it; each "trả lại" decision is a major fault (−25% of its quality);
- on time: completed on or before its due date; otherwise one delay (−25% of its timeliness);
- an exemption counts only with the superior's confirmation (who and when).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.urls import reverse

from apps.tasks.models import AcceptanceDecision, Occurrence
from domain.ratings.tasks import Product

from .models import ExtraProduct, ProductSetting

__all__ = ["RegisterProduct", "products_by_person"]

_PLACEHOLDER = (
    2147483641  # an id no record has: the URL is reversed once, then the id put in (per-row reverse
)
# was half the cost of a 500-person month)


def _url_maker(name: str) -> Callable[[int], str]:
    base = reverse(name, args=[_PLACEHOLDER])
    return lambda pk: base.replace(str(_PLACEHOLDER), str(pk))


@dataclass(frozen=True)
class RegisterProduct:
    """A product with what the page shows about where it came from."""

    product: Product
    source: str  # "occurrence" or "extra"
    source_id: int
    url: str
    plan: str
    due_on: date
    completed_on: date | None
    accepted_on: date | None
    returned: int
    exempt_reason: str = ""

    @property
    def days_late(self) -> int:
        if self.completed_on is None or self.completed_on <= self.due_on:
            return 0
        return (self.completed_on - self.due_on).days

    @property
    def awaiting_acceptance(self) -> bool:
        return self.completed_on is not None and self.accepted_on is None and self.source == "occurrence"


def _occurrence_products(person_ids: list[int], start: date, end: date) -> dict[int, list[RegisterProduct]]:
    rows = (
        Occurrence.objects.filter(
            task__accountable_id__in=person_ids, due_on__gte=start, due_on__lte=end, not_applicable=False
        )
        .annotate(returned=Count("decisions", filter=Q(decisions__decision=AcceptanceDecision.RETURNED)))
        .values(
            "id",
            "label",
            "due_on",
            "completed_on",
            "accepted_on",
            "returned",
            "task_id",
            "task__ref",
            "task__title",
            "task__plan__title",
            "task__accountable_id",
        )
        .order_by("due_on", "id")
    )
    settings = {
        (s.occurrence_id, s.person_id): s
        for s in ProductSetting.objects.filter(
            person_id__in=person_ids, occurrence__due_on__gte=start, occurrence__due_on__lte=end
        )
    }
    out: dict[int, list[RegisterProduct]] = defaultdict(list)
    task_url = _url_maker("tasks:task_detail")
    for row in rows:
        person_id = row["task__accountable_id"]
        setting = settings.get((row["id"], person_id))
        exempt = bool(setting and setting.exempt and setting.confirmed_by_id)
        title = f"{row['task__ref']}. {row['task__title']}".strip(". ")
        if row["label"]:
            title += f" — {row['label']}"
        completed, due = row["completed_on"], row["due_on"]
        product = Product(
            title=title,
            units=setting.units if setting else Product.units,
            completed=completed is not None,
            to_standard=row["accepted_on"] is not None,
            major_faults=row["returned"],
            delays=1 if completed is not None and completed > due else 0,
            exempt=exempt,
            key=f"occurrence:{row['id']}",
        )
        out[person_id].append(
            RegisterProduct(
                product=product,
                source="occurrence",
                source_id=row["id"],
                url=task_url(row["task_id"]) + f"#ky-{row['id']}",
                plan=row["task__plan__title"],
                due_on=due,
                completed_on=completed,
                accepted_on=row["accepted_on"],
                returned=row["returned"],
                exempt_reason=setting.exempt_reason if exempt and setting else "",
            )
        )
    return out


def _extra_products(person_ids: list[int], start: date, end: date) -> dict[int, list[RegisterProduct]]:
    out: dict[int, list[RegisterProduct]] = defaultdict(list)
    extra_url = _url_maker("ratings:extra")
    for extra in ExtraProduct.objects.filter(person_id__in=person_ids, due_on__gte=start, due_on__lte=end):
        completed = extra.completed_on
        product = Product(
            title=extra.title,
            units=extra.units,
            completed=completed is not None,
            to_standard=completed is not None and extra.to_standard,
            major_faults=extra.major_faults,
            delays=1 if completed is not None and completed > extra.due_on else 0,
            exempt=extra.exempt,
            key=f"extra:{extra.pk}",
        )
        out[extra.person_id].append(
            RegisterProduct(
                product=product,
                source="extra",
                source_id=extra.pk,
                url=extra_url(extra.pk),
                plan="Việc phát sinh",
                due_on=extra.due_on,
                completed_on=completed,
                accepted_on=completed if extra.to_standard else None,
                returned=extra.major_faults,
                exempt_reason=extra.exempt_reason if extra.exempt else "",
            )
        )
    return out


def products_by_person(person_ids: Iterable[int], start: date, end: date) -> dict[int, list[RegisterProduct]]:
    """Every product due between ``start`` and ``end`` (inclusive) of each person, in due-date order."""
    ids = list(person_ids)
    out: dict[int, list[RegisterProduct]] = defaultdict(list)
    for source in (_occurrence_products(ids, start, end), _extra_products(ids, start, end)):
        for person_id, products in source.items():
            out[person_id].extend(products)
    for products in out.values():
        products.sort(key=lambda p: (p.due_on, p.source, p.source_id))
    return out
