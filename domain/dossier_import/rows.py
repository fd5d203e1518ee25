"""One row of a dossier export checked and turned into the values the database stores, or the reasons why not.

Every reason is written for the person who fixes the file, in Vietnamese, and a row gets all its reasons at
once. A good row becomes a tuple in the order of `STAGED_FIELDS`, with what the formulas need computed once
here: the month keys, whether the apology was timely under the rule in force on the due date
(`domain.indicators.one_stop_rules`) and the working days from receipt to result.

This runs once per row of files of millions of rows, so it is written for speed: cached lookups, no regular
expressions and no objects on the good path.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from typing import Any

from domain.dossier_import import columns as c
from domain.dossier_import.columns import ColumnPlan
from domain.dossier_import.dates import DateReader, ParsedDate
from domain.indicators.dossier_rates import CHANNELS, LEVELS, WorkdayCounter
from domain.indicators.one_stop_rules import APOLOGY_RULES, ApologyRule, apology_rule_for
from domain.vntext import fold

__all__ = [
    "STAGED_FIELDS",
    "ImportContext",
    "RowValidator",
    "read_channel",
    "read_fee",
    "read_flag",
    "read_level",
    "read_name",
    "read_reappointments",
]

STAGED_FIELDS: tuple[str, ...] = (
    "line",
    "code",
    "agency_id",
    "unit_id",
    "procedure_code",
    "procedure_name",
    "service_level",
    "channel",
    "received_on",
    "received_time",
    "due_on",
    "resolved_on",
    "resolved_time",
    "returned_on",
    "fee",
    "paid_online",
    "digitised",
    "e_result",
    "apology_on",
    "reappointments",
    "received_month",
    "due_month",
    "resolved_month",
    "apologised",
    "resolution_days",
)
CODE_MAX, PROCEDURE_CODE_MAX, PROCEDURE_NAME_MAX = 64, 64, 500
_FLAGS = {"", "0", "1"}
_FLAG_WORDS = {"true": 1, "false": 0, "co": 1, "khong": 0, "x": 1, "yes": 1, "no": 0, "c": 1, "k": 0, "d": 1}


@dataclass
class ImportContext:
    """What a row is checked against: the agencies the user may import into and their units."""

    agencies: Mapping[str, int]  # agency code in upper case → id
    units: Mapping[tuple[int, str], int]  # (agency id, unit code in upper case) → id
    agency_names: Mapping[int, str] = field(default_factory=dict)
    rules: tuple[ApologyRule, ...] = APOLOGY_RULES
    counter: WorkdayCounter = field(default_factory=WorkdayCounter)


def _choice(raw: str, choices: Mapping[str, str], contains: tuple[tuple[str, str], ...]) -> str | None:
    key = "_".join(fold(raw).replace("_", " ").replace("-", " ").split())
    if key in choices:
        return key
    for needle, value in contains:
        if needle in key:
            return value
    return None


_CHANNEL_HINTS = (
    ("truc_tuyen", "truc_tuyen"),
    ("online", "truc_tuyen"),
    ("dvc", "truc_tuyen"),
    ("buu", "buu_chinh"),
    ("truc_tiep", "truc_tiep"),
    ("mot_cua", "truc_tiep"),
    ("quay", "truc_tiep"),
)
_LEVEL_HINTS = (
    ("toan_trinh", "toan_trinh"),
    ("mot_phan", "mot_phan"),
    ("4", "toan_trinh"),
    ("3", "mot_phan"),
    ("2", "khac"),
    ("1", "khac"),
)


class RowValidator:
    """Checks rows laid out as `plan` says; call it with (row number, cells)."""

    def __init__(self, plan: ColumnPlan, context: ImportContext) -> None:
        self.plan = plan
        self.context = context
        self.width = len(plan.header)
        self.read_date = DateReader().read
        # Caches keyed by the cell's text as written; only good values go in the first three.
        self._agencies: dict[str, int] = {}
        self._units: dict[tuple[int, str], int | None] = {}
        self._flags: dict[str, int | None] = {"": 0, "0": 0, "1": 1}
        self._fees: dict[str, int | None] = {"": 0, "0": 0}
        self._channels: dict[str, str | None] = {"": ""}
        self._levels: dict[str, str | None] = {"": ""}
        self._names: dict[str, str] = {"": ""}
        self._rules: dict[int, tuple[int, int]] = {}
        self._agency_codes = {code.upper(): pk for code, pk in context.agencies.items()}
        self._unit_codes = {(agency, code.upper()): pk for (agency, code), pk in context.units.items()}
        position = plan.position
        self._at = tuple(position(name) for name in c.COLUMNS)
        # One C call picks every canonical column out of a row; an absent column reads an appended "".
        self._pick = itemgetter(*(index if index >= 0 else self.width for index in self._at))
        self._places: dict[tuple[str, str], tuple[int, int | None]] = {}
        self._kinds: dict[tuple[str, ...], tuple[str, str, int, int, int, int, int]] = {}
        self._procedures: dict[tuple[str, str], tuple[str, str]] = {}

    # -- single cells, cached by their text -----------------------------------------------------------------
    def _agency(self, text: str) -> int | None:
        found = self._agency_codes.get(text.strip().upper())
        if found is not None and len(self._agencies) < 10_000:
            self._agencies[text] = found
        return found

    def _unit(self, agency_id: int, text: str) -> int | bool | None:
        """The unit's id, None for a blank cell, False for a code the agency does not have."""
        code = text.strip().upper()
        found: int | bool | None = self._unit_codes.get((agency_id, code), False) if code else None
        if found is not False and len(self._units) < 100_000:
            self._units[(agency_id, text)] = found  # type: ignore[assignment]
        return found

    def _cached(self, cache: dict[str, Any], text: str, read: Any) -> Any:
        value = read(text)
        if len(cache) < 10_000:
            cache[text] = value
        return value

    def _apology_rule(self, due_number: int, due_iso: str) -> tuple[int, int]:
        rule = self._rules.get(due_number)
        if rule is None:
            found = apology_rule_for(date.fromisoformat(due_iso), self.context.rules)
            rule = self._rules[due_number] = (found.days_before_due, found.max_reappointments)
        return rule

    # -- single cells for the columnar path (domain.dossier_import.columnar) --------------------------------
    def place_of(self, agency_text: str, unit_text: str) -> tuple[int | None, int | None, bool]:
        """(agency id, unit id, whether the pair is good) for the agency and unit cells of a row."""
        agency_id = self._agency(agency_text)
        if agency_id is None:
            return None, None, False
        if self.plan.position(c.UNIT) < 0:
            return agency_id, None, True
        unit = self._unit(agency_id, unit_text)
        if unit is False:
            return agency_id, None, False
        return agency_id, unit, True  # type: ignore[return-value]

    def apology_rule_of(self, day_number: int) -> tuple[int, int]:
        """(days before the due date, most re-appointments) of the rule in force on that due date."""
        return self._apology_rule(day_number, date.fromordinal(day_number).isoformat())

    def working_day_number(self, day_number: int) -> int:
        """Working days from a fixed anchor up to that day: differences give the days of resolution."""
        return self.context.counter.ordinal(date.fromordinal(day_number))

    # -- the row ------------------------------------------------------------------------------------------
    def __call__(self, line: int, cells: list[str]) -> tuple[tuple[Any, ...] | None, str | None]:
        """(the staged values, None) for a good row; (None, the reasons) for a bad one.

        The fast path only looks values up in caches that hold combinations already found good (agency and
        unit; level, channel, fee and flags; procedure and name) and compares day numbers; anything it has
        not seen, or any doubt, goes to `_check`, which gives the reasons and fills the caches.
        """
        if len(cells) != self.width:
            return self._check(line, cells)
        cells.append("")  # the cell every absent column reads
        (
            code,
            agency,
            unit,
            procedure,
            name,
            level,
            channel,
            received_text,
            due_text,
            resolved_text,
            returned_text,
            fee_text,
            paid_text,
            digitised_text,
            e_result_text,
            apology_text,
            reappointments_text,
        ) = self._pick(cells)
        cells.pop()
        place = self._places.get((agency, unit))
        kinds = self._kinds.get(
            (level, channel, fee_text, paid_text, digitised_text, e_result_text, reappointments_text)
        )
        named = self._procedures.get((procedure, name))
        code = code.strip()
        if place is None or kinds is None or named is None or not code or len(code) > CODE_MAX:
            return self._check(line, cells)
        read_date = self.read_date
        received = read_date(received_text)
        due = read_date(due_text)
        if received is None or due is None:
            return self._check(line, cells)
        resolved = returned = apology = None
        if resolved_text and (resolved := read_date(resolved_text)) is None:
            return self._check(line, cells)
        if returned_text and (returned := read_date(returned_text)) is None:
            return self._check(line, cells)
        if apology_text and (apology := read_date(apology_text)) is None:
            return self._check(line, cells)
        first = received[1]
        if (
            due[1] < first
            or (resolved is not None and resolved[1] < first)
            or (apology is not None and apology[1] < first)
            or (returned is not None and resolved is not None and returned[1] < resolved[1])
        ):
            return self._check(line, cells)
        return self._staged(line, code, place, named, kinds, received, due, resolved, returned, apology), None

    def _staged(
        self,
        line: int,
        code: str,
        place: tuple[int, int | None],
        named: tuple[str, str],
        kinds: tuple[str, str, int, int, int, int, int],
        received: ParsedDate,
        due: ParsedDate,
        resolved: ParsedDate | None,
        returned: ParsedDate | None,
        apology: ParsedDate | None,
    ) -> tuple[Any, ...]:
        level, channel, fee, paid, digitised, e_result, reappointments = kinds
        rule = self._rules.get(due[1]) or self._apology_rule(due[1], due[0])
        apologised = apology is not None and due[1] - apology[1] >= rule[0] and reappointments <= rule[1]
        resolution_days: int | None = None
        resolved_on: str | None = None
        resolved_time: str | None = None
        resolved_month: int | None = None
        if resolved is not None:
            resolution_days = self.context.counter.between_day_numbers(received[1], resolved[1])
            resolved_on, resolved_time, resolved_month = resolved[0], resolved[3], resolved[2]
        return (
            line,
            code,
            place[0],
            place[1],
            named[0],
            named[1],
            level,
            channel,
            received[0],
            received[3],
            due[0],
            resolved_on,
            resolved_time,
            returned[0] if returned is not None else None,
            fee,
            paid,
            digitised,
            e_result,
            apology[0] if apology is not None else None,
            reappointments,
            received[2],
            due[2],
            resolved_month,
            int(apologised),
            resolution_days,
        )

    def _remember(self, cells: list[str], staged: tuple[Any, ...]) -> None:
        """Note the combinations of a good row, so that rows like it take the fast path."""
        if len(self._places) > 100_000 or len(self._kinds) > 100_000 or len(self._procedures) > 100_000:
            return
        cells = [*cells, ""]
        picked = self._pick(cells)
        self._places[(picked[1], picked[2])] = (staged[2], staged[3])
        self._procedures[(picked[3], picked[4])] = (staged[4], staged[5])
        self._kinds[(picked[5], picked[6], picked[11], picked[12], picked[13], picked[14], picked[16])] = (
            staged[6],
            staged[7],
            staged[14],
            staged[15],
            staged[16],
            staged[17],
            staged[19],
        )

    def _check(self, line: int, cells: list[str]) -> tuple[tuple[Any, ...] | None, str | None]:
        """Every check with its reason (the careful path)."""
        if len(cells) == self.width:
            checked = self._check_row(line, cells)
            if checked[0] is not None:
                self._remember(cells, checked[0])
            return checked
        return self._check_row(line, cells)

    def _check_row(self, line: int, cells: list[str]) -> tuple[tuple[Any, ...] | None, str | None]:
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        (
            at_code,
            at_agency,
            at_unit,
            at_procedure,
            at_name,
            at_level,
            at_channel,
            at_received,
            at_due,
            at_resolved,
            at_returned,
            at_fee,
            at_paid,
            at_digitised,
            at_e_result,
            at_apology,
            at_reappointments,
        ) = self._at
        read_date = self.read_date
        errors: list[str] = []

        code = cells[at_code].strip()
        if not code or len(code) > CODE_MAX:
            errors.append("Thiếu mã hồ sơ." if not code else f"Mã hồ sơ dài quá {CODE_MAX} ký tự.")
        agency_text = cells[at_agency]
        agency_id = self._agencies.get(agency_text) or self._agency(agency_text)
        unit_id: int | None = None
        if agency_id is None:
            agency_text = agency_text.strip()
            errors.append(
                f"Mã cơ quan “{agency_text}” không có trong hệ thống hoặc nằm ngoài phạm vi bạn được nhập."
                if agency_text
                else "Thiếu mã cơ quan."
            )
        elif at_unit >= 0:
            unit_text = cells[at_unit]
            key = (agency_id, unit_text)
            unit = self._units[key] if key in self._units else self._unit(agency_id, unit_text)
            if unit is False:
                errors.append(f"Mã đơn vị “{unit_text.strip()}” không thuộc cơ quan {agency_text.strip()}.")
            else:
                unit_id = unit  # type: ignore[assignment]
        procedure = cells[at_procedure].strip()
        if not procedure or len(procedure) > PROCEDURE_CODE_MAX:
            errors.append(
                "Thiếu mã thủ tục." if not procedure else f"Mã thủ tục dài quá {PROCEDURE_CODE_MAX} ký tự."
            )
        name = ""
        if at_name >= 0:
            text = cells[at_name]
            name = self._names[text] if text in self._names else self._cached(self._names, text, read_name)
        level = ""
        if at_level >= 0:
            text = cells[at_level]
            found = (
                self._levels[text] if text in self._levels else self._cached(self._levels, text, read_level)
            )
            if found is None:
                errors.append(f"Mức độ “{text}” không hợp lệ: toan_trinh, mot_phan hoặc khac.")
            level = found or ""
        channel = ""
        if at_channel >= 0:
            text = cells[at_channel]
            found = (
                self._channels[text]
                if text in self._channels
                else self._cached(self._channels, text, read_channel)
            )
            if found is None:
                errors.append(f"Kênh nộp “{text}” không hợp lệ: truc_tiep, truc_tuyen hoặc buu_chinh.")
            channel = found or ""

        received_text, due_text = cells[at_received], cells[at_due]
        received = read_date(received_text) if received_text else None
        due = read_date(due_text) if due_text else None
        if received is None:
            errors.append(_bad_date("Ngày tiếp nhận", received_text))
        if due is None:
            errors.append(_bad_date("Ngày hẹn trả", due_text))
        resolved = returned = apology = None
        if at_resolved >= 0 and (text := cells[at_resolved]):
            resolved = read_date(text)
            if resolved is None and text.strip():
                errors.append(_bad_date("Ngày có kết quả", text))
        if at_returned >= 0 and (text := cells[at_returned]):
            returned = read_date(text)
            if returned is None and text.strip():
                errors.append(_bad_date("Ngày trả kết quả", text))
        if at_apology >= 0 and (text := cells[at_apology]):
            apology = read_date(text)
            if apology is None and text.strip():
                errors.append(_bad_date("Ngày xin lỗi", text))
        if received is not None:
            if due is not None and due[1] < received[1]:
                errors.append(
                    f"Ngày hẹn trả ({due_text.strip()}) trước ngày tiếp nhận ({received_text.strip()})."
                )
            if resolved is not None and resolved[1] < received[1]:
                errors.append(
                    f"Ngày có kết quả ({cells[at_resolved].strip()}) trước ngày tiếp nhận ({received_text.strip()})."
                )
            if apology is not None and apology[1] < received[1]:
                errors.append(f"Ngày xin lỗi ({cells[at_apology].strip()}) trước ngày tiếp nhận.")
        if returned is not None and resolved is not None and returned[1] < resolved[1]:
            errors.append(f"Ngày trả kết quả ({cells[at_returned].strip()}) trước ngày có kết quả.")

        fee = paid = digitised = e_result = reappointments = 0
        if at_fee >= 0:
            text = cells[at_fee]
            value = self._fees[text] if text in self._fees else self._cached(self._fees, text, read_fee)
            if value is None:
                errors.append(f"Lệ phí “{text}” không phải số tiền hợp lệ.")
            fee = value or 0
        flags = self._flags
        if at_paid >= 0:
            text = cells[at_paid]
            value = flags[text] if text in flags else self._cached(flags, text, read_flag)
            if value is None:
                errors.append(_bad_flag(c.PAID_ONLINE, text))
            paid = value or 0
        if at_digitised >= 0:
            text = cells[at_digitised]
            value = flags[text] if text in flags else self._cached(flags, text, read_flag)
            if value is None:
                errors.append(_bad_flag(c.DIGITISED, text))
            digitised = value or 0
        if at_e_result >= 0:
            text = cells[at_e_result]
            value = flags[text] if text in flags else self._cached(flags, text, read_flag)
            if value is None:
                errors.append(_bad_flag(c.E_RESULT, text))
            e_result = value or 0
        if at_reappointments >= 0:
            text = cells[at_reappointments]
            value = read_reappointments(text)
            if value is None:
                errors.append(f"Số lần hẹn lại “{text.strip()}” phải là số nguyên không âm.")
            reappointments = value or 0
        if errors:
            return None, " ".join(errors)

        assert received is not None and due is not None
        staged = self._staged(
            line,
            code,
            (agency_id, unit_id),  # type: ignore[arg-type]
            (procedure, name[:PROCEDURE_NAME_MAX] or procedure),
            (level, channel, fee, paid, digitised, e_result, reappointments),
            received,
            due,
            resolved,
            returned,
            apology,
        )
        return staged, None


