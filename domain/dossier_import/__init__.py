"""Reading dossier exports of the one-stop systems: streaming, column matching, row checks (pure Python)."""
