# ruff: noqa: S608  # SQL built from the fixed table names below, no outside input
"""PostgreSQL: a one-row dataset stamp, bumped at commit by every write to the record's tables.

`tracker.version.dataset_version` reads this row instead of the extremes of twelve
tables (one primary-key lookup instead of nineteen sub-selects to plan and run). The rules:

- Every INSERT, UPDATE, DELETE (statement level) or TRUNCATE of a table in TABLES, through
  any path (the ORM, COPY, raw SQL, psql, a restore), runs `tracker_dataset_touch()`, which
  records in `tracker_dataset_touch` that the writing transaction touched the record (one row
  per transaction, counting its statements). That row is the writer's own: other sessions
  cannot see it before commit, and the writer's own reads see a new version after every
  statement.
- At commit, a deferred constraint trigger on that row bumps the stamp (`counter + 1`,
  `modified` = the clock) and deletes the row, in the same transaction as the data: the new
  stamp becomes visible to other sessions atomically with the rows it describes, never before
  (a sequence would be), and a rolled-back write leaves the stamp as it was.
- The shared row is locked only while the writer commits, so concurrent writers do not wait
  on one another for the length of their transactions.

SQLite keeps reading the extremes (fast there): this migration does nothing on it.
"""

from django.db import migrations

# The record's tables: those of `tracker.version._VERSION_MODELS`, and the regions.
TABLES = (
    "tracker_historicalclaim",
    "sources_historicaldocument",
    "sources_historicalsource",
    "districts_historicaldistrict",
    "districts_historicalregion",
    "tracker_historicalactor",
    "tracker_claim",
    "sources_document",
    "sources_source",
    "districts_district",
    "districts_region",
    "tracker_actor",
    "tracker_controlperiod",
)
DATED = [t for t in TABLES if "_historical" in t]

CREATE = f"""
CREATE TABLE tracker_dataset_stamp (
    id smallint PRIMARY KEY CHECK (id = 1),
    counter bigint NOT NULL,
    modified timestamptz
);
INSERT INTO tracker_dataset_stamp (id, counter, modified)
SELECT 1, 0, GREATEST({", ".join(f"(SELECT MAX(history_date) FROM {t})" for t in DATED)});
CREATE TABLE tracker_dataset_touch (
    xid bigint PRIMARY KEY,
    statements integer NOT NULL,
    at timestamptz NOT NULL
);
CREATE FUNCTION tracker_dataset_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tracker_dataset_touch AS t (xid, statements, at)
    VALUES (txid_current(), 1, clock_timestamp())
    ON CONFLICT (xid) DO UPDATE SET statements = t.statements + 1, at = EXCLUDED.at;
    RETURN NULL;
END $$;
CREATE FUNCTION tracker_dataset_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tracker_dataset_stamp AS s (id, counter, modified)
    VALUES (1, 1, clock_timestamp())
    ON CONFLICT (id) DO UPDATE
    SET counter = s.counter + 1, modified = GREATEST(s.modified, clock_timestamp());
    DELETE FROM tracker_dataset_touch WHERE xid = NEW.xid;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER tracker_dataset_stamp AFTER INSERT ON tracker_dataset_touch
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tracker_dataset_stamp();
""" + "".join(
    f"""
CREATE TRIGGER tracker_dataset_touch AFTER INSERT OR UPDATE OR DELETE ON {t}
    FOR EACH STATEMENT EXECUTE FUNCTION tracker_dataset_touch();
CREATE TRIGGER tracker_dataset_touch_truncate AFTER TRUNCATE ON {t}
    FOR EACH STATEMENT EXECUTE FUNCTION tracker_dataset_touch();
"""
    for t in TABLES
)

DROP = "".join(
    f"DROP TRIGGER tracker_dataset_touch ON {t};\n"
    f"DROP TRIGGER tracker_dataset_touch_truncate ON {t};\n"
    for t in TABLES
) + (
    "DROP TABLE tracker_dataset_touch;\nDROP TABLE tracker_dataset_stamp;\n"
    "DROP FUNCTION tracker_dataset_touch();\nDROP FUNCTION tracker_dataset_stamp();\n"
)


def _run(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            with schema_editor.connection.cursor() as cursor:
                cursor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0018_region_statements_grouped"),
        ("districts", "0003_name_without_place"),
        ("sources", "0004_text_limits"),
    ]

    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
