"""Plan importer: turns a .txt, .docx or .pdf plan (Kế hoạch) — or a directive, a decision issuing a plan, a
dispatch assigning tasks, a notice of conclusions — into structured data.

Pure Python; never imports Django. The public entry points are ``parse_plan_file`` (bytes and a file
name in, ``PlanParseResult`` out) and ``to_json_dict`` (the result as the JSON the preview screen and the
API use). Reading problems raise ``DocumentError`` with a Vietnamese message for the user; everything the
parser could not read in a readable plan becomes a warning instead.

Modules, in the order a file goes through them:
``document`` (choose the reader by content; text decoding) → ``word_reader`` / ``pdf_reader`` → ``model``
(paragraphs and tables) → ``layout`` (lines to paragraphs, numbering) → ``header`` (number, date, type,
subject, signature, recipients) and ``references`` (basis, supersedes) → ``objectives`` → the tasks from
``table_rows``/``text_table``/``cell_roles`` + ``appendix`` (task tables) or ``assignments`` (section
"TỔ CHỨC THỰC HIỆN") and ``responsibilities`` (who is told to do what, agency by agency), each built by
``tasks`` → ``task_areas`` → ``result`` (dataclasses and JSON). ``masthead`` reads the issuer from the top
block, ``kinds`` the document kind, ``rubrics`` an emulation plan's scoring table. ``parser`` drives them.
"""

from __future__ import annotations

from domain.plan_import.document import (
    DocumentError,
    Paragraph,
    SourceDocument,
    Table,
    read_document,
    read_docx,
    read_pdf,
    read_txt,
)
from domain.plan_import.parser import parse_plan, parse_plan_file
from domain.plan_import.result import (
    AreaGroup,
    DocRef,
    ImportWarning,
    ParsedObjective,
    ParsedTask,
    PlanHeader,
    PlanParseResult,
    rubric_json,
    to_json_dict,
)

__all__ = [
    "AreaGroup",
    "DocRef",
    "DocumentError",
    "ImportWarning",
    "Paragraph",
    "ParsedObjective",
    "ParsedTask",
    "PlanHeader",
    "PlanParseResult",
    "SourceDocument",
    "Table",
    "parse_plan",
    "parse_plan_file",
    "read_document",
    "read_docx",
    "read_pdf",
    "read_txt",
    "rubric_json",
    "to_json_dict",
]
