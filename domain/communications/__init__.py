"""Communication of administrative reform (tuyên truyền CCHC): channels, the monthly target check, pasted links,
the plan's content areas and targets read from its text."""
