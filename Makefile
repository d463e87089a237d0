# Two commands matter: `make run` (serve the Aleppo demo) and `make test` (the whole suite).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# Debian's Python: the pyenv one first on PATH cannot load SQLite extensions (SpatiaLite).
SYSTEM_PYTHON := /usr/bin/python3
APT_PACKAGES := python3-venv libgdal32 gdal-bin libsqlite3-mod-spatialite postgresql-15-postgis-3 postgresql-common redis-server chromium fonts-dejavu-core nodejs
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Test processes per database run (pytest-xdist; each gets its own test database): two, one per
# core of the machines CI runs on. WORKERS=0 runs the suite in this one process.
WORKERS ?= 2

.PHONY: run test test-js node-modules test-postgis test-spatialite lint system venv lock screenshots clean bench bench-small bench-reads bench-import bench-tiles bench-country-30k

run: venv
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Serving http://$(HOST):$(PORT)/  (admin: create a user with '$(PY) manage.py createsuperuser')"
	$(PY) manage.py runserver $(HOST):$(PORT)

# The browser tests (marked `browser`) drive the map and the admin in Chromium: they test the
# pages, not the database, so the whole run drives them once, on PostGIS (the production
# database); every API answer those pages read is tested on both databases. `make
# test-spatialite` alone still runs them.
test: venv lint
	$(MAKE) test-js
	$(MAKE) test-spatialite PYTEST_ARGS='-m "not browser" $(PYTEST_ARGS)'
	$(MAKE) test-postgis

# The map's pure modules (static/js/map/) with Node's own test runner: no packages needed.
test-js: system
	node --test tests/js/

# The test tools from the npm registry (package.json devDependencies, locked in
# package-lock.json): axe-core, which the accessibility browser tests inject into the pages.
node-modules: system node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq --no-install-recommends npm; } \
	  || { echo "npm is missing (Debian: apt-get install npm)"; exit 1; }
	npm ci --no-audit --no-fund
	touch $@

# SpatiaLite: each test process makes its own test database in memory.
test-spatialite: venv node-modules
	DATABASE_URL="spatialite:///$(CURDIR)/var/test.sqlite3" $(PY) -m pytest -n $(WORKERS) $(PYTEST_ARGS)

# PostGIS: DATABASE_URL if given, else a throwaway PostgreSQL 15 cluster.
test-postgis: venv node-modules
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(PY) -m pytest -n $(WORKERS) $(PYTEST_ARGS); \
	else \
	  pg_virtualenv -t -v 15 bin/with-pg-url $(PY) -m pytest -n $(WORKERS) $(PYTEST_ARGS); \
	fi

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

# Install what is missing on the machine: apt packages as root, else say what to run.
system:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing system packages. Run as root:"; \
	    echo "  apt-get update && apt-get install -y --no-install-recommends $$missing"; \
	    exit 1; \
	  fi; \
	fi

venv: system $(VENV)/.installed

$(VENV)/.installed: requirements-dev.txt
	$(SYSTEM_PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements-dev.txt
	touch $@

# Re-lock the dependencies declared in pyproject.toml.
lock: venv
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links --extra dev -o requirements-dev.txt pyproject.toml

# Regenerate docs/screenshots/ from a throwaway demo database in headless Chromium.
screenshots: venv
	$(PY) bin/screenshots.py

clean:
	rm -rf $(VENV) var/*.sqlite3 var/static

# Benchmarks, not part of `make test`: every figure of DESIGN.md's "Numbers it must reach"
# beside its reference (bench/RESULTS.md), the warm reads with wrk (installed here, as for
# bench-reads) and the mixed load among them. On DATABASE_URL if given (the role must be allowed
# to create databases), else on a throwaway PostgreSQL 15 cluster with more memory.
# The lock table stays at PostgreSQL's default: a rebuild of more than 1,000 districts takes
# one lock on the whole record, not one per district (tracker/periods.py), so the bench's
# 30,000-district rebuild runs at the settings a production database has.
BENCH_PG_OPTS := -o shared_buffers=2GB -o work_mem=64MB -o maintenance_work_mem=1GB \
	-o max_wal_size=8GB -o checkpoint_timeout=30min
BENCH_ARGS ?=

bench: venv
	@$(MAKE) --no-print-directory system APT_PACKAGES=wrk
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(PY) -m bench.run $(BENCH_ARGS); \
	else \
	  pg_virtualenv -t -v 15 $(BENCH_PG_OPTS) bin/with-pg-url $(PY) -m bench.run $(BENCH_ARGS); \
	fi

# Only the import figure (import_claims of 100,000 rows on PostGIS and SpatiaLite, beside COPY).
bench-import:
	$(MAKE) bench BENCH_ARGS="--only import $(BENCH_ARGS)"

# The same at a smaller country (2,500 districts, 100,000 claims): a few minutes.
bench-small:
	$(MAKE) bench BENCH_ARGS="--small $(BENCH_ARGS)"

# Warm public reads beside a static file through one gunicorn, driven by wrk (installed here,
# not for `make test`): bench/reads.py. On DATABASE_URL if given, else a throwaway PostgreSQL.
READS_ARGS ?=
# The districts as vector tiles (ST_AsMVT) drawn by MapLibre GL (WebGL, in software here) at the
# 30,000-district country: first paint and scrub, beside bench-country-30k's Leaflet figures.
bench-tiles: venv node-modules
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(PY) -m bench.vectortiles $(TILES_ARGS); \
	else \
	  pg_virtualenv -t -v 15 bin/with-pg-url $(PY) -m bench.vectortiles $(TILES_ARGS); \
	fi

# Only the 30,000-district / 3,000,000-claim country (and the Aleppo payloads): about an hour.
bench-country-30k:
	$(MAKE) bench BENCH_ARGS="--only payloads,country-30k --skip engines,v1-rebuild $(BENCH_ARGS)"

bench-reads: venv
	@$(MAKE) --no-print-directory system APT_PACKAGES=wrk
	@if [ -n "$$DATABASE_URL" ]; then \
	  $(PY) -m bench.reads $(READS_ARGS); \
	else \
	  pg_virtualenv -t -v 15 bin/with-pg-url $(PY) -m bench.reads $(READS_ARGS); \
	fi
