"""Coverage of the city's area on a constructed city of four districts of 1, 2, 3 and 4 km²
whose periods and report days are set by hand, so every share below is worked out by hand:

- one (1 km²): held by the government from 1 Jan 2016, reported once that day, so stale from
  30 Jun 2016 (1 Jan + 181 days);
- two (2 km²): held by the rebels from 10 Jan, contested from 1 Feb (reported 1 Feb and 1 May,
  so fresh until 28 Oct);
- three (3 km²): disputed from 20 Jan, reported once that day, so stale from 19 Jul;
- four (4 km²): never reported: unknown throughout.
"""

import csv
import datetime
import io

import pytest
from django.core.management import call_command

from tests.factories import DistrictFactory, actor
from tracker.measure import coverage_between, coverage_summary
from tracker.models import ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
KM2 = 1_000_000.0
LENS = "consensus"


def period(district, status, start, end, report_days, who=None):
    ControlPeriod.objects.create(
        lens=LENS,
        district=district,
        status=status,
        actor=actor(who) if who else None,
        actors=[who] if who else [],
        start=start,
        end=end,
        start_earliest=start,
        report_days=[d.isoformat() for d in report_days],
        last_reported=max(report_days),
    )


@pytest.fixture
def city(db):
    one, two, three = (
        DistrictFactory(slug=s, area_m2=a * KM2) for s, a in [("one", 1), ("two", 2), ("three", 3)]
    )
    DistrictFactory(slug="four", area_m2=4 * KM2)
    period(one, "held", D(2016, 1, 1), None, [D(2016, 1, 1)], "government")
    period(two, "held", D(2016, 1, 10), D(2016, 2, 1), [D(2016, 1, 10)], "rebels")
    period(two, "contested", D(2016, 2, 1), None, [D(2016, 2, 1), D(2016, 5, 1)])
    period(three, "disputed", D(2016, 1, 20), None, [D(2016, 1, 20)])


def shares(day):
    [step] = coverage_between(lens=LENS, start=day, end=day)
    percent = {k: round(100 * step.share(v), 6) for k, v in step.fresh_m2.items()}
    percent["stale"] = round(100 * step.share(step.stale_total_m2), 6)
    percent["unknown"] = round(100 * step.share(step.unknown_m2), 6)
    percent["unknown_incl_stale"] = round(100 * step.share(step.unknown_incl_stale_m2), 6)
    return percent


def test_the_city_area_is_the_sum_of_the_districts_and_unclaimed_ground_is_unknown(city):
    [step] = coverage_between(lens=LENS, start=D(2016, 1, 5), end=D(2016, 1, 5))
    assert step.total_m2 == 10 * KM2
    assert shares(D(2016, 1, 5)) == {
        "government": 10,
        "stale": 0,
        "unknown": 90,
        "unknown_incl_stale": 90,
    }


def test_held_contested_and_disputed_shares_follow_the_periods(city):
    assert shares(D(2016, 1, 15)) == {
        "government": 10,
        "rebels": 20,
        "stale": 0,
        "unknown": 70,
        "unknown_incl_stale": 70,
    }
    assert shares(D(2016, 2, 15)) == {
        "government": 10,
        "contested": 20,
        "disputed": 30,
        "stale": 0,
        "unknown": 40,
        "unknown_incl_stale": 40,
    }


def test_a_state_counts_as_stale_from_the_181st_day_after_its_newest_report(city):
    assert shares(D(2016, 6, 29))["government"] == 10  # 180 days after 1 Jan: still fresh
    assert shares(D(2016, 6, 30)) == {
        "contested": 20,
        "disputed": 30,
        "stale": 10,
        "unknown": 40,
        "unknown_incl_stale": 50,
    }
    assert shares(D(2016, 7, 18))["unknown_incl_stale"] == 50
    assert shares(D(2016, 7, 19)) == {
        "contested": 20,  # reported again on 1 May: fresh
        "stale": 40,
        "unknown": 40,
        "unknown_incl_stale": 80,
    }


def test_the_worst_day_and_the_means_over_a_span(city):
    steps = coverage_between(lens=LENS, start=D(2016, 7, 15), end=D(2016, 7, 22))
    assert [s.day for s in steps] == [D(2016, 7, 15) + datetime.timedelta(days=k) for k in range(8)]
    summary = coverage_summary(steps)
    assert summary.worst.day == D(2016, 7, 19)  # the first of the days at 80%
    assert summary.mean_unknown_incl_stale_share == pytest.approx(0.65)  # four at 50, four at 80
    assert summary.mean_unknown_share == pytest.approx(0.40)
    assert summary.mean_stale_share == pytest.approx(0.25)  # four at 10, four at 40


def test_steps_sample_every_nth_day_from_the_first(city):
    steps = coverage_between(lens=LENS, start=D(2016, 1, 1), end=D(2016, 1, 31), step_days=10)
    assert [s.day for s in steps] == [D(2016, 1, 1), D(2016, 1, 11), D(2016, 1, 21), D(2016, 1, 31)]
    assert [round(100 * s.share(s.unknown_m2)) for s in steps] == [90, 70, 40, 40]


def test_a_long_span_at_daily_steps_reads_the_periods_once(city, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        steps = coverage_between(lens=LENS, start=D(2012, 7, 1), end=D(2016, 12, 31))
    assert len(steps) == (D(2016, 12, 31) - D(2012, 7, 1)).days + 1
    assert steps[0].share(steps[0].unknown_m2) == 1.0


def test_coverage_report_prints_each_step_the_worst_day_and_the_mean(city):
    out = io.StringIO()
    call_command("coverage_report", "--from", "2016-07-15", "--to", "2016-07-22", stdout=out)
    text = out.getvalue()
    assert "city area 10.0 km²" in text
    header = next(line for line in text.splitlines() if line.startswith("day "))
    assert header.split()[:6] == ["day", "government", "contested", "disputed", "stale", "unknown"]
    row = next(line for line in text.splitlines() if line.startswith("2016-07-19"))
    # government (fresh only), contested, disputed, stale, unknown, unknown (incl. stale)
    assert row.split()[1:] == ["0.0", "20.0", "0.0", "40.0", "40.0", "80.0"]
    assert (
        "Worst day: 2016-07-19: unknown (incl. stale) 80.0% (unknown 40.0%, stale 40.0%)." in text
    )
    assert "Mean over 8 step(s): unknown (incl. stale) 65.0%, unknown 40.0%, stale 25.0%." in text


def test_coverage_report_defaults_to_the_lens_record_span(city):
    out = io.StringIO()
    call_command("coverage_report", "--summary", stdout=out)
    assert "2016-01-01 to 2016-02-01, every 1 day(s)" in out.getvalue()
    assert "Worst day: 2016-01-01: unknown (incl. stale) 90.0%" in out.getvalue()


def test_coverage_report_writes_csv(city):
    out = io.StringIO()
    call_command(
        "coverage_report",
        "--from",
        "2016-01-15",
        "--to",
        "2016-02-15",
        "--step",
        "31",
        "--csv",
        stdout=out,
    )
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["day"] for r in rows] == ["2016-01-15", "2016-02-15"]
    assert rows[1]["disputed_pct"] == "30.000" and rows[1]["unknown_incl_stale_pct"] == "40.000"
    assert rows[0]["rebels_pct"] == "20.000"