def _bad_date(label: str, text: str) -> str:
    if not text.strip():
        return f"Thiếu {label[0].lower()}{label[1:]}."
    return f"{label} “{text.strip()}” không phải ngày hợp lệ (dd/mm/yyyy, dd/mm/yyyy HH:MM hoặc yyyy-mm-dd)."


def _bad_flag(column: str, text: str) -> str:
    return f"{c.COLUMN_LABELS[column]} “{text}” phải là 0 hoặc 1."


def read_name(text: str) -> str:
    name = text.strip()
    return name if name.isascii() else unicodedata.normalize("NFC", name)


def read_reappointments(text: str) -> int | None:
    """How many times the due date was moved: a whole number below 1000, blank for none."""
    stripped = text.strip()
    if not stripped:
        return 0
    return int(stripped) if stripped.isascii() and stripped.isdigit() and len(stripped) < 4 else None


def read_flag(text: str) -> int | None:
    stripped = text.strip()
    if stripped in _FLAGS:
        return int(stripped or 0)
    return _FLAG_WORDS.get(fold(stripped))


def read_channel(text: str) -> str | None:
    return _choice(text, CHANNELS, _CHANNEL_HINTS) if text.strip() else ""


def read_level(text: str) -> str | None:
    return _choice(text, LEVELS, _LEVEL_HINTS) if text.strip() else ""


def read_fee(text: str) -> int | None:
    value = text.strip().lower()
    for suffix in ("vnd", "vnđ", "đồng", "đ", "d"):
        value = value.removesuffix(suffix).strip()
    value = value.replace(" ", "")
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    groups = value.replace(",", ".").split(".")
    if all(part.isdigit() for part in groups):
        if len(groups) > 1 and all(len(part) == 3 for part in groups[1:]):
            return int("".join(groups))  # 50.000 or 1,250,000
        if len(groups) == 2 and len(groups[1]) <= 2:
            return round(float(".".join(groups)))  # 50000.00
    return None
