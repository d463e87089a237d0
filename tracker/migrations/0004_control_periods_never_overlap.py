"""On PostGIS, forbid two overlapping control periods for one (lens, district).

SpatiaLite has no exclusion constraints; there the engine's own check (and the tests) hold
the same invariant.
"""

from django.db import migrations

CONSTRAINT = "period_no_overlap_per_lens_district"


def constraint_add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    schema_editor.execute(
        f"ALTER TABLE tracker_controlperiod ADD CONSTRAINT {CONSTRAINT} EXCLUDE USING gist "
        "(lens WITH =, district_id WITH =, daterange(start, \"end\", '[)') WITH &&)"
    )


def constraint_drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE tracker_controlperiod DROP CONSTRAINT {CONSTRAINT}")


class Migration(migrations.Migration):
    dependencies = [("tracker", "0003_control_periods")]

    operations = [migrations.RunPython(constraint_add, constraint_drop)]
