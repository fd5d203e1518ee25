"""The permission matrix: every page and every API operation × every role × own / child / other agency /
other province × read / write, against one table of expected outcomes.

The world: province P1 with Sở Xây dựng (own), its affiliated centre (child) and Sở Nội vụ (sibling);
province P2 with its Sở Xây dựng (other). Each of the four agencies holds one record of every kind (plan, task,
occurrence, dossier, import, source, feedback, report, template, survey campaign…). One user per role holds that
role in "own" (the overseer, as in real life, in Sở Nội vụ of the same province), plus an anonymous visitor.

For each route the table names the rule of its GET and of its POST; the rule says, for a role and a relation,
whether the request must be served or refused. Refused means 403, 404, 405 or the sign-in page, and nothing
changed; served means anything else below 500. Every response is also searched for the markers of the
agencies the user may not read: none may appear. A route missing from the table fails the test, so a new page
cannot ship without saying who may use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.utils import timezone

from apps.accounts.choices import Role

# ---------------------------------------------------------------------------------------------------------------
# Who covers what (apps/accounts/policy.py, written out by hand so the test does not trust the code it checks).
# Roles are held on "own", except the overseer, who sits in Sở Nội vụ ("sibling") and watches the province.

RELATIONS = ("own", "child", "sibling", "other")
SUBTREE = frozenset({"own", "child"})
PROVINCE = frozenset({"own", "child", "sibling"})
ROLES = (
    Role.ADMINISTRATOR,
    Role.OVERSEER,
    Role.LEADER,
    Role.FOCAL_POINT,
    Role.UNIT_HEAD,
    Role.STAFF,
    Role.VIEWER,
)
COVERS: dict[str, frozenset[str]] = {
    Role.ADMINISTRATOR: SUBTREE,
    Role.LEADER: SUBTREE,
    Role.FOCAL_POINT: SUBTREE,
    Role.OVERSEER: PROVINCE,
    Role.UNIT_HEAD: frozenset({"own"}),
    Role.STAFF: frozenset({"own"}),
    Role.VIEWER: frozenset({"own"}),
}
OWN = frozenset({"own"})
ANON = "anonymous"


def _held(role: str, relations: frozenset[str]) -> Callable[[str, str], bool]:
    return lambda r, rel: r == role and rel in relations


def _any(*rules: Callable[[str, str], bool]) -> Callable[[str, str], bool]:
    return lambda r, rel: any(rule(r, rel) for rule in rules)


def _covered(roles: set[str]) -> Callable[[str, str], bool]:
    return lambda r, rel: r in roles and rel in COVERS.get(r, frozenset())


_admin = _held(Role.ADMINISTRATOR, SUBTREE)
_manage = _any(_admin, _held(Role.FOCAL_POINT, OWN), _held(Role.LEADER, OWN))
_workers = _any(_held(Role.UNIT_HEAD, OWN), _held(Role.STAFF, OWN))

# rule name -> (role, relation) -> may do it. Relation "none" is a page without a record.
RULES: dict[str, Callable[[str, str], bool]] = {
    "public": lambda r, rel: True,
    "signed_in": lambda r, rel: r != ANON,
    "nobody": lambda r, rel: False,
    "read": lambda r, rel: rel in COVERS.get(r, frozenset()),
    "history": _covered({Role.ADMINISTRATOR, Role.OVERSEER, Role.LEADER, Role.FOCAL_POINT}),
    "administer": _admin,
    "structure": _any(_admin, _held(Role.FOCAL_POINT, OWN)),
    "manage": _manage,
    "key_in": _any(_manage, _workers),
    "import_dossiers": _any(_manage, _held(Role.OVERSEER, PROVINCE)),
    "feedback": _any(_manage, _workers),
    "approve": _any(_admin, _held(Role.LEADER, OWN)),
    # The users' unit (Văn phòng Sở) leads the task and owns the report contribution.
    "progress": _any(_manage, _workers),
    "contribute": _any(_manage, _workers),
    "accept": _held(Role.LEADER, OWN),
    "admin_site": lambda r, rel: r == Role.ADMINISTRATOR,
    # Criteria sets belong to a province (own, child and sibling share P1): everyone signed in there reads them;
    # Sở Nội vụ of the province writes them (the administrator here covers only own's subtree, not P1 itself).
    "par_read": lambda r, rel: r != ANON and rel in PROVINCE,
    "par_write": _held(Role.OVERSEER, PROVINCE),
    # Ratings (Nghị định 335) are personnel records: only roles held on the agency itself, no administrator, no
    # subtree. The record's person works in Văn phòng Sở, the unit the unit head of "own" heads.
    "rate_agency": _any(_held(Role.LEADER, OWN), _held(Role.FOCAL_POINT, OWN)),
    "rate_decide": _held(Role.LEADER, OWN),
    "rate_team": _any(_held(Role.LEADER, OWN), _held(Role.FOCAL_POINT, OWN), _held(Role.UNIT_HEAD, OWN)),
    "rate_person": _any(_held(Role.LEADER, OWN), _held(Role.FOCAL_POINT, OWN), _held(Role.UNIT_HEAD, OWN)),
    "rate_score": _any(_held(Role.LEADER, OWN), _held(Role.UNIT_HEAD, OWN)),
}
# A list filtered on an agency the user may not read may refuse or answer without that agency's records.
EITHER_WHEN_HIDDEN = {"filter"}
RULES["filter"] = RULES["read"]


def home(role: str) -> str:
    """The agency a user works in, as a relation: pages without a record act there."""
    return "sibling" if role == Role.OVERSEER else "own"


def at_home(rule: str) -> Callable[[str, str], bool]:
    return lambda r, rel: r != ANON and RULES[rule](r, home(r))


for _name in (
    "manage",
    "structure",
    "administer",
    "import_dossiers",
    "feedback",
    "key_in",
    "par_write",
    "rate_agency",
    "rate_decide",
    "rate_team",
):
    RULES[f"home_{_name}"] = at_home(_name)

# rewards: nominations, council, votes. A unit head (of the record's person's unit, Văn phòng Sở) or the office
# proposes; only the chair of the agency's council (the leader's person in "own") lets a failed check through.
RULES["nominate"] = _any(_manage, _held(Role.UNIT_HEAD, OWN))
RULES["chair"] = _held(Role.LEADER, OWN)


@dataclass(frozen=True)
class Route:
    """How to reach a route and who may use it: `kind` names the record in its path (None: no record)."""

    kind: str | None
    get: str | None
    post: str | None = None
    args: Callable[[Any, str], list[Any]] | None = None
    query: str = ""
    extra: str = ""
    body: Callable[[Any, str], dict[str, Any]] | None = None
    multipart: bool = False
    saves: bool = False  # with its body, an allowed POST must change something


def r(kind: str | None, get: str | None, post: str | None = None, **kwargs: Any) -> Route:
    return Route(kind, get, post, **kwargs)


def PROGRESS(w: Any, rel: str) -> dict[str, Any]:
    occurrence = w.records[("occurrence", rel)]
    return {"percent": 40, "note": "Đã rà soát 4 văn bản", "version": occurrence.version}


def BULK(w: Any, rel: str) -> dict[str, Any]:
    return {"task": w.pk("task", rel), "authority": w.pk("person", rel)}


SAVED_FILTER = {"register": "tasks", "name": "Việc quá hạn", "query": "status=overdue"}


def DECISION(w: Any, rel: str) -> dict[str, Any]:
    occurrence = w.records[("occurrence", rel)]
    return {"decision": "return", "reason": "Chưa đủ minh chứng", "version": occurrence.version}


def CRITERION(w: Any, rel: str) -> dict[str, Any]:
    criterion = w.records[("criterion", rel)]
    return {
        "version": criterion.version,
        "title": "Ban hành kế hoạch",
        "max_points": "1",
        "method": "computed",
    }


def RATING_SCORE(w: Any, rel: str) -> dict[str, Any]:
    return {"version": "0", "general": "25", "reason": "Chấp hành tốt", "task_group": "staff"}


def EXTRA(w: Any, rel: str) -> dict[str, Any]:
    return {
        "version": "0",
        "title": "Soạn báo cáo đột xuất",
        "assigned_on": "01/02/2026",
        "due_on": "10/02/2026",  # March is decided (locked) in the world
        "major_faults": "0",
        "units": "1",
    }


def PAR_SCORE(w: Any, rel: str) -> dict[str, Any]:
    score = w.records[("score", rel)]
    score.refresh_from_db()
    return {"version": score.version, "points": "5", "reason": "Theo kết quả thực hiện"}


def INSPECTION(w: Any, rel: str) -> dict[str, Any]:
    unit = w.records[("unit", rel)]
    return {
        "target": f"unit:{unit.pk}",
        "scheduled_on": "10/03/2026",
        "mode": "on_site",
        "areas": ["procedures"],
    }


def REMEDIATION(w: Any, rel: str) -> dict[str, Any]:
    return {"title": "Công khai đủ thủ tục", "lead_unit_id": w.pk("unit", rel), "due_on": "2026-12-31"}


def NOMINATION(w: Any, rel: str) -> dict[str, Any]:
    """A Giấy khen for the record's person (a Lao động tiên tiến is already proposed for them)."""
    return {
        "agency_id": w.pk("agency", rel),
        "year": 2026,
        "form": "giay_khen",
        "person_id": w.pk("person", rel),
        "achievement": "Hoàn thành xuất sắc nhiệm vụ",
    }


