"""The map page names what its scripts will fetch in its head (issue 18's first paint): every
module of the map, the districts and the state of the day it paints first
(tracker/map_preload.py), so that the browser fetches all of it from the start."""

import datetime
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import ClaimFactory, SourceFactory
from tracker.map_preload import first_paint_day, first_paint_fields, map_modules
from tracker.selectors import CONTROL_FIELDS
from tracker.services import timeline_rebuild

D = datetime.date
RECORD = {"first": "2012-07-19", "last": "2016-12-22"}


def test_the_first_day_is_the_asked_one_within_the_record_else_its_last_day():
    assert first_paint_day(None, RECORD) == D(2016, 12, 22)
    assert first_paint_day("2016-01-25", RECORD) == D(2016, 1, 25)
    assert first_paint_day("2016-02-30", RECORD) == D(2016, 12, 22)  # not a day: the last
    assert first_paint_day("20160125", RECORD) == D(2016, 12, 22)  # not YYYY-MM-DD
    # The record's span padded by 1% (at least three days), as the map's recordSpan pads it.
    pad = max(3, round((D(2016, 12, 22) - D(2012, 7, 19)).days * 0.01))
    assert first_paint_day((D(2016, 12, 22) + datetime.timedelta(pad)).isoformat(), RECORD)
    assert first_paint_day((D(2016, 12, 23) + datetime.timedelta(pad)).isoformat(), RECORD) is None
    assert first_paint_day("2001-01-01", RECORD) is None
    assert first_paint_day(None, {"first": None, "last": None}) is None


def test_the_modules_are_main_and_every_module_it_imports():
    modules = map_modules()
    assert "js/map/main.js" in modules
    assert {"js/map/decode.js", "js/map/days.js", "js/map/placesearch.js"} <= set(modules)
    assert modules == tuple(sorted(modules))
    assert all(re.fullmatch(r"js/map/[\w-]+\.js", m) for m in modules)


def test_the_first_paint_asks_control_for_what_decode_day_reads_and_not_the_claims():
    fields = first_paint_fields().split(",")
    assert set(fields) <= set(CONTROL_FIELDS) and "claims" not in fields
    decode = (Path(settings.BASE_DIR) / "static/js/map/decode.js").read_text(encoding="utf-8")
    body = decode.split("export function decodeDay", 1)[1].split("\n}\n", 1)[0]
    read = set(re.findall(r"\brow\.(\w+)", body)) - {"district"}
    assert read and read <= set(fields)


def preloads_of(html: str) -> tuple[list[str], list[str]]:
    fetches = re.findall(r'<link rel="preload" href="([^"]+)" as="fetch" crossorigin>', html)
    modules = re.findall(r'<link rel="modulepreload" href="([^"]+)">', html)
    return [f.replace("&amp;", "&") for f in fetches], modules


@pytest.mark.django_db
def test_the_page_preloads_the_districts_the_days_state_and_its_modules(client):
    ClaimFactory(document__source=SourceFactory(slug="speaks", name="Speaks"))
    timeline_rebuild()
    config = client.get("/").context["map_config"]
    last = config["record"]["last"]
    fetches, modules = preloads_of(client.get("/").content.decode())
    only = "&fields=" + first_paint_fields()  # as lenses.js `firstPaint` asks
    assert fetches == ["/map/districts.geojson", f"/api/v1/control/?on={last}&lens=consensus{only}"]
    assert len(modules) == len(map_modules()) and any(m.endswith("/main.js") for m in modules)

    fetches, _ = preloads_of(client.get(f"/?date={last}&lens=source:speaks").content.decode())
    assert fetches[1] == f"/api/v1/control/?on={last}&lens=source%3Aspeaks{only}"
    fetches, _ = preloads_of(client.get(f"/embed/?date={last}&lens=nobody").content.decode())
    assert fetches[1] == f"/api/v1/control/?on={last}&lens=consensus{only}"  # unknown: consensus
    fetches, _ = preloads_of(client.get("/?date=1990-01-01").content.decode())
    assert fetches == ["/map/districts.geojson"]  # outside the record: the timeline comes first


@pytest.mark.django_db
def test_with_no_record_only_the_districts_are_preloaded(client):
    fetches, modules = preloads_of(client.get("/").content.decode())
    assert fetches == ["/map/districts.geojson"]
    assert modules
