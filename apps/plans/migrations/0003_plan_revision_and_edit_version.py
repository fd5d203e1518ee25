"""The plan's document revision keeps its numbers under a new name; `version` becomes the edit lock."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0002_reform_areas"),
    ]

    operations = [
        migrations.RenameField(model_name="plan", old_name="version", new_name="revision"),
        migrations.AddField(
            model_name="plan",
            name="version",
            field=models.PositiveIntegerField(default=1),
        ),
    ]
