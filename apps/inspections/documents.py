"""An inspection as the values the document writers take: the record (biên bản kiểm tra, the writer in
`domain.documents.inspection_record`) and the conclusion notice (`domain.documents.inspection_notice`).
Callers read the inspection through the selectors first; this module only shapes what they found."""

from __future__ import annotations

from datetime import datetime, time

from domain import inspections as rules_of
from domain.documents.inspection_notice import ConclusionNotice, RemediationLine, conclusion_notice_to_docx
from domain.documents.inspection_record import (
    InspectionFinding,
    InspectionMember,
    InspectionRecord,
    inspection_record_to_docx,
)
from domain.documents.nd30 import DocumentHeader, SignatureBlock
from domain.reform_areas import REFORM_AREAS

from .models import Inspection
from .selectors import FindingRow

BASIS = "Căn cứ {plan} của {agency};"


def _members(text: str) -> tuple[InspectionMember, ...]:
    return tuple(InspectionMember(name, title, role) for name, title, role in rules_of.parse_team(text))


def _header(inspection: Inspection, symbol: str, number: str) -> DocumentHeader:
    agency = inspection.agency
    governing = agency.parent.name if agency.parent_id and agency.parent else None
    held = inspection.held_on
    return DocumentHeader(
        governing_body=governing,
        issuing_body=agency.name,
        number=number or None,
        symbol=f"{symbol}-{agency.document_symbol}" if agency.document_symbol else symbol,
        place=agency.place_name,
        issued_on=held,
        year=inspection.plan.year,
    )


def _signing_title(inspection: Inspection) -> str:
    """A Sở's head signs as GIÁM ĐỐC; an Ủy ban nhân dân signs on behalf of its collective body."""
    if inspection.agency.name.lower().startswith(("ủy ban", "ubnd")):
        return "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH"
    return "GIÁM ĐỐC"


def _subject(inspection: Inspection, lead: str) -> str:
    return f"{lead} công tác cải cách hành chính năm {inspection.plan.year} tại {inspection.target_name}"


def _basis(inspection: Inspection) -> tuple[str, ...]:
    return (BASIS.format(plan=inspection.plan.title, agency=inspection.agency.name),)


def _areas(inspection: Inspection) -> str:
    names = [area.name for area in REFORM_AREAS if area.code in inspection.areas]
    return ", ".join(names)


def record_docx(inspection: Inspection, rows: list[FindingRow]) -> bytes:
    team = _members(inspection.team)
    leader = next((m.name for m in team if "trưởng đoàn" in m.role.lower()), team[0].name if team else None)
    findings = [
        InspectionFinding(
            item.text,
            f"{item.get_result_display() or 'Chưa đánh giá'}" + (f": {item.note}" if item.note else "."),
        )
        for item in inspection.checklist.all()
    ]
    started = datetime.combine(inspection.held_on, time(8, 0)) if inspection.held_on else None
    record = InspectionRecord(
        governing_body=_header(inspection, "BB", "").governing_body,
        issuing_body=inspection.agency.name,
        number=inspection.record_number or None,
        symbol="BB-" + (inspection.agency.document_symbol or "KT"),
        place=inspection.agency.place_name,
        issued_on=inspection.held_on,
        year=inspection.plan.year,
        subject=_subject(inspection, "Kiểm tra"),
        basis=_basis(inspection),
        started_at=started,
        location=inspection.location or inspection.target_name,
        inspected=inspection.target_name,
        team=team,
        representatives=_members(inspection.representatives),
        findings=tuple(findings),
        conclusion="\n".join(
            [inspection.conclusion, *(f"Tồn tại, hạn chế: {row.finding.text}" for row in rows)]
        ).strip(),
        requests=tuple(
            f"{item.remediation.task.title} (thời hạn {item.remediation.task.due_on:%d/%m/%Y})"
            for row in rows
            for item in row.remediations
            if item.remediation.task.due_on
        ),
        ended_at=None,
        team_leader=leader,
    )
    return inspection_record_to_docx(record)


def notice_docx(inspection: Inspection, rows: list[FindingRow]) -> bytes:
    items = list(inspection.checklist.all())
    passed = tuple(item.text for item in items if item.result == rules_of.PASS)
    shortfalls = tuple(
        [row.finding.text for row in rows]
        + [f"{item.text}: {item.note}" for item in items if item.result == rules_of.FAIL]
    )
    remediations = tuple(
        RemediationLine(
            item.remediation.task.title,
            ", ".join(unit.name for unit in item.remediation.task.lead_units.all()),
            item.remediation.task.due_on,
        )
        for row in rows
        for item in row.remediations
    )
    recipients = (
        inspection.target_name,
        "Lãnh đạo cơ quan",
        f"Lưu: VT, {inspection.agency.document_symbol or 'CCHC'}",
    )
    notice = ConclusionNotice(
        header=_header(inspection, "TB", inspection.notice_number),
        subject=_subject(inspection, "Kết luận kiểm tra"),
        basis=_basis(inspection),
        inspected=inspection.target_name,
        held_on=inspection.held_on,
        mode=rules_of.MODE_LABELS.get(inspection.mode, ""),
        passed=passed,
        shortfalls=shortfalls,
        conclusion=inspection.conclusion
        or (f"Nội dung kiểm tra: {_areas(inspection)}." if inspection.areas else ""),
        remediations=remediations,
        signature=SignatureBlock(title=_signing_title(inspection), signer=None, recipients=recipients),
    )
    return conclusion_notice_to_docx(notice)
