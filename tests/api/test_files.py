"""Files GIS users and analysts open directly: control/ as GeoJSON on the district polygons,
timeline/, history/ and stats/area/ as CSV read with pandas and checked against the JSON of the
same request, and an unknown format answered with a 400 that names `format`."""

import io

import pandas as pd
import pytest

from tracker.api.tables import HISTORY_CSV_COLUMNS, PERIOD_CSV_COLUMNS

pytestmark = pytest.mark.django_db

DAY_COLUMNS = ["valid_from", "valid_to", "start_earliest", "last_reported"]


def _frame(response, **kwargs) -> pd.DataFrame:
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return pd.read_csv(io.BytesIO(body), **kwargs)


def _periods_frame(response) -> pd.DataFrame:
    return _frame(response, parse_dates=DAY_COLUMNS, date_format="%Y-%m-%d", dtype=str)


def _day(value):
    return pd.NaT if value is None else pd.Timestamp(value)


def _same_day(cell, value) -> bool:
    """Whether a parsed CSV day is the JSON's day (an empty cell is the JSON's null)."""
    return pd.isna(cell) if value is None else cell == pd.Timestamp(value)


def _items(cell) -> list[str]:
    """The ';'-joined list in a CSV cell; an empty cell is the empty list."""
    return [] if pd.isna(cell) else cell.split(";")


def test_control_as_geojson_puts_the_days_state_on_the_polygons(anon, world):
    url = "/api/v1/control/?on=2016-12-07&lens=consensus"
    response = anon.get(url + "&format=geojson")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/geo+json")
    collection = response.json()
    rows = {row["district"]: row for row in anon.get(url).json()["districts"]}
    assert collection["type"] == "FeatureCollection"
    assert (collection["on"], collection["lens"]) == ("2016-12-07", "consensus")
    assert [f["id"] for f in collection["features"]] == sorted(world.districts)
    for feature in collection["features"]:
        district = world.districts[feature["id"]]
        assert feature["geometry"]["type"] == "MultiPolygon"
        properties = dict(feature["properties"])
        assert properties.pop("name_en") == district.name_en
        assert properties.pop("name_ar") == district.name_ar
        assert properties == rows[feature["id"]]
    assert rows["hanano"]["actor"] == "government"


