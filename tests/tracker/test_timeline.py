"""The engine's rules, one scenario each, on plain facts (no database)."""

import datetime
import itertools

import pytest

from tracker.timeline import (
    CONTESTED,
    DISPUTED,
    HORIZON_DAYS,
    ClaimFact,
    Lens,
    LensError,
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
    regional=False,
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
        regional=regional,
    )


def rebel_says(actor="rebels", source="rebel-spokesman", **kw):
    return fact(actor, source=source, stance="opposition", **kw)


def monitor_says(actor, source="sohr", **kw):
    return fact(actor, source=source, stance="independent", **kw)


def day_verdict(claims):
    """Weigh claims that all take effect on one day, as the engine does on that day."""
    return state_on(claims, max(c.day for c in claims))


# Rule 1: windows


def test_week_claim_takes_effect_at_window_end_and_reports_its_start():
    claim = fact(day=D(2012, 8, 10), earliest=D(2012, 8, 4))
    [period] = periods_resolve([claim])
    assert period.start == D(2012, 8, 10)
    assert period.start_earliest == D(2012, 8, 4)
    assert state_on([claim], D(2012, 8, 9)) is None


# Rule 2: standing statements


def test_a_statement_past_the_horizon_drops_out_of_the_weighing():
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


def test_a_source_changing_its_own_story_replaces_its_earlier_statement():
    first = monitor_says("rebels", day=D(2016, 11, 1), review="accepted")
    second = monitor_says("government", day=D(2016, 11, 20))
    periods = periods_resolve([first, second])
    assert [(p.actor, p.start) for p in periods] == [
        ("rebels", D(2016, 11, 1)),
        ("government", D(2016, 11, 20)),
    ]
    assert periods[1].support == [second.id] and periods[1].contra == []


def test_hanano_confirmed_capture_survives_a_next_day_partisan_tie():
    """SOHR (accepted) reports Hanano taken on 26 Nov; on 27 Nov the army repeats it and a
    rebel outlet denies it: the confirmed capture stands, no dispute begins."""
    sohr = monitor_says("government", day=D(2016, 11, 26), review="accepted")
    army = fact("government", day=D(2016, 11, 27))
    snn = rebel_says("rebels", day=D(2016, 11, 27), source="snn")
    [period] = periods_resolve([sohr, army, snn])
    assert (period.status, period.actor, period.start) == ("held", "government", D(2016, 11, 26))
    assert period.end is None
    assert period.support == sorted([sohr.id, army.id]) and period.contra == [snn.id]
    assert period.report_days == [D(2016, 11, 26), D(2016, 11, 27)]
    assert period.last_reported == D(2016, 11, 27)


def test_reviewer_disputed_partisan_claim_does_not_overturn_accepted_independent_one():
    accepted = monitor_says("rebels", day=D(2016, 11, 1), review="accepted")
    doubted = fact("government", day=D(2016, 11, 2), review="disputed")
    [period] = periods_resolve([accepted, doubted])
    assert period.actor == "rebels" and period.contra == [doubted.id]


def test_among_equal_positions_the_newer_wins():
    army = fact("government", day=D(2016, 11, 1))
    denial = rebel_says("rebels", day=D(2016, 11, 3))
    periods = periods_resolve([army, denial])
    assert [(p.actor, p.start) for p in periods] == [
        ("government", D(2016, 11, 1)),
        ("rebels", D(2016, 11, 3)),
    ]


def test_window_uncertainty_stops_at_the_latest_contrary_claim():
    """A month-long claim ('the army took it in November') cannot reach back past a precise
    report that rebels still held the district on 10 November."""
    still_rebel = monitor_says("rebels", day=D(2016, 11, 10))
    in_november = monitor_says(
        "government", source="reuters", day=D(2016, 11, 30), earliest=D(2016, 11, 1)
    )
    periods = periods_resolve([still_rebel, in_november])
    assert periods[-1].actor == "government"
    assert periods[-1].start == D(2016, 11, 30)
    assert periods[-1].start_earliest == D(2016, 11, 11)


def test_window_uncertainty_is_kept_when_nothing_contradicts_it():
    in_november = monitor_says("government", day=D(2016, 11, 30), earliest=D(2016, 11, 1))
    [period] = periods_resolve([in_november])
    assert period.start_earliest == D(2016, 11, 1)


def test_naming_a_member_of_ones_own_coalition_is_not_an_admission():
    """An opposition outlet saying Nusra holds a district speaks of its own coalition (facts
    carry coalitions: Nusra is inside `rebels`), so it does not outweigh the army's claim."""
    nusra_named = rebel_says("rebels", source="opposition-outlet")
    army = fact("government")
    assert not nusra_named.against_interest
    verdict = day_verdict([nusra_named, army])
    assert verdict.status == DISPUTED and verdict.actors == ("government", "rebels")


def test_a_source_contradicting_itself_on_one_day_is_uncertain_not_an_admission():
    conceded = rebel_says("government", source="rebel-media")
    denied = rebel_says("rebels", source="rebel-media")
    army = fact("government")
    verdict = day_verdict([conceded, denied, army])
    assert verdict.status == DISPUTED
    assert verdict.actors == ("government", CONTESTED)


def test_partisan_contested_against_partisan_held_names_both_positions():
    verdict = day_verdict([rebel_says(status="contested"), fact("government")])
    assert verdict.status == DISPUTED and verdict.actors == ("government", CONTESTED)


