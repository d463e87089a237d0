"""The OGC tests read the REST API tests' seeded world: four districts, three sources, claims
that agree, disagree, are rejected, retracted, windowed or unmapped, and their periods."""

from tests.api.conftest import _no_anonymous_limit, users, world  # noqa: F401 - fixtures
