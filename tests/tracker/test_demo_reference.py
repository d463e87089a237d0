"""The shipped demo against the shipped reference assessment (tracker/data/reference/).

The reference was compiled from narrative documents that no claim file cites (see its README),
so agreement measures the engine and the record, not a copy of them.
"""

from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from quantitative.demo import demo_load
from tracker.agreement import reference_compare
from tracker.selectors import control_on

REFERENCE = "tracker/data/reference/aleppo_reference.csv"
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module inside a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        yield
        transaction.set_rollback(True)


def test_consensus_agrees_with_the_reference_at_ninety_percent_or_more(demo):
    call_command("compare_reference", REFERENCE, "--min-agreement", "90")
    overall = reference_compare(REFERENCE, lens="consensus").overall
    assert overall.strict_percent >= 90.0
    assert overall.coverage_percent >= 90.0


def test_compare_reference_fails_below_the_asked_agreement(demo):
    with pytest.raises(CommandError, match="below"):
        call_command("compare_reference", REFERENCE, "--min-agreement", "100")


def test_each_side_tells_its_own_story_on_the_days_they_fought_over(demo):
    """The two sides' stance lenses differ where the reference has a fight: Hanano on the eve of
    its fall (25 Nov; on the 26th a rebel official conceded it), as-Sakhour on 28 Nov (the army
    claims it, a rebel official denies it), Sheikh Sa'eed on 5 Dec (the army's list of 3 Dec
    names it, rebels say they repelled the advance)."""

    def actor(lens, district, day):
        [state] = [s for s in control_on(on=day, lens=lens) if s.district == district]
        return state.status, state.actor

    differing = [
        (district, day)
        for district, day in (
            ("hanano", date(2016, 11, 25)),
            ("as-sakhour", date(2016, 11, 28)),
            ("sheikh-saeed", date(2016, 12, 5)),
        )
        if actor("stance:government", district, day) != actor("stance:opposition", district, day)
    ]
    assert len(differing) == 3, differing


def test_on_22_december_the_city_is_government_held_but_what_the_kurds_keep(demo):
    """The army's declaration of full control (a city-wide statement, 22 Dec) reaches every
    district; only Sheikh Maqsoud, which the sources keep with the YPG that day, differs."""
    states = {
        s.district: (s.status, s.actor) for s in control_on(on=date(2016, 12, 22), lens="consensus")
    }
    assert states.pop("ash-sheikh-maqsoud") == ("held", "kurdish_ypg")
    assert set(states.values()) == {("held", "government")}


def test_the_seed_articles_numbers_are_audited_against_the_map(demo):
    """Antiwar.com, 6 Dec 2016: the Russian Defense Ministry's 'five new districts taken today'
    and the Syrian Army's '35 districts over the past couple of weeks' each get a mapped value
    and a verdict, not 'cannot judge'."""
    from quantitative.models import QuantitativeClaim
    from quantitative.selectors import quantitative_audits

    seed = list(
        QuantitativeClaim.objects.filter(
            document__url__contains="syria-poised-for-aleppo-victory", measure="districts_taken"
        )
    )
    assert sorted(c.value for c in seed) == [5.0, 35.0]
    for audit in quantitative_audits(seed).values():
        assert audit.mapped is not None and audit.districts_unknown == 0
        assert audit.verdict in {"consistent", "inconsistent"}
