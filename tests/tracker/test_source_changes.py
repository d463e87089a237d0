"""Editing and merging sources: what moves, and the stored periods that follow.

Each scenario ends by comparing the stored control periods with what a full rebuild stores, so
a service that forgot a lens or a district fails here.
"""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from quantitative.models import QuantitativeClaim
from sources.models import Document, Source, SourceAlias
from tests.factories import (
    ClaimFactory,
    DistrictFactory,
    DocumentFactory,
    RegionFactory,
    SourceFactory,
    actor,
)
from tracker.imports import claims_import
from tracker.models import Claim, ControlPeriod
from tracker.services import timeline_rebuild
from tracker.source_changes import SourceChangeError, source_update, sources_merge

pytestmark = pytest.mark.django_db
D = datetime.date


def periods() -> list[tuple]:
    """Every stored period, every field but the id, in a stable order."""
    # Not the id, nor recorded_at: when a period was written is not what it says.
    skip = {"id", "recorded_at"}
    fields = [f.attname for f in ControlPeriod._meta.concrete_fields if f.attname not in skip]
    return sorted(tuple(str(v) for v in row) for row in ControlPeriod.objects.values_list(*fields))


def assert_equals_full_rebuild() -> None:
    stored = periods()
    timeline_rebuild()
    assert stored == periods()


def lenses() -> set[str]:
    return set(ControlPeriod.objects.values_list("lens", flat=True))


@pytest.fixture
def record():
    """Three districts, a government army, a relay's spelling of it, a monitor and a rebel."""
    d = {n: DistrictFactory(slug=n, name_en=n.title()) for n in ("hanano", "sakhour", "shaar")}
    army = SourceFactory(name="Syrian Army", slug="syrian-army", stance="government")
    relayed = SourceFactory(
        name="SANA military source", slug="sana-military-source", stance="government"
    )
    sohr = SourceFactory(name="SOHR", slug="sohr", stance="independent")
    rebels = SourceFactory(name="Rebel sources", slug="rebel-sources", stance="opposition")
    relayed_doc = DocumentFactory(source=relayed, citation="https://example.org/sana/1")
    ClaimFactory(document=relayed_doc, district=d["hanano"], effective_from=D(2016, 11, 27))
    ClaimFactory(document=relayed_doc, district=d["sakhour"], effective_from=D(2016, 11, 28))
    ClaimFactory(
        document=DocumentFactory(source=army),
        district=d["shaar"],
        effective_from=D(2016, 12, 5),
    )
    ClaimFactory(
        document=DocumentFactory(source=rebels),
        district=d["hanano"],
        actor=actor("rebels"),
        kind="held",
        effective_from=D(2016, 11, 27),
    )
    ClaimFactory(
        document=DocumentFactory(source=sohr),
        district=d["sakhour"],
        effective_from=D(2016, 11, 29),
    )
    east = RegionFactory(slug="east", name_en="East")
    east.districts.add(*d.values())
    QuantitativeClaim.objects.create(
        document=relayed_doc,
        source=relayed,
        actor=actor("government"),
        region=east,
        measure="districts_taken",
        value=2,
        date_from=D(2016, 11, 27),
        date_to=D(2016, 11, 28),
    )
    timeline_rebuild()
    return {"districts": d, "army": army, "relayed": relayed, "sohr": sohr, "rebels": rebels}


def test_merging_a_relayed_spelling_moves_its_documents_claims_and_numbers_to_the_originator(
    record,
):
    army, relayed = record["army"], record["relayed"]
    claims = set(Claim.objects.filter(source=relayed).values_list("pk", flat=True))

    report = sources_merge(source=relayed, into=army)

    assert not Source.objects.filter(pk=relayed.pk).exists()
    assert set(Claim.objects.filter(source=army).values_list("pk", flat=True)) >= claims
    assert Document.objects.get(citation="https://example.org/sana/1").source == army
    assert QuantitativeClaim.objects.get().source == army
    assert (report.documents, report.claims, report.quantitative_claims) == (1, 2, 1)
    claim = Claim.objects.get(pk=min(claims))
    assert claim.history.first().history_change_reason == (
        "source 'SANA military source' merged into 'Syrian Army'"
    )
    assert list(army.aliases.values_list("name", flat=True)) == ["SANA military source"]


def test_the_merged_source_lens_disappears_and_the_periods_equal_a_full_rebuild(record):
    assert "source:sana-military-source" in lenses()

    report = sources_merge(source=record["relayed"], into=record["army"])

    assert "source:sana-military-source" not in lenses()
    assert report.dropped_lens == "source:sana-military-source"
    army_districts = set(
        ControlPeriod.objects.filter(lens="source:syrian-army").values_list(
            "district__slug", flat=True
        )
    )
    assert army_districts == {"hanano", "sakhour", "shaar"}
    assert_equals_full_rebuild()


def test_a_reimported_row_naming_the_merged_spelling_lands_on_the_source_that_stayed(record):
    sources_merge(source=record["relayed"], into=record["army"])
    csv = (
        "date,date_precision,district_en,claimed_controller,claim_type,source_org,source_stance,"
        "citation,quote,notes\n"
        "2016-12-07,day,Shaar,government,captured,SANA military source (via AP),government,"
        "https://example.org/ap/7,the army took Shaar,\n"
    )
    report = claims_import(io.BytesIO(csv.encode()))
    assert (report.claims_created, report.sources_created) == (1, 0)
    assert Claim.objects.get(document__url="https://example.org/ap/7").source == record["army"]
    assert_equals_full_rebuild()


