"""Who may do what, in one place: object-level rules over the agency tree (the `rules` library).

Each role a user holds in an agency *covers* a set of agencies:
- administrator, leader, focal point: the agency and every agency below it;
- overseer (Sở Nội vụ): every agency of its province (the subtree of the tree's root above it);
- unit head, staff, viewer: the agency alone.
A user reads an agency when any of their roles covers it. Writing needs a covering role named below.
Superusers are the provincial IT's break-glass accounts and may do everything.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import rules

from apps.organizations.models import Agency

from .choices import Role

SUBTREE_ROLES = frozenset({Role.ADMINISTRATOR, Role.LEADER, Role.FOCAL_POINT})
HISTORY_ROLES = frozenset({Role.ADMINISTRATOR, Role.OVERSEER, Role.LEADER, Role.FOCAL_POINT})


@dataclass(frozen=True)
class Coverage:
    """The roles a user holds over one agency; `direct` are those assigned on that very agency."""

    roles: frozenset[str] = frozenset()
    direct: frozenset[str] = frozenset()


@dataclass
class AccessScope:
    """Everything the policy needs about one user, computed once per request."""

    is_superuser: bool
    coverage: dict[int, Coverage] = field(default_factory=dict)
    # The roots of the tree (provinces) above the agencies where the user holds a role.
    province_ids: set[int] = field(default_factory=set)

    @property
    def readable_ids(self) -> set[int] | None:
        """Agency ids the user may read; None means every agency."""
        return None if self.is_superuser else set(self.coverage)

    def roles_over(self, agency_id: int | None) -> frozenset[str]:
        if agency_id is None:
            return frozenset()
        return self.coverage.get(agency_id, Coverage()).roles

    def direct_roles(self, agency_id: int | None) -> frozenset[str]:
        if agency_id is None:
            return frozenset()
        return self.coverage.get(agency_id, Coverage()).direct


def _tree() -> tuple[dict[int, int | None], dict[int | None, list[int]]]:
    parents: dict[int, int | None] = dict(Agency.objects.values_list("id", "parent_id"))
    children: dict[int | None, list[int]] = defaultdict(list)
    for agency_id, parent_id in parents.items():
        children[parent_id].append(agency_id)
    return parents, children


def _subtree(root: int, children: dict[int | None, list[int]]) -> list[int]:
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(children.get(node, ()))
    return out


def _root_of(agency_id: int, parents: dict[int, int | None]) -> int:
    seen = set()
    while (parent := parents.get(agency_id)) is not None and agency_id not in seen:
        seen.add(agency_id)
        agency_id = parent
    return agency_id


def compute_scope(user: Any) -> AccessScope:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return AccessScope(is_superuser=False)
    scope = AccessScope(is_superuser=bool(user.is_superuser))
    assignments = list(user.roles.values_list("agency_id", "role"))
    if not assignments and not scope.is_superuser:
        return scope
    parents, children = _tree()
    roles: dict[int, set[str]] = defaultdict(set)
    direct: dict[int, set[str]] = defaultdict(set)
    for agency_id, role in assignments:
        if agency_id not in parents:
            continue
        scope.province_ids.add(_root_of(agency_id, parents))
        direct[agency_id].add(role)
        if role == Role.OVERSEER:
            covered = _subtree(_root_of(agency_id, parents), children)
        elif role in SUBTREE_ROLES:
            covered = _subtree(agency_id, children)
        else:
            covered = [agency_id]
        for covered_id in covered:
            roles[covered_id].add(role)
    scope.coverage = {
        agency_id: Coverage(frozenset(agency_roles), frozenset(direct.get(agency_id, ())))
        for agency_id, agency_roles in roles.items()
    }
    return scope


def scope_for(user: Any) -> AccessScope:
    """The user's scope, cached on the user object for the rest of the request."""
    cached = getattr(user, "_cchc_scope", None)
    if cached is None:
        cached = compute_scope(user)
        if getattr(user, "is_authenticated", False):
            user._cchc_scope = cached
    return cached


def forget_scope(user: Any) -> None:
    """Drop the cached scope after the user's roles or the tree changed."""
    if hasattr(user, "_cchc_scope"):
        del user._cchc_scope


