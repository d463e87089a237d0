"""stats/area/ and coverage_report sum the coverage in SQL (`coverage_between`); the figures
equal those of the Python sweep over the same stored periods (`coverage_swept`), on PostGIS
and SpatiaLite, on a constructed city with every edge the sweep has (and on the Aleppo demo:
tests/tracker/test_demo_timeline.py, which loads it already):
open and closed periods, spans cut by the range, stale stretches ended by a newer report or
by the period's end, several report days on one day, steps that skip a whole period.
"""

import datetime
import random

import pytest

from tests.factories import DistrictFactory, actor
from tracker.measure import coverage_between, coverage_swept
from tracker.models import ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
LENS = "consensus"


def coverage_steps_agree(lens: str, start: datetime.date, end: datetime.date, step: int) -> int:
    """Assert the SQL and the sweep agree on every step; return the number of steps."""
    sql = coverage_between(lens=lens, start=start, end=end, step_days=step)
    swept = coverage_swept(lens=lens, start=start, end=end, step_days=step)
    assert [s.day for s in sql] == [s.day for s in swept]
    for a, b in zip(sql, swept, strict=True):
        assert a.total_m2 == b.total_m2
        assert a.stated_m2 == pytest.approx(b.stated_m2, rel=1e-9, abs=1e-3), a.day
        assert a.stale_m2 == pytest.approx(b.stale_m2, rel=1e-9, abs=1e-3), a.day
    return len(sql)


@pytest.fixture
def constructed_city(db, settings):
    """Twelve districts, each a random chain of held, contested and disputed periods (the
    last one open or not) with random report days, some repeated, some before the period."""
    settings.TRACKER_STALE_AFTER_DAYS = 20
    rng = random.Random(14)
    sides = ["government", "rebels", "kurdish_ypg"]
    for n in range(12):
        district = DistrictFactory(slug=f"d{n}", area_m2=rng.uniform(1e5, 5e6))
        day = D(2016, 1, 1) + datetime.timedelta(days=rng.randint(0, 30))
        for p in range(rng.randint(1, 6)):
            length = rng.randint(1, 90)
            last = p == 5 or rng.random() < 0.2
            end = None if last else day + datetime.timedelta(days=length)
            status = rng.choice(["held", "held", "contested", "disputed"])
            who = rng.choice(sides) if status == "held" else None
            reports = sorted(
                day + datetime.timedelta(days=rng.randint(-5, length + 60))
                for _ in range(rng.randint(0, 4))
            )
            ControlPeriod.objects.create(
                lens=LENS,
                district=district,
                status=status,
                actor=actor(who) if who else None,
                actors=[who] if who else [],
                start=day,
                end=end,
                start_earliest=day,
                report_days=[r.isoformat() for r in reports],
                last_reported=reports[-1] if reports else None,
            )
            if end is None:
                break
            day = end


@pytest.mark.parametrize(
    ("start", "end", "step"),
    [
        (D(2015, 12, 1), D(2016, 12, 31), 1),  # from before the first period, daily
        (D(2016, 2, 10), D(2016, 6, 30), 1),  # starting inside periods
        (D(2016, 1, 1), D(2017, 6, 1), 7),
        (D(2016, 1, 3), D(2016, 12, 31), 30),  # steps that skip short periods
        (D(2016, 3, 1), D(2016, 3, 1), 1),  # one day
        (D(2014, 1, 1), D(2019, 1, 1), 365),
    ],
)
def test_sql_equals_the_sweep_on_a_constructed_city(constructed_city, start, end, step):
    assert ControlPeriod.objects.filter(end__isnull=True).exists()
    assert coverage_steps_agree(LENS, start, end, step) == (end - start).days // step + 1


def test_sql_sees_stale_ground_where_the_sweep_does(constructed_city):
    steps = coverage_between(lens=LENS, start=D(2016, 1, 1), end=D(2017, 1, 1), step_days=3)
    assert any(step.stale_m2 for step in steps)  # the comparison above covers stale spans


def test_a_range_before_every_period_is_all_unknown(constructed_city):
    [step] = coverage_between(lens=LENS, start=D(2010, 1, 1), end=D(2010, 1, 1))
    assert step.stated_m2 == {} and step.stale_m2 == {}
    assert step.unknown_m2 == step.total_m2 > 0
