"""Settings for the test suite: the database comes from DATABASE_URL (PostGIS or SpatiaLite)."""

from .base import *  # noqa: F403
from .base import STORAGES

SECRET_KEY = "test-only-key-not-secret"  # noqa: S105 - used by the test run only
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

TRACKER_API_ANON_RATE = None  # tests that check throttling set their own rate
