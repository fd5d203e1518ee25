"""Demo publications, built by `cchc demo` through the same service publishers use (never in migrations).

Each demo agency puts up what it has data for: Sở Xây dựng Đắk Lắk everything (it has plan progress, dossiers,
feedback, a published SIPAS campaign and a published PAR INDEX year), Sở Nội vụ Đắk Lắk its PAR INDEX, Sở Xây
dựng Lai Châu its one-stop figures, UBND xã Đại Sơn its plan progress, one-stop and feedback figures. The
agencies without data of their own (the Sở Nội vụ of Lai Châu and of Thành phố, the provinces' UBND) publish
nothing, so their pages show the Vietnamese "nothing published" message.
Running it again sets the same selection (nothing changes).
"""

from __future__ import annotations

from django.db.models import Q

from apps.accounts.choices import Role
from apps.accounts.models import RoleAssignment, User
from apps.organizations.models import Agency

from .services import publication_set

ALL = [
    "plan.progress",
    "plan.areas",
    "dossiers.on_time",
    "dossiers.apology",
    "dossiers.online",
    "feedback.on_time",
    "sipas.latest",
    "par.latest",
]
SELECTIONS: dict[str, list[str]] = {
    "DLK-SXD": ALL,
    "DLK-SNV": ["par.latest"],
    "LCU-SXD": ["dossiers.on_time", "dossiers.apology", "dossiers.online"],
    "TP-DAISON": ["plan.progress", "plan.areas", "dossiers.on_time", "dossiers.online", "feedback.on_time"],
}


def _publisher(agency: Agency) -> User | None:
    assignment = (
        RoleAssignment.objects.filter(agency=agency, role__in=[Role.FOCAL_POINT, Role.LEADER])
        .select_related("user")
        .order_by("role", "pk")
        .first()
    )
    if assignment is not None:
        return assignment.user
    return User.objects.filter(Q(is_superuser=True), is_active=True).order_by("pk").first()


def build_transparency_demo() -> list[str]:
    lines = []
    for code, keys in SELECTIONS.items():
        agency = Agency.objects.filter(code=code).first()
        if agency is None:
            continue
        user = _publisher(agency)
        if user is None:
            continue
        change = publication_set(user=user, agency=agency, keys=keys)
        if change.changed:
            lines.append(f"Công khai {len(keys)} số liệu của {agency.name}: /cong-khai/{agency.code}/")
    return lines
