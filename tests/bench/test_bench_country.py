"""The 30,000-district country's bench parts, small, so they cannot rot while `make bench` is
not run: the scale is selectable, a first-paint profile is summed by file and by function, and
the vector-tile prototype's tiles hold the grid's districts (PostGIS: ST_AsMVT)."""

import gzip

import pytest
from django.db import connection

from bench import run
from bench.firstpaint import _payloads, profile_summary
from bench.generate import COUNTRY_30K, SCALES, TINY, districts_generate


def test_the_30k_country_is_its_own_section_three_times_the_country():
    assert SCALES["country-30k"] is COUNTRY_30K
    assert "country-30k" in run.SECTIONS and "country-30k" in run.FULL_SCALES
    assert (COUNTRY_30K.districts, COUNTRY_30K.claims) == (30_000, 3_000_000)
    # The edit's 1/1000 of a rebuild is judged at both full countries, not at bench-small's.
    assert run._targeted(COUNTRY_30K, relative_to_size=True)
    assert not run._targeted(SCALES["country-small"], relative_to_size=True)


def test_a_profile_is_summed_by_file_and_by_function_in_milliseconds():
    frame = {"functionName": "decode", "url": "http://h/static/js/map/decode.js", "lineNumber": 3}
    idle = {"functionName": "(idle)", "url": "", "lineNumber": -1}
    profile = {
        "nodes": [{"id": 1, "callFrame": frame}, {"id": 2, "callFrame": idle}],
        "samples": [1, 2, 1, 1],
        "timeDeltas": [1000, 500, 2000, 1500],  # microseconds
    }
    summary = profile_summary(profile)
    assert summary["by_file_ms"] == {"decode.js": 4, "(idle)": 0}
    assert summary["by_function_ms"]["decode decode.js:3"] == 4


def test_the_payloads_are_picked_from_the_resource_timings():
    entry = {"end": 10.0, "wire": 300, "encoded": 280, "decoded": 1000}
    resources = [
        {"name": "http://h/map/districts.geojson", **entry},
        {"name": "http://h/api/v1/control/?on=2016-01-01&lens=consensus", **entry, "wire": 50},
        {"name": "http://h/api/v1/timeline/?lens=consensus", **entry, "end": 20.0},
        {"name": "http://h/static/js/map/main.js", **entry, "end": 5.0},
        {"name": "http://h/static/js/map/decode.js", **entry, "end": 7.0, "decoded": 10},
        {"name": "http://h/i18n/en.json", **entry, "end": 3.0},
    ]
    found = _payloads(resources)
    assert found["districts"]["decoded"] == 1000 and found["timeline"]["end"] == 20
    assert found["control"]["wire"] == 50
    assert found["all_wire_bytes"] == 5 * 300 + 50
    assert (found["static_files"], found["static_end"]) == (2, 7)
    assert found["static"] == {"wire": 600, "encoded": 560, "decoded": 1010, "count": 2, "end": 7}
    assert (found["other"]["count"], found["other"]["wire"]) == (1, 300)
    assert [r["path"] for r in found["requests"]][:2] == [
        "map/districts.geojson",
        "api/v1/control/?on=2016-01-01&lens=consensus",
    ]
    line = run.bytes_by_kind(found)
    assert line.startswith("districts 0 KB (1 KB decoded) at 10 ms, control 0 KB")
    assert "static 1 KB (1 KB decoded) at 7 ms" in line


@pytest.mark.django_db
def test_the_served_database_url_names_the_benchs_current_database():
    from bench.served import database_url

    url = database_url()
    assert url.endswith("/" + str(connection.settings_dict["NAME"]))
    assert url.startswith("postgis://" if connection.vendor == "postgresql" else "spatialite:///")


def test_a_postgis_url_quotes_the_role_and_names_the_database_asked():
    from bench.served import postgis_url

    settings = {"USER": "bench", "PASSWORD": "p@ss/w:rd", "HOST": "", "PORT": "", "NAME": "x"}
    assert postgis_url(settings) == "postgis://bench:p%40ss%2Fw%3Ard@localhost:5432/x"
    assert postgis_url(settings, "bench_reads").endswith("@localhost:5432/bench_reads")


@pytest.mark.postgis_only
@pytest.mark.django_db  # the test database exists; gunicorn's /healthz needs no rows
def test_gunicorn_serves_the_site_with_the_production_settings_and_static_files():
    import urllib.request

    from bench.served import served

    with served("gunicorn") as base:
        for path in ("/healthz", "/static/js/map/lenses.js"):
            with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310
                assert response.status == 200, path
                headers = dict(response.headers)
        assert headers["Server"].startswith("gunicorn")  # not this process's wsgiref
        assert "max-age" in headers["Cache-Control"]  # WhiteNoise's, from the collected files


@pytest.mark.postgis_only
@pytest.mark.django_db
def test_a_vector_tile_over_the_grid_holds_its_districts_and_is_kept():
    from bench.vectortiles import TileServer

    with connection.cursor() as cursor:
        districts_generate(cursor, TINY)
    server = TileServer()
    tile = gzip.decompress(server.tile(5, 19, 12))  # covers the bench's whole rectangle
    assert b"districts" in tile and len(tile) > 100 * TINY.districts / 10
    assert gzip.decompress(server.tile(5, 0, 0)) == b""  # far from it: nothing
    server.tile(5, 19, 12)
    assert len(server.built_ms) == 2  # the second request was served as kept
