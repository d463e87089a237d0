"""Back up the whole dataset to one file, and restore it, on either database engine.

The backup is Django's XML serialization (geometries as WKT with their SRID; XML because
Django's JSON encoder rounds timestamps to milliseconds) of every app that holds data, with natural keys for permissions and content types so it loads into any
freshly migrated database. A restore replaces everything in one transaction: if the file is
unreadable or does not load, nothing changes.
"""

from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test.utils import override_settings

DATA_APPS = [
    "auth.user",
    "auth.group",
    "authtoken",
    "districts",
    "sources",
    "tracker",
]


BACKUP_SUFFIXES = (".xml", ".xml.gz", ".xml.bz2", ".xml.xz")


def dataset_backup(path: Path | str) -> None:
    """Write every record to `path` (XML; compressed when it ends in .gz, .bz2 or .xz)."""
    if not str(path).endswith(BACKUP_SUFFIXES):
        raise ValueError(f"Name the backup file ending in one of {', '.join(BACKUP_SUFFIXES)}.")
    call_command(
        "dumpdata",
        *DATA_APPS,
        format="xml",
        output=str(path),
        natural_foreign=True,
        verbosity=0,
    )


# Tables emptied before a restore: the data apps, plus what points at users. Content types,
# permissions and the migration record stay, as a fresh migrate made them.
FLUSHED_APPS = {"districts", "sources", "tracker", "authtoken", "admin", "sessions", "auth"}
KEPT_MODELS = {"auth.permission"}


def _data_tables() -> list[str]:
    return [
        model._meta.db_table
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in FLUSHED_APPS
        and model._meta.label_lower not in KEPT_MODELS
        and model._meta.managed
    ]


@transaction.atomic
def dataset_restore(path: Path | str) -> None:
    """Replace every record with those in `path`; on any error, keep what was there."""
    if not Path(path).is_file():
        raise FileNotFoundError(f"No backup at {path}; give the file `backup_data` wrote.")
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(
            no_style(), _data_tables(), reset_sequences=True, allow_cascade=True
        )
    )
    # The backup holds the history itself: loading must not write history of its own.
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("loaddata", str(path), verbosity=0)