def REGISTRATION(w: Any, rel: str) -> dict[str, Any]:
    year = min(max(timezone.localdate().year, 2026), 2030)
    # Văn phòng: the unit of every user's person, so staff register their own unit
    unit_id = w.records[("participant", rel)].unit_id
    return {"year": year, "unit_id": unit_id, "forms": ["tap_the_lao_dong_tien_tien"]}


# GET of a page that only answers POST is "None"; a POST the page refuses with 405 is "None".
PAGES: dict[str, Route] = {
    "core:home": r(None, "signed_in"),
    "core:health": r(None, "public"),
    # A saved filter is one user's own: anyone signed in saves theirs; the world's users own none to delete.
    "core:saved_filter_create": r(None, None, "signed_in", body=lambda w, rel: SAVED_FILTER),
    "core:saved_filter_delete": r(None, None, "nobody", args=lambda w, rel: [987654]),
    "core:system_health": r(None, "admin_site"),
    "accounts:login": r(None, "public", "public"),
    "accounts:logout": r(None, None, None),  # signs out whoever asks; nothing to protect
    "accounts:switch_agency": r(None, None, "signed_in"),
    "accounts:profile": r(None, "signed_in", "signed_in"),
    "accounts:password_change": r(None, "signed_in", "signed_in"),
    "accounts:password_change_done": r(None, "signed_in"),
    "accounts:password_reset": r(None, "public", "public"),
    "accounts:password_reset_done": r(None, "public"),
    "accounts:password_reset_confirm": r(
        None, "public", "public", args=lambda w, rel: ["MQ", "set-password"]
    ),
    "accounts:password_reset_complete": r(None, "public"),
    "organizations:agency_tree": r(None, "signed_in"),
    "organizations:agency_create": r(None, "home_administer", "home_administer"),
    "organizations:agency_detail": r("agency", "read"),
    "organizations:agency_edit": r("agency", "administer", "administer"),
    "organizations:agency_delete": r("agency", "administer", "administer"),
    "organizations:agency_history": r("agency", "history"),
    "organizations:unit_create": r("agency", "structure", "structure"),
    "organizations:unit_edit": r("unit", "structure", "structure"),
    "organizations:unit_delete": r("unit", "structure", "structure"),
    "organizations:person_create": r("agency", "structure", "structure"),
    "organizations:person_edit": r("person", "structure", "structure"),
    "plans:plan_list": r("agency", "filter", query="agency"),
    "plans:plan_upload": r(None, "home_manage", "home_manage"),
    "plans:import_preview": r("plan_import", "manage", "manage"),
    "plans:plan_detail": r("plan", "read"),
    "plans:plan_edit": r("plan", "manage", "manage"),
    "plans:plan_coverage": r("plan", "read"),
    "plans:plan_export_docx": r("plan", "read"),
    "tasks:task_register": r("agency", "filter", query="agency"),
    "tasks:task_timeline": r("agency", "filter", query="agency"),
    "tasks:task_detail": r("task", "read"),
    "tasks:task_edit": r("task", "manage", "manage"),
    "tasks:task_bulk_assign": r("task", "manage", "manage", query="task", body=lambda w, rel: BULK(w, rel)),
    "tasks:trigger_post": r(
        "task", None, "manage", body=lambda w, rel: {"document": "QĐ 1", "occurred_on": "02/03/2026"}
    ),
    "tasks:progress_post": r(
        "occurrence", None, "progress", body=lambda w, rel: PROGRESS(w, rel), saves=True
    ),
    "tasks:decision_post": r("occurrence", None, "accept", body=lambda w, rel: DECISION(w, rel)),
    "tasks:my_work": r(None, "signed_in"),
    "tasks:evidence_download": r("evidence", "read"),
    "tasks:unit_page": r("unit", "read"),
    "tasks:dashboard": r("agency", "filter", query="agency"),
    "tasks:province_view": r(None, "signed_in"),
    "indicators:scorecard": r("agency", "filter", query="agency"),
    "indicators:snapshot": r(
        "agency", None, "manage", args=lambda w, rel: [], body=lambda w, rel: {"agency": w.pk("agency", rel)}
    ),
    "indicators:province": r(None, "signed_in"),
    "indicators:targets": r("agency", "filter", query="agency"),
    "indicators:targets_propose": r(None, None, "home_manage"),
    "indicators:target_link": r("target", None, "manage"),
    "indicators:catalogue": r(None, "signed_in"),
    "indicators:measurements": r("agency", "filter", "manage", query="agency"),
    "indicators:service_scores": r("agency", "filter", "import_dossiers", query="agency"),
    "indicators:evidence_download": r("measurement", "read"),
    "indicators:values_json": r("agency", "filter", query="agency"),
    "dossiers:dossier_import": r(None, "home_import_dossiers", "home_import_dossiers"),
    "dossiers:import_detail": r("batch", "read"),
    "dossiers:import_errors": r("batch", "read"),
    "dossiers:import_retry": r("batch", None, "import_dossiers"),
    "dossiers:dossier_list": r("agency", "filter", query="agency"),
    # Starts a background export of the dossiers the user reads; the file is the requester's alone (no one else's
    # export exists in the world, so every download is refused).
    "dossiers:dossier_export": r(None, None, "signed_in"),
    "dossiers:export_download": r(None, "nobody", args=lambda w, rel: [10**6]),
    "dossiers:procedure_list": r(None, "signed_in"),
    "dossiers:source_list": r(None, "signed_in"),
    "dossiers:source_create": r(None, "home_import_dossiers", "home_import_dossiers"),
    "dossiers:source_edit": r("source", "import_dossiers", "import_dossiers"),
    "dossiers:dossier_detail": r("dossier", "read"),
    "dossiers:apology_letter": r("dossier", "read"),
    "feedback:feedback_register": r("agency", "filter", query="agency"),
    "feedback:feedback_create": r(None, "home_feedback", "home_feedback"),
    "feedback:feedback_import": r(None, "home_feedback", "home_feedback"),
    "feedback:feedback_detail": r("feedback", "read", "feedback"),
    "reports:calendar": r("agency", "filter", query="agency"),
    "reports:report_create": r(None, None, "home_manage"),
    "reports:overview": r(None, "signed_in"),
    "reports:schedule": r(None, "signed_in", "home_manage"),
    "reports:templates": r(None, "signed_in", "home_manage"),
    "reports:template_default": r(None, "signed_in"),
    "reports:template_download": r("template", "read"),
    "reports:report_detail": r("report", "read"),
    "reports:report_edit": r("report", "manage", "manage"),
    "reports:report_action": r("report", None, "read"),
    "reports:report_preview": r("report", "read"),
    "reports:report_download": r("report", "read", args=lambda w, rel: [w.pk("report", rel), "docx"]),
    "reports:report_pdf": r("report", None, "read"),
    "reports:file_download": r("report_file", "read"),
    "reports:contribution_edit": r("contribution", "read", "contribute"),
    "notifications:notification_list": r(None, "signed_in"),
    "notifications:notification_open": r("notification", "nobody"),
    "notifications:preferences": r(None, "signed_in", "signed_in"),
    "notifications:run_reminders": r(None, None, "home_manage"),
    "jobs:job_list": r(None, "signed_in"),
    "jobs:job_status": r("job", "administer"),
    "jobs:job_retry": r("job", None, "administer"),
    "surveys:campaign_list": r("agency", "filter", query="agency"),
    "surveys:campaign_create": r(None, "signed_in", "signed_in"),
    "surveys:campaign_detail": r("campaign", "read"),
    "surveys:campaign_edit": r("campaign", "manage", "manage"),
    "surveys:campaign_action": r("campaign", None, "manage"),
    "surveys:campaign_export": r("campaign", "read"),
    "surveys:campaign_report": r("campaign", "read"),
    "surveys:campaign_entry": r("campaign", "key_in", "key_in"),
    "surveys:campaign_links": r("campaign", "read"),
    "surveys:dossier_qr": r("campaign", "key_in", extra="dossier_code=HS-1"),
    "surveys:counter_qr": r(
        "campaign", "read", args=lambda w, rel: [w.pk("campaign", rel), w.pk("counter", rel), "svg"]
    ),
    "surveys:counter_poster": r(
        "campaign", "read", args=lambda w, rel: [w.pk("campaign", rel), w.pk("counter", rel)]
    ),
    "surveys:suggestion_mark": r(
        "campaign", None, "manage", args=lambda w, rel: [w.pk("campaign", rel), w.pk("response", rel)]
    ),
    "surveys:counter_list": r(None, "signed_in", "signed_in"),
    "surveys:counter_edit": r("counter", "manage", "manage"),
    "surveys:questionnaire_list": r(None, "signed_in"),
    "surveys:questionnaire_detail": r("questionnaire", "read"),
    "surveys:questionnaire_copy": r("questionnaire", None, "manage"),
    "surveys:questionnaire_change": r("questionnaire", None, "manage"),
    "surveys:respond": r(None, "public", "public", args=lambda w, rel: [w.token]),
    "surveys:public_index": r(None, "public"),
    "surveys:public_results": r(None, "nobody", args=lambda w, rel: ["P1-SXD"]),  # not published
    "inspections:home": r(None, "signed_in"),
    "inspections:plan_create": r(None, None, "home_manage", body=lambda w, rel: {"year": 2027}, saves=True),
    "inspections:plan": r("inspection_plan", "read"),
    "inspections:inspection_create": r(
        "inspection_plan", None, "manage", body=lambda w, rel: INSPECTION(w, rel), saves=True
    ),
    "inspections:inspection": r("inspection", "read"),
    "inspections:inspection_record": r("inspection", None, "manage"),
    "inspections:finding_add": r(
        "inspection", None, "manage", body=lambda w, rel: {"text": "Chưa công khai thủ tục"}, saves=True
    ),
    "inspections:remediation_add": r("finding", None, "manage"),
    "inspections:record_docx": r("inspection", "read"),
    "inspections:notice_docx": r("inspection", "read"),
    "transparency:settings": r(
        "agency",
        "manage",
        "manage",
        query="agency",
        body=lambda w, rel: {"keys": ["dossiers.on_time"]},
        saves=True,
    ),
    "transparency:index": r(None, "public"),
    "transparency:agency": r(None, "public", args=lambda w, rel: ["P1-SXD"]),  # "own" publishes plan progress
    "transparency:province": r(None, "public", args=lambda w, rel: ["P1"]),
    "scoring:set_list": r(None, "signed_in"),
    "scoring:set_import": r(None, "home_par_write", "home_par_write"),
    "scoring:set_detail": r("criteria_set", "par_read"),
    "scoring:set_export": r("criteria_set", "par_read"),
    "scoring:set_copy": r("criteria_set", None, "par_write", body=lambda w, rel: {"year": 2027}, saves=True),
    "scoring:set_put_in_force": r("criteria_set", None, "par_write"),
    "scoring:criterion_edit": r(
        "criterion", "par_write", "par_write", body=lambda w, rel: CRITERION(w, rel), saves=True
    ),
    # PAR INDEX assessments: an agency's own people read it, its focal point (or an administrator over it) writes
    # it while it is a draft; Sở Nội vụ of the province reads all and appraises; nothing is published here.
    "communications:home": r("agency", "filter", query="agency"),
    "communications:register": r("agency", "filter", query="agency"),
    "communications:register_export": r("agency", "filter", query="agency"),
    "communications:article_create": r(None, "home_key_in", "home_key_in"),
    "communications:paste_links": r(None, "home_key_in", "home_key_in"),
    "communications:import_xlsx": r(None, "home_key_in", "home_key_in"),
    "communications:import_template": r(None, "signed_in"),
    "communications:event_create": r(None, "home_key_in", "home_key_in"),
    "communications:article": r("article", "read"),
    "communications:evidence": r("article", "read"),
    "communications:targets": r(
        "plan", "read", "manage", body=lambda w, rel: {"target_website": "2", "areas": "Thể chế"}, saves=True
    ),
    "par:home": r(None, "signed_in"),
    "par:public_round": r(None, "nobody", args=lambda w, rel: [w.pk("round", "own")]),  # not published
    "par:public_agency": r(None, "nobody", args=lambda w, rel: ["P1-SXD"]),  # nothing published
    "par:round_open": r(None, None, "nobody"),  # no set in force without a round: nobody can open one
    "par:round": r("round", "par_read"),
    "par:ranking": r("round", "par_write"),
    "par:ranking_export": r("round", "par_write"),
    "par:round_export": r("round", "par_write"),
    "par:survey_import": r("round", None, "par_write"),
    "par:publish": r("round", None, "par_write"),
    "par:assessment": r("assessment", "read"),
    "par:assessment_export": r("assessment", "read"),
    "par:assessment_docx": r("assessment", "read"),
    "par:decision_docx": r("round", "par_write"),
    "par:prefill": r("assessment", None, "structure"),
    "par:submit": r("assessment", None, "structure"),
    "par:appraisal_done": r("assessment", None, "par_write"),
    "par:explanation_submit": r("assessment", None, "structure"),
    "par:finalize": r("assessment", None, "par_write"),
    "par:score": r("score", "read", "structure", body=lambda w, rel: PAR_SCORE(w, rel), saves=True),
    "par:evidence": r("par_evidence", "read"),
    "par:evidence_remove": r("par_evidence", None, "structure", saves=True),
    "ratings:home": r(None, "signed_in"),
    # Emulation and rewards (apps.rewards)
    "rewards:home": r("agency", "filter", query="agency"),
    # rewards: movements, contest, registrations, initiatives, ratings input, reports
    "rewards:movement_new": r(None, "home_manage", "home_manage"),
    "rewards:movement_from_plan": r("plan", None, "manage", args=lambda w, rel: [w.pk("plan", rel)]),
    "rewards:movement": r("movement", "read"),
    "rewards:registration": r("movement", "key_in", "key_in"),
    "rewards:contest_from_plan": r("movement", None, "manage"),
    "rewards:contest_upload": r("movement", "manage", "manage"),
    "rewards:contest": r("contest_table", "read"),
    "rewards:contest_score": r(
        "contest_table",
        "read",
        "manage",
        args=lambda w, rel: [w.pk("contest_table", rel), w.pk("participant", rel)],
        body=lambda w, rel: {"p-1": "8", "r-1": "Chấp hành tốt"},
        saves=True,
    ),
    "rewards:initiatives": r("agency", "filter", query="agency"),
    "rewards:initiative_new": r(None, "home_key_in", "home_key_in"),
    "rewards:initiative": r("initiative", "read", "manage"),
    "rewards:initiative_file": r("initiative", "read"),
    "rewards:ratings": r("agency", "manage", "manage", query="agency"),
    "rewards:ratings_from_ratings": r("agency", None, "manage", query="agency"),
    "rewards:ratings_import": r(None, "home_manage", "home_manage"),
    "rewards:ratings_template": r(None, "signed_in"),
    # rewards: nominations, council, votes
    "rewards:nomination_list": r("agency", "filter", query="agency"),
    "rewards:nomination_create": r("agency", "nominate", "nominate", query="agency"),
    "rewards:nomination_queue": r("agency", "manage", query="agency"),
    "rewards:nomination": r("nomination", "read"),
    "rewards:nomination_document_add": r("nomination", None, "nominate"),
    "rewards:nomination_submit": r("nomination", None, "nominate"),
    "rewards:nomination_check": r("nomination", None, "manage"),
    "rewards:nomination_return": r(
        "nomination", None, "manage", body=lambda w, rel: {"reason": "Thiếu"}, saves=True
    ),
    "rewards:nomination_override": r("nomination", None, "chair"),
    "rewards:nomination_document": r("nomination_document", "read"),
    "rewards:council": r("agency", "filter", query="agency"),
    "rewards:council_create": r("agency", None, "manage", query="agency"),
    "rewards:council_member_add": r("council", None, "manage"),
    "rewards:session_create": r("council", None, "manage"),
    "rewards:session": r("session", "read"),
    "rewards:session_votes": r("session", None, "manage"),
    # rewards: decisions, register, history
    "rewards:decisions": r("agency", "filter", query="agency"),
    "rewards:decision_create": r("agency", None, "manage", query="agency"),
    "rewards:decision": r("reward_decision", "read"),
    "rewards:decision_issue": r("reward_decision", None, "rate_decide"),
    "rewards:decision_docx": r("reward_decision", "read"),
    "rewards:certificates_docx": r("reward_decision", "read"),
    "rewards:proposal_docx": r("council_session", "read"),
    "rewards:minutes_docx": r("council_session", "read"),
    "rewards:register": r("agency", "filter", query="agency"),
    "rewards:register_xlsx": r("agency", "filter", query="agency"),
    "rewards:award_enter": r("agency", "manage", "manage", query="agency"),
    "rewards:history_person": r("person", "read"),
    "rewards:history_unit": r("unit", "read"),
    "rewards:history_agency": r("agency", "read"),
    "ratings:team": r(None, "home_rate_team"),
    "ratings:agency": r(None, "home_rate_agency"),
    "ratings:agency_xlsx": r(None, "home_rate_agency"),
    "ratings:decide": r(None, None, "home_rate_decide"),
    "ratings:unit_score": r(None, None, "home_rate_decide"),
    "ratings:policy": r(None, None, "home_rate_decide"),
    "ratings:person": r("person", "rate_person"),
    "ratings:sheet_docx": r("person", "rate_person"),
    "ratings:self_assess": r("person", None, "nobody"),  # only the person themselves
    "ratings:score": r("person", None, "rate_score", body=lambda w, rel: RATING_SCORE(w, rel), saves=True),
    "ratings:product": r(
        "person", None, "rate_score", args=lambda w, rel: [w.pk("person", rel), w.pk("occurrence", rel)]
    ),
    "ratings:extra_add": r("person", None, "rate_score", body=lambda w, rel: EXTRA(w, rel), saves=True),
    "ratings:extra": r("extra_product", "rate_person", "rate_score"),
    "ratings:amend": r("rating", None, "rate_decide"),
}


