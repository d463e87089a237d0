"""PostgreSQL: the dataset stamp's commit also notifies the listeners (`NOTIFY tracker_dataset`).

Rules (tracker/version_notified.py reads them):

- The deferred trigger that bumps the stamp at commit (0019) now also runs
  `pg_notify('tracker_dataset', <the new counter>)`. Notifications are transactional: they are
  delivered to the listening sessions only when the writing transaction commits, after its rows
  and the new stamp are visible, and a rolled-back write notifies nothing.
- `tracker_dataset_notify()` is a trigger function that only notifies (payload: the table's
  name), for tables read beside the version but outside the record (the registered extras,
  such as the newest release): their writes change no tag, yet the listeners must re-read.
  An app that registers an extra (`tracker.version.version_extra_add`) puts a statement
  trigger named `tracker_dataset_notify` on the extra's table; without one the listener reads
  the version by query, as before.

SQLite keeps no listeners: this migration does nothing on it.
"""

from django.db import migrations

STAMP = """
CREATE OR REPLACE FUNCTION tracker_dataset_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bumped bigint;
BEGIN
    INSERT INTO tracker_dataset_stamp AS s (id, counter, modified)
    VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
    SET counter = s.counter + 1, modified = GREATEST(s.modified, clock_timestamp())
    RETURNING counter INTO bumped;
    DELETE FROM tracker_dataset_touch WHERE xid = NEW.xid;
    %s
    RETURN NULL;
END $$;
"""
NOTIFY = """
CREATE FUNCTION tracker_dataset_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tracker_dataset', TG_TABLE_NAME);
    RETURN NULL;
END $$;
"""
CREATE = STAMP % "PERFORM pg_notify('tracker_dataset', bumped::text);" + NOTIFY
DROP = STAMP % "" + "DROP FUNCTION tracker_dataset_notify();\n"


def _run(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0019_dataset_stamp_triggers")]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
