"""Taking in one response: the link, the gates against abuse, the answers' check, and the idempotent write.

Order of the gates (each refusal is counted in the campaign's abuse log and leaves nothing else saved):
link signature and expiry → campaign open → form key → replay of an accepted key (the same thank-you, nothing
new stored) → honeypot → size → rate per address and the device cookie (only without a dossier code: a signed
dossier link already limits itself to one response) → the answers → one response per dossier.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core import throttle
from domain.survey_answers import check_answers

from .. import links
from ..choices import AbuseKind, CampaignStatus, Channel, QuestionRole, RespondentField
from ..models import AbuseEvent, Answer, Campaign, Counter, SurveyResponse
from ..selectors import campaign_for_link, counter_for_link, form_spec
from .write_gate import write_gate

MAX_BODY_BYTES = 64 * 1024


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    REPLAYED = "replayed"
    INVALID = "invalid"
    REFUSED = "refused"
    NOT_FOUND = "not_found"
    GONE = "gone"
    RATE_LIMITED = "rate_limited"


HTTP_STATUS = {
    Outcome.ACCEPTED: 201,
    Outcome.REPLAYED: 200,
    Outcome.INVALID: 422,
    Outcome.REFUSED: 409,
    Outcome.NOT_FOUND: 404,
    Outcome.GONE: 410,
    Outcome.RATE_LIMITED: 429,
}


@dataclass
class LinkResolution:
    """What a survey link points to, or why it cannot be used."""

    token: str
    campaign: Campaign | None = None
    counter: Counter | None = None
    data: links.LinkData | None = None
    outcome: Outcome | None = None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.outcome is None

    @property
    def dossier_code(self) -> str | None:
        return self.data.dossier_code if self.data else None


@dataclass
class Result:
    outcome: Outcome
    message: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    response: SurveyResponse | None = None
    set_device_cookie: bool = False
    reissue_key: bool = False

    @property
    def http_status(self) -> int:
        return HTTP_STATUS[self.outcome]


def abuse_record(*, campaign: Campaign | None, kind: str, detail: str = "") -> None:
    AbuseEvent.objects.create(campaign=campaign, kind=kind, detail=detail[:255])


def campaign_accepting(campaign: Campaign) -> str:
    """Why the campaign takes no responses today, or an empty string."""
    today = timezone.localdate()
    if campaign.status == CampaignStatus.DRAFT or today < campaign.period_start:
        return "Đợt khảo sát chưa bắt đầu nhận ý kiến."
    if campaign.status == CampaignStatus.CLOSED or today > campaign.closes_on:
        return "Đợt khảo sát đã kết thúc. Xin cảm ơn Ông/Bà đã quan tâm."
    return ""


def resolve_link(token: str, *, record: bool = True) -> LinkResolution:
    """Check a link's signature, expiry, counter and campaign; refusals are counted when `record`."""
    resolution = LinkResolution(token)
    try:
        data = links.read_link_token(token)
    except links.LinkError:
        if record:
            abuse_record(campaign=None, kind=AbuseKind.FORGED_LINK, detail=token[:80])
        resolution.outcome = Outcome.NOT_FOUND
        resolution.message = "Đường dẫn khảo sát không hợp lệ. Xin quét lại mã QR tại quầy."
        return resolution
    resolution.data = data
    campaign = campaign_for_link(campaign_id=data.campaign_id)
    if campaign is None:
        resolution.outcome = Outcome.NOT_FOUND
        resolution.message = "Không tìm thấy đợt khảo sát."
        return resolution
    resolution.campaign = campaign
    if data.counter_id is not None:
        counter = counter_for_link(counter_id=data.counter_id, agency_id=campaign.agency_id)
        if counter is None or not counter.is_active or counter.link_version != data.counter_version:
            if record:
                abuse_record(
                    campaign=campaign, kind=AbuseKind.EXPIRED_LINK, detail="Mã QR của quầy đã thu hồi."
                )
            resolution.outcome = Outcome.GONE
            resolution.message = "Mã QR này đã được thay thế. Xin quét mã mới đang dán tại quầy."
            return resolution
        resolution.counter = counter
    closed = "Đường dẫn khảo sát đã hết hạn." if data.is_expired else campaign_accepting(campaign)
    if closed:
        if record:
            abuse_record(campaign=campaign, kind=AbuseKind.EXPIRED_LINK, detail=closed)
        resolution.outcome = Outcome.GONE
        resolution.message = closed
    return resolution


def _replayed(campaign: Campaign, key: str) -> SurveyResponse | None:
    return (
        SurveyResponse.objects.filter(idempotency_key=key, campaign=campaign)
        .only("pk", "campaign_id")
        .first()
    )


@dataclass(frozen=True)
class PublicSubmission:
    """One submission from the public page or the public API."""

    resolution: LinkResolution
    key: str | None
    data: Mapping[str, str]
    address: str
    honeypot: str = ""
    device_seen: bool = False
    body_bytes: int = 0
    channel: str = ""