def _agency_id(obj: Any) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Agency):
        return obj.pk
    if isinstance(obj, int):
        return obj
    return getattr(obj, "agency_id", None)


def _admin_or_direct(user: Any, obj: Any, roles: frozenset[str]) -> bool:
    """A superuser, an administrator covering the agency, or one of `roles` held on the agency itself."""
    scope = scope_for(user)
    agency_id = _agency_id(obj)
    return (
        scope.is_superuser
        or Role.ADMINISTRATOR in scope.roles_over(agency_id)
        or bool(scope.direct_roles(agency_id) & roles)
    )


@rules.predicate
def can_read(user: Any, obj: Any) -> bool:
    scope = scope_for(user)
    return scope.is_superuser or bool(scope.roles_over(_agency_id(obj)))


@rules.predicate
def can_administer(user: Any, obj: Any) -> bool:
    scope = scope_for(user)
    return scope.is_superuser or Role.ADMINISTRATOR in scope.roles_over(_agency_id(obj))


@rules.predicate
def can_manage_structure(user: Any, obj: Any) -> bool:
    """Units and people of an agency: its administrator or its own focal point."""
    return _admin_or_direct(user, obj, frozenset({Role.FOCAL_POINT}))


@rules.predicate
def can_read_history(user: Any, obj: Any) -> bool:
    scope = scope_for(user)
    return scope.is_superuser or bool(scope.roles_over(_agency_id(obj)) & HISTORY_ROLES)


rules.add_perm("organizations.view_agency", can_read)
rules.add_perm("organizations.change_agency", can_administer)
rules.add_perm("organizations.add_child_agency", can_administer)
rules.add_perm("organizations.delete_agency", can_administer)
rules.add_perm("organizations.manage_structure", can_manage_structure)
rules.add_perm("organizations.view_history", can_read_history)
rules.add_perm("accounts.manage_roles", can_administer)


def can_use_admin_site(user: Any) -> bool:
    """Django's admin is the administrators' tool only."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return bool(user.is_superuser or user.roles.filter(role=Role.ADMINISTRATOR).exists())


@rules.predicate
def can_manage_plans(user: Any, obj: Any) -> bool:
    """Plans and tasks of an agency: its administrator, its own focal point, its leader."""
    return _admin_or_direct(user, obj, frozenset({Role.FOCAL_POINT, Role.LEADER}))


rules.add_perm("plans.import_plan", can_manage_plans)
rules.add_perm("plans.change_plan", can_manage_plans)
rules.add_perm("tasks.change_task", can_manage_plans)


def person_unit_ids(user: Any) -> set[int]:
    """The units a user works in: their staff record's unit and any unit a role names."""
    units = set(user.roles.exclude(unit__isnull=True).values_list("unit_id", flat=True))
    person = getattr(user, "person", None)
    if person is not None and person.unit_id:
        units.add(person.unit_id)
    return units


@rules.predicate
def can_report_progress(user: Any, task: Any) -> bool:
    """The task's lead and cooperating units report; the agency's focal point, leader, administrator too."""
    if can_manage_plans(user, task):
        return True
    scope = scope_for(user)
    if not scope.direct_roles(task.agency_id) & {Role.UNIT_HEAD, Role.STAFF}:
        return False
    mine = person_unit_ids(user)
    task_units = {u.pk for u in task.lead_units.all()} | {u.pk for u in task.cooperating_units.all()}
    return bool(mine & task_units)


@rules.predicate
def can_complete_task(user: Any, task: Any) -> bool:
    """Only the lead unit (or the accountable person, or who manages the plans) reports a task done: cooperating
    units contribute their part (under "06 rõ" one lead answers for the result)."""
    if can_manage_plans(user, task):
        return True
    person = getattr(user, "person", None)
    if person is not None and task.accountable_id is not None and person.pk == task.accountable_id:
        return True
    if not scope_for(user).direct_roles(task.agency_id) & {Role.UNIT_HEAD, Role.STAFF}:
        return False
    return bool(person_unit_ids(user) & {u.pk for u in task.lead_units.all()})


