"""The OGC query parameters read as plain values: `datetime` instants and intervals by their
UTC days, `bbox` in CRS84, `limit`, and the refusals that name the parameter."""

import datetime

import pytest

from ogc.params import (
    DayRange,
    ParameterError,
    bbox_parse,
    crs_check,
    datetime_parse,
    instant_day,
    limit_parse,
    unknown_check,
)

D = datetime.date


def q(**values) -> dict[str, list[str]]:
    return {key.replace("_", "-"): [value] for key, value in values.items()}


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("2016-12-07", DayRange(D(2016, 12, 7), D(2016, 12, 7))),
        ("2016-12-01/2016-12-31", DayRange(D(2016, 12, 1), D(2016, 12, 31))),
        ("../2016-12-31", DayRange(None, D(2016, 12, 31))),
        ("2016-12-01/..", DayRange(D(2016, 12, 1), None)),
        ("/2016-12-31", DayRange(None, D(2016, 12, 31))),
        ("2016-12-01/", DayRange(D(2016, 12, 1), None)),
        ("../..", DayRange(None, None)),
        ("2016-12-01T00:00:00Z/2016-12-02T23:59:59.5Z", DayRange(D(2016, 12, 1), D(2016, 12, 2))),
    ],
)
def test_datetime_reads_instants_and_closed_half_open_and_open_intervals(text, days):
    assert datetime_parse({"datetime": [text]}) == days


def test_a_date_time_counts_by_its_day_in_utc():
    assert instant_day("2016-12-08T01:00:00+03:00") == D(2016, 12, 7)
    assert instant_day("2016-12-07T22:00:00-03:00") == D(2016, 12, 8)
    assert instant_day("2016-12-07t10:00:00z") == D(2016, 12, 7)


def test_no_datetime_is_no_time_filter():
    assert datetime_parse({}) is None


@pytest.mark.parametrize(
    "text",
    ["", "..", "2016-12-07 10:00", "2016-12-07T10:00:00", "20161207", "2016-12-32", "a/b"],
)
def test_a_datetime_that_is_not_rfc_3339_is_refused_by_name(text):
    with pytest.raises(ParameterError) as refused:
        datetime_parse({"datetime": [text]})
    assert refused.value.parameter == "datetime"


def test_bbox_is_lon_lat_and_six_numbers_drop_the_heights():
    assert bbox_parse({"bbox": ["37.1,36.1,37.2,36.3"]}) == (37.1, 36.1, 37.2, 36.3)
    assert bbox_parse({"bbox": ["37.1,36.1,0,37.2,36.3,100"]}) == (37.1, 36.1, 37.2, 36.3)
    assert bbox_parse({"bbox": ["170,-10,-170,10"]}) == (170, -10, -170, 10)  # antimeridian


def test_limit_defaults_and_bounds():
    assert limit_parse({}) == 100
    assert limit_parse({"limit": ["1000"]}) == 1000
    with pytest.raises(ParameterError, match="limit: give limit as a whole number from 1"):
        limit_parse({"limit": ["١٠"]})  # Arabic-Indic digits are digits to str.isdigit


def test_unknown_parameters_and_other_crs_are_refused_by_name():
    with pytest.raises(ParameterError) as refused:
        unknown_check({"sortby": ["slug"]}, ("limit",))
    assert refused.value.parameter == "sortby"
    with pytest.raises(ParameterError) as refused:
        crs_check(q(bbox_crs="http://www.opengis.net/def/crs/EPSG/0/4326"))
    assert refused.value.parameter == "bbox-crs"
    crs_check(q(crs="http://www.opengis.net/def/crs/OGC/1.3/CRS84"))