# API operations: "METHOD path" -> (kind of the path's record, rule). Query filters take the agency's id.
API: dict[str, Route] = {
    "GET /api/v1/agencies": r(None, "signed_in"),
    "GET /api/v1/agencies/{agency_id}": r("agency", "read"),
    "GET /api/v1/agencies/{agency_id}/units": r("agency", "read"),
    "POST /api/v1/agencies/{agency_id}/units": r(
        "agency", None, "structure", body=lambda w, rel: {"code": "MOI", "name": "Phòng Mới"}, saves=True
    ),
    "GET /api/v1/units/{unit_id}": r("unit", "read"),
    "GET /api/v1/agencies/{agency_id}/people": r("agency", "read"),
    "GET /api/v1/people/{person_id}": r("person", "read"),
    "GET /api/v1/plans": r("agency", "filter", query="agency"),
    "GET /api/v1/plans/{plan_id}": r("plan", "read"),
    "GET /api/v1/tasks": r("agency", "filter", query="agency"),
    "GET /api/v1/tasks/{task_id}": r("task", "read"),
    "GET /api/v1/tasks/{task_id}/occurrences": r("task", "read"),
    "POST /api/v1/occurrences/{occurrence_id}/progress": r(
        "occurrence", None, "progress", body=lambda w, rel: PROGRESS(w, rel), multipart=True, saves=True
    ),
    "POST /api/v1/occurrences/{occurrence_id}/decision": r(
        "occurrence", None, "accept", body=lambda w, rel: DECISION(w, rel)
    ),
    "POST /api/v1/tasks/{task_id}/trigger": r(
        "task", None, "manage", body=lambda w, rel: {"document": "QĐ 1", "occurred_on": "2026-03-02"}
    ),
    "GET /api/v1/indicators": r(None, "signed_in"),
    "GET /api/v1/indicators/values": r("agency", "filter", query="agency"),
    "GET /api/v1/indicators/scorecard": r("agency", "filter", query="agency"),
    "GET /api/v1/indicators/ranking": r(None, "signed_in"),
    "GET /api/v1/dossiers": r("agency", "filter", query="agency"),
    "GET /api/v1/dossiers/{dossier_id}": r("dossier", "read"),
    "GET /api/v1/dossier-imports/{import_id}": r("batch", "read"),
    "POST /api/v1/dossier-imports": r(None, None, "signed_in"),
    "POST /api/v1/dossier-imports/{import_id}/retry": r("batch", None, "import_dossiers"),
    "GET /api/v1/feedback": r("agency", "filter", query="agency"),
    "GET /api/v1/feedback/{feedback_id}": r("feedback", "read"),
    "GET /api/v1/reports": r("agency", "filter", query="agency"),
    "POST /api/v1/reports": r(None, None, "signed_in"),
    "GET /api/v1/reports/due": r(None, "signed_in"),
    "GET /api/v1/reports/{report_id}": r("report", "read"),
    "GET /api/v1/reports/{report_id}/docx": r("report", "read"),
    "GET /api/v1/reports/{report_id}/xlsx": r("report", "read"),
    "GET /api/v1/surveys/questionnaires": r(None, "signed_in"),
    "GET /api/v1/surveys/questionnaires/{questionnaire_id}": r("questionnaire", "read"),
    "GET /api/v1/surveys/campaigns": r("agency", "filter", query="agency"),
    "GET /api/v1/surveys/campaigns/{campaign_id}": r("campaign", "read"),
    "GET /api/v1/surveys/campaigns/{campaign_id}/results": r("campaign", "read"),
    "GET /api/v1/surveys/public/{token}": r(None, "public"),  # a valid link of "own"
    "POST /api/v1/surveys/public/{token}/responses": r(None, None, "public"),
    "GET /api/v1/scoring/sets": r(None, "signed_in"),
    "GET /api/v1/scoring/sets/{set_id}": r("criteria_set", "par_read"),
    "GET /api/v1/communications/articles": r("agency", "filter", query="agency"),
    "POST /api/v1/communications/articles": r(
        "agency",
        None,
        "key_in",
        query="agency",
        body=lambda w, rel: {
            "title": "Tin mới",
            "channel": "website",
            "published_on": "2026-01-05",
            "link": f"https://{rel}.example.vn/moi",
        },
        saves=True,
    ),
    "GET /api/v1/communications/articles/{article_id}": r("article", "read"),
    "GET /api/v1/communications/events": r("agency", "filter", query="agency"),
    "GET /api/v1/communications/check": r("agency", "filter", query="agency"),
    "GET /api/v1/communications/indicators": r("agency", "filter", query="agency"),
    "GET /api/v1/par/rounds": r(None, "signed_in"),
    "GET /api/v1/par/rounds/{round_id}": r("round", "par_read"),
    "GET /api/v1/par/rounds/{round_id}/assessments": r("round", "par_read"),
    "GET /api/v1/par/rounds/{round_id}/ranking": r("round", "par_write"),
    "GET /api/v1/par/assessments/{assessment_id}": r("assessment", "read"),
    "POST /api/v1/par/scores/{score_id}/self": r(
        "score", None, "structure", body=lambda w, rel: PAR_SCORE(w, rel), saves=True
    ),
    "POST /api/v1/par/scores/{score_id}/appraisal": r(
        "score", None, "par_write", body=lambda w, rel: {"verdict": "accepted"}
    ),
    "POST /api/v1/par/scores/{score_id}/explanation": r(
        "score", None, "structure", body=lambda w, rel: {"response": "Đã bổ sung"}
    ),
    "POST /api/v1/par/assessments/{assessment_id}/submit": r(
        "assessment", None, "structure", body=lambda w, rel: {}
    ),
    "POST /api/v1/par/assessments/{assessment_id}/appraisal-done": r(
        "assessment", None, "par_write", body=lambda w, rel: {}
    ),
    "POST /api/v1/par/assessments/{assessment_id}/explanation": r(
        "assessment", None, "structure", body=lambda w, rel: {}
    ),
    "POST /api/v1/par/assessments/{assessment_id}/finalize": r(
        "assessment", None, "par_write", body=lambda w, rel: {}
    ),
    "GET /api/v1/ratings/people/{person_id}": r("person", "rate_person"),
    "GET /api/v1/ratings/agencies/{agency_id}": r("agency", "rate_agency"),
    # rewards: nominations, council, votes
    "GET /api/v1/rewards/nominations": r("agency", "filter", query="agency"),
    "GET /api/v1/rewards/nominations/{nomination_id}": r("nomination", "read"),
    "POST /api/v1/rewards/nominations": r(
        "agency", None, "nominate", body=lambda w, rel: NOMINATION(w, rel), saves=True
    ),
    "POST /api/v1/rewards/nominations/{nomination_id}/check": r(
        "nomination", None, "manage", body=lambda w, rel: {}
    ),
    "GET /api/v1/rewards/sessions/{session_id}/votes": r("session", "read"),
    "POST /api/v1/rewards/sessions/{session_id}/votes": r(
        "session", None, "manage", body=lambda w, rel: {"votes": []}
    ),
    # rewards: movements, contest, registrations, initiatives, ratings input
    "GET /api/v1/rewards/movements": r("agency", "filter", query="agency"),
    "GET /api/v1/rewards/movements/{movement_id}": r("movement", "read"),
    "GET /api/v1/rewards/movements/{movement_id}/contents": r("movement", "read"),
    "GET /api/v1/rewards/movements/{movement_id}/registrations": r("movement", "read"),
    "POST /api/v1/rewards/movements/{movement_id}/registrations": r(
        "movement", None, "key_in", body=lambda w, rel: REGISTRATION(w, rel), saves=True
    ),
    "GET /api/v1/rewards/contest-tables/{table_id}/ranking": r("contest_table", "read"),
    "GET /api/v1/rewards/initiatives": r("agency", "filter", query="agency"),
    "GET /api/v1/rewards/initiatives/{initiative_id}": r("initiative", "read"),
    "GET /api/v1/rewards/annual-ratings": r("agency", "manage", query="agency"),
    "GET /api/v1/inspections/plans": r(None, "signed_in"),
    "GET /api/v1/inspections/plans/{plan_id}": r("inspection_plan", "read"),
    "GET /api/v1/inspections/{inspection_id}": r("inspection", "read"),
    "POST /api/v1/inspections/{inspection_id}/findings": r(
        "inspection", None, "manage", body=lambda w, rel: {"text": "Chưa công khai thủ tục"}, saves=True
    ),
    "POST /api/v1/inspections/findings/{finding_id}/remediations": r(
        "finding", None, "manage", body=lambda w, rel: REMEDIATION(w, rel), saves=True
    ),
    # rewards: decisions, register, history
    "GET /api/v1/rewards/decisions": r("agency", "filter", query="agency"),
    "GET /api/v1/rewards/decisions/{decision_id}": r("reward_decision", "read"),
    "GET /api/v1/rewards/awards": r("agency", "filter", query="agency"),
    "GET /api/v1/rewards/people/{person_id}/history": r("person", "read"),
}

