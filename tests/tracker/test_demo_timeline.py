"""Facts the shipped Aleppo demo claims support, as the engine resolves them.

Each expectation follows from the rows of tracker/data/aleppo_claims_demo.csv named in the
test and the rules in tracker/timeline.py, not from the engine's output.
"""

import datetime

import pytest

from tracker.demo import demo_load
from tracker.selectors import control_on

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def demo():
    demo_load()


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
    # Same day: SOHR (independent) and Al-Manar say the army took it; rebel sources say fighting
    # goes on. The independent monitor outweighs the partisan denial.
    after = state("hanano", D(2016, 11, 26))
    assert (after.status, after.actor) == ("held", "government")
    assert state("hanano", D(2016, 11, 26), lens="stance:opposition").status == "contested"


def test_sheikh_fares_on_28_november_is_disputed_between_government_and_kurds(demo):
    # SOHR reports both a government and a YPG takeover on 28 November, and a government source
    # claims it for the army: no test separates the two positions.
    day = D(2016, 11, 28)
    consensus = state("ash-sheikh-fares", day)
    assert consensus.status == "disputed"
    assert consensus.actors == ["government", "kurdish_ypg"]
    assert state("ash-sheikh-fares", day, lens="stance:government").actor == "government"
    assert state("ash-sheikh-fares", day, lens="source:sohr").status == "disputed"


def test_sheikh_fares_is_government_held_once_only_the_army_side_speaks_again(demo):
    assert state("ash-sheikh-fares", D(2016, 12, 5)).actor == "government"


def test_sheikh_saeed_on_30_november_follows_the_monitor_not_either_side(demo):
    # Rebels say they hold it, SOHR says it is fought over: the independent account stands.
    day = D(2016, 11, 30)
    assert state("sheikh-saeed", day).status == "contested"
    assert state("sheikh-saeed", day, lens="stance:opposition").actor == "rebels"
    assert state("sheikh-saeed", D(2016, 12, 12)).actor == "government"


def test_unmapped_places_make_no_periods(demo):
    districts = {s.district for s in control_on(on=D(2016, 12, 22), lens="consensus")}
    assert "handarat-camp" not in districts and len(districts) == 126
