"""API tokens stored as digests with an expiry, replacing Django REST framework's plain-text
tokens. Keys already issued keep working: each is hashed into the new table (expiring a full
TRACKER_TOKEN_TTL_DAYS after the upgrade) and the old table is dropped."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def legacy_tokens_hash(apps, schema_editor):
    from tracker.tokens import legacy_tokens_adopt

    legacy_tokens_adopt(schema_editor.connection, apps.get_model("tracker", "ApiToken"))


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0010_coalition_members"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ApiToken",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("digest", models.CharField(editable=False, max_length=64, unique=True)),
                (
                    "prefix",
                    models.CharField(
                        editable=False,
                        help_text="The key's first characters, to tell keys apart.",
                        max_length=8,
                    ),
                ),
                (
                    "name",
                    models.CharField(blank=True, help_text="What the key is for.", max_length=100),
                ),
                (
                    "created",
                    models.DateTimeField(default=django.utils.timezone.now, editable=False),
                ),
                ("expires", models.DateTimeField()),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="api_tokens",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "API token",
                "ordering": ["user_id", "-created"],
            },
        ),
        # Irreversible by design: the plain-text keys are gone.
        migrations.RunPython(legacy_tokens_hash, migrations.RunPython.noop),
    ]
