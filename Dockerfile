# The web app under gunicorn, with production settings. See docker-compose.yml for PostGIS.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

# GDAL/GEOS/PROJ for GeoDjango, SpatiaLite for the file database, psql for `manage.py dbshell`.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libgdal32 \
        libsqlite3-mod-spatialite \
        postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# The locked dependencies only (pip-compile output), so the image matches the tested set.
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt && pip check

COPY . .

# Static files are built into the image, owned by root and read-only for the app. The secret,
# hosts and database given here exist only for this one command: production settings demand
# them, collectstatic uses none of them, and nothing of them is kept in the image's ENV.
RUN DJANGO_SECRET_KEY="build-only-$(python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
    DJANGO_ALLOWED_HOSTS=build.invalid \
    DATABASE_URL=postgis://build@build.invalid/build \
    python manage.py collectstatic --noinput

RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /app app \
    && mkdir -p /app/var \
    && chown app:app /app/var
USER app

EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-m", "config.health", "http://127.0.0.1:8000/healthz"]

CMD ["gunicorn", "config.wsgi:application", \
     "--bind", "0.0.0.0:8000", \
     "--workers", "3", \
     "--access-logfile", "-"]
