"""Emulation and rewards (thi đua, khen thưởng): the pure rules (no Django).

``forms`` names the titles and forms of award with who decides them; ``facts`` holds what the app gathers for one
nomination; ``rulesets`` the effective-dated rule sets and the province layer, every parameter with its source;
``movement_rules`` a movement's own period rules; ``eligibility`` answers eligible / not eligible with each
condition and the record that proves it; ``council`` checks a council vote; ``prizes`` the prize money.
Sources: Luật Thi đua, khen thưởng 2022; Nghị định 98/2023 and 152/2025/NĐ-CP (../shared/rewards/).
"""
