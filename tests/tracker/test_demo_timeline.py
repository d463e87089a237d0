"""Facts the shipped Aleppo demo claims support, as the engine resolves them.

Each expectation follows from the rows of the demo's claim files (tracker/data/) named in the
test and the rules in tracker/timeline.py, not from the engine's output.
"""

import datetime

import pytest
from django.db import transaction

from quantitative.demo import demo_load
from tests.tracker.test_coverage_sql import coverage_steps_agree
from tracker.measure import record_span
from tracker.selectors import control_on

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        yield
        transaction.set_rollback(True)


def state(district: str, on: datetime.date, lens: str = "consensus"):
    [found] = [s for s in control_on(on=on, lens=lens) if s.district == district]
    return found


def test_hanano_is_unknown_before_its_first_claim(demo):
    # The first Hanano row is SOHR's retrospective "first neighbourhood to fall" in summer 2012.
    assert state("hanano", D(2012, 6, 30)).status == "unknown"


def test_rebels_held_hanano_from_2012_until_the_november_2016_offensive(demo):
    before = state("hanano", D(2016, 11, 1))
    assert (before.status, before.actor, before.since) == ("held", "rebels", D(2012, 7, 31))


def test_government_held_hanano_on_26_november_2016_on_independent_word(demo):
    # 26 Nov: SOHR (independent) and Al-Manar say the army took it, a rebel official concedes
    # it; rebel sources say fighting goes on. The independent monitor and the admission win.
    after = state("hanano", D(2016, 11, 26))
    assert (after.status, after.actor) == ("held", "government")
    opposition = state("hanano", D(2016, 11, 26), lens="stance:opposition")
    assert (opposition.status, opposition.actor) == ("held", "government")


def test_hanano_capture_stands_when_the_next_day_brings_a_partisan_denial(demo):
    # 27 Nov: the army repeats the capture and SNN denies it. The confirmed capture of the 26th
    # keeps standing: the period that began on 26 Nov goes on, no dispute begins.
    for day in (D(2016, 11, 27), D(2016, 12, 22)):
        held = state("hanano", day)
        assert (held.status, held.actor, held.since) == ("held", "government", D(2016, 11, 26))


def test_sheikh_fares_on_28_november_is_disputed_between_the_kurds_and_a_fight(demo):
    # SOHR reports both a government and a YPG advance on 28 November (one source saying two
    # things: an uncertain, contested statement); the National Post says the YPG took it. Two
    # independent positions of the same day that no test separates.
    day = D(2016, 11, 28)
    consensus = state("ash-sheikh-fares", day)
    assert consensus.status == "disputed"
    assert consensus.actors == ["kurdish_ypg", "contested"]
    assert state("ash-sheikh-fares", day, lens="stance:government").actor == "government"
    assert state("ash-sheikh-fares", day, lens="source:sohr").status == "contested"


def test_sheikh_fares_is_kurdish_held_on_independent_word_over_the_army_side(demo):
    # ISW (30 Nov) and the National Post say the YPG holds it; only army-side sources say the
    # army does.
    assert state("ash-sheikh-fares", D(2016, 12, 5)).actor == "kurdish_ypg"
    assert state("ash-sheikh-fares", D(2016, 12, 5), lens="stance:government").actor == (
        "government"
    )


def test_sheikh_saeed_on_30_november_follows_the_monitor_not_either_side(demo):
    # Rebels say they hold it, SOHR says it is fought over: the independent account stands, and
    # the agencies' background 'rebel-held east' of 26 Nov stands back for the district's news.
    day = D(2016, 11, 30)
    assert state("sheikh-saeed", day).status == "contested"
    assert state("sheikh-saeed", day, lens="stance:opposition").actor == "rebels"
    assert state("sheikh-saeed", D(2016, 12, 12)).actor == "government"


def test_unmapped_places_make_no_periods(demo):
    districts = {s.district for s in control_on(on=D(2016, 12, 22), lens="consensus")}
    assert "handarat-camp" not in districts and len(districts) == 126


@pytest.mark.parametrize(
    ("lens", "step"),
    [("consensus", 1), ("consensus", 7), ("stance:opposition", 3), ("source:sohr", 30)],
)
def test_area_coverage_in_sql_equals_the_python_sweep_on_the_demo(demo, lens, step):
    first, last = record_span(lens=lens)
    # From a year before the record to a year after it: unknown, every state, then stale.
    start, end = first - datetime.timedelta(days=365), last + datetime.timedelta(days=365)
    end = min(end, start + datetime.timedelta(days=1999 * step))
    assert coverage_steps_agree(lens, start, end, step) > 50