SKIPPED_NAMESPACES = {"admin"}  # Django's admin: its own test below (administrators only)
DOCUMENTATION = {"api:openapi-json", "api:openapi-view", "api:api-root"}


# ---------------------------------------------------------------------------------------------------------------
# The world


@dataclass
class World:
    agencies: dict[str, Any]
    records: dict[tuple[str, str], Any]
    users: dict[str, Any]
    markers: dict[str, list[str]]
    token: str = ""

    def pk(self, kind: str, relation: str) -> int:
        return self.records[(kind, relation)].pk


def _build_world() -> World:
    from apps.accounts.tests.factories import RoleFactory, UserFactory
    from apps.dossiers.models import Dossier, ImportBatch, Procedure, SourceMapping
    from apps.feedback.models import Feedback
    from apps.indicators.models import Indicator, Measurement
    from apps.jobs.models import Job
    from apps.notifications.models import Notification
    from apps.organizations.choices import AgencyLevel
    from apps.organizations.models import Person, Unit
    from apps.organizations.tests.factories import AgencyFactory, UnitFactory
    from apps.plans.models import PlanImport, Target
    from apps.reports.models import Contribution, Report, ReportFile, ReportTemplate
    from apps.reports.tests.factories import build_year
    from apps.scoring.demo import sample_data
    from apps.scoring.services import criteria_set_load
    from apps.surveys import links
    from apps.surveys.models import Questionnaire, SurveyResponse
    from apps.surveys.tests.factories import CampaignFactory, CounterFactory
    from apps.tasks.models import Evidence, ProgressUpdate

    p1 = AgencyFactory(code="P1", name="UBND tỉnh Một", level=AgencyLevel.PROVINCE)
    p2 = AgencyFactory(code="P2", name="UBND tỉnh Hai", level=AgencyLevel.PROVINCE)
    agencies = {
        "own": AgencyFactory(code="P1-SXD", name="Sở Xây dựng tỉnh Một", parent=p1),
        "sibling": AgencyFactory(code="P1-SNV", name="Sở Nội vụ tỉnh Một", parent=p1),
        "other": AgencyFactory(code="P2-SXD", name="Sở Xây dựng tỉnh Hai", parent=p2),
    }
    agencies["child"] = AgencyFactory(
        code="P1-SXD-TT", name="Trung tâm Kiểm định tỉnh Một", parent=agencies["own"], level=AgencyLevel.OTHER
    )
    seed_plan = sorted(Path(settings.CCHC_SEEDS_DIR).glob("0*.txt"))[0].read_bytes()
    procedure = Procedure.objects.create(code="1.000001", name="Cấp giấy phép xây dựng")
    records: dict[tuple[str, str], Any] = {}
    markers: dict[str, list[str]] = {}
    today = timezone.localdate()
    for relation, agency in agencies.items():
        mark = f"MK{relation.upper()}"
        markers[relation] = [mark]
        UnitFactory(agency=agency, code="VP", name="Văn phòng Sở", kind="office", is_focal=True)
        year = build_year(agency)
        year.plan.title = f"Kế hoạch cải cách hành chính {mark}"
        year.plan.save()
        task = year.tasks["T1"]
        task.title = f"Rà soát văn bản {mark}"
        task.save()
        occurrence = task.occurrences.order_by("seq").first()
        occurrence.accepted_on = None
        occurrence.percent = 0
        occurrence.save()
        person = Person.objects.create(agency=agency, unit=year.office, full_name=f"Cán bộ {mark}")
        focal = UserFactory(username=f"focal-{relation}")
        RoleFactory(user=focal, agency=agency, role=Role.FOCAL_POINT)
        report = Report.objects.create(
            agency=agency,
            report_type="annual",
            period_code="2026",
            window_start=date(2025, 12, 15),
            window_end=date(2026, 12, 14),
            deadline=date(2026, 12, 20),
            subject=f"Báo cáo cải cách hành chính năm 2026 {mark}",
        )
        campaign = CampaignFactory(agency=agency, title=f"Khảo sát SIPAS {mark}")
        counter = CounterFactory(agency=agency, name=f"Quầy {mark}")
        template = campaign.questionnaire
        questionnaire = Questionnaire.objects.create(
            agency=agency, code=f"Q-{mark}", year=2026, title=f"Phiếu riêng {mark}", based_on=template
        )
        response = SurveyResponse.objects.create(
            campaign=campaign,
            channel="counter_qr",
            submitted_at=timezone.now(),
            submitted_on=today,
            idempotency_key=f"k-{mark}",
            suggestion=f"Góp ý {mark}",
        )
        source = SourceMapping.objects.create(agency=agency, name=f"Nguồn {mark}")
        batch = ImportBatch.objects.create(
            agency=agency, source=source, original_name=f"hoso-{mark}.csv", status="done", created_by=focal
        )
        batch.error_file.save(f"loi-{mark}.csv", ContentFile(b"ma_ho_so,ly_do\n"), save=True)
        update = ProgressUpdate.objects.create(occurrence=occurrence, percent=10, note=f"Đã làm {mark}")
        evidence = Evidence.objects.create(
            update=update,
            file=ContentFile(b"%PDF-1.4 minh chung", name=f"mc-{mark}.pdf"),
            original_name=f"minh-chung-{mark}.pdf",
            size=19,
            content_type="application/pdf",
            sha256="0" * 64,
        )
        measurement = Measurement.objects.create(
            indicator=Indicator.objects.order_by("pk").first(),
            agency=agency,
            period="2026-Q1",
            period_start=date(2026, 1, 1),
            period_end=date(2026, 3, 31),
            value=90,
            evidence=ContentFile(b"%PDF-1.4 so lieu", name=f"sl-{mark}.pdf"),
            evidence_name=f"so-lieu-{mark}.pdf",
        )
        objective = year.plan.objectives.first()
        target = Target.objects.filter(objective=objective).first()
        # A criteria set belongs to the province: P1's three carry no agency marker (everyone in P1 reads them);
        # P2's carries "other"'s marker, which nobody here may see.
        province = agency.parent if agency.parent.parent_id is None else agency.parent.parent
        set_name = f"Chỉ số CCHC {mark}" if relation == "other" else f"Chỉ số CCHC tỉnh Một ({relation})"
        criteria_set = criteria_set_load(
            data={**sample_data("so.json"), "name": set_name, "decision_number": f"{len(records)}/QĐ-UBND"},
            agency=province,
        )
        records.update(
            {
                ("criteria_set", relation): criteria_set,
                ("criterion", relation): criteria_set.criteria.get(code="1.1"),
                ("agency", relation): agency,
                ("unit", relation): year.office,
                ("person", relation): person,
                ("plan", relation): year.plan,
                ("task", relation): task,
                ("occurrence", relation): occurrence,
                ("plan_import", relation): PlanImport.objects.create(
                    agency=agency,
                    uploaded_file=ContentFile(seed_plan, name=f"kh-{mark}.txt"),
                    original_name=f"kh-{mark}.txt",
                    created_by=focal,
                ),
                ("target", relation): target,
                ("evidence", relation): evidence,
                ("measurement", relation): measurement,
                ("batch", relation): batch,
                ("source", relation): source,
                ("dossier", relation): Dossier.objects.create(
                    code=f"HS-{mark}",
                    agency=agency,
                    procedure=procedure,
                    received_on=date(2026, 3, 2),
                    due_on=date(2026, 3, 20),
                    received_month=202603,
                    due_month=202603,
                ),
                ("feedback", relation): Feedback.objects.create(
                    agency=agency, code=f"PA-{mark}", received_on=date(2026, 3, 2), subject=f"Phản ánh {mark}"
                ),
                ("report", relation): report,
                ("contribution", relation): Contribution.objects.create(report=report, unit=year.office),
                ("template", relation): ReportTemplate.objects.create(
                    agency=agency,
                    file=ContentFile(b"PK", name=f"mau-{mark}.docx"),
                    original_name=f"mau-{mark}.docx",
                ),
                ("report_file", relation): ReportFile.objects.create(
                    report=report, kind="docx", file=ContentFile(b"PK", name=f"bc-{mark}.docx")
                ),
                ("campaign", relation): campaign,
                ("counter", relation): counter,
                ("questionnaire", relation): questionnaire,
                ("response", relation): response,
                ("job", relation): Job.objects.create(kind="report_pdf", agency=agency, user=focal),
                ("notification", relation): Notification.objects.create(
                    user=focal, kind="due_soon", title=f"Nhắc việc {mark}", dedupe_key=f"n-{mark}"
                ),
            }
        )
    _par_records(records, agencies, markers)
    _rating_records(records, agencies, markers)
    _communication_records(records, agencies, markers)
    _inspection_records(records, agencies)
    _reward_decision_records(records, agencies, markers)
    _movement_records(records, agencies, markers)
    from apps.transparency.models import Publication

    for relation, agency in agencies.items():
        records[("publication", relation)] = Publication.objects.create(
            agency=agency, key="plan.progress", published_at=timezone.now()
        )
    users: dict[str, Any] = {ANON: AnonymousUser()}
    for role in ROLES:
        user = UserFactory(username=f"u-{role}")
        home = agencies["sibling"] if role == Role.OVERSEER else agencies["own"]
        RoleFactory(user=user, agency=home, role=role)
        office = Unit.objects.get(agency=home, code="VP")
        user.person = Person.objects.create(agency=home, unit=office, full_name=user.username)
        user.save()
        users[role] = user
    users[Role.ADMINISTRATOR].is_staff = True
    users[Role.ADMINISTRATOR].save()
    own_campaign = records[("campaign", "own")]
    token = links.make_link_token(
        campaign_id=own_campaign.pk,
        counter_id=records[("counter", "own")].pk,
        counter_version=records[("counter", "own")].link_version,
        expires_on=own_campaign.closes_on,
    )
    _nomination_records(records, agencies, users)
    return World(agencies, records, users, markers, token)


