"""The bench's own code at a tiny scale, so it cannot rot while `make bench` is not run:
the generator writes a valid record, the rebuilt timeline answers control/ exactly as the naive
reference does, and editing one claim rewrites only its district's periods."""

import datetime
import json

import pytest
from django.db import connection

from bench import engines
from bench.generate import TINY, synthetic_load
from bench.naive import naive_control
from districts.models import District
from tests.factories import reviewer_user
from tracker import selectors, services
from tracker.api.selectors import timeline_compact
from tracker.api.serializers_measure import ControlMeasuredSerializer, TimelineMeasuredSerializer
from tracker.models import Claim, ControlPeriod

pytestmark = [pytest.mark.postgis_only, pytest.mark.django_db]


@pytest.fixture
def record():
    synthetic_load(TINY)
    return services.timeline_rebuild()


def test_generator_tiles_valid_cells_and_writes_every_claim(record):
    assert District.objects.count() == TINY.districts
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT bool_and(ST_IsValid(geom)), bool_and(ST_SRID(geom) = 4326), "
            "sum(ST_Area(geom)), ST_Area(ST_Union(geom)), "
            "count(*) FILTER (WHERE ST_NPoints(geom) = 9) FROM districts_district"
        )
        valid, srid, summed, union, octagons = cursor.fetchone()
    assert valid and srid and octagons == TINY.districts
    assert summed == pytest.approx(union, rel=1e-9)  # cells tile: no overlap
    assert Claim.objects.count() == TINY.claims
    statuses = set(Claim.objects.values_list("status", "review_status", "date_precision"))
    assert {s[0] for s in statuses} == {"held", "contested"}
    assert {s[1] for s in statuses} == {"pending", "accepted", "disputed", "rejected"}
    assert {s[2] for s in statuses} == {"day", "week", "month"}


def test_rebuilt_timeline_has_disagreement_and_every_lens(record):
    assert record["consensus"] > 0 and len(record) == 5 + TINY.sources
    assert ControlPeriod.objects.filter(lens="consensus", status="disputed").exists()
    assert ControlPeriod.objects.filter(lens="consensus", status="contested").exists()
    assert ControlPeriod.objects.filter(lens="consensus").values("actor").distinct().count() > 3


def test_control_matches_the_naive_reference(record, client):
    day = datetime.date(2012, 11, 1)
    body = client.get(f"/api/v1/control/?on={day}&lens=consensus").json()
    assert body == naive_control(on=day, lens="consensus")
    assert any(d["status"] == "held" for d in body["districts"])
    assert any(d["last_reported"] for d in body["districts"])


def test_editing_one_claim_rewrites_only_its_district(record):
    claim = Claim.objects.exclude(review_status="rejected").order_by("id").first()
    others = list(
        ControlPeriod.objects.exclude(district=claim.district_id).order_by("id").values_list()
    )
    services.claim_review(
        claim=claim, review_status="rejected", reviewed_by=reviewer_user(), reason="Bench edit"
    )
    after = list(
        ControlPeriod.objects.exclude(district=claim.district_id).order_by("id").values_list()
    )
    assert after == others


@pytest.mark.parametrize("lens", ["consensus", "stance:opposition", "source:bench-source-003"])
def test_database_built_documents_equal_the_serialised_ones(record, lens):
    day = datetime.date(2013, 6, 1)
    timeline = TimelineMeasuredSerializer(timeline_compact(lens=lens)).data
    assert json.loads(selectors.timeline_json(lens=lens)) == timeline
    control = ControlMeasuredSerializer(
        {"on": day, "lens": lens, "districts": selectors.control_on(on=day, lens=lens)}
    ).data
    assert json.loads(selectors.control_on_json(on=day, lens=lens)) == control


def test_engines_v1_and_v2_resolve_the_same_pairs(record):
    work = engines.work_load()
    result = engines.engines_compare(work, horizon_days=services.horizon_days(), runs=2)
    assert result["districts"] == TINY.districts and result["facts"] == TINY.claims
    # v2 makes the periods the rebuild stored; v1 makes its own, and some of them.
    assert result["periods"]["v2"] == sum(record.values())
    assert result["periods"]["v1"] > 0
    assert result["ratio"] > 0 and len(result["seconds"]["v1"]) == 2
