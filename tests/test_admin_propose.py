"""Proposed claims from pasted text (tracker/admin/proposals.py): who may ask, and what comes back."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from districts.names import name_key
from tests.factories import (
    AliasFactory,
    DistrictFactory,
    RegionFactory,
    SourceFactory,
    UserFactory,
    actor,
    square,
)

pytestmark = pytest.mark.django_db
URL = "admin:tracker_claim_propose"
SEED = (
    "Syrian troops have taken Sheikh Saeed, the army said. There are reports of the first "
    "troops making their way into the Old City."
)


def spelled(district=None, region=None, *names):
    for name in names:
        AliasFactory(name=name, key=name_key(name), district=district, region=region)


def place_names_make() -> dict:
    """Sheikh Saeed (two spellings) and the Old City, a region of three districts."""
    sheikh_saeed = DistrictFactory(name_en="Sheikh Saeed", slug="sheikh-saeed", geom=square(0, 0))
    spelled(sheikh_saeed, None, "Sheikh Saeed", "الشيخ سعيد")
    old = [DistrictFactory(slug=f"old-{i}", geom=square(i + 1, 0)) for i in range(3)]
    old_city = RegionFactory(slug="old-city", name_en="Old City")
    old_city.districts.set(old)
    spelled(None, old_city, "Old City")
    return {"old": old}


@pytest.fixture
def place_names():
    return place_names_make()


def outlet_make():
    return SourceFactory(name="Antiwar.com", slug="antiwar-com", stance="independent")


@pytest.fixture
def outlet():
    return outlet_make()


def user_in(group: str):
    user = UserFactory(username=group, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def post(client, user, **data):
    client.force_login(user)
    return client.post(reverse(URL), data)


def test_analysts_get_the_claims_the_text_makes(client, place_names, outlet):
    answer = post(
        client, user_in("analyst"), text=SEED, published_on="2016-12-06", source=outlet.pk
    )
    assert answer.status_code == 200
    claims = answer.json()["claims"]
    assert [(c["place_name"], c["status"], c["kind"]) for c in claims] == [
        ("Sheikh Saeed", "held", "captured"),
        ("Old City", "contested", "contested"),
    ]
    assert claims[0]["actor"]["id"] == actor("government").pk
    assert claims[0]["district"]["text"] == "Sheikh Saeed"
    old_city = place_names["old"][0].regions.get()
    assert claims[1]["district"] == {  # the box's own choice for the region, as picked there
        "id": f"region:{old_city.pk}",
        "text": "Old City — region, 3 districts: one claim each",
    }
    assert claims[1]["region"] == "Old City"
    assert len(claims[1]["region_districts"]) == 3
    assert {c["effective_from"] for c in claims} == {"2016-12-06"}


def test_nothing_is_saved_by_proposing(client, place_names, outlet):
    from tracker.models import Claim

    post(client, user_in("analyst"), text=SEED, published_on="2016-12-06", source=outlet.pk)
    assert Claim.objects.count() == 0


def test_reviewers_who_do_not_enter_claims_are_refused(client, place_names, outlet):
    answer = post(
        client, user_in("reviewer"), text=SEED, published_on="2016-12-06", source=outlet.pk
    )
    assert answer.status_code == 403


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "", "published_on": "2016-12-06"}, "text"),
        ({"text": "x" * 20_001, "published_on": "2016-12-06"}, "text"),
        ({"text": SEED, "published_on": "6 Dec"}, "published_on"),
        ({"text": SEED, "published_on": "2999-01-01"}, "published_on"),
        ({"text": SEED, "published_on": "2016-12-06", "source": "nope"}, "source"),
    ],
)
def test_bad_input_gets_a_400_naming_the_field(client, place_names, outlet, data, field):
    data = {"source": outlet.pk, **data}
    answer = post(client, user_in("analyst"), **data)
    assert answer.status_code == 400
    assert list(answer.json()["errors"]) == [field]


def test_a_source_named_by_its_countrys_possessive_is_the_one_on_record(client, outlet):
    """ "Russia's Defense Ministry" is the "Russian Defense Ministry" on record, with no alias
    written for it: its number is proposed as the ministry's, on the government's side."""
    from tests.factories import RegionFactory

    RegionFactory(slug="east-aleppo", name_en="East Aleppo")
    SourceFactory(name="Russian Defense Ministry", slug="rus-mod", stance="government")
    text = "Russia's Defense Ministry reported that five new districts were taken today alone."
    answer = post(
        client, user_in("analyst"), text=text, published_on="2016-12-06", source=outlet.pk
    )
    [number] = answer.json()["quantities"]
    assert number["source"]["text"] == "Russian Defense Ministry"
    assert (number["actor"]["id"], number["value"]) == (actor("government").pk, 5)
