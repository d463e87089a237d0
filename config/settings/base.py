"""Settings shared by every environment.

Nothing here is unsafe to run in production: DEBUG is off, there is no secret key and no
allowed host. `local`, `test` and `production` add what their environment needs.
"""

import os
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from common.security import url_origin

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("TRACKER_VAR_DIR", BASE_DIR / "var"))

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "rest_framework",
    "rest_framework_gis",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "leaflet",
    "simple_history",
    "csp",
    "districts",
    "sources",
    "tracker",
    "quantitative",
    "releases",
]

MIDDLEWARE = [
    "config.middleware.RequestSizeMiddleware",  # first: before anything reads a body
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "common.replicas.ReplicaReadsMiddleware",  # before anything reads: public reads on replicas
    "config.response_cache.ResponseCacheMiddleware",  # after Locale: the language is in the key
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "releases.middleware.DatasetHeadersMiddleware",
    "config.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]


# Seconds a write on SpatiaLite waits for another to finish before it gives up.
SQLITE_LOCK_TIMEOUT = int(os.environ.get("TRACKER_SQLITE_LOCK_TIMEOUT", "20"))


def database_from_env(default_url: str) -> dj_database_url.DBConfig:
    """Read `DATABASE_URL` (`postgis://…` or `spatialite:///path`), else use `default_url`.

    On SpatiaLite every transaction starts IMMEDIATE, taking the write lock at once, and
    waits up to SQLITE_LOCK_TIMEOUT seconds for it: concurrent writes queue one behind the
    other instead of failing with "database is locked" (a transaction that read first and
    then wanted to write could not wait: SQLite refuses it at once to avoid a deadlock).
    """
    return database_from_url(os.environ.get("DATABASE_URL", "").strip() or default_url)


def database_from_url(url: str) -> dj_database_url.DBConfig:
    """Read one database URL, with the connection options `database_from_env` describes."""
    database = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    if database["ENGINE"].endswith(("spatialite", "sqlite3")):
        database.setdefault("OPTIONS", {}).update(
            transaction_mode="IMMEDIATE", timeout=SQLITE_LOCK_TIMEOUT
        )
    return database


def replicas_from_env() -> dict[str, dj_database_url.DBConfig]:
    """Read `DATABASE_REPLICA_URLS` (comma-separated `postgis://` URLs of streaming replicas of
    `DATABASE_URL`) as the databases `replica1`, `replica2`, ...

    common/replicas.py sends public reads to them; tests use the primary for them (MIRROR).
    """
    urls = [u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",")]
    replicas = {}
    for number, url in enumerate((u for u in urls if u), start=1):
        database = database_from_url(url)
        if "postgis" not in database["ENGINE"]:
            raise ImproperlyConfigured(
                f"DATABASE_REPLICA_URLS names {url.split('://')[0]}:// databases; read replicas "
                "are PostgreSQL streaming replicas: write postgis://user:password@host:port/name."
            )
        database["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = database
    return replicas


DATABASES = {
    "default": database_from_env(f"spatialite:///{VAR_DIR / 'tracker.sqlite3'}"),
    **replicas_from_env(),
}
DATABASE_ROUTERS = ["common.replicas.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ar", "العربية")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("TRACKER_STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "config.storage.StaticFilesStorage"},
}

# GDAL from Debian 12 is older than the newest Django tests against; it works for what we use.
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

REST_FRAMEWORK: dict[str, Any] = {
    "DEFAULT_SCHEMA_CLASS": "tracker.api.schema.ApiAutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "tracker.tokens.ApiTokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Territorial-control tracker API",
    "DESCRIPTION": "Districts, sourced claims of control, and the resolved control timeline. "
    "GIS clients (QGIS, GDAL/OGR, geopandas) read the same as OGC API - Features at /ogc/.",
    "VERSION": "1.0.0",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a `kind` or a `status`: give each choice set its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "DistrictKindEnum": "districts.models.District.Kind",
        "SourceKindEnum": "sources.models.Source.Kind",
        "ClaimKindEnum": "tracker.models.Claim.Kind",
        "ClaimStatusEnum": "tracker.models.Claim.Status",
        "PeriodStatusEnum": "tracker.models.ControlPeriod.Status",
        # control/'s row status, in its whole and its `fields=` rows alike (the name it had).
        "ControlDistrictStatusEnum": "tracker.api.serializers.timeline.STATUS_CHOICES",
    },
}

# Days an API token issued now keeps working (tracker/tokens.py).
TRACKER_TOKEN_TTL_DAYS = int(os.environ.get("TRACKER_TOKEN_TTL_DAYS", "90"))

# Requests a minute (or hour, day) an anonymous client may make to the API, per address
# (tracker/api/throttling.py). The address is the socket's unless TRACKER_TRUSTED_PROXIES
# proxies in front append X-Forwarded-For: then the N-th address from the header's right.
# None lifts the limit (the test settings do; TRACKER_API_ANON_RATE=off in the environment).
_ANON_RATE = os.environ.get("TRACKER_API_ANON_RATE", "").strip() or "120/minute"
TRACKER_API_ANON_RATE: str | None = None if _ANON_RATE.lower() == "off" else _ANON_RATE
TRACKER_TRUSTED_PROXIES = int(os.environ.get("TRACKER_TRUSTED_PROXIES", "0"))
REST_FRAMEWORK["NUM_PROXIES"] = TRACKER_TRUSTED_PROXIES

