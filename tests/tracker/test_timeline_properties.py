"""Property-based checks of the engine against the database, on random records of realistic size.

The world: twelve districts, two regions (the east, with an alias, and the whole city), eleven
sources of every stance (some speaking for an actor: the army, a militia, Nusra, Fatah Halab,
the YPG), claims naming coalitions and their members (`syrian-arab-army` inside `government`,
`nusra` inside `rebels`), day and window claims, claims said of a region (their place name is
the region's name or alias, so `claim_facts` marks them `regional`), unmapped claims, reviewed,
disputed, rejected and retracted claims, over about two months (so the 30-day horizon bites).

For a random record of about 60 claims: stored periods never overlap, the state read from
stored periods equals the state resolved straight from the claims (`state_on`), and the
evidence age the API reports is the engine's. For a random record and a random sequence of
edits through every write path: incremental updates leave exactly what a full rebuild does,
every field compared.

`PROPERTY_EXAMPLES` sets the number of examples of each property (CI default below);
`PROPERTY_EXAMPLES=300` is the longer run.
"""

import datetime
import os

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st

from districts.models import Region
from districts.names import name_key
from sources.models import Document, Source
from tests.factories import (
    AliasFactory,
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    actor,
    reviewer_user,
)
from tracker import selectors, services
from tracker.freshness import report_days_parse, stale_after_days, stale_on
from tracker.models import Actor, Claim, ControlPeriod
from tracker.source_changes import source_update, sources_merge
from tracker.timeline import Lens, periods_overlap, state_on

