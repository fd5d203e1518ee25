"""PostgreSQL: the ids of the dossier facts and of their roll-up are drawn from the sequence 1,000 at a time.

An import `COPY`s a million facts and hundreds of thousands of roll-up rows; with the default cache of one,
each row takes the sequence's lock and every 32nd writes to the WAL: 1.2 s of a million-row `COPY` on the
reference machine. A session's unused ids are skipped when it ends (gaps in ids mean nothing here).
SQLite assigns row ids itself.
"""

from django.db import migrations

TABLES = ("dossiers_dossier", "dossiers_dossiermonthly")


def cache(size):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN id SET CACHE {size}")

    return run


class Migration(migrations.Migration):
    dependencies = [("dossiers", "0002_fact_indexes")]
    operations = [migrations.RunPython(cache(1000), cache(1))]