def _communication_records(
    records: dict[tuple[str, str], Any], agencies: dict[str, Any], markers: dict[str, list[str]]
) -> None:
    """An article of the communication register per agency, its title and evidence carrying the marker."""
    from apps.communications.models import Article

    for relation, agency in agencies.items():
        mark = markers[relation][0]
        records[("article", relation)] = Article.objects.create(
            agency=agency,
            title=f"Tin tuyên truyền {mark}",
            channel="website",
            published_on=timezone.localdate(),
            link=f"https://{relation}.example.vn/{mark}",
            link_key=f"https://{relation}.example.vn/{mark}",
            evidence=ContentFile(b"%PDF-1.4 anh chup", name=f"tt-{mark}.pdf"),
            evidence_name=f"anh-chup-{mark}.pdf",
        )


def _inspection_records(records: dict[tuple[str, str], Any], agencies: dict[str, Any]) -> None:
    """An inspection plan of 2026 per agency with an inspection of its office, held, and one finding; the
    plan's title carries the agency's marker."""
    from apps.inspections.models import Finding, Inspection, InspectionPlan

    for relation, agency in agencies.items():
        plan = InspectionPlan.objects.create(
            agency=agency, year=2026, title=f"Kế hoạch kiểm tra CCHC MK{relation.upper()}"
        )
        inspection = Inspection.objects.create(
            plan=plan,
            agency=agency,
            unit=records[("unit", relation)],
            scheduled_on=date(2026, 3, 10),
            held_on=date(2026, 3, 11),
        )
        records[("inspection_plan", relation)] = plan
        records[("inspection", relation)] = inspection
        records[("finding", relation)] = Finding.objects.create(
            inspection=inspection, order=1, text=f"Tồn tại MK{relation.upper()}"
        )