def test_a_merge_names_the_days_the_two_said_different_things(record):
    ClaimFactory(
        document=DocumentFactory(source=record["army"]),
        district=record["districts"]["hanano"],
        status="contested",
        actor=None,
        kind="contested",
        effective_from=D(2016, 11, 27),
    )
    report = sources_merge(source=record["relayed"], into=record["army"])
    assert report.disagreements == ["hanano 2016-11-27"]
    assert "one source contradicting itself" in "\n".join(report.summary())


def test_merging_two_stances_is_refused_unless_the_stance_kept_is_named(record):
    with pytest.raises(SourceChangeError, match="--stance independent or --stance government"):
        sources_merge(source=record["relayed"], into=record["sohr"])
    assert Source.objects.filter(pk=record["relayed"].pk).exists()

    report = sources_merge(source=record["relayed"], into=record["sohr"], stance="government")

    sohr = Source.objects.get(slug="sohr")
    assert (sohr.stance, report.stance_before) == ("government", "independent")
    # SOHR's own Sakhour claim now counts in the government stance lens, not the independent one.
    assert not ControlPeriod.objects.filter(lens="stance:independent").exists()
    assert ControlPeriod.objects.filter(lens="stance:government", district__slug="sakhour")
    assert_equals_full_rebuild()


def test_a_source_cannot_be_merged_into_itself(record):
    with pytest.raises(SourceChangeError, match="same source"):
        sources_merge(source=record["army"], into=Source.objects.get(slug="syrian-army"))


def test_a_stance_change_recomputes_both_stance_lenses_in_the_same_transaction(record):
    army = record["army"]
    before = periods()
    assert ControlPeriod.objects.filter(lens="stance:government", district__slug="shaar")

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        source_update(source=army, stance="independent")
        assert not ControlPeriod.objects.filter(lens="stance:government", district__slug="shaar")
        assert ControlPeriod.objects.filter(lens="stance:independent", district__slug="shaar")
        raise Abort  # the caller's transaction fails: the stance and the periods go back together
    assert Source.objects.get(pk=army.pk).stance == "government"
    assert periods() == before

    source_update(source=Source.objects.get(pk=army.pk), stance="independent")
    assert ControlPeriod.objects.filter(lens="stance:independent", district__slug="shaar")
    assert_equals_full_rebuild()


def test_a_new_slug_renames_the_source_lens_and_keeps_the_old_name_findable(record):
    source_update(source=record["army"], name="Syrian Arab Army", slug="syrian-arab-army")
    assert "source:syrian-army" not in lenses()
    assert "source:syrian-arab-army" in lenses()
    assert SourceAlias.objects.get(key="syrian-army").source == record["army"]
    assert_equals_full_rebuild()


def test_an_unknown_field_is_refused_with_the_fields_that_can_change(record):
    with pytest.raises(SourceChangeError, match="change only name, slug, stance"):
        source_update(source=record["army"], documents=[])


# ---- the command -----------------------------------------------------------------------------


def merge(*args: str) -> str:
    out = io.StringIO()
    call_command("sources_merge", *args, stdout=out)
    return out.getvalue()


def test_the_command_merges_by_name_or_slug_and_says_what_moved_and_what_was_recomputed(record):
    out = merge("SANA military source", "syrian-army")
    assert "Moved: 1 document(s), 2 claim(s), 1 quantitative claim(s)." in out
    assert "consensus, source:syrian-army, stance:government over 2 district(s)" in out
    assert "dropped the lens source:sana-military-source" in out
    assert not Source.objects.filter(slug="sana-military-source").exists()


def test_a_dry_run_reports_the_merge_and_writes_nothing(record):
    before = periods()
    out = merge("sana-military-source", "Syrian Army", "--dry-run")
    assert "2 claim(s)" in out and "Dry run: nothing was written." in out
    assert Source.objects.filter(slug="sana-military-source").exists()
    assert periods() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("Syrian Army", "syrian-army"), "same source; name two different sources"),
        (("Syrian Amry", "SOHR"), "No source has the name or slug 'Syrian Amry'. Did you mean"),
        (("SANA military source", "SOHR"), "Say which it keeps with --stance"),
        (("SANA military source", "SOHR", "--stance", "neutral"), "invalid choice"),
    ],
)
def test_the_command_refuses_with_a_message_naming_the_fix(record, args, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(")):
        merge(*args)
    assert Source.objects.filter(slug="sana-military-source").exists()


def test_merging_a_name_already_merged_says_where_it_went(record):
    merge("SANA military source", "Syrian Army")
    with pytest.raises(CommandError, match="alias of 'Syrian Army'.*Nothing to do"):
        merge("SANA military source", "Syrian Army")


def test_a_long_name_merges_with_its_history_reason_cut_to_fit(record):
    long = SourceFactory(
        name="Rebel group First Brigade / opposition media " + "x" * 120, stance="opposition"
    )
    ClaimFactory(document=DocumentFactory(source=long))
    sources_merge(source=long, into=record["rebels"])
    reasons = list(
        Source.history.filter(id=record["rebels"].pk).values_list(
            "history_change_reason", flat=True
        )
    )
    assert reasons[0].startswith("merged 'Rebel group First Brigade")
    assert all(len(r or "") <= 100 for r in reasons)
    claim_reasons = Claim.history.filter(history_change_reason__startswith="source 'Rebel group")
    assert claim_reasons.exists()
    assert all(len(c.history_change_reason) <= 100 for c in claim_reasons)
