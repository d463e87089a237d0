"""`make bench`'s sections `reads` and `mixed` (issue 18's warm reads beside a static file, and
the mixed load): selected by --only and --skip like the others, and their figures judged by
the issue's targets from the measurements bench/reads.py and bin/loadtest.py return. One tiny
real load (two connections, one second, SpatiaLite) checks that bin/loadtest.py's `run` returns
what the figures read."""

import pytest

from bench.reads import _loadtest
from bench.run import SECTIONS, mixed_figures, reads_figures, sections_skipped

READS = {
    "static": 2000.0,
    "static_bytes": 4096,
    "static_cpu_us": 300.0,
    "rates": {"/map/districts.geojson": 1200.0, "/api/v1/claims/?page_size=50": 900.0},
    "sizes": {"/map/districts.geojson": 5000, "/api/v1/claims/?page_size=50": 3000},
    "cpu_us": {"/map/districts.geojson": 500.0, "/api/v1/claims/?page_size=50": 700.0},
    "engine": "postgis",
    "workers": 2,
    "connections": 16,
    "seconds": 10.0,
    "rounds": 3,
}
MIXED = {
    "requests": 5000,
    "throughput": 83.3,
    "p50_ms": 20.0,
    "p90_ms": 50.0,
    "p99_ms": 80.0,
    "errors": 0,
    "engine": "postgis",
    "warmed": True,
    "seconds": 60.0,
    "connections": 32,
    "workers": 5,
}


def test_only_reads_and_mixed_runs_those_two_sections_and_skip_leaves_them_out():
    assert {"reads", "mixed"} <= set(SECTIONS)
    assert set(SECTIONS) - sections_skipped("reads,mixed", "") == {"reads", "mixed"}
    assert {"reads", "mixed"}.isdisjoint(sections_skipped("", ""))  # run by default
    assert sections_skipped("", "mixed") == {"mixed"}


def test_a_path_meets_the_reads_target_at_half_the_static_files_rate_or_more():
    figures = {f.name: f for f in reads_figures(READS, "PostGIS bench_reads")}
    geojson = figures["warm reads /map/districts.geojson (PostGIS bench_reads)"]
    claims = figures["warm reads /api/v1/claims/?page_size=50 (PostGIS bench_reads)"]
    assert (geojson.value, geojson.reference, geojson.ratio) == (1200, 2000, 0.6)
    assert geojson.met is True
    assert claims.ratio == 0.45 and claims.met is False


@pytest.mark.parametrize(
    ("change", "met"),
    [({}, True), ({"p99_ms": 100.0}, False), ({"errors": 1}, False), ({"requests": 0}, False)],
)
def test_the_mixed_load_meets_its_target_only_under_100_ms_at_p99_without_errors(change, met):
    p99, errors = mixed_figures({**MIXED, **change}, "PostGIS bench_mixed")
    assert p99.met is met and "PostGIS bench_mixed" in p99.name
    assert (p99.reference, p99.target) == (20.0, "< 100 ms, 0 errors")
    assert errors.value == change.get("errors", 0) and errors.reference is None


def test_the_load_test_returns_what_the_mixed_figures_read(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)  # its own SpatiaLite file
    url = f"spatialite:///{tmp_path / 'load.sqlite3'}"
    result = _loadtest().run(1, 2, 1, False, database_url=url)
    assert result["engine"] == "spatialite" and result["requests"] > 0
    assert result["errors"] == 0 and result["p50_ms"] <= result["p99_ms"]
    (p99, _) = mixed_figures(result, "SpatiaLite")
    assert p99.value == result["p99_ms"]
