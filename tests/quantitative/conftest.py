"""The API tests' fixtures (a seeded world, users in each role, anonymous client and the lifted
rate limit) for the quantitative API tests, which moved here from tests/api/."""

from tests.api.conftest import _no_anonymous_limit, anon, users, world  # noqa: F401
