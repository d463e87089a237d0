"""Production settings: every secret from the environment, and fail loudly when one is missing.

Required: DJANGO_SECRET_KEY (50+ random characters), DJANGO_ALLOWED_HOSTS (comma-separated
host names) and DATABASE_URL (`postgis://user:password@host:5432/name`). The app expects to
sit behind a proxy that terminates HTTPS and sets `X-Forwarded-Proto`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import database_from_env, replicas_from_env


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"Set the environment variable {name}; production refuses to start without it."
        )
    return value


def _csv(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]


def _required_list(name: str) -> list[str]:
    items = _csv(_required(name))
    if not items:
        raise ImproperlyConfigured(
            f"Set the environment variable {name} to a comma-separated list."
        )
    return items


DEBUG = False
SECRET_KEY = _required("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = _required_list("DJANGO_ALLOWED_HOSTS")
# A SpatiaLite file inside a container would vanish with it: name the database explicitly.
DATABASES = {"default": database_from_env(_required("DATABASE_URL")), **replicas_from_env()}
# Origins (scheme and host, e.g. https://tracker.example.org) allowed to POST forms when the
# proxy in front changes the Host header; same-host HTTPS requests need nothing here.
CSRF_TRUSTED_ORIGINS = _csv(os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", ""))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
# The container's health probe speaks plain HTTP to the app itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# One line per record on stdout, where the container runtime collects it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR", "propagate": True},
        "django.security": {"level": "WARNING", "propagate": True},
    },
}
