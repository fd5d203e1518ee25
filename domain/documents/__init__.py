"""Word documents the system writes, laid out in the state format of Nghị định 30/2020/NĐ-CP.

``nd30`` holds the reusable layout (page, fonts, header table, title, signature block, grid tables);
``plan_docx`` fills it with a plan and its "06 rõ" appendix. Pure Python over python-docx: no Django.
"""
