"""The claim list as reviewers read it (tracker/admin/statements.py): one row per region
statement with its districts under a toggle (rule 1), an action on that row judges the whole
statement (rule 2), and the filters by document, basis and window, and the search (rule 3)."""

import datetime

import pytest

from tests.factories import ClaimFactory, DistrictFactory, DocumentFactory, RegionFactory, actor
from tests.test_admin_roles import REASON_GIVEN, admin_url, staff_in
from tracker.models import Claim
from tracker.services import claims_record_per_district

pytestmark = pytest.mark.django_db
DAY = datetime.date(2016, 12, 6)


@pytest.fixture
def reviewer_client(client):
    client.force_login(staff_in("reviewer"))
    return client


@pytest.fixture
def statement_claims() -> list[Claim]:
    """ "Old City" said by the army on 6 December: one claim for each of its three districts."""
    districts = [DistrictFactory(name_en=name) for name in ("Bab Nasr", "Citadel", "Jdayde")]
    region = RegionFactory(name_en="Old City", slug="old-city")
    region.districts.set(districts)
    return claims_record_per_district(
        document=DocumentFactory(title="Army statement on the Old City"),
        place_name="Old City",
        status=Claim.Status.HELD,
        actor=actor("government"),
        kind=Claim.Kind.CAPTURED,
        effective_from=DAY,
        districts=districts,
        region=region,
        recorded_by=staff_in("analyst"),
    )


@pytest.fixture
def lone() -> Claim:
    return ClaimFactory(
        district=DistrictFactory(name_en="Hanano"),
        effective_from=DAY - datetime.timedelta(days=30),
        basis=Claim.Basis.EVIDENCE,
        document=DocumentFactory(title="Footage from Hanano", citation="https://video.example/7"),
    )


def listed(client, **params) -> list[Claim]:
    response = client.get(admin_url(Claim, "changelist"), params)
    assert response.status_code == 200
    return list(response.context["cl"].result_list)


def test_a_region_statement_is_one_row_with_its_districts_under_a_toggle(
    reviewer_client, statement_claims, lone
):
    response = reviewer_client.get(admin_url(Claim, "changelist"))
    rows = list(response.context["cl"].result_list)
    assert [c.pk for c in rows] == [statement_claims[0].pk, lone.pk]
    assert (response.context["cl"].result_count, response.context["cl"].full_result_count) == (
        2,
        2,
    )
    page = response.content.decode()
    assert "Old City (region): 3 districts" in page
    toggle = page[page.index('<details class="statement-districts">') :]
    toggle = toggle[: toggle.index("</details>")]
    for name in ("Bab Nasr", "Citadel", "Jdayde"):
        assert f"<li>{name}</li>" in toggle
    assert f'href="?statement={statement_claims[0].statement_id}"' in toggle


def test_a_statement_row_lists_its_claims_one_by_one_when_asked(
    reviewer_client, statement_claims, lone
):
    statement = statement_claims[0].statement_id
    assert {c.pk for c in listed(reviewer_client, statement=statement)} == {
        c.pk for c in statement_claims
    }
    assert len(listed(reviewer_client, statement="each")) == 4
    faceted = reviewer_client.get(admin_url(Claim, "changelist"), {"_facets": ""})
    assert "Army statement on the Old City (1)" in faceted.content.decode()  # counted once
    response = reviewer_client.get(admin_url(Claim, "changelist"), {"statement": "old"})
    assert response.status_code == 302 and "e=1" in response["Location"]  # a bad id, said


def test_the_row_stands_for_its_statement_under_a_filter_that_keeps_some_of_its_claims(
    reviewer_client, statement_claims, lone
):
    statement_claims[0].review_status = Claim.Review.REJECTED
    statement_claims[0].save()
    rows = listed(reviewer_client, review_status__exact="pending")
    assert [c.pk for c in rows] == [statement_claims[1].pk, lone.pk]


def test_accepting_a_statement_row_accepts_every_claim_of_it_with_history(
    reviewer_client, statement_claims, lone
):
    response = reviewer_client.post(
        admin_url(Claim, "changelist"),
        {"action": "claims_accept", "_selected_action": [statement_claims[0].pk]},
        follow=True,
    )
    assert "Accepted 3 claims." in response.content.decode()
    for claim in statement_claims:
        claim.refresh_from_db()
        assert claim.review_status == Claim.Review.ACCEPTED
        latest = claim.history.first()
        assert (latest.review_status, latest.history_user.username) == ("accepted", "reviewer")
    lone.refresh_from_db()
    assert lone.review_status == Claim.Review.PENDING


