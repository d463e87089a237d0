"""The source admin saves through the service that recomputes the timeline, and `sources`
stays below `tracker` (STYLE.md 1: `sources/` never imports `tracker`)."""

import ast
import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from sources.models import Source
from tests.factories import (
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    SourceFactory,
    UserFactory,
)
from tracker.admin.sources import SourceAdmin
from tracker.models import ControlPeriod
from tracker.services import timeline_rebuild
from tracker.source_changes import sources_merge

pytestmark = pytest.mark.django_db


def stored() -> list[tuple]:
    # Not the id, nor recorded_at: when a period was written is not what it says.
    skip = {"id", "recorded_at"}
    fields = [f.attname for f in ControlPeriod._meta.concrete_fields if f.attname not in skip]
    return sorted(tuple(map(str, r)) for r in ControlPeriod.objects.values_list(*fields))


@pytest.fixture
def editor(client):
    user = UserFactory(username="editor", is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def source_form(source: Source, **changes) -> dict:
    return {
        "name": source.name,
        "slug": source.slug,
        "kind": source.kind,
        "stance": source.stance,
        "actor": source.actor_id or "",
        "reliability": source.reliability,
        "description": source.description,
        "aliases-TOTAL_FORMS": "0",
        "aliases-INITIAL_FORMS": "0",
        "aliases-MIN_NUM_FORMS": "0",
        "aliases-MAX_NUM_FORMS": "1000",
        **changes,
    }


def test_the_tracker_extends_the_source_admin_registered_by_sources():
    assert isinstance(admin.site._registry[Source], SourceAdmin)


def test_a_stance_changed_in_the_admin_moves_the_claims_to_the_new_stance_lens(client, editor):
    monitor = SourceFactory(name="Syria Direct", slug="syria-direct", stance="opposition")
    ClaimFactory(
        document=DocumentFactory(source=monitor),
        district=DistrictFactory(slug="hanano"),
        effective_from=datetime.date(2016, 11, 26),
    )
    timeline_rebuild()
    assert ControlPeriod.objects.filter(lens="stance:opposition").exists()

    response = client.post(
        reverse("admin:sources_source_change", args=[monitor.pk]),
        source_form(monitor, stance="independent"),
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert not ControlPeriod.objects.filter(lens="stance:opposition").exists()
    assert ControlPeriod.objects.filter(lens="stance:independent").exists()
    assert Source.objects.get(pk=monitor.pk).history.first().history_user == editor
    before = stored()
    timeline_rebuild()
    assert stored() == before


def test_a_source_page_lists_the_names_merged_into_it(client, editor):
    army = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    relay = SourceFactory(name="SANA military source", stance="government")
    sources_merge(source=relay, into=army)
    page = client.get(reverse("admin:sources_source_change", args=[army.pk]))
    assert "SANA military source" in page.content.decode()
    found = client.get(reverse("admin:sources_source_changelist") + "?q=SANA+military")
    assert "Syrian Army" in found.content.decode()


def test_no_module_of_sources_imports_tracker():
    offenders = []
    for path in Path(settings.BASE_DIR, "sources").rglob("*.py"):
        if "migrations" in path.parts:
            continue  # a migration names the tracker's models by label, never by import
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "tracker"]
    assert offenders == []
