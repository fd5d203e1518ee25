"""A questionnaire as plain, cached structure: the sections of the public form and the tree of the indices.

A published questionnaire is frozen, so its structure is built once per process and reused by every request
(the public page and the submission check read no question rows).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from fractions import Fraction

from domain.survey_answers import CHOICE, SCALE5, YES_NO, YES_NO_DEFAULT, QuestionSpec
from domain.survey_index import LEVELS, NO_OPINION, NO_OPINION_LABEL, SATISFIED_LEVELS, Aggregation, Node

from ..choices import QuestionRole
from ..models import Aspect, Question, Questionnaire

ROOT_KEY = "overall"
# An honest estimate for the public page, from timing the model questionnaire on a phone: reading a statement and
# tapping one of five levels takes about 8 s; writing a suggestion or a detail about half a minute.
SECONDS_PER_CHOICE = 8
SECONDS_PER_TEXT = 30


@dataclass(frozen=True)
class FormQuestion:
    id: int
    code: str
    number: int
    text: str
    help_text: str
    kind: str
    role: str
    respondent_field: str
    required: bool
    counts: bool
    options: tuple[tuple[str, str], ...]
    satisfied_values: frozenset[str]
    spec: QuestionSpec
    factor_id: int | None
    weight: Fraction = Fraction(1)
    version: int = 1  # what the question's edit form sends back

    @property
    def key(self) -> str:
        return f"q{self.id}"

    @property
    def is_text(self) -> bool:
        return self.kind == "text"

    @property
    def max_length(self) -> int:
        return self.spec.max_length

    @property
    def seconds(self) -> int:
        return SECONDS_PER_TEXT if self.is_text else SECONDS_PER_CHOICE


@dataclass(frozen=True)
class FormSection:
    key: str
    title: str
    hint: str
    questions: tuple[FormQuestion, ...]

    @property
    def seconds(self) -> int:
        return sum(question.seconds for question in self.questions)


@dataclass(frozen=True)
class PartSpec:
    key: str
    code: str
    title: str
    level: str
    parts: tuple[str, ...]


@dataclass(frozen=True)
class FormSpec:
    questionnaire_id: int
    title: str
    intro: str
    aggregation: Aggregation
    sections: tuple[FormSection, ...]
    questions: tuple[FormQuestion, ...]
    tree: Node
    parts: dict[str, PartSpec]

    @property
    def minutes_estimate(self) -> int:
        """Whole minutes, rounded up: the public page promises no less than it takes."""
        return max(1, -(-sum(question.seconds for question in self.questions) // 60))

    @property
    def specs(self) -> tuple[QuestionSpec, ...]:
        return tuple(question.spec for question in self.questions)

    @property
    def by_code(self) -> dict[str, FormQuestion]:
        return {question.code: question for question in self.questions}

    @property
    def counted(self) -> tuple[FormQuestion, ...]:
        return tuple(question for question in self.questions if question.counts)

    def question_by_role(self, role: str, field: str = "") -> FormQuestion | None:
        for question in self.questions:
            if question.role == role and (not field or question.respondent_field == field):
                return question
        return None


_cache: dict[tuple[int, str], FormSpec] = {}
_lock = threading.Lock()


def form_spec(questionnaire: Questionnaire) -> FormSpec:
    """The structure of a questionnaire; cached while it is published (frozen)."""
    if not questionnaire.is_frozen or questionnaire.published_at is None:
        return _build(questionnaire)
    key = (questionnaire.pk, questionnaire.published_at.isoformat())
    found = _cache.get(key)
    if found is None:
        found = _build(questionnaire)
        with _lock:
            _cache[key] = found
    return found


def _options(question: Question) -> tuple[tuple[str, str], ...]:
    if question.kind == SCALE5:
        levels = tuple(reversed(LEVELS))
        return (*levels, (NO_OPINION, NO_OPINION_LABEL)) if question.allow_no_opinion else levels
    choices = tuple(
        (str(item.get("value", "")), str(item.get("label", ""))) for item in question.choices or ()
    )
    if question.kind == YES_NO and not choices:
        return YES_NO_DEFAULT
    return choices if question.kind in (YES_NO, CHOICE) else ()


def _satisfied(question: Question) -> frozenset[str]:
    if question.kind == SCALE5:
        return SATISFIED_LEVELS
    return frozenset(str(item.get("value")) for item in question.choices or () if item.get("satisfied"))


def _build(questionnaire: Questionnaire) -> FormSpec:
    aspects = list(
        Aspect.objects.filter(questionnaire=questionnaire).prefetch_related("factors").order_by("order", "pk")
    )
    factor_titles = {factor.pk: factor.title for aspect in aspects for factor in aspect.factors.all()}
    questions: list[FormQuestion] = []
    rows = Question.objects.filter(questionnaire=questionnaire).order_by("order", "pk")
    for number, row in enumerate(rows, start=1):
        options = _options(row)
        spec = QuestionSpec(
            code=row.code,
            kind=row.kind,
            required=row.required,
            allow_no_opinion=row.allow_no_opinion,
            options=options if row.kind != SCALE5 else (),
            max_length=row.max_length,
        )
        questions.append(
            FormQuestion(
                id=row.pk,
                code=row.code,
                number=number,
                text=row.text,
                help_text=row.help_text,
                kind=row.kind,
                role=row.role,
                respondent_field=row.respondent_field,
                required=row.required,
                counts=row.counts_toward_index,
                options=options,
                satisfied_values=_satisfied(row),
                spec=spec,
                factor_id=row.factor_id,
                weight=Fraction(str(row.weight)),
                version=row.version,
            )
        )
    sections: list[FormSection] = []
    for question in questions:
        if question.factor_id is not None:
            key, title, hint = (
                f"f{question.factor_id}",
                factor_titles.get(question.factor_id, ""),
                "Mức độ hài lòng của Ông/Bà với từng nội dung sau:",
            )
        elif question.role == QuestionRole.RESPONDENT:
            key, title, hint = "respondent", "Thông tin về Ông/Bà", "Không bắt buộc; phiếu không ghi tên."
        elif question.role == QuestionRole.SUGGESTION:
            key, title, hint = "suggestion", "Góp ý", ""
        else:
            key, title, hint = "general", "Đánh giá chung", ""
        if sections and sections[-1].key == key:
            last = sections[-1]
            sections[-1] = FormSection(last.key, last.title, last.hint, (*last.questions, question))
        else:
            sections.append(FormSection(key, title, hint, (question,)))
    tree, parts = _tree(aspects, questions)
    return FormSpec(
        questionnaire_id=questionnaire.pk,
        title=questionnaire.title,
        intro=questionnaire.intro,
        aggregation=Aggregation(questionnaire.aggregation),
        sections=tuple(sections),
        questions=tuple(questions),
        tree=tree,
        parts=parts,
    )


def _tree(aspects: list[Aspect], questions: list[FormQuestion]) -> tuple[Node, dict[str, PartSpec]]:
    """The index tree: overall → aspects → factors → the questions that count."""
    by_factor: dict[int, list[FormQuestion]] = {}
    for question in questions:
        if question.counts and question.factor_id is not None:
            by_factor.setdefault(question.factor_id, []).append(question)
    parts: dict[str, PartSpec] = {}
    aspect_nodes = []
    for aspect in aspects:
        factor_nodes = []
        for factor in sorted(aspect.factors.all(), key=lambda item: (item.order, item.pk)):
            leaves = tuple(
                Node(question.key, question.text, question.weight)
                for question in by_factor.get(factor.pk, [])
            )
            if not leaves:
                continue
            key = f"f{factor.pk}"
            factor_nodes.append(Node(key, factor.title, Fraction(str(factor.weight)), leaves))
            parts[key] = PartSpec(
                key, factor.code, factor.title, "factor", tuple(leaf.key for leaf in leaves)
            )
        if not factor_nodes:
            continue
        key = f"a{aspect.pk}"
        aspect_nodes.append(Node(key, aspect.title, Fraction(str(aspect.weight)), tuple(factor_nodes)))
        parts[key] = PartSpec(
            key, aspect.code, aspect.title, "aspect", tuple(node.key for node in factor_nodes)
        )
    root = Node(ROOT_KEY, "Chỉ số hài lòng chung", Fraction(1), tuple(aspect_nodes))
    parts[ROOT_KEY] = PartSpec(ROOT_KEY, "", root.title, "overall", tuple(node.key for node in aspect_nodes))
    return root, parts
