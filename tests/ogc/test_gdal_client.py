"""A real GDAL client (pyogrio's own GDAL, OAPIF driver, as QGIS uses it) reads the service on a
live test server: it lists the layers, reads each collection, filters by `datetime` (the open
option and the connection URL) and by `bbox`.

pyogrio runs in a separate Python process: Django has Debian's libgdal loaded in this one, and
two GDALs must not meet in one process. The child prints what it read as JSON.
"""

import datetime
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tracker.models import ControlPeriod

README = Path(__file__).resolve().parents[2] / "README.md"
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

READER = r"""
import json, sys
import pyogrio
from pyogrio.raw import read

url, layer, options, bbox = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
if layer == "":
    print(json.dumps([[str(name), str(kind)] for name, kind in pyogrio.list_layers(url)]))
    sys.exit(0)
meta, fids, geometry, columns = read(
    url, layer=layer, bbox=tuple(bbox) if bbox else None, **options
)
names = list(meta["fields"])
rows = []
for i in range(len(geometry)):
    rows.append({n: (None if columns[k][i] is None else str(columns[k][i])) for k, n in enumerate(names)})
    rows[-1]["_has_geometry"] = geometry[i] is not None
print(json.dumps({"fields": names, "dtypes": [str(t) for t in meta["dtypes"]], "rows": rows}))
"""


def gdal_read(url: str, layer: str = "", options: dict | None = None, bbox=None):
    """Run pyogrio in a child process and return what it read."""
    done = subprocess.run(
        [sys.executable, "-c", READER, url, layer, json.dumps(options or {}), json.dumps(bbox)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_gdal_lists_the_three_collections_as_polygon_layers(live_server, world):
    layers = dict(gdal_read(f"OAPIF:{live_server.url}/ogc/"))
    assert set(layers) == {"districts", "control-periods", "claims"}
    assert set(layers.values()) == {"MultiPolygon"}


def test_gdal_reads_each_collection_with_typed_days(live_server, world):
    url = f"OAPIF:{live_server.url}/ogc/"
    districts = gdal_read(url, "districts")
    assert sorted(r["slug"] for r in districts["rows"]) == sorted(world.districts)
    periods = gdal_read(url, "control-periods")
    assert len(periods["rows"]) == ControlPeriod.objects.filter(lens="consensus").count()
    types = dict(zip(periods["fields"], periods["dtypes"], strict=True))
    assert types["valid_from"].startswith("datetime64") and types["valid_to"].startswith(
        "datetime64"
    )
    claims = gdal_read(url, "claims")
    public = {c.pk for c in world.claims.values() if c.review_status != "rejected"}
    assert len(claims["rows"]) == len(public)
    unmapped = [r for r in claims["rows"] if r["place_name"] == "Jabal Badro"]
    assert len(unmapped) == 1 and not unmapped[0]["_has_geometry"]


def _in_force(day: datetime.date) -> set[tuple[str, str]]:
    return {
        (p.district.slug, p.start.isoformat())
        for p in ControlPeriod.objects.filter(lens="consensus").select_related("district")
        if p.start <= day and (p.end is None or p.end > day)
    }


def test_gdal_filters_periods_by_datetime_open_option_and_connection_url(live_server, world):
    day = datetime.date(2016, 12, 7)
    expected = _in_force(day)
    assert len(expected) == len(world.districts)  # one period in force per district that day
    by_option = gdal_read(
        f"OAPIF:{live_server.url}/ogc/", "control-periods", {"DATETIME": day.isoformat()}
    )
    got = {(r["district"], r["valid_from"][:10]) for r in by_option["rows"]}
    assert got == expected
    by_url = gdal_read(f"OAPIF:{live_server.url}/ogc/?datetime={day}", "control-periods")
    assert {(r["district"], r["valid_from"][:10]) for r in by_url["rows"]} == expected


def test_gdal_reads_another_lens_written_into_the_connection_url(live_server, world):
    lens = "stance:opposition"
    read = gdal_read(f"OAPIF:{live_server.url}/ogc/?lens={lens}", "control-periods")
    assert {r["lens"] for r in read["rows"]} == {lens}
    assert len(read["rows"]) == ControlPeriod.objects.filter(lens=lens).count()


def test_gdal_passes_a_bbox_to_the_server(live_server, world):
    west, south, east, north = world.districts["ash-shaar"].geom.extent
    box = [west + 0.001, south + 0.001, east - 0.001, north - 0.001]
    read = gdal_read(f"OAPIF:{live_server.url}/ogc/", "districts", bbox=box)
    assert [r["slug"] for r in read["rows"]] == ["ash-shaar"]


def test_gdal_follows_the_next_links_page_by_page(live_server, world):
    read = gdal_read(f"OAPIF:{live_server.url}/ogc/", "claims", {"PAGE_SIZE": "3"})
    public = {c.pk for c in world.claims.values() if c.review_status != "rejected"}
    assert len(public) > 3  # more than one page
    assert sorted(r["place_name"] for r in read["rows"]) == sorted(
        c.place_name for c in world.claims.values() if c.pk in public
    )


def test_the_readme_recipes_open_and_filter_on_a_live_server(live_server, world):
    text = README.read_text(encoding="utf-8")
    section = text.split("## Pull the data", 1)[1].split("\n## ", 1)[0]
    urls = set(re.findall(r"OAPIF:http://127\.0\.0\.1:8000/ogc/[^\s\"`]*", section))
    assert len(urls) >= 2
    days = re.findall(r"DATETIME=\"?([0-9/.-]+)", section)
    assert days
    live = [url.replace("http://127.0.0.1:8000", live_server.url) for url in sorted(urls)]
    for url in live:
        assert dict(gdal_read(url))["control-periods"] == "MultiPolygon"
    for day in days:
        rows = gdal_read(live[0], "control-periods", {"DATETIME": day})["rows"]
        assert rows and len(rows) < ControlPeriod.objects.count()
