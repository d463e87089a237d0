"""`last_reported` and `stale` on control/, timeline/ and history/, and the unknown and stale
parts of stats/area/, on periods built by hand with known report days. The same assertions run
on SpatiaLite (documents serialised in Python) and on PostGIS (documents built by PostgreSQL);
on PostGIS the two builders are also compared directly."""

import datetime
import json

import pytest

from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, actor
from tracker import selectors, services
from tracker.api.selectors import timeline_compact
from tracker.api.serializers_measure import ControlMeasuredSerializer, TimelineMeasuredSerializer
from tracker.models import ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
LENS = "consensus"


def period(district, status, start, end, report_days, who=None):
    days = [d.isoformat() for d in report_days]
    return ControlPeriod.objects.create(
        lens=LENS,
        district=district,
        status=status,
        actor=actor(who) if who else None,
        actors=[who] if who else [],
        start=start,
        end=end,
        start_earliest=start,
        report_days=days,
        last_reported=max(report_days) if report_days else None,
    )


@pytest.fixture
def city(db):
    """Aleppo-like slugs: `alpha` held by the army from 2016 with two reports; `beta` contested
    from 2015 on one report, then held by the rebels from June 2016 with a report in 2017;
    `gamma` never reported (unknown)."""
    alpha = DistrictFactory(slug="alpha", area_m2=1_000_000.0)
    beta = DistrictFactory(slug="beta", area_m2=3_000_000.0)
    DistrictFactory(slug="gamma", area_m2=6_000_000.0)
    period(alpha, "held", D(2016, 1, 1), None, [D(2016, 1, 1), D(2016, 3, 1)], "government")
    period(beta, "contested", D(2015, 1, 1), D(2016, 6, 1), [D(2015, 1, 1)])
    period(beta, "held", D(2016, 6, 1), None, [D(2016, 6, 1), D(2017, 2, 1)], "rebels")


def control(client, day):
    body = client.get(f"/api/v1/control/?on={day}&lens={LENS}").json()
    return {d["district"]: (d["status"], d["last_reported"], d["stale"]) for d in body["districts"]}


def test_last_reported_is_the_newest_report_on_or_before_the_day(client, city):
    # alpha's second report (1 Mar) is after the day: the first one is the newest known then.
    assert control(client, D(2016, 2, 15)) == {
        "alpha": ("held", "2016-01-01", False),
        "beta": ("contested", "2015-01-01", True),  # 410 days old
        "gamma": ("unknown", None, False),
    }


def test_a_state_turns_stale_the_day_after_its_newest_report_is_180_days_old(client, city):
    assert control(client, D(2016, 8, 28))["alpha"] == ("held", "2016-03-01", False)  # 180 days
    assert control(client, D(2016, 8, 29))["alpha"] == ("held", "2016-03-01", True)  # 181 days


def test_a_newer_report_makes_a_stale_state_fresh_again(client, city):
    assert control(client, D(2016, 11, 28))["beta"] == ("held", "2016-06-01", False)
    assert control(client, D(2016, 11, 29))["beta"] == ("held", "2016-06-01", True)
    assert control(client, D(2017, 2, 1))["beta"] == ("held", "2017-02-01", False)


def test_the_threshold_is_a_setting(client, city, settings):
    settings.TRACKER_STALE_AFTER_DAYS = 30
    assert control(client, D(2016, 4, 1))["alpha"] == ("held", "2016-03-01", True)


def test_timeline_lists_each_periods_last_report_and_stale_spans(client, city):
    body = client.get(f"/api/v1/timeline/?lens={LENS}").json()
    assert body["districts"] == ["alpha", "beta", "gamma"]
    starts = [(body["districts"][p[0]], p[1]) for p in body["periods"]]
    assert starts == [("alpha", "2016-01-01"), ("beta", "2015-01-01"), ("beta", "2016-06-01")]
    assert body["last_reported"] == ["2016-03-01", "2015-01-01", "2017-02-01"]
    assert body["stale"] == [
        [["2016-08-29", None]],
        [["2015-07-01", "2016-06-01"]],
        [["2016-11-29", "2017-02-01"], ["2017-08-01", None]],
    ]
    assert body["stale_after_days"] == 180
    assert all(len(p) == 7 for p in body["periods"])  # the contract rows are unchanged


