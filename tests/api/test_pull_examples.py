"""The "Pull the data" examples in docs/api.md work against a live server.

Every GET URL in the curl and Python examples is fetched over HTTP with urllib. geopandas and
pandas are not installed here, so the GeoJSON is checked with `json` (a FeatureCollection of
MultiPolygons in [lon, lat]) and the claims CSV with `csv` (the documented header, one row per
claim): what those libraries would be handed. pandas (no GDAL) reads every CSV example from the
live server, as the doc's Python does.
"""

import csv
import io
import json
import re
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from tracker.api.serializers import CLAIM_CSV_COLUMNS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"
HOST = "http://127.0.0.1:8000"
URL = re.compile(r"""(?:http://127\.0\.0\.1:8000/api/v1|\{BASE\})(/[^\s'"`]*)""")


def example_paths() -> list[str]:
    """Return every GET path of the examples (the POST example is left out)."""
    paths = []
    for line in DOC.read_text().splitlines():
        if "-X POST" in line or "If-None-Match" in line:
            continue
        paths += URL.findall(line)
    return sorted(set(paths))


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - live_server URL
        return response.status, response.headers.get("Content-Type"), response.read()


def test_the_doc_has_curl_and_python_examples():
    paths = example_paths()
    assert "/districts/?simplify=0.0001" in paths
    assert "/claims/?format=csv" in paths
    assert len(paths) >= 12
    text = DOC.read_text()
    assert "gpd.read_file" in text and "pd.read_csv" in text
    assert ", ".join(CLAIM_CSV_COLUMNS) in " ".join(text.split())  # columns documented


def test_every_example_url_answers_on_a_live_server(live_server, world):
    for path in example_paths():
        status, content_type, body = _get(live_server.url + "/api/v1" + path)
        assert status == 200, path
        if "format=csv" in path:
            assert content_type.startswith("text/csv"), path
        elif "format=geojson" in path:
            assert content_type.startswith("application/geo+json"), path
            assert json.loads(body)["type"] == "FeatureCollection"
        else:
            assert content_type.startswith("application/json"), path
            json.loads(body)


def test_the_districts_example_parses_as_geojson(live_server, world):
    _, _, body = _get(live_server.url + "/api/v1/districts/?simplify=0.0001")
    collection = json.loads(body)
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == len(world.districts)
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["id"], str)
        assert feature["geometry"]["type"] == "MultiPolygon"
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)


def test_the_claims_example_parses_as_csv(live_server, world):
    _, _, body = _get(live_server.url + "/api/v1/claims/?format=csv")
    reader = csv.DictReader(io.StringIO(body.decode("utf-8")))
    rows = list(reader)
    assert reader.fieldnames == CLAIM_CSV_COLUMNS
    assert len(rows) == sum(1 for c in world.claims.values() if c.review_status != "rejected")
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["effective_to"]) for r in rows)


def test_the_python_timeline_decoder_in_the_doc_runs(live_server, world):
    code = DOC.read_text().split("With the standard library only:")[1]
    code = code.split("```python")[1].split("```")[0].replace(HOST, live_server.url)
    namespace: dict = {}
    exec(compile(code, str(DOC), "exec"), namespace)  # noqa: S102 - our own documentation
    assert namespace["state_on"]("2016-12-07")["hanano"] == ("held", "government")
    assert namespace["held_by"]["hanano"] == "government"


def test_pandas_reads_every_csv_example_from_the_live_server(live_server, world):
    paths = [p for p in example_paths() if "format=csv" in p]
    assert {p.split("?")[0] for p in paths} >= {
        "/claims/",
        "/timeline/",
        "/districts/hanano/history/",
        "/stats/area/",
        "/quantitative-claims/",
    }
    for path in paths:
        frame = pd.read_csv(live_server.url + "/api/v1" + path)
        assert len(frame.columns) > 1, path
    periods = pd.read_csv(
        live_server.url + "/api/v1/timeline/?lens=consensus&format=csv",
        parse_dates=["valid_from", "valid_to", "start_earliest", "last_reported"],
    )
    on_day = periods[(periods.valid_from <= "2016-12-07") & ~(periods.valid_to <= "2016-12-07")]
    assert on_day.set_index("district").loc["hanano", "actor"] == "government"
