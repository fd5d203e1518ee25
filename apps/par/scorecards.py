"""An assessment's points, stage by stage, from its stored entries through the one scoring engine.

- self: the agency's own entries (survey criteria take the survey points, which the agency does not enter);
- final: per criterion the last word — the review if there was one, else the appraisal, else the self-score —
  and the survey points; the index is the engine's total over the tree, rescaled where criteria do not apply.
Nothing here writes; `services` stores the points these cards give.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from apps.scoring.selectors import SetTree
from domain.scoring.entries import Entry, scorecard_inputs
from domain.scoring.scoring import Scorecard, score_criteria
from domain.scoring.tree import Method

from .models import Score


class Stage(StrEnum):
    SELF = "self"
    APPRAISAL = "appraisal"
    FINAL = "final"


def stage_entry(score: Score, stage: Stage, method: str) -> Entry:
    """The entry that counts for one criterion at one stage."""
    if method == Method.SURVEY:
        return Entry.from_dict(score.survey_entry)
    if stage == Stage.SELF:
        return score.self_value
    if stage == Stage.FINAL and score.review_verdict:
        return score.review_value
    if score.verdict:
        return score.appraisal_value
    return score.self_value if stage == Stage.FINAL else Entry()


@dataclass(frozen=True)
class StageCard:
    card: Scorecard
    problems: Mapping[str, str]


def stage_card(tree: SetTree, scores: Iterable[Score], stage: Stage) -> StageCard:
    """The engine's scorecard of the tree at ``stage``; entries it cannot read are named in ``problems``."""
    methods = {row.criterion.code: row.criterion.method for row in tree.rows}
    entries = {
        score.criterion.code: stage_entry(score, stage, methods.get(score.criterion.code, ""))
        for score in scores
    }
    inputs, problems = scorecard_inputs(tree.roots, entries)
    return StageCard(score_criteria(tree.roots, inputs), problems)
