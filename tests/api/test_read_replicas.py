"""Public reads go to a read replica; writes, and a writer's reads, stay on the primary
(common/replicas.py). Checked against a real streaming replica: a hot standby made with
`pg_basebackup -R` from the test cluster and started on another loopback port."""

import copy
import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from tests.api.conftest import client_as
from tests.conftest import free_port, notified_wait
from tests.test_settings import production_env, run_python
from tracker.models import Claim
from tracker.version import dataset_version

ON_POSTGIS = "postgis" in settings.DATABASES["default"]["ENGINE"]
NEEDS_POSTGRES = pytest.mark.skipif(
    not ON_POSTGIS,
    reason="read replicas are PostgreSQL streaming replicas; SpatiaLite (one file) has none",
)
REPLICA = "replica1"


def _as_cluster_owner(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run as the `postgres` user there (pg_virtualenv's)."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _bindir() -> Path:
    with connections["default"].cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        major = int(cursor.fetchone()[0]) // 10000
    return Path(f"/usr/lib/postgresql/{major}/bin")


def _wait_for(check, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.1)


@pytest.fixture(scope="module")
def standby(django_db_setup, django_db_blocker) -> Iterator[dict]:
    """A hot standby of the test cluster on a free loopback port; yields its database settings."""
    with django_db_blocker.unblock():
        yield from _standby()


def _standby() -> Iterator[dict]:
    primary = connections["default"].settings_dict
    bindir = _bindir()
    data = Path(tempfile.mkdtemp(prefix="standby-"))
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    data.chmod(0o700)
    env = {**os.environ, "PGPASSWORD": primary["PASSWORD"]}
    backup = [str(bindir / "pg_basebackup"), "-h", primary["HOST"] or "localhost"]
    backup += ["-p", str(primary["PORT"] or 5432), "-U", primary["USER"], "-D", str(data)]
    subprocess.run(
        _as_cluster_owner([*backup, "-R", "-X", "stream", "-c", "fast"]),
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    port = free_port()
    # Debian keeps a cluster's configuration outside its data directory: write the standby's.
    conf = {
        "postgresql.conf": f"port = {port}\nlisten_addresses = '127.0.0.1'\n"
        f"unix_socket_directories = '{data}'\nhot_standby = on\nshared_buffers = 16MB\n",
        "pg_hba.conf": "local all all trust\nhost all all 127.0.0.1/32 scram-sha-256\n",
        "pg_ident.conf": "",
    }
    for name, text in conf.items():
        (data / name).write_text(text)
        if os.geteuid() == 0:
            shutil.chown(data / name, "postgres", "postgres")
    log = (data / "server.log").open("w")
    server = subprocess.Popen(
        _as_cluster_owner([str(bindir / "postgres"), "-D", str(data)]),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    replica = copy.deepcopy(primary)
    replica.update(HOST="127.0.0.1", PORT=str(port), TEST={"MIRROR": "default"})
    connections.settings[REPLICA] = replica
    try:
        _wait_for(lambda: server.poll() is not None or _in_recovery(), "the standby")
        assert server.poll() is None, (data / "server.log").read_text()
        yield replica
    finally:
        connections[REPLICA].close()
        del connections.settings[REPLICA]
        server.terminate()
        server.wait(timeout=60)
        log.close()
        shutil.rmtree(data, ignore_errors=True)


def _in_recovery() -> bool:
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_is_in_recovery()")
            return cursor.fetchone()[0]
    except Exception:  # noqa: BLE001 - not up yet
        connections[REPLICA].close()
        return False


def _caught_up() -> None:
    """Wait until the standby has replayed everything the primary has written."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()::text")
        target = cursor.fetchone()[0]

    def replayed() -> bool:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            return cursor.fetchone()[0]

    # The other test process writes to the same cluster meanwhile (`make test` runs two): on a
    # busy 2-core machine replay has been seen to lag a minute behind, so allow three.
    _wait_for(replayed, "the standby to replay the primary's writes", seconds=180)


def _queries(client_call):
    """Run `client_call`; return its response and the queries each database ran."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        response = client_call()
    return response, len(primary), len(replica)


@NEEDS_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", REPLICA])
def test_an_anonymous_read_is_answered_by_the_standby(standby, world, anon, users):
    cache.clear()
    _caught_up()
    response, on_primary, on_replica = _queries(lambda: anon.get("/api/v1/timeline/"))
    assert response.status_code == 200
    assert on_replica > 0 and on_primary == 0
    assert router.db_for_read(Claim) == "default"  # outside a request: the primary
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        assert cursor.fetchone()[0] is True
    # The standby's answer is the primary's, once it has caught up.
    signed_in = client_as(users["reviewer"]).get("/api/v1/timeline/")
    assert response.json() == signed_in.json()


@NEEDS_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", REPLICA])
def test_a_write_and_the_writers_next_read_stay_on_the_primary(standby, world, users):
    analyst = client_as(users["analyst"])
    payload = {
        "document": world.documents["monitor"].pk,
        "district": "sheikh-maqsoud",
        "status": "held",
        "actor": "government",
        "kind": "captured",
        "effective_from": "2016-12-15",
    }
    written, w_primary, w_replica = _queries(
        lambda: analyst.post("/api/v1/claims/", payload, format="json")
    )
    assert written.status_code == 201, written.content
    read, r_primary, r_replica = _queries(
        lambda: analyst.get(f"/api/v1/claims/{written.json()['id']}/")
    )
    assert read.status_code == 200 and read.json()["id"] == written.json()["id"]
    assert w_primary > 0 and r_primary > 0 and w_replica == r_replica == 0


def test_migrations_run_only_on_the_primary():
    assert router.allow_migrate("default", "tracker") is True
    assert router.allow_migrate(REPLICA, "tracker") is False


SHOW_REPLICAS = """
import json
from django.conf import settings as s
print(json.dumps({a: [d["HOST"], d["PORT"], d.get("TEST")] for a, d in s.DATABASES.items()}))
"""


def test_database_replica_urls_become_mirrored_replica_databases(tmp_path):
    urls = (
        "postgis://ro:pw@replica-a.invalid:5433/tracker, postgis://ro:pw@replica-b.invalid/tracker"
    )
    result = run_python(production_env(tmp_path, DATABASE_REPLICA_URLS=urls), "-c", SHOW_REPLICAS)
    assert result.returncode == 0, result.stderr
    databases = json.loads(result.stdout.strip().splitlines()[-1])
    assert databases["replica1"] == ["replica-a.invalid", 5433, {"MIRROR": "default"}]
    assert databases["replica2"][0] == "replica-b.invalid"
    assert databases["default"][0] == "db.invalid"


def test_a_replica_url_that_is_not_postgresql_is_refused_with_the_fix(tmp_path):
    env = production_env(tmp_path, DATABASE_REPLICA_URLS="spatialite:////tmp/x.sqlite3")
    result = run_python(env, "-c", SHOW_REPLICAS)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "postgis://" in result.stderr


@NEEDS_POSTGRES
@pytest.mark.django_db(transaction=True, serialized_rollback=True, databases=["default", REPLICA])
def test_a_lagging_replica_never_keeps_its_answer_under_the_primarys_newer_version(
    standby, world, anon
):
    url = "/api/v1/districts/"
    _caught_up()
    with connections[REPLICA].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        with connections["default"].cursor() as cursor:  # committed: this test is not atomic
            cursor.execute(
                "UPDATE districts_district SET name_en = 'Renamed' WHERE slug = 'hanano'"
            )
        newer = notified_wait()  # the listener knows the primary's new version
        cache.clear()
        lagging = {f["properties"]["name_en"] for f in anon.get(url).json()["features"]}
        assert "Renamed" not in lagging  # built on the replica, which has not replayed it
        assert dataset_version(connections[REPLICA]) != newer
    finally:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
    _caught_up()
    # Kept under the replica's version, the old answer is rebuilt now that the replica has
    # the write; kept under the notified one, it would be served as current.
    names = {f["properties"]["name_en"] for f in anon.get(url).json()["features"]}
    assert "Renamed" in names
