"""The README's "Pull the data" recipes work against a live server: every URL answers in its
format, the pandas lines run as written, and the ogr2ogr line, run by Debian's GDAL in its own
process, writes a GeoPackage whose layer has every district with typed date fields."""

import re
import shlex
import subprocess
from pathlib import Path

import pandas as pd
import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

README = Path(__file__).resolve().parents[2] / "README.md"
HOST = "http://127.0.0.1:8000"
URL = re.compile(r"http://127\.0\.0\.1:8000(/api/[^\s\"'`]*)")


def section() -> str:
    text = README.read_text()
    return text.split("\n## Pull the data\n", 1)[1].split("\n## ", 1)[0]


def recipes(prefix: str) -> list[str]:
    """The code spans of the section that start with `prefix`."""
    return [code for code in re.findall(r"`([^`]+)`", section()) if code.startswith(prefix)]


def test_the_section_has_a_recipe_for_each_tool():
    text = section()
    for tool in ("**pandas**", "**geopandas**", "**R sf**", "**ogr2ogr**"):
        assert tool in text, tool
    assert "valid_to" in text and "exclusive" in text


def test_every_url_of_the_section_answers_in_its_format(live_server, world):
    import urllib.request

    # A release's files exist once a release is made: tests/releases reads them.
    paths = sorted(p for p in set(URL.findall(section())) if "/releases/" not in p)
    assert len(paths) >= 6
    for path in paths:
        with urllib.request.urlopen(live_server.url + path, timeout=30) as response:  # noqa: S310
            assert response.status == 200, path
            kind = response.headers.get("Content-Type")
        wanted = {"csv": "text/csv", "geojson": "application/geo+json"}
        fmt = re.search(r"format=(\w+)", path)
        if path.endswith(".gpkg"):
            assert kind == "application/geopackage+sqlite3", path
            continue
        assert kind.startswith(wanted[fmt.group(1)] if fmt else "application/json"), path


def test_the_pandas_recipes_run_as_written(live_server, world):
    lines = recipes("pd.read_csv(")
    assert len(lines) >= 2
    for line in lines:
        frame = eval(line.replace(HOST, live_server.url), {"pd": pd})  # noqa: S307 - our README
        assert len(frame) > 0, line
    periods = eval(lines[0].replace(HOST, live_server.url), {"pd": pd})  # noqa: S307
    assert pd.api.types.is_datetime64_any_dtype(periods["valid_to"])


def test_the_ogr2ogr_recipe_writes_a_geopackage_with_date_fields(live_server, world, tmp_path):
    [line] = [r for r in recipes("ogr2ogr ") if "/api/" in r]  # the OGC one: tests/ogc
    command = shlex.split(line.replace(HOST, live_server.url))
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [package] = tmp_path.glob("*.gpkg")
    info = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-so", str(package)],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    assert f"Feature Count: {len(world.districts)}" in info
    assert re.search(r"^since: Date", info, re.M), info
    assert re.search(r"^last_reported: Date", info, re.M), info
    assert re.search(r"^status: String", info, re.M), info
