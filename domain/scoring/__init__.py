"""One scoring engine for the PAR INDEX, emulation contests and civil-servant ratings (pure Python).

The parts, one module each:

* ``tree`` — a criteria tree (lĩnh vực → tiêu chí → tiêu chí thành phần, any depth; codes "1", "1.1",
  "1.1.2") of :class:`~domain.scoring.tree.Criterion` nodes with a maximum, a method (self-assessed, survey,
  computed from data), the evidence asked for and a rule; and :class:`~domain.scoring.tree.RuleSet`, the tree as
  one decision states it, with its source and the dates it is in force, so next year's set never rewrites this
  year's scores.
* ``rules`` — the rule kinds, each a frozen dataclass of its own parameters that turns one input into points
  with a Vietnamese explanation ("Tỷ lệ 92,5% > 90% → 2/2 điểm"); ``rule_dicts`` stores them as JSON.
* ``scoring`` — a whole tree from one input per criterion code: sums per node, bonus and penalty outside the
  scale, rescaling over the points that apply, the index in percent.
* ``grading`` — a total or an index mapped to a band, with conditions that cap the band.
* ``table_import`` / ``table_export`` — a province's criteria table (rows from ``table_files``: .xlsx, .docx,
  CSV) read into a tree with Vietnamese errors and warnings, and written back in the same columns;
  ``guide_rules`` reads a rule from the words of its scoring guide ("> 90%: 2; 70–90%: 1; < 70%: 0").
* ``values`` — inputs, results and errors; numbers read "92,5", never "92.5" (``domain.vn_numbers``, for every app).

The three uses:

* **PAR INDEX** (Chỉ số CCHC, a province's decision for its Sở and xã): the set's tree, scored from the unit's
  self-assessment, then the appraisal, each an input map; survey criteria are ordinary nodes (method ``survey``,
  e.g. proportional to the SIPAS index or an answer mapping); a unit without a duty gives
  ``NotApplicableInput`` and is rescaled; ranking groups through :data:`~domain.scoring.grading.PAR_GROUPS`.
* **Emulation contests** (thi đua theo khối, cụm): a set of level "thi_dua" whose criteria are summed, with
  bonus and penalty criteria and a floor, graded by the contest's own bands.
* **Civil-servant and agency ratings** (Nghị định 335/2025/NĐ-CP): a set of 30 general points (hand-scored or
  by deduction) + 70 task points (a proportional node fed (a + b + c) ÷ 3 from the task register; a delay is a
  ``deduction`` of 25% of that product's points), graded by :data:`~domain.scoring.grading.ND335_RATING`, where
  discipline caps the grade whatever the points. The split of the 30 points is not in the primary text: such
  parameters carry ``unverified=True`` and every explanation says "chưa đối chiếu"; no official number is
  guessed.

Nothing here touches a database or Django: apps store the sets and inputs and call these functions.
"""