def test_control_as_geojson_honours_the_lens_and_the_accept_header(anon, world):
    response = anon.get(
        "/api/v1/control/?on=2016-12-07&lens=stance:opposition",
        HTTP_ACCEPT="application/geo+json",
    )
    assert response["Content-Type"].startswith("application/geo+json")
    by_slug = {f["id"]: f["properties"] for f in response.json()["features"]}
    assert response.json()["lens"] == "stance:opposition"
    assert (by_slug["ash-shaar"]["status"], by_slug["ash-shaar"]["actor"]) == ("held", "rebels")
    assert by_slug["hanano"]["status"] == "unknown"  # no opposition source spoke of it


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        ("/api/v1/control/?on=2016-12-07", "csv"),
        ("/api/v1/timeline/?", "geojson"),
        ("/api/v1/districts/hanano/history/?", "xml"),
        ("/api/v1/stats/area/?", "geojson"),
        ("/api/v1/quantitative-claims/?", "geojson"),
    ],
)
def test_a_format_an_endpoint_does_not_serve_is_a_400_naming_format(anon, world, path, bad):
    response = anon.get(f"{path}&format={bad}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "format" in response.json()


def test_the_timeline_csv_has_one_typed_row_per_period_as_in_the_json(anon, world):
    frame = _periods_frame(anon.get("/api/v1/timeline/?lens=consensus&format=csv"))
    timeline = anon.get("/api/v1/timeline/?lens=consensus").json()
    assert list(frame.columns) == PERIOD_CSV_COLUMNS
    for column in DAY_COLUMNS:
        assert pd.api.types.is_datetime64_any_dtype(frame[column]), column
    assert len(frame) == len(timeline["periods"])
    assert any(timeline["stale"]), "the world should have a period that turns stale"
    for k, (row, period) in enumerate(zip(frame.itertuples(), timeline["periods"], strict=True)):
        district, start, end, status, actor, earliest, actors = period
        assert row.district == timeline["districts"][district]
        assert row.lens == "consensus"
        assert row.valid_from == _day(start) and _same_day(row.valid_to, end)
        assert row.status == status
        assert _items(row.actor) == ([timeline["actors"][actor]] if actor is not None else [])
        assert _items(row.actors) == [timeline["actors"][i] for i in actors]
        assert row.start_earliest == _day(earliest)
        assert _same_day(row.last_reported, timeline["last_reported"][k])
        spans = timeline["stale"][k] or []
        assert _items(row.stale_spans) == [f"{a}/{b or '..'}" for a, b in spans]


def test_the_timeline_csv_ends_are_exclusive_and_open_periods_have_no_end(anon, world):
    frame = _periods_frame(anon.get("/api/v1/timeline/?format=csv"))
    hanano = frame[frame.district == "hanano"].reset_index()
    assert len(hanano) == 2  # rebels from 2012, the army from 26 November 2016
    assert hanano.valid_to[0] == hanano.valid_from[1] == pd.Timestamp("2016-11-26")
    assert pd.isna(hanano.valid_to[1])
    assert hanano.start_earliest[0] == pd.Timestamp("2012-07-01")  # the claim's 30-day window


def test_the_history_csv_matches_the_history_json(anon, world):
    url = "/api/v1/districts/bustan-al-qasr/history/?lens=consensus"
    frame = _periods_frame(anon.get(url + "&format=csv"))
    history = anon.get(url).json()
    assert list(frame.columns) == HISTORY_CSV_COLUMNS
    assert len(frame) == len(history["periods"]) >= 1
    for row, period in zip(frame.itertuples(), history["periods"], strict=True):
        assert row.district == "bustan-al-qasr"
        assert row.valid_from == _day(period["start"])
        assert _same_day(row.valid_to, period["end"])
        assert row.start_earliest == _day(period["start_earliest"])
        assert _same_day(row.last_reported, period["last_reported"])
        assert _items(row.report_days) == period["report_days"]
        ids = [str(c["id"]) for c in period["supporting_claims"]]
        assert _items(row.supporting_claims) == ids
        assert row.status == period["status"]
    rejected = str(world.claims["bustan_rejected"].pk)
    assert rejected not in ";".join(frame.contradicting_claims.fillna(""))


def test_the_history_csv_of_an_unknown_district_is_a_json_404(anon, world):
    response = anon.get("/api/v1/districts/nowhere/history/?format=csv")
    assert response.status_code == 404
    assert "nowhere" in response.json()["detail"]


def test_the_area_csv_is_the_json_series_flattened(anon, world):
    url = "/api/v1/stats/area/?from=2016-11-20&to=2016-12-20&step=5"
    frame = _frame(anon.get(url + "&format=csv"), parse_dates=["day"], date_format="%Y-%m-%d")
    series = anon.get(url).json()["series"]
    expected = pd.json_normalize(series)
    expected["day"] = pd.to_datetime(expected["day"])
    assert sorted(frame.columns) == sorted(expected.columns)
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert all(pd.api.types.is_float_dtype(frame[c]) for c in frame.columns if c != "day")
    pd.testing.assert_frame_equal(
        frame[expected.columns], expected.fillna(0.0), check_dtype=False, rtol=1e-12
    )
    shares = frame[[c for c in frame.columns if c.startswith("share.")]].sum(axis=1)
    assert shares.round(9).eq(1.0).all()
    assert frame.columns[0] == "day"


def test_csv_files_say_the_end_is_exclusive_in_the_schema(anon):
    schema = anon.get("/api/schema/?format=json").json()
    for path in ("/api/v1/timeline/", "/api/v1/districts/{slug}/history/"):
        operation = schema["paths"][path]["get"]
        [fmt] = [p for p in operation["parameters"] if p["name"] == "format"]
        assert fmt["schema"]["enum"] == ["json", "csv"]
        assert "end exclusive" in fmt["description"] and "valid_to" in fmt["description"]
        assert "text/csv" in operation["responses"]["200"]["content"]
    control = schema["paths"]["/api/v1/control/"]["get"]
    [fmt] = [p for p in control["parameters"] if p["name"] == "format"]
    assert fmt["schema"]["enum"] == ["json", "geojson"]
    assert "application/geo+json" in control["responses"]["200"]["content"]
    area = schema["paths"]["/api/v1/stats/area/"]["get"]
    assert "text/csv" in area["responses"]["200"]["content"]