@rules.predicate
def can_accept_result(user: Any, task: Any) -> bool:
    """The task's authority (thẩm quyền) accepts; without one named, the agency's leader does."""
    if not getattr(user, "is_authenticated", False):
        return False
    if task.authority_id is not None:
        person = getattr(user, "person", None)
        return person is not None and person.pk == task.authority_id
    return Role.LEADER in scope_for(user).direct_roles(task.agency_id)


rules.add_perm("tasks.report_progress", can_report_progress)
rules.add_perm("tasks.accept_result", can_accept_result)
rules.add_perm("tasks.complete_task", can_complete_task)
rules.add_perm("tasks.record_trigger", can_manage_plans)


@rules.predicate
def can_key_in_responses(user: Any, obj: Any) -> bool:
    """Paper and phone survey forms of an agency: its administrator, or anyone working in it (not a viewer)."""
    return _admin_or_direct(user, obj, frozenset({Role.FOCAL_POINT, Role.LEADER, Role.UNIT_HEAD, Role.STAFF}))


@rules.predicate
def can_manage_questionnaire(user: Any, obj: Any) -> bool:
    """A template (no agency) is the province IT's; an agency's own questionnaire is managed like its plans."""
    if getattr(obj, "agency_id", 0) is None:
        return bool(scope_for(user).is_superuser)
    return bool(can_manage_plans(user, obj))


rules.add_perm("surveys.view_campaign", can_read)
rules.add_perm("surveys.manage_campaign", can_manage_plans)
rules.add_perm("surveys.enter_response", can_key_in_responses)
rules.add_perm("surveys.manage_questionnaire", can_manage_questionnaire)
rules.add_perm("surveys.copy_questionnaire", can_manage_plans)


@rules.predicate
def can_view_job(user: Any, job: Any) -> bool:
    """A background job: the person who started it, or an administrator of its agency."""
    if not getattr(user, "is_authenticated", False):
        return False
    scope = scope_for(user)
    return (
        scope.is_superuser
        or (job.user_id is not None and job.user_id == user.pk)
        or Role.ADMINISTRATOR in scope.roles_over(job.agency_id)
    )


rules.add_perm("jobs.view_job", can_view_job)
rules.add_perm("notifications.run_reminders", can_manage_plans)


@rules.predicate
def can_approve_report(user: Any, obj: Any) -> bool:
    """A periodic report is approved by the agency's own leader (or an administrator covering it)."""
    return _admin_or_direct(user, obj, frozenset({Role.LEADER}))


@rules.predicate
def can_contribute_to_report(user: Any, contribution: Any) -> bool:
    """A unit's part of a report: the unit's own head and staff; the agency's focal point, leader, administrator."""
    agency_id = contribution.report.agency_id
    if can_manage_plans(user, agency_id):
        return True
    if not scope_for(user).direct_roles(agency_id) & {Role.UNIT_HEAD, Role.STAFF}:
        return False
    return contribution.unit_id in person_unit_ids(user)


rules.add_perm("reports.view_report", can_read)
rules.add_perm("reports.manage_report", can_manage_plans)
rules.add_perm("reports.approve_report", can_approve_report)
rules.add_perm("reports.contribute", can_contribute_to_report)


@rules.predicate
def can_import_dossiers(user: Any, obj: Any) -> bool:
    """Dossier exports of an agency: its administrator, own focal point or leader, or the province's overseer
    (Sở Nội vụ compiles the one-stop data of the whole province)."""
    scope = scope_for(user)
    agency_id = _agency_id(obj)
    return can_manage_plans(user, agency_id) or Role.OVERSEER in scope.roles_over(agency_id)


@rules.predicate
def can_manage_feedback(user: Any, obj: Any) -> bool:
    """The feedback register of an agency: whoever manages its plans, and its own unit heads and staff (the
    one-stop desk keeps the register)."""
    if can_manage_plans(user, obj):
        return True
    return bool(scope_for(user).direct_roles(_agency_id(obj)) & {Role.UNIT_HEAD, Role.STAFF})


