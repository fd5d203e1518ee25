"""Optimistic locking: one way for every edit form and API update to refuse a stale save.

Each editable record carries a `version`. A form or API client reads it with the record and sends it back; the
save is a conditional UPDATE (… WHERE version = the version read), so of two people who opened the same
record, the second to save is told that someone else changed it, with one Vietnamese message, and nothing
of theirs overwrites the other's change. The API answers such a conflict with 409.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from ninja import Schema

from .ids import MAX_ID

CONFLICT_HINT = "Hãy xem thay đổi của họ và nhập lại nội dung của bạn."
STALE_FORM = (
    "Biểu mẫu thiếu phiên bản của bản ghi (trang cũ?): hãy tải lại trang rồi nhập lại nội dung của bạn."
)


def conflict_message(subject: str, detail: str = "") -> str:
    """“Nhiệm vụ vừa được người khác cập nhật. Hãy xem …”: the one message of a refused stale save."""
    return f"{subject} vừa được người khác cập nhật{detail}. {CONFLICT_HINT}"


class VersionedModel(models.Model):
    """A record edited through a form or the API: its `version` grows by one on every save."""

    version = models.PositiveIntegerField(default=1)

    # How the conflict message names the record (“Nhiệm vụ”, “Kế hoạch”, “Đợt khảo sát” …).
    version_subject: ClassVar[str] = "Bản ghi"

    class Meta:
        abstract = True

    def version_detail(self) -> str:
        """What the record holds now, shown in the conflict message (e.g. “ (tiến độ hiện tại 30%)”)."""
        return ""


class VersionConflict(ValidationError):
    """The record was saved by someone else since the form or API client read it (the API answers 409)."""

    def __init__(self, subject: str, detail: str = "") -> None:
        message = ValidationError(conflict_message(subject, detail), code="version_conflict")
        super().__init__({NON_FIELD_ERRORS: [message]})

    @classmethod
    def of(cls, record: VersionedModel) -> VersionConflict:
        return cls(record.version_subject, record.version_detail())

    @property
    def message_text(self) -> str:
        return self.messages[0]


def version_check(record: VersionedModel | None, expected_version: int | None) -> None:
    """Refuse early, before any other check, when the record read under lock is not the version expected.

    `record` None is a record not created yet (version 0 in a form that creates it when saved); an
    `expected_version` of None skips the check (a workflow step with no form behind it).
    """
    if expected_version is None:
        return
    current = record.version if record is not None else 0
    if current != expected_version:
        if record is None:
            raise VersionConflict("Bản ghi", " (đã bị xóa)")
        raise VersionConflict.of(record)


def versioned_save(
    record: VersionedModel, *, expected_version: int | None = None, update_fields: Iterable[str] | None = None
) -> None:
    """Save `record` as the version after `expected_version` (default: the version it was read at).

    The version moves first by a conditional UPDATE, atomic in the database; if the row no longer has the
    version expected, nothing is written and VersionConflict is raised. Then the record is saved as usual
    (auditing, `auto_now` fields), inside the caller's transaction. A new record (expected version 0 or
    None) is inserted with version 1; with 0 (“none existed when the form was read”), a row created meanwhile
    under the same unique key is a conflict too.
    """
    model = type(record)
    if record._state.adding:
        if expected_version not in (None, 0):
            raise VersionConflict(model.version_subject, " (đã bị xóa)")
        record.version = 1
        if expected_version is None:
            record.save()
            return
        try:
            with transaction.atomic():
                record.save()
        except IntegrityError as error:
            raise VersionConflict(model.version_subject) from error
        return
    read = record.version if expected_version is None else expected_version
    moved = model._base_manager.filter(pk=record.pk, version=read).update(version=read + 1)
    if not moved:
        current = model._base_manager.filter(pk=record.pk).first()
        if current is None:
            raise VersionConflict(model.version_subject, " (đã bị xóa)")
        raise VersionConflict.of(current)
    record.version = read + 1
    record.save(update_fields=None if update_fields is None else [*update_fields, "version"])


def versioned_touch(queryset: models.QuerySet[Any]) -> int:
    """Move the version of records changed by a bulk write, so forms opened before it see a conflict."""
    return queryset.update(version=models.F("version") + 1)


class VersionedForm(forms.Form):
    """A hidden `version`: the version of the record the form was filled from, sent back on save.

    With a ModelForm (`class XForm(VersionedForm, forms.ModelForm)`) the version comes from the instance, and
    a form creating a record has no version field; a plain form gets it in `initial` like any other value,
    and drops it with `versioned=False` where it creates a record.
    """

    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        max_value=MAX_ID,
        error_messages=dict.fromkeys(("required", "invalid", "min_value", "max_value"), STALE_FORM),
    )

    def __init__(self, *args: Any, versioned: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk is not None:
            self.initial.setdefault("version", instance.version)
        elif instance is not None or not versioned:
            del self.fields["version"]

    def full_clean(self) -> None:
        super().full_clean()
        # A hidden field's error would show nowhere: say it above the form.
        errors = getattr(self, "_errors", None)
        if errors and "version" in errors:
            for message in errors.pop("version"):
                self.add_error(None, message)

    @property
    def expected_version(self) -> int:
        """The version of the record the user saw (a valid form editing a record has one)."""
        return int(self.cleaned_data["version"])

    def changes(self) -> dict[str, Any]:
        """The cleaned values without the version, ready for the service."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class VersionConflictOut(Schema):
    """The API's answer to a stale update (409): `detail` is the conflict message."""

    detail: str


# The answers an API update may give besides its own: add to the operation's `response` mapping.
CONFLICT_RESPONSES: dict[int, type[Schema]] = {409: VersionConflictOut}
