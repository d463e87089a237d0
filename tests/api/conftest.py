"""A small seeded world for the API tests: districts, sources, documents, claims and periods,
built through the services so the stored timeline is real; and users in each role."""

import datetime
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from tests.factories import (
    DistrictFactory,
    DocumentFactory,
    SourceFactory,
    UserFactory,
    actor,
    reviewer_user,
)
from tracker import services
from tracker.models import Claim
from tracker.tokens import api_token_issue

D = datetime.date


@pytest.fixture(autouse=True)
def _no_anonymous_limit(settings):
    """Lift the anonymous rate limit (throttling has its own tests); old counts are forgotten
    with the rest of the cache before every test (tests/conftest.py)."""
    settings.TRACKER_API_ANON_RATE = None


@dataclass
class World:
    districts: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    documents: dict = field(default_factory=dict)
    claims: dict = field(default_factory=dict)


def claim_add(world, name, *, source, district, who, day, window=0, **kw):
    """Record a claim through the service, as the API and the admin do."""
    status = "contested" if who == "contested" else "held"
    claim = services.claim_record(
        document=world.documents[source],
        source=world.sources[source],
        district=world.districts.get(district),
        place_name=kw.pop("place_name", "")
        or (world.districts[district].name_en if district else ""),
        status=status,
        actor=None if status == "contested" else actor(who),
        kind="contested" if status == "contested" else "captured",
        effective_from=day - datetime.timedelta(days=window),
        effective_to=day,
        **kw,
    )
    world.claims[name] = claim
    return claim


@pytest.fixture
def world(db) -> World:
    """Four districts; an army, a rebel outlet and a monitor; claims that agree, disagree,
    are rejected, retracted, windowed, or name a place with no district."""
    w = World()
    for slug, name_ar in [
        ("hanano", "هنانو"),
        ("ash-shaar", "الشعار"),
        ("bustan-al-qasr", "بستان القصر"),
        ("sheikh-maqsoud", "الشيخ مقصود"),
    ]:
        w.districts[slug] = DistrictFactory(
            slug=slug, name_en=slug.replace("-", " ").title(), name_ar=name_ar
        )
    w.sources["army"] = SourceFactory(
        slug="syrian-army", name="Syrian Army", stance="government", actor=actor("government")
    )
    w.sources["rebels"] = SourceFactory(
        slug="rebel-media", name="Rebel media", stance="opposition", actor=actor("rebels")
    )
    w.sources["monitor"] = SourceFactory(slug="sohr", name="SOHR", stance="independent")
    for key, source in w.sources.items():
        w.documents[key] = DocumentFactory(
            source=source,
            title=f"{source.name} statement",
            citation=f"https://example.org/{source.slug}/statement",
            url=f"https://example.org/{source.slug}/statement",
        )
    claim_add(
        w,
        "hanano_rebels_2012",
        source="monitor",
        district="hanano",
        who="rebels",
        day=D(2012, 7, 31),
        window=30,
    )
    claim_add(
        w,
        "hanano_army",
        source="army",
        district="hanano",
        who="syrian-arab-army",
        day=D(2016, 11, 26),
        quote='=HYPERLINK("http://evil.example")',
    )
    claim_add(
        w,
        "hanano_monitor",
        source="monitor",
        district="hanano",
        who="government",
        day=D(2016, 11, 26),
        quote="Hanano fell to the army.",
    )
    claim_add(
        w, "shaar_army", source="army", district="ash-shaar", who="government", day=D(2016, 12, 1)
    )
    claim_add(
        w,
        "shaar_rebels",
        source="rebels",
        district="ash-shaar",
        who="rebels",
        day=D(2016, 12, 1),
        quote="-Our fighters hold al-Shaar",
    )
    claim_add(
        w,
        "bustan_contested",
        source="monitor",
        district="bustan-al-qasr",
        who="contested",
        day=D(2016, 12, 5),
    )
    claim_add(
        w,
        "bustan_army",
        source="army",
        district="bustan-al-qasr",
        who="government",
        day=D(2016, 12, 12),
        window=6,
    )
    claim_add(
        w,
        "bustan_rejected",
        source="rebels",
        district="bustan-al-qasr",
        who="rebels",
        day=D(2016, 12, 14),
        quote="@rejected quote",
    )
    services.claim_review(
        claim=w.claims["bustan_rejected"],
        review_status="rejected",
        reviewed_by=reviewer_user(),
        reason="Contradicted by every other source",
    )
    claim_add(
        w,
        "maqsoud_ypg",
        source="monitor",
        district="sheikh-maqsoud",
        who="kurdish_ypg",
        day=D(2016, 12, 2),
    )
    claim_add(
        w,
        "maqsoud_retracted",
        source="army",
        district="sheikh-maqsoud",
        who="government",
        day=D(2016, 12, 10),
    )
    services.claim_retract(claim=w.claims["maqsoud_retracted"], retracted_on=D(2016, 12, 11))
    claim_add(
        w,
        "unmapped",
        source="monitor",
        district=None,
        who="government",
        day=D(2016, 12, 13),
        place_name="Jabal Badro",
    )
    services.claim_review(
        claim=w.claims["hanano_monitor"], review_status="accepted", reviewed_by=reviewer_user()
    )
    for claim in w.claims.values():
        claim.refresh_from_db()
    return w


def _user(username, *groups, **extra):
    user = UserFactory(username=username, **extra)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def users(db) -> dict:
    """One user per role; `staff` is staff but in no group."""
    return {
        "analyst": _user("ana", "analyst"),
        "reviewer": _user("rev", "reviewer"),
        "admin": _user("root", is_staff=True, is_superuser=True),
        "staff": _user("staff", is_staff=True),
    }


def client_as(user=None, *, token=True) -> APIClient:
    """An API client: anonymous, or authenticated by a newly issued token (default) or a
    session."""
    client = APIClient()
    if user is not None:
        if token:
            key = api_token_issue(user=user)[1]
            client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        else:
            client.force_login(user)
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


def public_claim_ids(world) -> set[int]:
    return {c.pk for c in world.claims.values() if c.review_status != Claim.Review.REJECTED}