def test_rejecting_a_statement_row_asks_one_reason_for_all_its_claims(
    reviewer_client, statement_claims
):
    url = admin_url(Claim, "changelist")
    chosen = {"action": "claims_reject", "_selected_action": [statement_claims[0].pk]}
    asked = reviewer_client.post(url, chosen)
    assert asked.status_code == 200 and "Reject 3 claims: why?" in asked.content.decode()
    reviewer_client.post(url, {**chosen, **REASON_GIVEN})
    assert {
        (c.review_status, c.review_reason) for c in Claim.objects.filter(statement__isnull=False)
    } == {("rejected", REASON_GIVEN["reason"])}


def test_listed_one_by_one_a_statement_claim_is_judged_alone(reviewer_client, statement_claims):
    statement = statement_claims[0].statement_id
    reviewer_client.post(
        admin_url(Claim, "changelist") + f"?statement={statement}",
        {"action": "claims_accept", "_selected_action": [statement_claims[1].pk]},
    )
    statuses = [Claim.objects.get(pk=c.pk).review_status for c in statement_claims]
    assert statuses == ["pending", "accepted", "pending"]


def test_the_document_filter_keeps_the_claims_of_one_document(
    reviewer_client, statement_claims, lone
):
    rows = listed(reviewer_client, document__id__exact=lone.document_id)
    assert [c.pk for c in rows] == [lone.pk]
    page = reviewer_client.get(
        admin_url(Claim, "changelist"), {"document__id__exact": lone.document_id}
    )
    assert "Footage from Hanano" in page.content.decode()  # the chosen one, offered


def test_basis_and_window_filters_keep_the_claims_they_name(
    reviewer_client, statement_claims, lone
):
    assert [c.pk for c in listed(reviewer_client, basis__exact="evidence")] == [lone.pk]
    late = listed(reviewer_client, effective_to__gte=(DAY - datetime.timedelta(days=1)).isoformat())
    assert [c.pk for c in late] == [statement_claims[0].pk]
    early = listed(reviewer_client, effective_from__lte="2016-11-30")
    assert [c.pk for c in early] == [lone.pk]


@pytest.mark.parametrize(
    ("typed", "found"),
    [("video.example/7", "lone"), ("Army statement", "statement"), ("Footage from", "lone")],
)
def test_search_reaches_the_document_citation_url_and_title(
    reviewer_client, statement_claims, lone, typed, found
):
    expected = lone.pk if found == "lone" else statement_claims[0].pk
    assert [c.pk for c in listed(reviewer_client, q=typed)] == [expected]


def test_a_claim_page_links_the_statement_it_belongs_to(reviewer_client, statement_claims, lone):
    page = reviewer_client.get(admin_url(Claim, "change", statement_claims[1].pk))
    link = f'?statement={statement_claims[1].statement_id}">Old City (region): 3 districts</a>'
    assert link in page.content.decode()
    alone = reviewer_client.get(admin_url(Claim, "change", lone.pk)).content.decode()
    assert "?statement=" not in alone


def test_the_document_filter_finds_documents_by_title_citation_or_address(
    reviewer_client, statement_claims, lone
):
    response = reviewer_client.get(
        admin_url(Claim, "changelist"), {"document_q": "video.example", "basis__exact": "evidence"}
    )
    assert response.status_code == 200
    (document_filter,) = [f for f in response.context["cl"].filter_specs if f.title == "document"]
    source = lone.document.source.name  # who published it and when, before the title
    assert [label for _, label in document_filter.lookup_choices] == [
        f"{source}, 2016-12-01: Footage from Hanano"
    ]
    page = response.content.decode()
    assert 'name="document_q" value="video.example"' in page
    assert '<input type="hidden" name="basis__exact" value="evidence">' in page
    assert [c.pk for c in response.context["cl"].result_list] == [lone.pk]  # the basis kept


def test_the_document_list_counts_a_region_statement_once(reviewer_client, statement_claims):
    document = statement_claims[0].document
    ClaimFactory(document=document, source=document.source, district=DistrictFactory())
    response = reviewer_client.get(admin_url(document, "changelist"), {"q": document.title})
    (listed_document,) = response.context["cl"].result_list
    assert listed_document.claim_total == 2  # the Old City statement (3 claims) and one more