def _reward_decision_records(
    records: dict[tuple[str, str], Any], agencies: dict[str, Any], markers: dict[str, list[str]]
) -> None:
    """Rewards (decisions helper): per agency, a council session that passed its person's Lao động tiên tiến
    nomination, a draft decision over it (the marker in its title) and a past award of the register."""
    from apps.rewards.models import Award, Council, CouncilSession, Nomination, RewardDecision, Vote

    for relation, agency in agencies.items():
        mark = markers[relation][0]
        person = records[("person", relation)]
        council = Council.objects.create(agency=agency, name=f"Hội đồng Thi đua – Khen thưởng {mark}")
        session = CouncilSession.objects.create(
            council=council,
            held_at=timezone.make_aware(datetime(2026, 6, 10, 8, 30)),
            members_total=5,
            members_present=5,
        )
        nomination = Nomination.objects.create(
            agency=agency,
            year=2026,
            form="lao_dong_tien_tien",
            subject="person",
            person=person,
            achievement=f"Thành tích {mark}",
            achievement_key="lao_dong_tien_tien:2026",
            status="voted",
            eligible=True,
        )
        Vote.objects.create(session=session, nomination=nomination, votes_for=5, passed=True)
        records[("council_session", relation)] = session
        records[("reward_decision", relation)] = RewardDecision.objects.create(
            agency=agency, session=session, signed_on=date(2026, 6, 15), title=f"Khen thưởng {mark}"
        )
        Award.objects.create(
            agency=agency,
            year=2025,
            form="lao_dong_tien_tien",
            subject="person",
            person=person,
            recipient_name=person.full_name,
            decided_on=date(2025, 12, 20),
            decision_label=f"Quyết định sổ giấy {mark}",
        )