rules.add_perm("dossiers.view_dossier", can_read)
rules.add_perm("dossiers.import_dossiers", can_import_dossiers)
rules.add_perm("feedback.view_feedback", can_read)
rules.add_perm("feedback.change_feedback", can_manage_feedback)
rules.add_perm("indicators.view_indicator", can_read)
rules.add_perm("indicators.record_measurement", can_manage_plans)
rules.add_perm("indicators.link_target", can_manage_plans)
rules.add_perm("indicators.record_service_score", can_import_dossiers)


def _province_id(obj: Any) -> int | None:
    """The province a criteria set belongs to (None for a sample set), or a province given directly."""
    if obj is None or isinstance(obj, (Agency, int)):
        return _agency_id(obj)
    return getattr(obj, "agency_id", None)


@rules.predicate
def can_read_criteria_set(user: Any, obj: Any) -> bool:
    """A province's criteria sets: anyone signed in within that province; sample sets: anyone signed in."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    scope = scope_for(user)
    province_id = _province_id(obj)
    return scope.is_superuser or province_id is None or province_id in scope.province_ids


@rules.predicate
def can_write_criteria_set(user: Any, obj: Any) -> bool:
    """A province's criteria sets are written by its Sở Nội vụ (overseer) or an administrator covering the
    province itself; sample sets only by the provincial IT (superusers)."""
    scope = scope_for(user)
    if scope.is_superuser:
        return True
    province_id = _province_id(obj)
    if province_id is None:
        return False
    return bool(scope.roles_over(province_id) & {Role.OVERSEER, Role.ADMINISTRATOR})


rules.add_perm("scoring.view_criteria_set", can_read_criteria_set)
rules.add_perm("scoring.change_criteria_set", can_write_criteria_set)


@rules.predicate
def can_self_assess(user: Any, obj: Any) -> bool:
    """An agency's PAR INDEX self-assessment: its own focal point, or an administrator covering it."""
    return _admin_or_direct(user, obj, frozenset({Role.FOCAL_POINT}))


@rules.predicate
def can_appraise(user: Any, obj: Any) -> bool:
    """The appraisal team: Sở Nội vụ (overseer) of the agency's province; a superuser."""
    scope = scope_for(user)
    return scope.is_superuser or Role.OVERSEER in scope.roles_over(_agency_id(obj))


@rules.predicate
def can_read_assessment(user: Any, obj: Any) -> bool:
    """Before the results are published an assessment is read by its agency's people and by the province's
    appraisal team and administrators; afterwards by anyone signed in within the province."""
    scope = scope_for(user)
    if scope.is_superuser or scope.roles_over(_agency_id(obj)):
        return True
    round_ = getattr(obj, "round", None)
    return bool(round_ is not None and round_.published_at and round_.province_id in scope.province_ids)


rules.add_perm("par.manage_round", can_write_criteria_set)
rules.add_perm("par.self_assess", can_self_assess)
rules.add_perm("par.appraise", can_appraise)
rules.add_perm("par.view_assessment", can_read_assessment)


# Ratings of civil servants (Nghị định 335/2025): a person sees their own; the unit head their unit's; the
# agency's leader and focal point the agency's; nobody another agency's (no subtree, no province reading).
def headed_unit_ids(user: Any, agency_id: int | None) -> set[int]:
    """The units of an agency whose head the user is (a unit-head role names the unit, or their own unit)."""
    if agency_id is None or not getattr(user, "is_authenticated", False):
        return set()
    units: set[int] = set()
    for unit_id in user.roles.filter(agency_id=agency_id, role=Role.UNIT_HEAD).values_list(
        "unit_id", flat=True
    ):
        if unit_id is not None:
            units.add(unit_id)
        else:
            person = getattr(user, "person", None)
            if person is not None and person.agency_id == agency_id and person.unit_id:
                units.add(person.unit_id)
    return units


def _is_self(user: Any, person: Any) -> bool:
    return getattr(user, "person_id", None) is not None and user.person_id == getattr(person, "pk", None)


@rules.predicate
def can_view_agency_ratings(user: Any, obj: Any) -> bool:
    """The agency's leader and focal point, on the agency itself (a personnel record: no administrator)."""
    scope = scope_for(user)
    return scope.is_superuser or bool(scope.direct_roles(_agency_id(obj)) & {Role.LEADER, Role.FOCAL_POINT})


