"""Review means review: a reviewed fact cannot change without a reviewer.

The rules (`tracker.roles`, enforced by `tracker.services` and `tracker.quantitative_services`):
an analyst's change of substance returns an accepted claim to pending, with the change in its
history; a reviewer's keeps it accepted; a reviewer changes only the review fields; rejecting
or disputing takes a reason; every review passes the one reviewer check in the services.
"""

import ast
import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError

from districts.models import Alias
from quantitative import services as qs
from quantitative.models import QuantitativeClaim
from tests.factories import (
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    actor,
    reviewer_user,
    user_in_groups,
)
from tests.quantitative.quantitative_city import City, city_build
from tracker import roles, selectors, services
from tracker.models import Claim, ControlPeriod

pytestmark = pytest.mark.django_db
D = datetime.date
DEC_1 = D(2016, 12, 1)


@pytest.fixture
def analyst():
    return user_in_groups("ana", "analyst")


@pytest.fixture
def reviewer():
    return reviewer_user("rev")


@pytest.fixture
def both():
    return user_in_groups("both", "analyst", "reviewer")


@pytest.fixture
def army_doc():
    return DocumentFactory(source=SourceFactory(slug="syrian-army", stance="government"))


def record(doc, district, who="government", day=DEC_1, **kw) -> Claim:
    return services.claim_record(
        document=doc,
        district=district,
        place_name=district.name_en,
        status="held",
        actor=actor(who),
        kind="captured",
        effective_from=day,
        **kw,
    )


@pytest.fixture
def accepted(army_doc, reviewer) -> Claim:
    claim = record(army_doc, DistrictFactory())
    return services.claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)


def substance_change(name: str, claim: Claim) -> dict:
    """A change of one substance field of `claim` that keeps it valid."""
    other_doc = DocumentFactory(source=SourceFactory(slug="other-source"))
    return {
        "district": {"district": DistrictFactory()},
        "place_name": {"place_name": "Another spelling"},
        "status": {"status": "contested", "actor": None, "kind": "contested"},
        "kind": {"kind": "held"},
        "actor": {"actor": actor("rebels")},
        "effective_from": {"effective_from": claim.effective_from - datetime.timedelta(days=3)},
        "effective_to": {"effective_to": claim.effective_to + datetime.timedelta(days=2)},
        "source": {"source": other_doc.source},
        "document": {"document": other_doc},
        "retracted_on": {"retracted_on": D(2016, 12, 9)},
    }[name]


# District claims


@pytest.mark.parametrize("field", sorted(roles.CLAIM_SUBSTANCE_FIELDS))
def test_an_analyst_changing_the_substance_of_an_accepted_claim_returns_it_to_pending(
    accepted, analyst, field
):
    changes = substance_change(field, accepted)
    services.claim_update(claim=accepted, changed_by=analyst, **changes)
    accepted.refresh_from_db()
    assert accepted.review_status == "pending"
    assert accepted.reviewed_by is None and accepted.reviewed_at is None
    latest, before = accepted.history.order_by("-history_id")[:2]
    assert latest.history_user == analyst
    assert field in latest.history_change_reason and "without a reviewer" in (
        latest.history_change_reason
    )
    changed = {c.field for c in latest.diff_against(before).changes}
    assert {field, "review_status"} <= changed
    assert before.review_status == "accepted" and before.reviewed_by_id is not None


def test_a_reviewer_who_is_also_an_analyst_keeps_the_claim_accepted(accepted, both):
    services.claim_update(claim=accepted, changed_by=both, actor=actor("rebels"))
    accepted.refresh_from_db()
    assert (accepted.review_status, accepted.actor) == ("accepted", actor("rebels"))
    assert accepted.history.first().history_user == both


def test_an_analyst_correcting_a_quote_leaves_the_claim_accepted(accepted, analyst):
    services.claim_update(claim=accepted, changed_by=analyst, quote="Corrected spelling")
    accepted.refresh_from_db()
    assert accepted.review_status == "accepted" and accepted.quote == "Corrected spelling"


def test_the_server_itself_changing_substance_returns_an_accepted_claim_to_pending(accepted):
    services.claim_update(claim=accepted, actor=actor("rebels"))
    assert Claim.objects.get(pk=accepted.pk).review_status == "pending"


def test_retracting_an_accepted_claim_returns_it_to_pending(accepted, analyst):
    services.claim_retract(claim=accepted, retracted_on=D(2016, 12, 3), changed_by=analyst)
    accepted.refresh_from_db()
    assert (accepted.review_status, accepted.retracted_on) == ("pending", D(2016, 12, 3))
    assert accepted.history.first().history_user == analyst


