"""Fixtures of the claim proposer's tests (`tracker/extraction*.py`)."""

import pytest
from django.db import transaction

from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.extraction_index import indexes_load


def shipped_places_import() -> None:
    """The shipped districts, regions and aliases, as `make run` loads them."""
    districts_import(DEMO_DISTRICTS)
    regions_import(DEMO_REGIONS)
    aliases_import(DEMO_ALIASES)


@pytest.fixture(scope="session")
def indexes(django_db_setup, django_db_blocker):
    """The shipped districts, regions and aliases, as the proposer reads them.

    Read once for the whole run: the rows are imported, read into the indexes (plain values,
    no database rows) and rolled back at once, so no test finds them in the database.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        shipped_places_import()
        read = indexes_load()
        transaction.set_rollback(True)
    return read
