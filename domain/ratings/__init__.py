"""Civil-servant and unit ratings under Nghị định 335/2025/NĐ-CP, computed from the work itself (pure Python).

``rules`` holds the dated parameters (every constant cites its source, the uncertain ones are marked
"chưa đối chiếu"); ``tasks`` turns a period's products into the task-result points (a quantity, b quality,
c timeliness; leaders also d, đ, e); ``quota`` applies the cap on "hoàn thành xuất sắc". The grade bands are
``domain.scoring.grading.ND335_RATING``, shared with the scoring engine.
"""