def test_a_reviewer_cannot_change_what_a_claim_says(accepted, reviewer):
    with pytest.raises(PermissionDenied, match=r"actor, quote needs the 'analyst' group"):
        services.claim_update(
            claim=accepted, changed_by=reviewer, actor=actor("rebels"), quote="Forged"
        )
    stored = Claim.objects.get(pk=accepted.pk)
    assert (stored.actor, stored.quote, stored.history.count()) == (actor("government"), "", 2)


def test_an_analyst_cannot_slip_a_review_through_an_edit(army_doc, analyst):
    claim = record(army_doc, DistrictFactory())
    with pytest.raises(PermissionDenied, match="review_status needs the 'reviewer' group"):
        services.claim_update(claim=claim, changed_by=analyst, review_status="accepted")
    assert Claim.objects.get(pk=claim.pk).review_status == "pending"


@pytest.mark.parametrize("who", [None, "analyst"])
def test_every_review_service_refuses_anyone_but_a_reviewer(army_doc, analyst, who):
    user = analyst if who else None
    claim = record(army_doc, DistrictFactory())
    with pytest.raises(PermissionDenied, match="reviewer"):
        services.claim_review(claim=claim, review_status="accepted", reviewed_by=user)
    with pytest.raises(PermissionDenied, match="reviewer"):
        services.claims_review_bulk(claims=[], review_status="accepted", reviewed_by=user)
    with pytest.raises(PermissionDenied, match="reviewer"):
        services.claim_update(claim=claim, changed_by=user, review_status="accepted")
    assert Claim.objects.get(pk=claim.pk).review_status == "pending"


def test_the_weighing_rank_drops_when_an_analyst_changes_an_accepted_claim(
    army_doc, analyst, reviewer
):
    district = DistrictFactory()
    record(army_doc, district, "government")
    rebel_doc = DocumentFactory(source=SourceFactory(slug="rebel-media", stance="opposition"))
    denial = record(rebel_doc, district, "rebels")
    services.claim_review(claim=denial, review_status="accepted", reviewed_by=reviewer)
    assert selectors.control_on(on=DEC_1, lens="consensus")[0].actor == "rebels"
    services.claim_update(
        claim=denial, changed_by=analyst, effective_from=DEC_1 - datetime.timedelta(days=2)
    )
    state = selectors.control_on(on=DEC_1, lens="consensus")[0]
    assert state.status == "disputed"  # two pending statements again: nobody outweighs
    stored = ControlPeriod.objects.get(lens="consensus", district=district, start__lte=DEC_1)
    assert stored.status == "disputed"


def test_mapping_a_name_returns_an_accepted_unmapped_claim_to_pending(analyst, reviewer):
    claim = ClaimFactory(place_name="Sheikh Lutfi", district=None)
    services.claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)
    services.place_name_map(name="Sheikh Lutfi", district=DistrictFactory(), mapped_by=analyst)
    claim.refresh_from_db()
    assert claim.district is not None and claim.review_status == "pending"
    assert Alias.objects.filter(name="Sheikh Lutfi").exists()


def test_mapping_a_name_to_a_region_copies_no_acceptance(analyst, reviewer):
    region = RegionFactory()
    region.districts.add(DistrictFactory(), DistrictFactory())
    claim = ClaimFactory(place_name="Eastern quarters", district=None)
    services.claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)
    mapped = services.place_name_map(name="Eastern quarters", region=region, mapped_by=analyst)
    assert len(mapped) == 2
    assert {c.review_status for c in Claim.objects.filter(place_name="Eastern quarters")} == {
        "pending"
    }


# Reasons


@pytest.mark.parametrize("status", ["rejected", "disputed"])
def test_rejecting_or_disputing_without_a_reason_is_refused(army_doc, reviewer, status):
    claim = record(army_doc, DistrictFactory())
    for reason in ("", "   "):
        with pytest.raises(ValidationError) as refused:
            services.claim_review(
                claim=claim, review_status=status, reviewed_by=reviewer, reason=reason
            )
        assert "reason" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.claims_review_bulk(claims=[claim], review_status=status, reviewed_by=reviewer)
    assert "reason" in refused.value.message_dict
    assert Claim.objects.get(pk=claim.pk).review_status == "pending"


def test_a_reason_longer_than_the_limit_is_refused(army_doc, reviewer):
    claim = record(army_doc, DistrictFactory())
    with pytest.raises(ValidationError, match=f"at most {roles.REASON_MAX_LENGTH}"):
        services.claim_review(
            claim=claim,
            review_status="rejected",
            reviewed_by=reviewer,
            reason="x" * (roles.REASON_MAX_LENGTH + 1),
        )
    assert Claim.objects.get(pk=claim.pk).review_status == "pending"


