"""PostgreSQL: a write to the releases notifies the dataset version's listeners.

The newest release's number is read beside every dataset version (`ReleasesConfig.ready`), so
a new release must reach the listeners that keep the version in memory
(tracker/version_notified.py): a statement trigger named `tracker_dataset_notify` runs
`tracker_dataset_notify()` (tracker/migrations/0020_dataset_stamp_notify.py), which notifies at
commit and changes no tag. SQLite: nothing to do.
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER tracker_dataset_notify
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON releases_release
    FOR EACH STATEMENT EXECUTE FUNCTION tracker_dataset_notify();
"""
DROP = "DROP TRIGGER tracker_dataset_notify ON releases_release;"


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("releases", "0001_release_and_frozen_periods"),
        ("tracker", "0020_dataset_stamp_notify"),
    ]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