def test_both_camps_reporting_fighting_outweigh_one_camps_claim_of_control():
    army_contest = fact(status="contested", source="syrian-army")
    rebel_contest = rebel_says(status="contested")
    sana = fact("government", source="sana")
    verdict = day_verdict([army_contest, rebel_contest, sana])
    assert verdict.status == "contested"


def test_one_camps_outlets_do_not_outvote_the_other_camps_denial_on_later_days():
    echoes = [fact("government", source=f"outlet-{n}", day=D(2016, 12, 1)) for n in range(3)]
    denial = rebel_says("rebels", day=D(2016, 12, 1))
    assert day_verdict([*echoes, denial]).status == DISPUTED


def test_city_wide_statement_reaches_every_district_it_covers():
    """'The army declared full control of Aleppo' arrives as one claim per district; each
    district whose last word was a rebel denial a week earlier turns government, because the
    newer statement of an equal camp wins."""
    declaration = [
        fact("government", source="syrian-army", day=D(2016, 12, 22), district=d, regional=True)
        for d in (1, 2, 3)
    ]
    older = [rebel_says("rebels", day=D(2016, 12, 15), district=d) for d in (1, 2)]
    periods = lens_periods([*declaration, *older], Lens.parse("consensus"))
    assert {d: ps[-1].actor for d, ps in periods.items()} == {
        1: "government",
        2: "government",
        3: "government",
    }
    assert all(ps[-1].start == D(2016, 12, 22) for ps in periods.values())


def test_an_unchanged_state_keeps_its_last_reported_day_however_long_it_lasts():
    """Nothing ages while no one speaks: a state reported once stays, and its period says
    when it was last reported so readers can see it is stale."""
    once = monitor_says("kurdish_ypg", day=D(2012, 7, 26))
    [period] = periods_resolve([once])
    assert period.end is None and period.last_reported == D(2012, 7, 26)
    assert state_on([once], D(2016, 12, 22)).actor == "kurdish_ypg"


def test_horizon_is_measured_from_the_newest_statement_not_from_today():
    accepted = monitor_says("rebels", day=D(2013, 1, 1), review="accepted")
    newer = fact("government", day=D(2013, 1, 1) + datetime.timedelta(days=HORIZON_DAYS))
    much_newer = fact("government", day=D(2013, 1, 2) + datetime.timedelta(days=HORIZON_DAYS))
    assert state_on([accepted, newer], newer.day).actor == "rebels"
    assert state_on([accepted, much_newer], much_newer.day).actor == "government"
    assert state_on([accepted, much_newer], much_newer.day, horizon_days=1000).actor == "rebels"


# Rule 4: weighing the standing statements


def test_agreeing_claims_on_one_day_corroborate():
    a, b = fact(), monitor_says("government")
    verdict = day_verdict([a, b])
    assert verdict.actor == "government" and set(verdict.support_ids) == {a.id, b.id}
    assert verdict.contra_ids == ()


def test_accepted_claim_outweighs_pending_contradiction():
    accepted = rebel_says(review="accepted")
    pending = fact("government")
    verdict = day_verdict([accepted, pending])
    assert verdict.actor == "rebels" and verdict.contra_ids == (pending.id,)


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
    assert set(verdict.support_ids) == {army.id, denial.id}


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


# Rule 5: unknown before the first claim


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


# Rule 3: region-wide statements


def test_region_wide_background_stands_back_for_the_districts_own_news():
    """Two agencies' boilerplate 'the rebel-held east' (26 Nov) does not outweigh the monitor's
    report two days later that the district itself is fought over."""
    background = [
        monitor_says("rebels", source=s, day=D(2016, 11, 26), regional=True)
        for s in ("afp", "reuters")
    ]
    fighting = monitor_says(None, status="contested", day=D(2016, 11, 28))
    periods = periods_resolve([*background, fighting])
    assert [(p.status, p.start) for p in periods] == [
        ("held", D(2016, 11, 26)),
        ("contested", D(2016, 11, 28)),
    ]
    assert state_on([*background, fighting], D(2016, 11, 28)).status == "contested"


def test_same_day_region_wide_boilerplate_does_not_count_against_the_district_news():
    boilerplate = monitor_says("rebels", source="afp", regional=True)
    capture = monitor_says("government", source="sohr")
    assert day_verdict([boilerplate, capture]).actor == "government"


def test_a_newer_region_wide_statement_counts_again():
    specific = rebel_says("rebels", day=D(2016, 12, 18))
    end_of_battle = fact("government", source="syrian-army", day=D(2016, 12, 22), regional=True)
    assert state_on([specific, end_of_battle], D(2016, 12, 22)).actor == "government"


def test_a_sides_concession_gives_way_to_the_same_sides_later_word():
    """A government outlet calls the district rebel-held on 20 Nov (before the offensive); the
    army claims its capture on 28 Nov. The concession no longer outweighs the army: among
    equals the newer word wins."""
    before = fact("rebels", source="tasnim", day=D(2016, 11, 20))
    capture = fact("government", source="syrian-army", day=D(2016, 11, 28))
    assert before.against_interest
    assert state_on([before, capture], D(2016, 11, 27)).actor == "rebels"
    assert state_on([before, capture], D(2016, 11, 28)).actor == "government"


def test_a_concession_still_counts_against_the_other_sides_later_claim():
    conceded = rebel_says("government", day=D(2016, 11, 26))
    denial = monitor_says("rebels", day=D(2016, 11, 27))
    # The rebels conceded; a monitor's later word is not the rebels' own word.
    assert state_on([conceded, denial], D(2016, 11, 27)).actor == "government"
