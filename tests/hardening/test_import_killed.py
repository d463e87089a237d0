"""An import killed at any moment leaves all of its rows or none: never part of a file.

A real `manage.py import_claims` process on its own SpatiaLite file is sent SIGKILL while it
works; the database, reopened, holds either nothing from the file or all of it.
"""

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 1500


def manage(env, *args, **kwargs):
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=env, **kwargs)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    """A migrated SpatiaLite file with the districts, and a large claims file."""
    work = tmp_path_factory.mktemp("killed")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DJANGO_DEBUG": "0",
        "TRACKER_VAR_DIR": str(work),
        "DATABASE_URL": f"spatialite:///{work / 'db.sqlite3'}",
    }
    for args in (
        ["migrate", "-v0"],
        ["import_districts", "districts/data/aleppo_districts.geojson"],
    ):
        assert manage(env, *args, stdout=subprocess.DEVNULL).wait(timeout=300) == 0
    with (work / "claims.csv").open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "date",
                "date_precision",
                "district_en",
                "claimed_controller",
                "claim_type",
                "source_org",
                "source_stance",
                "citation",
                "quote",
                "notes",
            ]
        )
        for n in range(ROWS):
            writer.writerow(
                [f"2016-{1 + n % 12:02d}-{1 + n % 28:02d}", "day", ["Hanano", "Sakhour"][n % 2],
                 "government", "captured", f"Source {n % 40}", "government",
                 f"https://example.org/{n}", f"quote {n}", ""]
            )  # fmt: skip
    return work, env


def claims_in(work: Path) -> int:
    with sqlite3.connect(work / "db.sqlite3") as db:  # plain SQLite: the claims table is plain
        return db.execute("SELECT count(*) FROM tracker_claim").fetchone()[0]


@pytest.mark.parametrize("after_seconds", [1.5, 3.0, 5.0])
def test_a_killed_import_leaves_all_or_nothing(workdir, after_seconds):
    work, env = workdir
    before = claims_in(work)
    process = manage(env, "import_claims", str(work / "claims.csv"), stdout=subprocess.DEVNULL)
    time.sleep(after_seconds)
    finished = process.poll() is not None
    if not finished:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    after = claims_in(work)
    assert after in (before, before + ROWS), f"{after - before} of {ROWS} rows survived"
    if not finished:
        assert process.returncode == -signal.SIGKILL
    # Clean slate for the next kill: a finished import is undone by hand here.
    with sqlite3.connect(work / "db.sqlite3") as db:
        db.execute("DELETE FROM tracker_claim WHERE import_key IS NOT NULL")