pytestmark = pytest.mark.django_db
# 60 examples of each property keep this file within about 45 s on SpatiaLite and 60 s on
# PostGIS on a 2-core machine while it passes (a failure adds up to 5 minutes of shrinking).
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "60"))
# The fewest claims of a random record; a smaller number (1) shrinks a failure to a short example.
MIN_CLAIMS = int(os.environ.get("PROPERTY_MIN_CLAIMS", "50"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
BASE = datetime.date(2016, 10, 1)
LAST_DAY = 60  # claims fall on BASE .. BASE + LAST_DAY: twice the horizon
DISTRICTS = 12
EAST = range(0, 6)  # the districts of the region "East Aleppo"
SOURCES = [  # slug, stance, the actor it speaks for (None: its stance's side, or none)
    ("sana", "government", None),
    ("army-media", "government", "syrian-arab-army"),
    ("ndf-page", "government", "national-defence-forces"),
    ("snn", "opposition", None),
    ("fatah-halab-media", "opposition", "fatah-halab"),
    ("nusra-media", "opposition", "nusra"),
    ("sohr", "independent", None),
    ("reuters", "independent", None),
    ("afp", "independent", None),
    ("anha", "kurdish", None),
    ("ypg-press", "kurdish", "kurdish_ypg"),
]
STANCES = ("government", "opposition", "independent", "kurdish")
POSITIONS = [
    "government",
    "syrian-arab-army",
    "national-defence-forces",
    "rebels",
    "nusra",
    "fatah-halab",
    "free-syrian-army",
    "kurdish_ypg",
    "isis",
    "contested",
]
SIDES = [None, "syrian-arab-army", "government", "rebels", "nusra", "kurdish_ypg"]
MEMBERS = ["nusra", "syrian-arab-army", "fatah-halab"]  # actors whose parent the edits move
PARENTS = [None, "rebels", "government", "kurdish_ypg"]
# Place names: a district's own name, the east's name or alias, the city's, or a loose name
# that no alias maps (claims with it wait unmapped, or an analyst picked their district).
REGION_NAMES = {"east": ["East Aleppo", "the rebel-held east"], "city": ["Aleppo city"]}
LOOSE_NAMES = ["Eastern quarters", "the old souq", "Bustan area"]
PLACES = ["own", "own", "own", "own", "east", "city", "loose", "unmapped"]

NEWS_DAYS = st.sampled_from(range(0, LAST_DAY + 1, 8))
claim_spec = st.fixed_dictionaries(
    {
        # Half the claims are about the front line (districts 2-5), fought over by many sources.
        "district": st.one_of(st.integers(2, 5), st.integers(0, DISTRICTS - 1)),
        "source": st.integers(0, len(SOURCES) - 1),
        "position": st.sampled_from(POSITIONS),
        # Most claims fall on a few busy news days, so sources often speak on the same day.
        "day": st.one_of(NEWS_DAYS, NEWS_DAYS, st.integers(0, LAST_DAY)),
        "window": st.sampled_from([0, 0, 0, 6, 30]),
        "review": st.sampled_from(["pending", "pending", "accepted", "disputed", "rejected"]),
        "place": st.sampled_from(PLACES),
        "name": st.integers(0, 5),
        "retracted": st.sampled_from([False] * 6 + [True]),
        "denied": st.sampled_from([False] * 3 + [True]),
    }
)
# Who denies a claim of each stance the same day, saying its own side holds the place.
DENIALS = {
    "government": ("snn", "rebels"),
    "opposition": ("sana", "government"),
    "independent": ("anha", "kurdish_ypg"),
    "kurdish": ("nusra-media", "nusra"),
}
EDITS = [
    "review",
    "move",
    "retract",
    "unretract",
    "redate",
    "record",
    "unmap",
    "map",
    "stance",
    "side",
    "parent",
    "merge",
]
edit_spec = st.tuples(st.sampled_from(EDITS), st.integers(0, 10**6), claim_spec)


def in_rolled_back_transaction(check):
    with transaction.atomic():
        check()
        transaction.set_rollback(True)


@pytest.fixture
def world():
    """The districts (0-5 in the east) and regions; sources and their documents."""
    districts = [DistrictFactory() for _ in range(DISTRICTS)]
    east = RegionFactory(slug="east-aleppo", name_en="East Aleppo")
    east.districts.add(*(districts[i] for i in EAST))
    AliasFactory(
        name="the rebel-held east", key=name_key("the rebel-held east"), district=None, region=east
    )
    city = RegionFactory(slug="aleppo-city", name_en="Aleppo city")
    city.districts.add(*districts)
    for slug, stance, side in SOURCES:
        source = SourceFactory(slug=slug, name=slug, stance=stance, actor=side and actor(side))
        DocumentFactory(source=source)
    return districts


def place(districts, spec) -> tuple:
    """Return (district or None, place name) for a claim spec."""
    if spec["place"] == "unmapped":
        return None, LOOSE_NAMES[spec["name"] % len(LOOSE_NAMES)]
    if spec["place"] == "loose":
        return districts[spec["district"]], LOOSE_NAMES[spec["name"] % len(LOOSE_NAMES)]
    if spec["place"] == "east":
        names = REGION_NAMES["east"]
        return districts[EAST[spec["district"] % len(EAST)]], names[spec["name"] % len(names)]
    if spec["place"] == "city":
        return districts[spec["district"]], REGION_NAMES["city"][0]
    district = districts[spec["district"]]
    return district, district.name_en


def source_pick(index: int) -> Source:
    """Return the source SOURCES[index] names, or, once it is merged away, a live one."""
    live = list(Source.objects.order_by("slug"))
    slug = SOURCES[index % len(SOURCES)][0]
    return next((s for s in live if s.slug == slug), live[index % len(live)])


def claim_fields(districts, spec, source: Source) -> dict:
    held = spec["position"] != "contested"
    day = BASE + datetime.timedelta(days=spec["day"])
    district, place_name = place(districts, spec)
    return {
        "document": Document.objects.filter(source=source).first(),
        "district": district,
        "place_name": place_name,
        "status": "held" if held else "contested",
        "actor": actor(spec["position"]) if held else None,
        "kind": "captured" if held else "contested",
        "effective_from": day - datetime.timedelta(days=spec["window"]),
        "effective_to": day,
    }


def claims_make(districts, specs) -> list[int]:
    """Store the claims (without recomputing) and return their ids. A claim `denied` is
    answered the same day by a partisan source of another camp saying its own side holds the
    place, as the two sides' outlets answer each other."""
    sources = {s.slug: s for s in Source.objects.all()}
    claims = []
    for spec in specs:
        slug, stance, _ = SOURCES[spec["source"]]
        said = [(sources[slug], spec)]
        if spec["denied"]:
            denier, side = DENIALS[stance]
            said.append((sources[denier], {**spec, "position": side, "window": 0}))
        for source, what in said:
            fields = claim_fields(districts, what, source)
            claims.append(
                Claim(
                    source=source,
                    review_status=what["review"],
                    retracted_on=fields["effective_to"] if what["retracted"] else None,
                    **fields,
                )
            )
    return [c.pk for c in Claim.objects.bulk_create(claims)]


def stored_periods() -> list[tuple]:
    """Every stored period, every field, in a stable order (JSON lists as tuples)."""
    rows = ControlPeriod.objects.values_list(
        "lens",
        "district_id",
        "status",
        "actor_id",
        "actors",
        "start",
        "end",
        "start_earliest",
        "support_ids",
        "contra_ids",
        "report_days",
        "last_reported",
    )
    return sorted(
        (*row[:4], tuple(row[4]), *row[5:8], tuple(row[8]), tuple(row[9]), tuple(row[10]), row[11])
        for row in rows
    )


def edit_apply(districts, action: str, pick: int, spec: dict, claim_ids: list[int]) -> None:
    """Make one edit through the service an analyst's change goes through.

    Each object is read afresh, as the admin and the API read it for each request.
    """
    claim = Claim.objects.select_related("source").get(pk=claim_ids[pick % len(claim_ids)])
    day = BASE + datetime.timedelta(days=spec["day"])
    if action == "review":
        services.claim_review(
            claim=claim,
            review_status=spec["review"],
            reviewed_by=reviewer_user(),
            reason="Judged",
        )
    elif action == "move":
        services.claim_update(claim=claim, district=districts[spec["district"]])
    elif action == "retract":
        services.claim_retract(claim=claim, retracted_on=claim.effective_to)
    elif action == "unretract":
        services.claim_update(claim=claim, retracted_on=None)
    elif action == "redate":
        window = datetime.timedelta(days=spec["window"])
        services.claim_update(claim=claim, effective_from=day - window, effective_to=day)
    elif action == "record":
        source = source_pick(spec["source"])
        fields = claim_fields(districts, spec, source)
        claim_ids.append(services.claim_record(source=source, **fields).pk)
    elif action == "unmap":
        services.claim_update(claim=claim, district=None)
    elif action == "map":
        name = LOOSE_NAMES[spec["name"] % len(LOOSE_NAMES)]
        if pick % 3 == 0:
            region = Region.objects.get(slug="east-aleppo" if pick % 2 else "aleppo-city")
            mapped = services.place_name_map(name=name, region=region)
        else:
            mapped = services.place_name_map(name=name, district=districts[spec["district"]])
        claim_ids.extend(c.pk for c in mapped if c.pk not in claim_ids)
    elif action == "stance":
        source_update(source=source_pick(spec["source"]), stance=STANCES[pick % len(STANCES)])
    elif action == "side":
        side = SIDES[pick % len(SIDES)]
        source_update(source=source_pick(spec["source"]), actor=side and actor(side))
    elif action == "parent":
        member = Actor.objects.get(slug=MEMBERS[pick % len(MEMBERS)])
        parent = PARENTS[spec["name"] % len(PARENTS)]
        services.actor_update(actor=member, parent=parent and actor(parent))
    elif action == "merge":
        source, into = source_pick(spec["source"]), source_pick(pick)
        if Source.objects.count() > 2 and source.pk != into.pk:
            sources_merge(source=source, into=into, stance=into.stance)
    else:
        raise AssertionError(action)


@PROPERTY
@given(
    specs=st.lists(claim_spec, min_size=MIN_CLAIMS, max_size=70),
    days=st.lists(st.integers(-2, LAST_DAY + 4), min_size=1, max_size=4),
)
def test_stored_periods_never_overlap_and_match_direct_resolution(world, specs, days):
    """On random days D, for every lens and district:

    - the stored periods of a district never overlap;
    - `control_on(D)` gives the state `state_on` resolves from the claims on D (`unknown` with
      no `last_reported` when it resolves nothing);
    - the period in force on D lists, among its supporting claims, every claim of the standing
      statements that support the state on D (`state_on(D).support`);
    - by the engine's definition a period's `report_days` are exactly the days (`effective_to`)
      of its supporting claims, and `last_reported` the newest of them. So the API's
      `last_reported` on D, the newest report day on or before D, equals the newest
      `effective_to` on or before D among the supporting claims of the period in force. It is
      never older than the newest standing statement that supports the state on D (it can be
      newer: a source that backed the state earlier in the period and has since changed its
      statement still reported it then). `stale` follows from it and the threshold.
    """

    def check():
        claims_make(world, specs)
        services.timeline_rebuild()
        facts = selectors.claim_facts()
        day_of = {f.id: f.day for f in facts}
        horizon, after = services.horizon_days(), stale_after_days()
        slugs = {d.pk: d.slug for d in world}
        periods: dict[tuple[str, int], list[ControlPeriod]] = {}
        for period in ControlPeriod.objects.all():
            periods.setdefault((period.lens, period.district_id), []).append(period)
        event(f"regional claims: {sum(f.regional for f in facts) > 0}")
        for status in sorted({p.status for ps in periods.values() for p in ps}):
            event(f"stored status: {status}")
        for (lens_name, district), stored in periods.items():
            assert not periods_overlap(stored), (lens_name, slugs[district])
            for p in stored:
                days_of_support = sorted({day_of[c] for c in p.support_ids})
                assert report_days_parse(p.report_days) == days_of_support, p
                assert p.last_reported == max(days_of_support, default=None), p
        for lens_name in selectors.lenses_available():
            lens = Lens.parse(lens_name)
            mine = {d.pk: [] for d in world}
            for fact in facts:
                if lens.admits(fact):
                    mine[fact.district].append(fact)
            for offset in days:
                day = BASE + datetime.timedelta(days=offset)
                states = {s.district: s for s in selectors.control_on(on=day, lens=lens_name)}
                for district in world:
                    expected = state_on(mine[district.pk], day, horizon_days=horizon)
                    state = states[district.slug]
                    where = (lens_name, district.slug, day)
                    if expected is None:
                        assert (state.status, state.last_reported) == ("unknown", None), where
                        continue
                    assert (state.status, state.actor, tuple(state.actors)) == expected.state, where
                    assert set(expected.support_ids) <= set(state.claims), where
                    reported = max(
                        (day_of[c] for c in state.claims if day_of[c] <= day), default=None
                    )
                    assert state.last_reported == reported, where
                    standing = max(s.day for s in expected.support)
                    assert reported is not None and reported >= standing, where
                    assert state.stale == stale_on(reported, day, after), where

    in_rolled_back_transaction(check)


@PROPERTY
@given(
    specs=st.lists(claim_spec, min_size=MIN_CLAIMS, max_size=70),
    edits=st.lists(edit_spec, min_size=4, max_size=12),
)
def test_incremental_updates_equal_a_full_rebuild(world, specs, edits):
    """After any sequence of edits, each through its service (review, move, retract and
    un-retract, redate, record, unmap, map a name to a district or a region, change a source's
    stance or side, move a member actor between coalitions, merge two sources), the stored
    periods equal those of a full rebuild in every field: lens, district, status, actor, actors,
    start, end, start_earliest, support_ids, contra_ids, report_days, last_reported."""

    note(f"specs={specs!r}")
    note(f"edits={edits!r}")

    def check():
        claim_ids = claims_make(world, specs)
        services.timeline_rebuild()
        for action, pick, spec in edits:
            event(f"edit: {action}")
            edit_apply(world, action, pick, spec, claim_ids)
        incremental = stored_periods()
        services.timeline_rebuild()
        assert incremental == stored_periods()

    in_rolled_back_transaction(check)


def test_an_actor_parent_that_makes_a_cycle_is_refused_and_changes_nothing(world):
    """Nusra sits inside the rebels: putting the rebels inside Nusra, directly or through
    another coalition, or an actor inside itself, is refused; nothing stored moves."""
    ClaimFactory(
        document=Document.objects.get(source__slug="nusra-media"),
        district=world[0],
        actor=actor("nusra"),
    )
    services.timeline_rebuild()
    before = stored_periods()
    rebels, nusra, government = actor("rebels"), actor("nusra"), actor("government")
    assert nusra.parent_id == rebels.pk
    with pytest.raises(ValidationError, match="cycle"):
        services.actor_update(actor=actor("rebels"), parent=nusra)
    services.actor_update(actor=government, parent=nusra)  # no cycle: the government in Nusra
    with pytest.raises(ValidationError, match="cycle"):
        services.actor_update(actor=actor("rebels"), parent=actor("government"))
    with pytest.raises(ValidationError):
        services.actor_update(actor=actor("nusra"), parent=actor("nusra"))
    assert actor("rebels").parent_id is None
    assert actor("nusra").parent_id == rebels.pk
    services.actor_update(actor=actor("government"), parent=None)
    assert stored_periods() == before


@pytest.mark.parametrize(
    ("before", "status"),
    [("mapped by hand", "held"), ("mapped to the region", "disputed")],
)
def test_mapping_a_place_name_recomputes_claims_already_mapped_under_that_name(
    world, before, status
):
    """SANA says the army holds district 0; SNN, the same day, that the rebels hold "Eastern
    quarters", mapped to district 0. Whether SNN's claim is said of a region (and stands back
    for the district's own news) turns on what the name denotes, so mapping the name anew
    must recompute the claims already mapped under it: one an analyst mapped by hand, before
    the name became the east's alias (district 0 is then held); or the copies made when the
    name was mapped to the east, before the analyst corrected it to district 0 (disputed)."""
    districts, east = world, Region.objects.get(slug="east-aleppo")
    said = {"district": 0, "day": 3, "window": 0, "review": "pending", "name": 0, "denied": False}
    waiting = before == "mapped to the region"
    claims_make(
        districts,
        [
            {**said, "source": 0, "position": "government", "place": "own", "retracted": False},
            {
                **said,
                "source": 3,
                "position": "rebels",
                "place": "unmapped" if waiting else "loose",
                "retracted": False,
            },
        ],
    )
    services.timeline_rebuild()
    services.place_name_map(name="Eastern quarters", region=east)
    if waiting:
        services.place_name_map(name="Eastern quarters", district=districts[0])
    incremental = stored_periods()
    services.timeline_rebuild()
    assert ControlPeriod.objects.get(lens="consensus", district=districts[0]).status == status
    assert incremental == stored_periods()
