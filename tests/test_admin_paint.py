"""Painting an assessment map: the service writes one claim per district in one transaction,
and the admin page lets analysts only, showing each problem and writing nothing then."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import DistrictFactory, DocumentFactory, SourceFactory, UserFactory
from tracker.models import Claim, ControlPeriod
from tracker.painting import claims_paint

pytestmark = pytest.mark.django_db
D = datetime.date


def staff_in(*groups, username):
    user = UserFactory(username=username, is_staff=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def analyst():
    return staff_in("analyst", username="ana")


@pytest.fixture
def city():
    """Five districts in a row and an assessment map published by an independent monitor."""
    districts = [
        DistrictFactory(slug=f"d{i}", name_en=f"District {i}", name_ar=f"حي {i}") for i in range(5)
    ]
    source = SourceFactory(slug="isw", name="ISW", stance="independent")
    document = DocumentFactory(source=source, title="Aleppo situation map, 1 Dec 2016")
    return districts, document


def paint(document, user, assignments, **kw):
    return claims_paint(
        document=document,
        assignments=assignments,
        effective_from=kw.pop("effective_from", D(2016, 12, 1)),
        recorded_by=user,
        **kw,
    )


# --- The service ----------------------------------------------------------------------------


def test_painting_many_districts_records_one_assessment_claim_each_and_the_timeline(city, analyst):
    districts, document = city
    painted = {districts[0].pk: "government", districts[1].pk: "government"}
    painted[districts[2].pk] = "rebels"
    painted[districts[3].pk] = "contested"
    claims = paint(document, analyst, painted, effective_to=D(2016, 12, 3), date_precision="week")
    assert len(claims) == 4 == Claim.objects.count()
    by_slug = {c.district.slug: c for c in Claim.objects.select_related("district", "actor")}
    assert set(by_slug) == {"d0", "d1", "d2", "d3"}
    assert by_slug["d0"].actor.slug == "government" and by_slug["d0"].kind == "held"
    assert by_slug["d2"].actor.slug == "rebels"
    assert (by_slug["d3"].status, by_slug["d3"].actor, by_slug["d3"].kind) == (
        "contested",
        None,
        "contested",
    )
    for claim in by_slug.values():
        assert claim.basis == "assessment"
        assert claim.source.slug == "isw" and claim.document == document
        assert (claim.effective_from, claim.effective_to) == (D(2016, 12, 1), D(2016, 12, 3))
        assert claim.date_precision == "week" and claim.review_status == "pending"
        assert claim.recorded_by == analyst and claim.place_name == claim.district.name_en
    lenses = set(ControlPeriod.objects.values_list("lens", flat=True))
    assert lenses == {"consensus", "stance:independent", "source:isw"}
    consensus = ControlPeriod.objects.filter(lens="consensus")
    assert set(consensus.values_list("district__slug", flat=True)) == {"d0", "d1", "d2", "d3"}


def test_a_painting_may_state_another_basis_or_none(city, analyst):
    districts, document = city
    paint(document, analyst, {districts[0].pk: "government"}, basis="evidence")
    paint(document, analyst, {districts[1].pk: "government"}, basis="")
    assert sorted(Claim.objects.values_list("basis", flat=True)) == ["", "evidence"]


def test_a_failure_writing_the_last_claim_leaves_nothing_written(city, analyst):
    districts, document = city
    last = DistrictFactory(slug="zz-last", name_en="Zz Poison")  # sorted last, written last
    poison = {
        "sqlite": [
            "CREATE TRIGGER paint_poison BEFORE INSERT ON tracker_claim "
            "WHEN NEW.place_name = 'Zz Poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END"
        ],
        "postgresql": [
            "CREATE FUNCTION paint_poison() RETURNS trigger AS $$ BEGIN "
            "IF NEW.place_name = 'Zz Poison' THEN RAISE EXCEPTION 'poisoned'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER paint_poison BEFORE INSERT ON tracker_claim "
            "FOR EACH ROW EXECUTE FUNCTION paint_poison()",
        ],
    }[connection.vendor]
    with connection.cursor() as cursor:
        for statement in poison:
            cursor.execute(statement)
    painted = {d.pk: "government" for d in districts} | {last.pk: "rebels"}
    with pytest.raises(DatabaseError, match="poisoned"):
        paint(document, analyst, painted)
    assert Claim.objects.count() == 0
    assert Claim.history.count() == 0
    assert ControlPeriod.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"assignments": {}}, "assignments", "No district is painted"),
        ({"assignments": {987654: "government"}}, "assignments", "No district has the id 987654"),
        ({"assignments": "holder:nobody"}, "assignments", "No actor has the slug 'nobody'"),
        ({"effective_from": "tomorrow"}, "effective_from", "after today"),
        ({"effective_to": D(2016, 11, 1)}, "effective_to", "before it starts"),
        ({"basis": "rumour"}, "basis", "assessment"),
    ],
)
def test_bad_input_is_refused_by_field_before_anything_is_written(
    city, analyst, change, field, words
):
    districts, document = city
    kwargs = {"assignments": {districts[0].pk: "government", districts[1].pk: "rebels"}}
    kwargs.update(change)
    if kwargs["assignments"] == "holder:nobody":
        kwargs["assignments"] = {districts[0].pk: "government", districts[1].pk: "nobody"}
    if kwargs.get("effective_from") == "tomorrow":
        kwargs["effective_from"] = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        paint(document, analyst, **kwargs)
    assert words in " ".join(refused.value.message_dict[field])
    assert Claim.objects.count() == 0


def test_only_analysts_paint_through_the_service(city):
    districts, document = city
    reviewer = staff_in("reviewer", username="rev")
    with pytest.raises(PermissionDenied):
        paint(document, reviewer, {districts[0].pk: "government"})
    assert Claim.objects.count() == 0


# --- The admin page -------------------------------------------------------------------------


def url(document):
    return reverse("admin:tracker_claim_paint", args=[document.pk])


def form(assignments, **fields):
    return {
        "effective_from": "2016-12-01",
        "effective_to": "",
        "date_precision": "day",
        "basis": "assessment",
        "quote": "",
        "note": "",
        "assignments": json.dumps({str(k): v for k, v in assignments.items()}),
        **fields,
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_anonymous_visitor_gets_403_and_writes_nothing(client, city, method):
    districts, document = city
    response = getattr(client, method)(url(document), form({districts[0].pk: "government"}))
    assert response.status_code == 403
    assert Claim.objects.count() == 0


@pytest.mark.parametrize("who", ["reviewer", "staff"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_signed_in_user_outside_the_analyst_group_gets_403(client, city, who, method):
    districts, document = city
    user = staff_in("reviewer", username="rev") if who == "reviewer" else staff_in(username="s")
    client.force_login(user)
    response = getattr(client, method)(url(document), form({districts[0].pk: "government"}))
    assert response.status_code == 403
    assert Claim.objects.count() == 0


def test_an_analyst_opens_the_page_with_every_district_region_and_holder(client, city, analyst):
    districts, document = city
    client.force_login(analyst)
    response = client.get(url(document))
    assert response.status_code == 200
    data = response.context["page_data"]
    assert {d["slug"] for d in data["districts"]} == {d.slug for d in districts}
    assert {"government", "rebels", "contested"} <= {h["value"] for h in data["holders"]}
    assert response.context["form"]["basis"].value() == "assessment"
    assert response.context["form"]["effective_from"].value() == document.published_on
    html = response.content.decode()
    assert 'id="paint-data" type="application/json"' in html
    assert "<script>" not in html  # no inline script: the CSP allows none


def test_the_document_page_links_analysts_to_painting(client, city, analyst):
    _, document = city
    client.force_login(analyst)
    page = client.get(reverse("admin:sources_document_change", args=[document.pk]))
    assert url(document) in page.content.decode()


def test_saving_a_painting_records_the_claims_and_goes_to_them(client, city, analyst):
    districts, document = city
    client.force_login(analyst)
    painted = {districts[0].pk: "government", districts[4].pk: "contested"}
    response = client.post(url(document), form(painted, effective_to="2016-12-02"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"?document__id__exact={document.pk}")
    assert set(Claim.objects.values_list("district__slug", "status", "effective_to")) == {
        ("d0", "held", D(2016, 12, 2)),
        ("d4", "contested", D(2016, 12, 2)),
    }


@pytest.mark.parametrize(
    ("painted", "fields", "message"),
    [
        ({}, {}, "No district is painted"),
        ({987654: "government"}, {}, "No district has the id 987654"),
        ("d0", {"effective_from": "2999-01-01"}, "2999-01-01 is after today"),
    ],
)
def test_a_refused_painting_shows_why_keeps_the_painting_and_writes_nothing(
    client, city, analyst, painted, fields, message
):
    districts, document = city
    if painted == "d0":
        painted = {districts[0].pk: "rebels"}
    client.force_login(analyst)
    response = client.post(url(document), form(painted, **fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Nothing was saved" in response.content.decode()
    assert response.context["page_data"]["painted"] == {str(k): v for k, v in painted.items()}
    assert Claim.objects.count() == 0
