"""Moving quantitative claims out of the claims core keeps every row (issue 15).

From the old layout (tracker at 0013, where `tracker.QuantitativeClaim` lived, and no
`quantitative` app), a quantitative claim and its history row written there are, after
`migrate`, the same rows of `quantitative.QuantitativeClaim` (same id, same values), and the
analyst and reviewer groups keep their permissions on it, now under the `quantitative` content
type. Runs on SpatiaLite and on PostGIS.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from quantitative.models import QuantitativeClaim
from tests.factories import DocumentFactory, RegionFactory, actor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OLD_LAYOUT = [("tracker", "0013_claim_review_reason"), ("quantitative", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def _permissions(group: str) -> set[str]:
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=group).permissions.select_related("content_type")
        if "quantitative" in p.codename
    }


def test_a_quantitative_claim_of_the_old_layout_is_the_same_row_after_migrate():
    document, region = DocumentFactory(), RegionFactory()
    old = _migrate(OLD_LAYOUT)
    try:
        OldClaim = old.get_model("tracker", "QuantitativeClaim")
        OldHistory = old.get_model("tracker", "HistoricalQuantitativeClaim")
        values = {
            "document_id": document.pk,
            "source_id": document.source_id,
            "attribution": "SOHR (via AFP)",
            "actor_id": actor("government").pk,
            "region_id": region.pk,
            "measure": "districts_taken",
            "value": 5.0,
            "bound": "approx",
            "date_from": datetime.date(2016, 11, 26),
            "date_to": datetime.date(2016, 11, 28),
            "quote": "about five districts",
            "note": "public",
            "analyst_note": "private",
            "review_status": "accepted",
            "import_key": "old-layout-row",
        }
        claim = OldClaim.objects.create(**values)
        OldHistory.objects.create(
            **values,
            id=claim.pk,
            created_at=claim.created_at,
            updated_at=claim.updated_at,
            history_date=claim.updated_at,
            history_type="+",
            history_change_reason="recorded before the move",
        )
        assert (
            old.get_model("contenttypes", "ContentType")
            .objects.filter(app_label="tracker", model="quantitativeclaim")
            .exists()
        )
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()

    moved = QuantitativeClaim.objects.get(pk=claim.pk)
    assert {name: getattr(moved, name) for name in values} == values
    history = moved.history.get()
    assert (history.id, history.history_change_reason, history.value) == (
        claim.pk,
        "recorded before the move",
        5.0,
    )
    assert _permissions("analyst") == {
        "quantitative.add_quantitativeclaim",
        "quantitative.change_quantitativeclaim",
        "quantitative.view_quantitativeclaim",
    }
    assert _permissions("reviewer") == {
        "quantitative.change_quantitativeclaim",
        "quantitative.view_quantitativeclaim",
    }
    assert not ContentType.objects.filter(app_label="tracker", model__contains="quantitative")