def public_submit(*, submission: PublicSubmission) -> Result:
    resolution = submission.resolution
    campaign = resolution.campaign
    if not resolution.ok or campaign is None:
        return Result(resolution.outcome or Outcome.NOT_FOUND, resolution.message)
    if not submission.key:
        abuse_record(campaign=campaign, kind=AbuseKind.FORGED_KEY)
        return Result(
            Outcome.INVALID,
            "Phiếu đã mở quá lâu hoặc không hợp lệ: các câu trả lời vẫn còn dưới đây, xin bấm “Gửi ý kiến” lại.",
            reissue_key=True,
        )
    previous = _replayed(campaign, submission.key)
    if previous is not None:
        return Result(Outcome.REPLAYED, response=previous)
    if submission.honeypot.strip():
        abuse_record(campaign=campaign, kind=AbuseKind.HONEYPOT)
        # A robot is thanked like a person and nothing is stored.
        return Result(Outcome.REPLAYED)
    if submission.body_bytes > MAX_BODY_BYTES:
        abuse_record(campaign=campaign, kind=AbuseKind.TOO_LONG, detail=f"{submission.body_bytes} byte")
        return Result(
            Outcome.INVALID,
            "Phiếu gửi lên quá dài (góp ý tối đa 2.000 ký tự). Xin viết ngắn lại rồi gửi lại.",
        )
    dossier = resolution.dossier_code
    if not dossier:
        limit = int(getattr(settings, "SURVEYS_RATE_LIMIT_PER_MINUTE", 10))
        with write_gate():
            allowed = throttle.hit(throttle.bucket_key("survey", submission.address), limit=limit)
        if not allowed:
            abuse_record(campaign=campaign, kind=AbuseKind.RATE_LIMITED)
            return Result(
                Outcome.RATE_LIMITED,
                "Có quá nhiều phiếu gửi từ cùng một địa chỉ trong một phút. Xin thử lại sau ít phút.",
            )
        if submission.device_seen:
            abuse_record(campaign=campaign, kind=AbuseKind.DEVICE_REPEAT)
            return Result(
                Outcome.REFUSED,
                "Thiết bị này đã gửi phiếu cho đợt khảo sát. Mỗi lượt giao dịch chỉ trả lời một phiếu; xin cảm ơn.",
            )
    channel = submission.channel or (Channel.RESULT_SLIP if dossier else Channel.COUNTER_QR)
    result = response_submit(
        campaign=campaign,
        counter=resolution.counter,
        channel=channel,
        key=submission.key,
        data=submission.data,
        dossier_code=dossier,
        replay_checked=True,
    )
    result.set_device_cookie = result.outcome == Outcome.ACCEPTED and not dossier
    return result


def response_submit(
    *,
    campaign: Campaign,
    counter: Counter | None,
    channel: str,
    key: str,
    data: Mapping[str, str],
    dossier_code: str | None = None,
    unit_id: int | None = None,
    enforce_required: bool = True,
    replay_checked: bool = False,
) -> Result:
    """Check and store one response; the same key again returns the stored response and stores nothing."""
    previous = None if replay_checked else _replayed(campaign, key)
    if previous is not None:
        return Result(Outcome.REPLAYED, response=previous)
    spec = form_spec(campaign.questionnaire)
    checked = check_answers(spec.specs, data, enforce_required=enforce_required)
    if not checked.ok:
        kind = AbuseKind.TOO_LONG if checked.too_long else AbuseKind.INVALID
        abuse_record(campaign=campaign, kind=kind, detail=", ".join(sorted(checked.errors))[:255])
        return Result(
            Outcome.INVALID,
            "Phiếu chưa gửi được: xin xem lại các câu được đánh dấu.",
            errors={spec.by_code[code].key: message for code, message in checked.errors.items()},
        )
    hashed = links.dossier_hash(dossier_code) if dossier_code else None
    duplicate = Result(
        Outcome.REFUSED,
        "Hồ sơ này đã được đánh giá trong đợt khảo sát. Mỗi hồ sơ chỉ đánh giá một lần; xin cảm ơn.",
    )
    if hashed and SurveyResponse.objects.filter(campaign=campaign, dossier_hash=hashed).exists():
        abuse_record(campaign=campaign, kind=AbuseKind.DUPLICATE_DOSSIER)
        return duplicate
    by_code = spec.by_code
    procedure_question = spec.question_by_role(QuestionRole.RESPONDENT, RespondentField.PROCEDURE)
    suggestion_question = spec.question_by_role(QuestionRole.SUGGESTION)
    now = timezone.localtime()
    try:
        with write_gate(), transaction.atomic():
            response = SurveyResponse.objects.create(
                campaign=campaign,
                counter=counter,
                unit_id=unit_id if unit_id is not None else (counter.unit_id if counter else None),
                channel=channel,
                procedure=(
                    (
                        checked.texts.get(procedure_question.code)
                        or checked.values.get(procedure_question.code)
                        or ""
                    )[:255]
                    if procedure_question
                    else ""
                ),
                submitted_at=now.replace(minute=0, second=0, microsecond=0),
                submitted_on=now.date(),
                idempotency_key=key,
                dossier_hash=hashed,
                suggestion=checked.texts.get(suggestion_question.code, "") if suggestion_question else "",
            )
            answers = [
                Answer(response=response, question_id=by_code[code].id, value=value)
                for code, value in checked.values.items()
            ]
            answers += [
                Answer(response=response, question_id=by_code[code].id, text=text)
                for code, text in checked.texts.items()
            ]
            Answer.objects.bulk_create(answers)
    except IntegrityError:
        previous = _replayed(campaign, key)
        if previous is not None:
            return Result(Outcome.REPLAYED, response=previous)
        abuse_record(campaign=campaign, kind=AbuseKind.DUPLICATE_DOSSIER)
        return duplicate
    if checked.markup:
        abuse_record(campaign=campaign, kind=AbuseKind.MARKUP, detail=f"Phiếu {response.pk}")
    return Result(Outcome.ACCEPTED, response=response)