@rules.predicate
def can_decide_ratings(user: Any, obj: Any) -> bool:
    """The agency's head (leader role held on the agency itself) decides and amends ratings."""
    scope = scope_for(user)
    return scope.is_superuser or Role.LEADER in scope.direct_roles(_agency_id(obj))


@rules.predicate
def can_score_person(user: Any, person: Any) -> bool:
    """The head of the person's unit scores them; the agency's head scores the unit heads and anyone else.
    Nobody scores themselves."""
    if _is_self(user, person):
        return False
    if can_decide_ratings(user, person):
        return True
    return person.unit_id is not None and person.unit_id in headed_unit_ids(user, person.agency_id)


@rules.predicate
def can_view_person_rating(user: Any, person: Any) -> bool:
    return _is_self(user, person) or can_view_agency_ratings(user, person) or can_score_person(user, person)


@rules.predicate
def can_view_team_ratings(user: Any, obj: Any) -> bool:
    return can_view_agency_ratings(user, obj) or bool(headed_unit_ids(user, _agency_id(obj)))


rules.add_perm("ratings.view_agency", can_view_agency_ratings)
rules.add_perm("ratings.view_team", can_view_team_ratings)
rules.add_perm("ratings.decide", can_decide_ratings)
rules.add_perm("ratings.score_person", can_score_person)
rules.add_perm("ratings.view_person", can_view_person_rating)
# Communication register: read by whoever reads the agency; articles and events entered by anyone working in it
# (the units write the articles), targets and content areas set by those who manage its plans.
rules.add_perm("communications.view_register", can_read)
rules.add_perm("communications.record_article", can_key_in_responses)
rules.add_perm("communications.set_targets", can_manage_plans)
# CCHC inspections (apps.inspections): the inspecting agency's readers see its plans and inspections; the
# people who manage its plans (administrator, its own focal point, its leader) plan and record them.
rules.add_perm("inspections.view_inspection", can_read)
rules.add_perm("inspections.manage_inspection", can_manage_plans)


@rules.predicate
def can_publish_figures(user: Any, obj: Any) -> bool:
    """What an agency publishes on the public transparency portal: its own focal point or leader, or an
    administrator covering it (never another agency's people, not even its overseer)."""
    return _admin_or_direct(user, obj, frozenset({Role.FOCAL_POINT, Role.LEADER}))


rules.add_perm("transparency.publish_figures", can_publish_figures)


# Emulation and rewards (apps.rewards). Movements, registrations, initiatives and the register are read by whoever
# reads the agency; movements, contest scores, ratings input, the council and its votes are kept by those who
# manage its plans (the office is the movement's focal point); anyone working in the agency registers and records
# initiatives; a unit head (for the unit) or the office proposes; the focal point checks; only the chair of the
# agency's council overrides a failed check; the agency's head (leader on the agency itself) decides.
@rules.predicate
def can_nominate(user: Any, obj: Any) -> bool:
    return _admin_or_direct(user, obj, frozenset({Role.FOCAL_POINT, Role.LEADER, Role.UNIT_HEAD}))


@rules.predicate
def can_chair_council(user: Any, council: Any) -> bool:
    """The person recorded as chair of the council (Chủ tịch Hội đồng), on its own agency."""
    person_id = getattr(user, "person_id", None)
    if person_id is None or council is None:
        return bool(getattr(user, "is_superuser", False))
    return (
        getattr(user, "is_superuser", False)
        or council.members.filter(person_id=person_id, role="chair").exists()
    )


rules.add_perm("rewards.view", can_read)
rules.add_perm("rewards.manage", can_manage_plans)
rules.add_perm("rewards.register", can_key_in_responses)
rules.add_perm("rewards.nominate", can_nominate)
rules.add_perm("rewards.check", can_manage_plans)
rules.add_perm("rewards.record_vote", can_manage_plans)
rules.add_perm("rewards.override", can_chair_council)
rules.add_perm("rewards.decide", can_decide_ratings)
