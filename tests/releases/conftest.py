"""The API tests' seeded world, and release and export folders of the test's own."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import _no_anonymous_limit, world  # noqa: F401 - fixtures reused

# A GIS client in its own process: pyogrio bundles its own GDAL, which must never be loaded
# beside the Debian libgdal that Django uses in this process.
GDAL_CLIENT = r"""
import json, sys
import pyogrio
from pyogrio.raw import read

path = sys.argv[1]
out = {}
for name, _ in pyogrio.list_layers(path):
    info = pyogrio.read_info(path, layer=name)
    meta, _, geometry, columns = read(path, layer=name, encoding="UTF-8")
    fields = list(meta["fields"])
    rows = []
    for i in range(info["features"]):
        row = {}
        for f, column in zip(fields, columns):
            value = column[i]
            row[f] = None if value != value or str(value) == "NaT" else str(value)
        row["has_geometry"] = geometry[i] is not None
        rows.append(row)
    out[name] = {
        "types": dict(zip(info["fields"].tolist(), info["ogr_types"])),
        "crs": info["crs"],
        "geometry_type": info["geometry_type"],
        "count": info["features"],
        "rows": rows,
    }
print(json.dumps(out))
"""


def gdal_read(path: Path) -> dict:
    """Open a GeoPackage with pyogrio in a separate Python process; return, per layer, its
    OGR field types, CRS, feature count and rows (values as text, nulls as None)."""
    done = subprocess.run(
        [sys.executable, "-c", GDAL_CLIENT, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(autouse=True)
def _own_folders(settings, tmp_path):
    """Releases and the cached GeoPackage go to this test's temporary folder."""
    settings.TRACKER_RELEASE_DIR = tmp_path / "releases"
    settings.TRACKER_EXPORT_DIR = tmp_path / "exports"
