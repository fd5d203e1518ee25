"""The upload gate: what a file is (by content), whether a use accepts it, whether it is safe to open.

Every upload goes through ``inspect_upload`` with the rule of its use (``EVIDENCE``, ``PLAN``,
``TEMPLATE``, ``TABLE``); code that later opens a stored .docx or .xlsx checks ``zip_bounds_problem`` with
the same limits. The Django side (settings, forms, the API) is ``apps.core.uploads``.
"""

from domain.uploads.gate import (
    DOCUMENTS,
    EVIDENCE,
    IMAGES,
    PLAN,
    TABLE,
    TEMPLATE,
    UploadRule,
    Verdict,
    inspect_upload,
    sniff,
)
from domain.uploads.kinds import KIND_INFO, SAFE_CONTENT_TYPES, Kind, extension_of, shown_name
from domain.uploads.zips import ZipLimits, human_size, zip_bounds_problem

__all__ = [
    "DOCUMENTS",
    "EVIDENCE",
    "IMAGES",
    "KIND_INFO",
    "PLAN",
    "SAFE_CONTENT_TYPES",
    "TABLE",
    "TEMPLATE",
    "Kind",
    "UploadRule",
    "Verdict",
    "ZipLimits",
    "extension_of",
    "human_size",
    "inspect_upload",
    "shown_name",
    "sniff",
    "zip_bounds_problem",
]