# The rate limit's counts live in the default cache. With REDIS_URL (redis://host:6379/0) every
# server process shares them; without it each process counts alone (local memory), which
# multiplies the limit by the number of processes: `check --deploy` warns about that.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
CACHES = {
    "default": {
        "BACKEND": "common.cache.RedisCache",  # Django's, one client per pool (common/cache.py)
        "LOCATION": REDIS_URL,
        # A Redis that stops answering must not hold requests up (the throttle then lets
        # them through and logs the error).
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Public reads kept in the default cache, built once per dataset version and served to every
# reader without credentials (config/response_cache.py): these path prefixes. Set
# TRACKER_RESPONSE_CACHE=0 to keep nothing. The paths' answers depend only on the claims core's
# record; the quantitative app's (which fold in their own version) are not kept.
TRACKER_RESPONSE_CACHE_PATHS: tuple[str, ...] = (
    (
        "/map/districts.geojson",
        "/api/v1/control/",
        "/api/v1/timeline/",
        "/api/v1/districts/",
        "/api/v1/stats/area/",
        "/api/v1/frontline/",
        "/api/v1/claims/",
    )
    if os.environ.get("TRACKER_RESPONSE_CACHE", "1").strip() != "0"
    else ()
)

# On PostgreSQL each process keeps the dataset version in memory, told of every write by
# LISTEN/NOTIFY on its own connection to the primary (tracker/version_notified.py), so a kept
# read sends no query. TRACKER_VERSION_NOTIFY=0 reads the version by query on every kept read
# instead: set it behind a transaction-pooling PgBouncer, which does not keep a LISTEN. A
# dropped listener is reconnected at most every RETRY seconds; every RECHECK seconds the
# version is read by query anyway (a connection cut without a word is noticed by then).
TRACKER_VERSION_NOTIFY = os.environ.get("TRACKER_VERSION_NOTIFY", "1").strip() != "0"
TRACKER_VERSION_NOTIFY_RETRY_SECONDS = 1.0
TRACKER_VERSION_RECHECK_SECONDS = 1.0

# How much a request may send, refused before its body is read (config.middleware.
# RequestSizeMiddleware answers 413 on the declared Content-Length; Django's own checks below
# answer 400 while parsing):
# - DATA_UPLOAD_MAX_MEMORY_SIZE: the largest body that is not a file upload (API JSON, admin
#   forms). The biggest legitimate one, a claim with a 2,000-character note and a 1,000-character
#   quote or a painted map of every district, is a few kilobytes.
# - DATA_UPLOAD_MAX_NUMBER_FIELDS: most form fields in one request (admin inlines and bulk
#   actions send a few hundred); DATA_UPLOAD_MAX_NUMBER_FILES: files in one request (the claims
#   import sends one).
# - FILE_UPLOAD_MAX_MEMORY_SIZE: an upload larger than this is streamed to a temporary file
#   rather than held in memory.
# - TRACKER_IMPORT_MAX_BYTES: the largest CSV file the admin's import page takes (split larger
#   files, or use `manage.py import_claims`); TRACKER_UPLOAD_MAX_BYTES: the largest multipart body
#   any page takes, that file plus the form's other fields.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 1
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
TRACKER_IMPORT_MAX_BYTES = 5 * 1024 * 1024
TRACKER_UPLOAD_MAX_BYTES = TRACKER_IMPORT_MAX_BYTES + 64 * 1024

# The districts are the map: no tile server unless one is configured.
# The timeline engine (tracker/timeline.py): a source's standing statement drops out of the
# weighing once it is more than TRACKER_HORIZON_DAYS older than the newest standing statement
# about the district; a state whose newest supporting statement is more than
# TRACKER_STALE_AFTER_DAYS old on the day shown is flagged `stale`.
TRACKER_HORIZON_DAYS = int(os.environ.get("TRACKER_HORIZON_DAYS", "30"))
TRACKER_STALE_AFTER_DAYS = int(os.environ.get("TRACKER_STALE_AFTER_DAYS", "180"))

# Citable releases (`manage.py release_make`): where each release's files go (N/ under it),
# where the GeoPackage download is cached, and what CITATION.cff names.
TRACKER_RELEASE_DIR = Path(os.environ.get("TRACKER_RELEASE_DIR", VAR_DIR / "releases"))
TRACKER_EXPORT_DIR = Path(os.environ.get("TRACKER_EXPORT_DIR", VAR_DIR / "exports"))
TRACKER_DATASET_TITLE = os.environ.get(
    "TRACKER_DATASET_TITLE", "Territorial control of Aleppo, 2012-2016: the tracker's record"
)
TRACKER_DATASET_AUTHORS = os.environ.get("TRACKER_DATASET_AUTHORS", "Territorial control tracker")
TRACKER_REPOSITORY_URL = os.environ.get("TRACKER_REPOSITORY_URL", "")

MAP_TILE_URL = os.environ.get("TRACKER_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get("TRACKER_TILE_ATTRIBUTION", "")


# Content Security Policy: only this origin, no inline script without the page's nonce (the
# map and admin templates have none; django-leaflet's widget script carries the nonce). Inline
# styles stay allowed: Leaflet, the Django admin and Swagger UI set style attributes. The map
# pages also allow the tile server configured at the time of the request.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *filter(None, [url_origin(MAP_TILE_URL)])],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Who may frame /embed/ (a space-separated CSP source list; "*" lets any site embed the map).
TRACKER_EMBED_FRAME_ANCESTORS = os.environ.get("TRACKER_EMBED_FRAME_ANCESTORS", "*").split()
X_FRAME_OPTIONS = "DENY"

LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (36.2021, 37.1343),  # [lat, lng], Leaflet's order
    "DEFAULT_ZOOM": 12,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 18,
    "TILES": [("Tiles", MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION})]
    if MAP_TILE_URL
    else [],
    "ATTRIBUTION_PREFIX": "Districts: Columbia Center for Spatial Research",
    "RESET_VIEW": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