def test_the_reason_of_a_rejection_is_kept_in_the_history(army_doc, reviewer):
    claim = record(army_doc, DistrictFactory())
    services.claim_review(
        claim=claim, review_status="rejected", reviewed_by=reviewer, reason=" Staged footage "
    )
    services.claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)
    claim.refresh_from_db()
    assert claim.review_reason == ""  # accepted: the old reason no longer applies
    rejected = claim.history.get(review_status="rejected")
    assert (rejected.review_reason, rejected.history_user) == ("Staged footage", reviewer)


# Quantitative claims


@pytest.fixture
def city() -> City:
    return city_build(taken=3)


@pytest.fixture
def number(city, reviewer) -> QuantitativeClaim:
    claim = city.number("army", "districts_taken", 5)
    return qs.quantitative_claim_review(claim=claim, review_status="accepted", reviewed_by=reviewer)


def quantitative_change(name: str, claim: QuantitativeClaim) -> dict:
    other_doc = DocumentFactory(source=SourceFactory(slug="other-source"))
    return {
        "actor": {"actor": actor("rebels")},
        "region": {"region": RegionFactory()},
        "measure": {"measure": "districts_held"},
        "value": {"value": 6},
        "bound": {"bound": "lower"},
        "date_from": {"date_from": claim.date_from - datetime.timedelta(days=1)},
        "date_to": {"date_to": claim.date_to + datetime.timedelta(days=1)},
        "source": {"source": other_doc.source},
        "document": {"document": other_doc},
        "retracted_on": {"retracted_on": D(2016, 12, 9)},
    }[name]


@pytest.mark.parametrize("field", sorted(roles.QUANTITATIVE_SUBSTANCE_FIELDS))
def test_an_analyst_changing_an_accepted_quantitative_claim_returns_it_to_pending(
    number, analyst, field
):
    qs.quantitative_claim_update(
        claim=number, changed_by=analyst, **quantitative_change(field, number)
    )
    number.refresh_from_db()
    assert number.review_status == "pending" and number.reviewed_by is None
    latest = number.history.first()
    assert latest.history_user == analyst and field in latest.history_change_reason


def test_a_reviewer_analyst_changing_a_quantitative_value_keeps_it_accepted(number, both):
    qs.quantitative_claim_update(claim=number, changed_by=both, value=6)
    number.refresh_from_db()
    assert (number.review_status, number.value) == ("accepted", 6)


def test_a_reviewer_cannot_change_a_quantitative_claims_value(number, reviewer):
    with pytest.raises(PermissionDenied, match="value needs the 'analyst' group"):
        qs.quantitative_claim_update(claim=number, changed_by=reviewer, value=50)
    assert QuantitativeClaim.objects.get(pk=number.pk).value == 5


def test_retracting_an_accepted_quantitative_claim_returns_it_to_pending(number, analyst):
    qs.quantitative_claim_retract(claim=number, retracted_on=D(2016, 12, 9), changed_by=analyst)
    assert QuantitativeClaim.objects.get(pk=number.pk).review_status == "pending"


def test_rejecting_a_quantitative_claim_takes_a_reason(number, reviewer, analyst):
    with pytest.raises(ValidationError) as refused:
        qs.quantitative_claim_review(claim=number, review_status="rejected", reviewed_by=reviewer)
    assert "reason" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        qs.quantitative_claim_review(
            claim=number, review_status="rejected", reviewed_by=analyst, reason="No"
        )
    qs.quantitative_claim_review(
        claim=number, review_status="rejected", reviewed_by=reviewer, reason="Counted twice"
    )
    assert number.history.first().review_reason == "Counted twice"


# One home for the roles


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize(
    "module",
    [
        "tracker/roles.py",
        "tracker/services.py",
        "quantitative/services.py",
        "tracker/models.py",
        "tracker/painting.py",
    ],
)
def test_the_claims_core_reads_the_roles_without_importing_the_api_or_the_admin(module):
    imported = _imports(Path(settings.BASE_DIR) / module)
    assert not [
        name
        for name in imported
        if name.startswith(("tracker.api", "tracker.admin")) or name == "django.contrib.admin"
    ]


def test_the_api_permissions_read_the_roles_from_tracker_roles():
    from tracker.api import permissions

    assert permissions.user_in_group is roles.user_in_group
    assert permissions.ANALYST == roles.ANALYST and permissions.REVIEWER == roles.REVIEWER


def test_the_one_claim_and_many_claims_review_services_differ_by_more_than_a_letter():
    assert not hasattr(services, "claims_review")  # once a letter away from claim_review
    assert callable(services.claim_review) and callable(services.claims_review_bulk)
