"""Property-based checks of the engine against the database, on random claim sets.

For random claims and random sequences of edits: stored periods never overlap; the state read
from stored periods equals the state resolved straight from the claims; and incremental updates
leave exactly what a full rebuild would.
"""

import datetime
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, actor
from tracker import selectors, services
from tracker.models import Claim, ControlPeriod
from tracker.timeline import Lens, periods_overlap, state_on

pytestmark = pytest.mark.django_db
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "300"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
BASE = datetime.date(2016, 11, 1)
SOURCES = [
    ("army", "government"),
    ("ministry", "government"),
    ("rebels-media", "opposition"),
    ("monitor", "independent"),
    ("agency", "independent"),
    ("ypg-media", "kurdish"),
]
LENSES = [
    "consensus",
    *(f"stance:{s}" for s in ("government", "opposition", "independent", "kurdish")),
]
LENSES += [f"source:{slug}" for slug, _ in SOURCES]
POSITIONS = ["government", "rebels", "kurdish_ypg", "syrian-arab-army", "contested"]

claim_spec = st.fixed_dictionaries(
    {
        "district": st.integers(0, 2),
        "source": st.integers(0, len(SOURCES) - 1),
        "position": st.sampled_from(POSITIONS),
        "day": st.integers(0, 20),
        "window": st.sampled_from([0, 0, 0, 6, 30]),
        "review": st.sampled_from(["pending", "pending", "accepted", "disputed", "rejected"]),
    }
)
edit_spec = st.tuples(
    st.sampled_from(["review", "move", "retract", "redate", "record"]),
    st.integers(0, 10**6),
    claim_spec,
)


@pytest.fixture
def world():
    districts = [DistrictFactory() for _ in range(3)]
    docs = [
        DocumentFactory(source=SourceFactory(slug=slug, stance=stance)) for slug, stance in SOURCES
    ]
    return districts, docs


def claim_make(world, spec) -> Claim:
    districts, docs = world
    doc = docs[spec["source"]]
    held = spec["position"] != "contested"
    day = BASE + datetime.timedelta(days=spec["day"])
    return Claim.objects.create(
        document=doc,
        source=doc.source,
        district=districts[spec["district"]],
        place_name="somewhere",
        status="held" if held else "contested",
        actor=actor(spec["position"]) if held else None,
        kind="captured" if held else "contested",
        effective_from=day - datetime.timedelta(days=spec["window"]),
        effective_to=day,
        review_status=spec["review"],
    )


def stored_periods():
    return sorted(
        ControlPeriod.objects.values_list(
            "lens", "district_id", "status", "actor_id", "start", "end", "start_earliest"
        )
    )


def in_rolled_back_transaction(check):
    with transaction.atomic():
        check()
        transaction.set_rollback(True)


@PROPERTY
@given(
    specs=st.lists(claim_spec, max_size=14),
    days=st.lists(st.integers(-2, 24), min_size=1, max_size=4),
)
def test_stored_periods_never_overlap_and_match_direct_resolution(world, specs, days):
    def check():
        for spec in specs:
            claim_make(world, spec)
        services.timeline_rebuild()
        facts = selectors.claim_facts()
        for lens_name in LENSES:
            lens = Lens.parse(lens_name)
            for district in world[0]:
                periods = list(ControlPeriod.objects.filter(lens=lens_name, district=district))
                assert not periods_overlap(periods), (lens_name, district)
                mine = [f for f in facts if f.district == district.pk and lens.admits(f)]
                for offset in days:
                    day = BASE + datetime.timedelta(days=offset)
                    expected = state_on(mine, day)
                    [state] = [
                        s
                        for s in selectors.control_on(on=day, lens=lens_name)
                        if s.district == district.slug
                    ]
                    if expected is None:
                        assert state.status == "unknown"
                    else:
                        assert (state.status, state.actor, tuple(state.actors)) == expected.state

    in_rolled_back_transaction(check)


@PROPERTY
@given(specs=st.lists(claim_spec, min_size=1, max_size=10), edits=st.lists(edit_spec, max_size=6))
def test_incremental_updates_equal_a_full_rebuild(world, specs, edits):
    districts, _ = world

    def check():
        claims = [claim_make(world, spec) for spec in specs]
        services.timeline_rebuild()
        for action, pick, spec in edits:
            claim = claims[pick % len(claims)]
            if action == "review":
                services.claim_review(claim=claim, review_status=spec["review"], reviewed_by=None)
            elif action == "move":
                services.claim_update(claim=claim, district=districts[spec["district"]])
            elif action == "retract":
                services.claim_retract(claim=claim, retracted_on=claim.effective_to)
            elif action == "redate":
                day = BASE + datetime.timedelta(days=spec["day"])
                services.claim_update(claim=claim, effective_from=day, effective_to=day)
            else:
                doc = world[1][spec["source"]]
                held = spec["position"] != "contested"
                claims.append(
                    services.claim_record(
                        document=doc,
                        district=districts[spec["district"]],
                        place_name="somewhere",
                        status="held" if held else "contested",
                        actor=actor(spec["position"]) if held else None,
                        kind="held",
                        effective_from=BASE + datetime.timedelta(days=spec["day"]),
                    )
                )
        incremental = stored_periods()
        services.timeline_rebuild()
        assert incremental == stored_periods()

    in_rolled_back_transaction(check)
