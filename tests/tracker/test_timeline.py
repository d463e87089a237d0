"""The engine's rules, one scenario each, on plain facts (no database)."""

import datetime
import itertools

import pytest

from tracker.timeline import (
    DISPUTED,
    ClaimFact,
    Lens,
    LensError,
    day_verdict,
    lens_periods,
    periods_overlap,
    periods_resolve,
    state_on,
)

D = datetime.date
DEC_1 = D(2016, 12, 1)
_ids = itertools.count(1)


def fact(
    actor="government",
    day=DEC_1,
    *,
    status="held",
    earliest=None,
    review="pending",
    source="syrian-army",
    stance="government",
    side="__from_stance__",
    district=1,
    retracted=False,
):
    sides = {"government": "government", "opposition": "rebels", "kurdish": "kurdish_ypg"}
    return ClaimFact(
        id=next(_ids),
        district=district,
        status=status,
        actor=actor if status == "held" else None,
        earliest=earliest or day,
        day=day,
        review=review,
        retracted=retracted,
        source=source,
        stance=stance,
        side=sides.get(stance) if side == "__from_stance__" else side,
    )


def rebel_says(actor="rebels", **kw):
    return fact(actor, source="rebel-spokesman", stance="opposition", **kw)


def monitor_says(actor, source="sohr", **kw):
    return fact(actor, source=source, stance="independent", **kw)


# Rule 1: windows


def test_week_claim_takes_effect_at_window_end_and_reports_its_start():
    claim = fact(day=D(2012, 8, 10), earliest=D(2012, 8, 4))
    [period] = periods_resolve([claim])
    assert period.start == D(2012, 8, 10)
    assert period.start_earliest == D(2012, 8, 4)
    assert state_on([claim], D(2012, 8, 9)) is None


# Rule 2: supersession


def test_later_claim_supersedes_earlier_one():
    early = rebel_says(day=D(2012, 7, 31))
    late = fact("government", day=D(2016, 11, 26))
    periods = periods_resolve([late, early])
    assert [(p.actor, p.start, p.end) for p in periods] == [
        ("rebels", D(2012, 7, 31), D(2016, 11, 26)),
        ("government", D(2016, 11, 26), None),
    ]
    assert state_on([early, late], D(2016, 11, 25)).actor == "rebels"
    assert state_on([early, late], D(2016, 11, 26)).actor == "government"


def test_repeated_claims_of_the_same_state_extend_one_period():
    claims = [fact(day=D(2016, 12, d)) for d in (1, 3, 7)]
    [period] = periods_resolve(claims)
    assert period.start == D(2016, 12, 1) and period.end is None
    assert sorted(period.support) == sorted(c.id for c in claims)


# Rule 3: same-day weighing


def test_agreeing_claims_on_one_day_corroborate():
    a, b = fact(), monitor_says("government")
    verdict = day_verdict([a, b])
    assert verdict.actor == "government" and set(verdict.support) == {a.id, b.id}
    assert verdict.contra == ()


def test_accepted_claim_outweighs_pending_contradiction():
    accepted = rebel_says(review="accepted")
    pending = fact("government")
    verdict = day_verdict([accepted, pending])
    assert verdict.actor == "rebels" and verdict.contra == (pending.id,)


def test_pending_claim_outweighs_one_disputed_by_reviewers():
    verdict = day_verdict([rebel_says(review="disputed"), fact("government")])
    assert verdict.actor == "government"


def test_rebel_admission_of_loss_outweighs_government_claim_of_contest():
    admission = rebel_says("government")  # a rebel source concedes the army holds it
    contest = fact(status="contested")
    verdict = day_verdict([admission, contest])
    assert verdict.status == "held" and verdict.actor == "government"
    assert admission.against_interest and not contest.against_interest


def test_independent_monitor_outweighs_partisan_claim():
    verdict = day_verdict([fact("government"), monitor_says(None, status="contested")])
    assert verdict.status == "contested"


def test_more_independent_sources_outweigh_fewer():
    verdict = day_verdict(
        [
            monitor_says("government", source="sohr"),
            monitor_says("government", source="reuters"),
            monitor_says("rebels", source="afp"),
        ]
    )
    assert verdict.actor == "government"


def test_partisan_claims_against_each_other_leave_the_district_disputed():
    army, denial = fact("government"), rebel_says("rebels")
    verdict = day_verdict([army, denial])
    assert verdict.status == DISPUTED and verdict.actor is None
    assert verdict.actors == ("government", "rebels")
    assert set(verdict.support) == {army.id, denial.id}


def test_partisan_repetition_does_not_outweigh_a_denial():
    echoes = [fact("government", source=f"outlet-{n}") for n in range(4)]
    verdict = day_verdict([*echoes, rebel_says("rebels")])
    assert verdict.status == DISPUTED


def test_review_decides_before_admission_against_interest():
    verdict = day_verdict([rebel_says("government"), fact("rebels", review="accepted")])
    assert verdict.actor == "rebels"


def test_coalition_members_are_one_side():
    # `actor` is already the coalition in facts: two members of "government" agree.
    verdict = day_verdict([fact("government", source="saa"), fact("government", source="mod")])
    assert verdict.status == "held" and verdict.actor == "government"


def test_disputed_days_with_the_same_sides_make_one_period():
    claims = [fact("government", day=D(2016, 11, 30)), rebel_says(day=D(2016, 11, 30))]
    claims += [fact("government", day=D(2016, 12, 2)), rebel_says(day=D(2016, 12, 2))]
    [period] = periods_resolve(claims)
    assert period.status == DISPUTED and period.start == D(2016, 11, 30)


# Rule 4: unknown before the first claim


def test_state_before_the_first_claim_is_unknown():
    claims = [fact(day=D(2016, 12, 1))]
    assert state_on(claims, D(2016, 11, 30)) is None
    assert state_on(claims, D(2016, 12, 1)).actor == "government"
    assert periods_resolve(claims)[0].start == D(2016, 12, 1)


# Lenses


def test_rejected_and_retracted_claims_count_in_no_lens():
    rejected = fact(review="rejected")
    retracted = fact(retracted=True)
    for lens in ("consensus", "source:syrian-army", "stance:government"):
        assert not Lens.parse(lens).admits(rejected)
        assert not Lens.parse(lens).admits(retracted)


def test_each_lens_tells_its_own_story():
    army = fact("government", source="syrian-army", stance="government")
    rebels = rebel_says("rebels")
    assert lens_periods([army, rebels], Lens.parse("consensus"))[1][0].status == DISPUTED
    assert lens_periods([army, rebels], Lens.parse("source:syrian-army"))[1][0].actor == (
        "government"
    )
    assert lens_periods([army, rebels], Lens.parse("stance:opposition"))[1][0].actor == "rebels"
    assert lens_periods([army, rebels], Lens.parse("stance:kurdish")) == {}


@pytest.mark.parametrize("text", ["", "everyone", "stance:martian", "source:", "Consensus"])
def test_unknown_lens_is_refused_with_the_accepted_forms(text):
    with pytest.raises(LensError, match="consensus"):
        Lens.parse(text)


def test_lens_names_round_trip():
    for text in ("consensus", "source:sohr", "stance:kurdish"):
        assert str(Lens.parse(text)) == text


def test_periods_overlap_detects_a_shared_day():
    claims = [fact(day=D(2016, 12, 1)), rebel_says(day=D(2016, 12, 5), review="accepted")]
    periods = periods_resolve(claims)
    assert not periods_overlap(periods)
    periods[0].end = D(2016, 12, 6)
    assert periods_overlap(periods)