def _par_records(
    records: dict[tuple[str, str], Any], agencies: dict[str, Any], markers: dict[str, list[str]]
) -> None:
    """A draft PAR INDEX assessment per agency in its province's round, a criterion's score with the agency's
    marker in its explanation, and an evidence file of that score."""
    from apps.par.models import Assessment, AssessmentRound, Score, ScoreEvidence
    from apps.scoring.selectors import set_tree
    from domain.scoring.entries import scorable

    day = timezone.localdate()
    rounds: dict[int, Any] = {}
    for relation in ("own", "other", "child", "sibling"):
        agency = agencies[relation]
        criteria_set = records[("criteria_set", "own" if relation != "other" else "other")]
        province_id = criteria_set.agency_id
        if province_id not in rounds:
            rounds[province_id] = AssessmentRound.objects.create(
                province_id=province_id,
                criteria_set=criteria_set,
                year=2026,
                level="so",
                self_deadline=day + timedelta(days=10),
                appraisal_deadline=day + timedelta(days=20),
                explanation_deadline=day + timedelta(days=30),
                final_deadline=day + timedelta(days=40),
                groups=[{"label": "A", "min": "90"}, {"label": "B", "min": "0"}],
            )
        round_ = rounds[province_id]
        assessment = Assessment.objects.create(round=round_, agency=agency)
        codes = {node.code for node in scorable(set_tree(criteria_set=criteria_set).roots)}
        for criterion in criteria_set.criteria.filter(code__in=codes):
            score = Score.objects.create(
                assessment=assessment, criterion=criterion, comment=f"Thuyết minh {markers[relation][0]}"
            )
            if criterion.code == "2":
                records[("score", relation)] = score
        records[("round", relation)] = round_
        records[("assessment", relation)] = assessment
        records[("par_evidence", relation)] = ScoreEvidence.objects.create(
            score=records[("score", relation)],
            file=ContentFile(b"%PDF-1.4 kiem chung", name=f"kc-{markers[relation][0]}.pdf"),
            original_name=f"kiem-chung-{markers[relation][0]}.pdf",
            size=19,
            content_type="application/pdf",
            sha256="0" * 64,
        )


def _movement_records(
    records: dict[tuple[str, str], Any], agencies: dict[str, Any], markers: dict[str, list[str]]
) -> None:
    """Rewards (movements helper): per agency a movement named with the marker, a participant (Văn phòng), a
    contest table with one criterion scored by hand and a proposed initiative with a file."""
    from apps.organizations.models import Unit
    from apps.rewards.models import ContestTable, Initiative, Movement, Participant
    from apps.scoring.services import criteria_set_load

    for relation, agency in agencies.items():
        movement = Movement.objects.create(
            agency=agency,
            name=f"Phong trào {markers[relation][0]}",
            start_year=2026,
            end_year=2030,
            registration_due_day=31,
            registration_due_month=12,
        )
        records[("movement", relation)] = movement
        records[("participant", relation)] = Participant.objects.create(
            movement=movement, unit=Unit.objects.get(agency=agency, code="VP")
        )
        criteria_set = criteria_set_load(
            data={
                "name": f"Thang điểm {relation}",
                "level": "so",
                "year": 2026,
                "total_points": "10",
                "criteria": [{"code": "1", "title": "Kỷ luật, kỷ cương", "max_points": "10"}],
            },
            agency=agency,
        )
        criteria_set.contest = True
        criteria_set.save()
        records[("contest_table", relation)] = ContestTable.objects.create(
            movement=movement, criteria_set=criteria_set
        )
        records[("initiative", relation)] = Initiative.objects.create(
            agency=agency,
            movement=movement,
            title=f"Sáng kiến {markers[relation][0]}",
            year=2026,
            file=ContentFile(b"%PDF-1.4", name=f"sk-{relation}.pdf"),
        )


def _rating_records(
    records: dict[tuple[str, str], Any], agencies: dict[str, Any], markers: dict[str, list[str]]
) -> None:
    """Per agency, an ad-hoc product and a decided rating of its person (the marker in the product's title)."""
    from apps.ratings.models import ExtraProduct, Rating

    for relation, agency in agencies.items():
        person = records[("person", relation)]
        records[("extra_product", relation)] = ExtraProduct.objects.create(
            agency=agency,
            person=person,
            title=f"Việc phát sinh {markers[relation][0]}",
            assigned_on=date(2026, 3, 1),
            due_on=date(2026, 3, 10),
        )
        records[("rating", relation)] = Rating.objects.create(
            agency=agency,
            person=person,
            unit=person.unit,
            period="2026-03",
            status="decided",
            general_points=25,
            task_points=70,
            total=95,
            computed_grade="excellent",
            grade="good",
        )


def _nomination_records(
    records: dict[tuple[str, str], Any], agencies: dict[str, Any], users: dict[str, Any]
) -> None:
    """rewards: nominations, council, votes. Per agency, a nomination sent for the check of its person (whose name carries the
    marker) with one dossier document, and a council with a session; the chair of "own"'s council is the
    leader's person, the others' chair is the agency's own person."""
    from apps.rewards.models import Council, CouncilMember, CouncilSession, Nomination, NominationDocument

    for relation, agency in agencies.items():
        person = records[("person", relation)]
        nomination = Nomination.objects.create(
            agency=agency,
            year=2026,
            form="lao_dong_tien_tien",
            subject="person",
            person=person,
            proposing_unit=person.unit,
            achievement="Hoàn thành tốt nhiệm vụ",
            status="submitted",
        )
        council = Council.objects.create(agency=agency)
        chair = users[Role.LEADER].person if relation == "own" else person
        CouncilMember.objects.create(council=council, person=chair, role="chair")
        records[("nomination", relation)] = nomination
        records[("nomination_document", relation)] = NominationDocument.objects.create(
            nomination=nomination,
            kind="to_trinh",
            file=ContentFile(b"%PDF-1.4 to trinh", name="tt.pdf"),
            note="tt.pdf",
        )
        records[("council", relation)] = council
        records[("session", relation)] = CouncilSession.objects.create(
            council=council, held_at=timezone.now(), members_total=1, members_present=1
        )


