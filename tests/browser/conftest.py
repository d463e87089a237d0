"""Browser tests: keep serialized rollback working once Playwright is running.

Playwright's sync API runs the tests inside a greenlet with its own context variables, and
Django keeps one connection object per context. The connection the test database was built
on holds the serialized data of the migrations (seeded actors, groups); the one the browser
tests get does not, so `serialized_rollback=True` would silently restore nothing after a
transactional test flushed the database. Hand the serialized data over to it.
"""

import pytest
from django.db import connections


@pytest.fixture(scope="session", autouse=True)
def _serialized_data_follows_playwright(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        saved = {
            alias: connections[alias]._test_serialized_contents
            for alias in connections
            if hasattr(connections[alias], "_test_serialized_contents")
        }
        request.getfixturevalue("browser")
        for alias, contents in saved.items():
            connections[alias]._test_serialized_contents = contents
