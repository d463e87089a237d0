"""Fixtures of the claim proposer's tests (`tracker/extraction*.py`)."""

import pytest
from django.db import transaction

from districts.name_import import aliases_import, regions_import
from districts.polygon_import import districts_import
from tracker.demo import DEMO_ALIASES, DEMO_DISTRICTS, DEMO_REGIONS
from tracker.extraction_index import indexes_load


@pytest.fixture(scope="module")
def indexes(django_db_setup, django_db_blocker):
    """The shipped districts, regions and aliases, as the proposer reads them; rolled back at
    the end of the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        districts_import(DEMO_DISTRICTS)
        regions_import(DEMO_REGIONS)
        aliases_import(DEMO_ALIASES)
        yield indexes_load()
        transaction.set_rollback(True)
