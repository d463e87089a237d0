"""Who may do what in the admin: analysts enter, reviewers judge, nobody deletes claims."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from districts.models import District
from sources.models import Document, Source
from tests.factories import (
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    SourceFactory,
    UserFactory,
    actor,
)
from tracker import services
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db

ANALYST_PERMISSIONS = {
    "tracker.add_claim",
    "tracker.change_claim",
    "tracker.view_claim",
    "tracker.view_actor",
    "tracker.view_controlperiod",
    "sources.add_document",
    "sources.change_document",
    "sources.view_document",
    "sources.add_source",
    "sources.change_source",
    "sources.view_source",
    "districts.view_district",
    "districts.view_region",
    "districts.add_alias",
    "districts.change_alias",
    "districts.view_alias",
}
REVIEWER_PERMISSIONS = {
    "tracker.change_claim",
    "tracker.view_claim",
    "tracker.view_actor",
    "tracker.view_controlperiod",
    "sources.view_document",
    "sources.view_source",
    "districts.view_district",
    "districts.view_region",
    "districts.view_alias",
}
WORKFLOW_APPS = ("tracker", "sources", "districts")
# What the intermediate page of a bulk rejection or dispute posts back.
REASON_GIVEN = {"review_apply": "yes", "reason": "Contradicted by footage"}


def staff_in(group: str, username: str | None = None):
    """Return a staff user (not a superuser) who belongs to `group` only."""
    user = UserFactory(username=username or group, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def admin_url(model_or_obj, view: str, *args) -> str:
    opts = model_or_obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def analyst():
    return staff_in("analyst")


@pytest.fixture
def reviewer():
    return staff_in("reviewer")


@pytest.fixture
def claims():
    """Three pending claims of one government statement, on three districts."""
    source = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    document = DocumentFactory(source=source, title="Army statement")
    return [
        services.claim_record(
            document=document,
            district=DistrictFactory(),
            place_name="",
            status="held",
            actor=actor("government"),
            kind="captured",
            effective_from=datetime.date(2016, 12, 7),
        )
        for _ in range(3)
    ]


def actions_offered(client, url: str) -> set[str]:
    form = client.get(url).context["action_form"]
    return set(dict(form.fields["action"].choices)) if form is not None else set()


def group_permissions(name: str) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=name).permissions.select_related("content_type")
        if p.content_type.app_label in WORKFLOW_APPS
    }


def test_groups_hold_exactly_what_entering_and_reviewing_claims_need():
    def of_claims_workflow(codes: set[str]) -> set[str]:
        return {c for c in codes if "quantitativeclaim" not in c}  # granted by 0007

    assert of_claims_workflow(group_permissions("analyst")) == ANALYST_PERMISSIONS
    assert of_claims_workflow(group_permissions("reviewer")) == REVIEWER_PERMISSIONS
    for name in ("analyst", "reviewer"):
        assert not [code for code in group_permissions(name) if ".delete_" in code]


# Analysts


def test_analyst_opens_every_page_of_the_day(client, analyst, claims):
    client.force_login(analyst)
    district = claims[0].district
    for url in [
        admin_url(Document, "add"),
        admin_url(Document, "change", claims[0].document_id),
        admin_url(Claim, "changelist"),
        admin_url(Claim, "change", claims[0].pk),
        admin_url(Claim, "history", claims[0].pk),
        reverse("admin:tracker_claim_unmapped"),
        reverse("admin:tracker_claim_import"),
        admin_url(District, "change", district.pk),
        admin_url(Source, "add"),
    ]:
        assert client.get(url).status_code == 200, url


def test_analyst_sees_the_review_status_but_cannot_set_it(client, analyst, claims):
    client.force_login(analyst)
    claim = claims[0]
    page = client.get(admin_url(Claim, "change", claim.pk))
    assert "review_status" not in page.context["adminform"].form.fields
    data = {
        "document": claim.document_id,
        "source": claim.source_id,
        "attribution": "",
        "place_name": claim.place_name,
        "district": claim.district_id,
        "status": "held",
        "actor": actor("government").pk,
        "kind": "captured",
        "effective_from": "2016-12-07",
        "effective_to": "2016-12-07",
        "date_precision": "day",
        "quote": "Corrected quote",
        "note": "",
        "retracted_on": "",
        "review_status": "accepted",  # forged: the field is read-only for analysts
    }
    assert client.post(admin_url(Claim, "change", claim.pk), data).status_code == 302
    claim.refresh_from_db()
    assert claim.quote == "Corrected quote"
    assert claim.review_status == "pending" and claim.reviewed_by is None


def test_analyst_gets_no_review_action_and_a_forged_one_changes_nothing(client, analyst, claims):
    client.force_login(analyst)
    url = admin_url(Claim, "changelist")
    assert not {"claims_accept", "claims_dispute", "claims_reject"} & actions_offered(client, url)
    client.post(url, {"action": "claims_accept", "_selected_action": [c.pk for c in claims]})
    assert set(Claim.objects.values_list("review_status", flat=True)) == {"pending"}


def test_review_service_refuses_an_analyst_and_writes_nothing(analyst, claims):
    with pytest.raises(PermissionDenied, match="reviewer"):
        services.claims_review_bulk(claims=claims, review_status="accepted", reviewed_by=analyst)
    assert set(Claim.objects.values_list("review_status", flat=True)) == {"pending"}


def test_analyst_cannot_redraw_a_district(client, analyst, claims):
    client.force_login(analyst)
    district = claims[0].district
    response = client.post(admin_url(District, "change", district.pk), {"name_en": "Renamed"})
    assert response.status_code == 403
    assert District.objects.get(pk=district.pk).name_en != "Renamed"


# Reviewers


def test_reviewer_accepts_claims_in_bulk_recording_who_when_and_history(client, reviewer, claims):
    client.force_login(reviewer)
    url = admin_url(Claim, "changelist")
    assert {"claims_accept", "claims_dispute", "claims_reject"} <= actions_offered(client, url)
    response = client.post(
        url, {"action": "claims_accept", "_selected_action": [c.pk for c in claims]}, follow=True
    )
    assert "Accepted 3 claims." in response.content.decode()
    for claim in Claim.objects.all():
        assert claim.review_status == "accepted"
        assert claim.reviewed_by == reviewer and claim.reviewed_at is not None
        latest = claim.history.first()
        assert latest.history_user == reviewer and latest.review_status == "accepted"
        assert claim.history.count() == 2  # entered, then accepted


def test_reviewer_rejecting_a_claim_takes_it_off_the_map(client, reviewer, claims):
    district = claims[0].district
    assert ControlPeriod.objects.filter(lens="consensus", district=district).exists()
    client.force_login(reviewer)
    client.post(
        admin_url(Claim, "changelist"),
        {"action": "claims_reject", "_selected_action": [claims[0].pk], **REASON_GIVEN},
    )
    assert Claim.objects.get(pk=claims[0].pk).review_status == "rejected"
    assert not ControlPeriod.objects.filter(lens="consensus", district=district).exists()


def test_reviewer_bulk_action_leaves_claims_already_in_that_status_alone(client, reviewer, claims):
    services.claims_review_bulk(
        claims=claims[:1], review_status="disputed", reviewed_by=reviewer, reason="Unclear"
    )
    client.force_login(reviewer)
    response = client.post(
        admin_url(Claim, "changelist"),
        {"action": "claims_dispute", "_selected_action": [c.pk for c in claims], **REASON_GIVEN},
        follow=True,
    )
    assert "Disputed 2 claims. 1 already had that status" in response.content.decode()
    assert Claim.objects.get(pk=claims[0].pk).history.count() == 2


def test_reviewer_changes_the_review_status_and_nothing_else(client, reviewer, claims):
    client.force_login(reviewer)
    claim = claims[0]
    form = client.get(admin_url(Claim, "change", claim.pk)).context["adminform"].form
    assert list(form.fields) == ["review_status", "review_reason"]
    data = {
        "review_status": "disputed",
        "review_reason": "Only one source",
        "actor": actor("rebels").pk,
        "quote": "Forged",
    }
    assert client.post(admin_url(Claim, "change", claim.pk), data).status_code == 302
    claim.refresh_from_db()
    assert claim.review_status == "disputed" and claim.reviewed_by == reviewer
    assert claim.actor == actor("government") and claim.quote == ""


def test_reviewer_cannot_add_documents_claims_or_sources(client, reviewer, claims):
    client.force_login(reviewer)
    for model in (Document, Claim, Source):
        assert client.get(admin_url(model, "add")).status_code == 403
    before = Document.objects.count()
    client.post(admin_url(Document, "add"), {"citation": "A new statement"})
    assert Document.objects.count() == before


def test_reviewer_reads_a_documents_claims_without_inputs_to_change_them(client, reviewer, claims):
    client.force_login(reviewer)
    page = client.get(admin_url(Document, "change", claims[0].document_id)).content.decode()
    assert 'name="claims-0-district"' not in page
    assert "Army statement" in page
    assert f"?document__id__exact={claims[0].document_id}" in page  # to review them


def test_reviewer_neither_maps_names_nor_imports(client, reviewer, claims):
    ClaimFactory(place_name="Handarat camp", district=None)
    client.force_login(reviewer)
    queue = client.get(reverse("admin:tracker_claim_unmapped"))
    assert queue.status_code == 200 and "Handarat camp" in queue.content.decode()
    assert 'name="n0-suggested"' not in queue.content.decode()
    response = client.post(
        reverse("admin:tracker_claim_unmapped"),
        {"prefix": "n0", "n0-name": "Handarat camp", "n0-suggested": claims[0].district_id},
    )
    assert response.status_code == 403
    assert Claim.objects.get(place_name="Handarat camp").district is None
    assert client.get(reverse("admin:tracker_claim_import")).status_code == 403


# Nobody deletes


@pytest.mark.parametrize("role", ["analyst", "reviewer"])
def test_neither_role_deletes_claims_or_what_they_rest_on(client, claims, role):
    client.force_login(staff_in(role))
    claim = claims[0]
    for obj in (claim, claim.document, claim.source, claim.district):
        assert client.post(admin_url(obj, "delete", obj.pk), {"post": "yes"}).status_code == 403
    url = admin_url(Claim, "changelist")
    assert "delete_selected" not in actions_offered(client, url)
    client.post(url, {"action": "delete_selected", "_selected_action": [claim.pk], "post": "yes"})
    assert Claim.objects.count() == 3
    assert Document.objects.filter(pk=claim.document_id).exists()


def test_old_versions_of_a_claim_are_not_written_back(client, reviewer, claims):
    claim = claims[0]
    services.claims_review_bulk(claims=[claim], review_status="accepted", reviewed_by=reviewer)
    first = claim.history.last()
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:tracker_claim_simple_history", args=[claim.pk, first.history_id])
    assert client.get(url).status_code == 200
    assert client.post(url, {"review_status": "pending"}).status_code == 403
    assert Claim.objects.get(pk=claim.pk).review_status == "accepted"


# Anonymous visitors


def test_anonymous_visitor_is_sent_to_log_in_from_every_workflow_page(client, claims):
    source = claims[0].source
    for url in [
        admin_url(Document, "add"),
        admin_url(Claim, "changelist"),
        reverse("admin:tracker_claim_unmapped"),
        reverse("admin:tracker_claim_import"),
        reverse("admin:districts_district_slugs") + f"?id={claims[0].district_id}",
        reverse("admin:sources_source_defaults", args=[source.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("admin:login")), url


def test_staff_user_in_no_group_sees_nothing_of_the_record(client, claims):
    client.force_login(UserFactory(username="visitor", is_staff=True))
    assert client.get(admin_url(Claim, "changelist")).status_code == 403
    assert client.get(reverse("admin:tracker_claim_unmapped")).status_code == 403
    assert client.get(reverse("admin:tracker_claim_import")).status_code == 403
    slugs = reverse("admin:districts_district_slugs") + f"?id={claims[0].district_id}"
    assert client.get(slugs).status_code == 403
