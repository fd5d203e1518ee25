"""Indexes of the dossier facts by agency and date, per database.

PostgreSQL: BRIN (block range) indexes, and no LIKE twin of the unique code index. The importer inserts
each file's new rows ordered by agency, so the rows of one agency sit in few block ranges; a BRIN index
costs next to nothing to maintain, where each B-tree costs seconds per million rows imported. SQLite:
ordinary B-tree indexes.
"""

from django.db import migrations

INDEXES = (
    ("dossier_agency_received", "agency_id, received_on"),
    ("dossier_agency_resolved", "agency_id, resolved_on"),
    ("dossier_agency_due", "agency_id, due_on"),
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        # Django adds a varchar_pattern_ops twin to a unique CharField for LIKE 'abc%'; nothing searches
        # dossier codes by prefix, and a fourth B-tree costs seconds per million imported rows.
        schema_editor.execute(
            "DO $$ DECLARE name text; BEGIN "
            "FOR name IN SELECT indexname FROM pg_indexes WHERE tablename = 'dossiers_dossier' "
            "AND indexname LIKE 'dossiers_dossier_code_%%_like' LOOP EXECUTE 'DROP INDEX ' || quote_ident(name); "
            "END LOOP; END $$"
        )
        for name, columns in INDEXES:
            schema_editor.execute(
                f"CREATE INDEX {name} ON dossiers_dossier USING brin ({columns}) WITH (pages_per_range = 16)"
            )
        return
    # SQLite: the overdue list reads the agency's rows through either of the first two.
    for name, columns in INDEXES[:2]:
        schema_editor.execute(f"CREATE INDEX {name} ON dossiers_dossier ({columns})")


def drop(apps, schema_editor):
    for name, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0001_dossier_facts")]
    operations = [migrations.RunPython(create, drop)]