def test_history_gives_every_report_day_of_each_period(client, city):
    body = client.get(f"/api/v1/districts/beta/history/?lens={LENS}").json()
    assert [(p["status"], p["last_reported"], p["report_days"]) for p in body["periods"]] == [
        ("contested", "2015-01-01", ["2015-01-01"]),
        ("held", "2017-02-01", ["2016-06-01", "2017-02-01"]),
    ]


def test_area_stats_report_unknown_and_stale_ground(client, city):
    body = client.get(f"/api/v1/stats/area/?lens={LENS}&from=2016-02-15&to=2016-08-29&step=196")
    body = body.json()
    assert [p["day"] for p in body["series"]] == ["2016-02-15", "2016-08-29"]
    february, august = body["series"]
    # 15 Feb 2016: alpha fresh (1 km²), beta contested but stale (3), gamma unknown (6) of 10.
    assert february["unknown"] == {"area_m2": 6e6, "share": pytest.approx(0.6)}
    assert february["stale"] == {"area_m2": 3e6, "share": pytest.approx(0.3)}
    assert february["unknown_incl_stale"]["share"] == pytest.approx(0.9)
    assert february["contested"]["share"] == pytest.approx(0.3)
    assert february["disputed"] == {"area_m2": 0.0, "share": 0.0}
    assert february["share"] == {
        "government": pytest.approx(0.1),
        "contested": pytest.approx(0.3),
        "unknown": pytest.approx(0.6),
    }
    # 29 Aug 2016: alpha turns stale (181 days); beta held by the rebels since June, fresh.
    assert august["stale"]["share"] == pytest.approx(0.1)
    assert august["unknown_incl_stale"]["share"] == pytest.approx(0.7)
    assert august["contested"]["share"] == 0.0
    assert august["area_m2"]["rebels"] == pytest.approx(3e6)
    assert body["stale_after_days"] == 180


@pytest.mark.postgis_only
@pytest.mark.parametrize("day", [D(2015, 3, 1), D(2016, 2, 15), D(2016, 8, 29), D(2017, 2, 1)])
def test_postgresql_documents_equal_the_serialised_ones(city, day):
    control = ControlMeasuredSerializer(
        {"on": day, "lens": LENS, "districts": selectors.control_on(on=day, lens=LENS)}
    ).data
    assert json.loads(selectors.control_on_json(on=day, lens=LENS)) == control
    timeline = TimelineMeasuredSerializer(timeline_compact(lens=LENS)).data
    assert json.loads(selectors.timeline_json(lens=LENS)) == timeline


def test_the_engine_reports_the_newest_supporting_statement_through_the_services(client, db):
    """Through the real services: one monitor's report, then a second source's, same holder."""
    district = DistrictFactory(slug="delta")
    for slug, day in [("monitor", D(2016, 1, 1)), ("agency", D(2016, 7, 1))]:
        services.claim_record(
            document=DocumentFactory(source=SourceFactory(slug=slug, stance="independent")),
            district=district,
            place_name="",
            status="held",
            actor=actor("government"),
            kind="held",
            effective_from=day,
        )
    assert control(client, D(2016, 6, 30))["delta"] == ("held", "2016-01-01", True)
    assert control(client, D(2016, 8, 1))["delta"] == ("held", "2016-07-01", False)
    body = client.get(f"/api/v1/districts/delta/history/?lens={LENS}").json()
    assert body["periods"][-1]["last_reported"] == "2016-07-01"
    assert body["periods"][-1]["report_days"][-1] == "2016-07-01"