@pytest.fixture(scope="module")
def world(django_db_setup: Any, django_db_blocker: Any) -> Iterator[World]:
    """Built once for the module inside a transaction that is rolled back at the end."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# ---------------------------------------------------------------------------------------------------------------
# Running the matrix


def _walk(patterns: list[Any], namespace: str | None = None) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}:{pattern.name}" if namespace else str(pattern.name)


def page_names() -> list[str]:
    names = []
    for name in _walk(get_resolver().url_patterns):
        if name.split(":")[0] in SKIPPED_NAMESPACES or name.startswith("api:"):
            continue
        names.append(name)
    return sorted(set(names))


def api_operations() -> list[str]:
    from config.api import api

    schema = api.get_openapi_schema()
    return sorted(f"{method.upper()} {path}" for path, ops in schema["paths"].items() for method in ops)


def _outcome(response: Any) -> str:
    if response.status_code >= 500:
        return "error"
    if response.status_code in (401, 403, 404, 405):
        return "refused"
    if response.status_code in (301, 302) and "dang-nhap" in response.get("Location", ""):
        return "refused"
    return "served"


def _client(world: World, who: str) -> Client:
    client = Client(raise_request_exception=False)
    if who != ANON:
        client.force_login(world.users[who])
    return client


def _leaks(world: World, who: str, body: bytes) -> list[str]:
    hidden = [rel for rel in RELATIONS if not RULES["read"](who, rel)]
    text = body.decode("utf-8", "replace")
    return [mark for rel in hidden for mark in world.markers[rel] if mark in text]


IGNORED_WRITES = ("django_session", "core_ratebucket", "axes_")


def _writes(queries: list[dict[str, str]]) -> list[str]:
    """The statements of a request that changed the domain's tables (sessions and throttles aside)."""
    out = []
    for query in queries:
        sql = query["sql"].lstrip().upper()
        if not sql.startswith(("INSERT", "UPDATE", "DELETE")):
            continue
        if any(table.upper() in sql[:80] for table in IGNORED_WRITES):
            continue
        out.append(query["sql"][:120])
    return out


def _request(
    client: Client, method: str, url: str, route: Route, world: World, relation: str, is_api: bool
) -> Any:
    if method == "GET":
        return client.get(url)
    body = route.body(world, relation) if route.body else {}
    if is_api and not route.multipart:
        return client.post(url, body, content_type="application/json")
    return client.post(url, body)


def _check(world: World, label: str, route: Route, url_for: Callable[[str], str], is_api: bool) -> list[str]:
    problems = []
    relations = RELATIONS if route.kind else ("none",)
    for who in (ANON, *ROLES):
        client = _client(world, who)
        for relation in relations:
            if route.kind and (route.kind, relation) not in world.records:
                continue
            url = url_for(relation)
            for method, rule in (("GET", route.get), ("POST", route.post)):
                if rule is None:
                    continue
                allowed = RULES[rule](who, relation)
                with transaction.atomic(), CaptureQueriesContext(connection) as captured:
                    response = _request(client, method, url, route, world, relation, is_api)
                    transaction.set_rollback(True)
                got = _outcome(response)
                where = f"{label} {method} as {who} on {relation}"
                writes = _writes(captured.captured_queries)
                if got == "error":
                    problems.append(f"{where}: server error {response.status_code}")
                elif allowed and got == "refused":
                    problems.append(f"{where}: refused ({response.status_code}) but the table allows it")
                elif not allowed and writes:
                    problems.append(f"{where}: wrote {writes[0]}")
                elif not allowed and got == "served" and not (rule in EITHER_WHEN_HIDDEN or method == "POST"):
                    problems.append(f"{where}: served ({response.status_code}) but the table refuses it")
                elif allowed and method == "POST" and route.saves and not writes:
                    problems.append(f"{where}: allowed, yet nothing was saved ({response.status_code})")
                if rule != "public" and not getattr(response, "streaming", False):
                    for mark in _leaks(world, who, response.content):
                        problems.append(f"{where}: shows {mark}")
    return problems


def test_every_page_and_operation_has_an_entry():
    assert sorted(set(page_names()) - set(PAGES)) == []
    assert sorted(set(api_operations()) - set(API)) == []
    assert sorted(set(PAGES) - set(page_names())) == []
    assert sorted(set(API) - set(api_operations())) == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page(world, db, name):
    route = PAGES[name]

    def url_for(relation: str) -> str:
        if route.args is not None:
            args = route.args(world, relation)
        elif route.kind and not route.query:
            args = [world.pk(route.kind, relation)]
        else:
            args = []
        url = reverse(name, args=args)
        if route.query and relation != "none":
            url += f"?{route.query}={world.pk(route.kind or 'agency', relation)}"
        if route.extra:
            url += f"?{route.extra}"
        return url

    problems = _check(world, name, route, url_for, is_api=False)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("operation", sorted(API))
def test_api_operation(world, db, operation):
    route = API[operation]
    path = operation.split(" ", 1)[1]

    def url_for(relation: str) -> str:
        url = path
        if "{" in url and route.kind:
            url = url.split("{")[0] + str(world.pk(route.kind, relation)) + url.split("}", 1)[1]
        url = url.replace("{token}", world.token)
        if route.query and relation != "none":
            url += f"?{route.query}={world.pk(route.kind or 'agency', relation)}"
        return url

    problems = _check(world, operation, route, url_for, is_api=True)
    assert not problems, "\n".join(problems)


def test_admin_site_is_for_administrators_only(world, db):
    problems = []
    for who in (ANON, *ROLES):
        response = _client(world, who).get(reverse("admin:index"))
        served = response.status_code == 200
        if served != RULES["admin_site"](who, "none"):
            problems.append(f"admin as {who}: {response.status_code}")
    assert problems == []


def test_the_world_holds_every_kind_in_every_agency(world, db):
    """Without this guard a route whose record is missing would be skipped and pass without a request."""
    kinds = {route.kind for route in (*PAGES.values(), *API.values()) if route.kind}
    missing = [(kind, rel) for kind in kinds for rel in RELATIONS if (kind, rel) not in world.records]
    assert missing == []


# A page that forgets the scope: it rewrites any plan by id. The matrix must notice it twice over.
def _unscoped_plan_rename(request: Any, pk: int) -> Any:
    from django.http import HttpResponseRedirect

    from apps.plans.models import Plan

    Plan.objects.filter(pk=pk).update(title="Đã bị đổi tên")
    return HttpResponseRedirect("/")


urlpatterns = [
    *get_resolver("config.urls").url_patterns,
    path("thu/ke-hoach/<int:pk>/doi-ten/", _unscoped_plan_rename, name="unscoped_plan_rename"),
]


@pytest.mark.urls(__name__)
def test_the_matrix_catches_an_unscoped_page(world, db):
    assert "unscoped_plan_rename" in set(page_names()) - set(PAGES)

    def url_for(relation: str) -> str:
        return reverse("unscoped_plan_rename", args=[world.pk("plan", relation)])

    problems = _check(world, "unscoped_plan_rename", r("plan", None, "manage"), url_for, is_api=False)
    assert "unscoped_plan_rename POST as focal_point on other: wrote" in "\n".join(problems)
    assert any("as anonymous on own: wrote" in problem for problem in problems)
