"""The bulk writer of `import_claims` (tracker/bulk_import.py): it writes exactly what recording
the same rows one by one through the services writes (claims, sources, documents, their history,
the periods), all or nothing, idempotent, with the history of every row it adds."""

import csv
import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.db import transaction

from districts.models import Alias
from districts.names import name_key
from sources.models import Document, Source
from tests.factories import (
    AliasFactory,
    DistrictFactory,
    RegionFactory,
    SourceFactory,
    UserFactory,
    actor,
)
from tracker.import_rows import SourcesOnRecord
from tracker.imports import CLAIM_COLUMNS, ClaimImportError, claims_import, claims_plan
from tracker.models import Claim, ControlPeriod, RegionStatement
from tracker.services import claim_record
from tracker.statements import statement_record

pytestmark = pytest.mark.django_db

COLUMNS = (*CLAIM_COLUMNS, "basis", "analyst_note")
CONTROLLERS = ["government", "syrian-arab-army", "rebels", "kurdish_ypg", "isis", "contested"]
# (source_org as written, stance): one on record with an actor, new ones, one spoken "via" an
# outlet, and one written twice with the same slug.
SPEAKERS = [
    ("Bulk Ministry", "government"),
    ("SOHR (via AFP)", "independent"),
    ("Rebel Media", "opposition"),
    ("rebel media", "opposition"),
    ("Kurdish Front", "kurdish"),
    ("Watcher via Reuters", "independent"),
]


@pytest.fixture
def places():
    """Five districts with their names as aliases, a region of two of them."""
    districts = [DistrictFactory(slug=f"bulk-{n}", name_en=f"Bulk {n}") for n in range(5)]
    for district in districts:
        Alias.objects.create(
            name=district.name_en, key=name_key(district.name_en), district=district
        )
    region = RegionFactory(slug="bulk-quarter", name_en="Bulk Quarter")
    region.districts.set(districts[:2])
    AliasFactory(name="Bulk Quarter", key=name_key("Bulk Quarter"), district=None, region=region)
    SourceFactory(
        slug="bulk-ministry",
        name="Bulk Ministry",
        stance=Source.Stance.GOVERNMENT,
        actor=actor("government"),
    )
    return districts


def random_rows(seed: int, count: int) -> list[dict]:
    """`count` random rows over the places, speakers and documents above, some repeated."""
    rng = random.Random(seed)
    names = [f"Bulk {n}" for n in range(5)] + ["Bulk Quarter", "Nowhere Farms"]
    rows = []
    for n in range(count):
        speaker, stance = rng.choice(SPEAKERS)
        controller = rng.choice(CONTROLLERS)
        kind = (
            "contested"
            if controller == "contested"
            else rng.choice(["captured", "held", "lost"] if stance == "independent" else ["held"])
        )
        day = datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(700))
        document = rng.randrange(8)
        rows.append(
            {
                "date": day.isoformat(),
                "date_precision": rng.choice(["day", "day", "week", "month"]),
                "district_en": rng.choice(names),
                "claimed_controller": controller,
                "claim_type": kind,
                "source_org": speaker,
                "source_stance": stance,
                "citation": f"Report {document} https://example.org/{document}"
                if document % 2
                else f"Bulletin {document}",
                "quote": f"quote {n}",
                "notes": rng.choice(["", "a note"]),
                "basis": rng.choice(["", "report", "statement"]),
                "analyst_note": rng.choice(["", "private"]),
            }
        )
    return rows + rows[: count // 10]  # repeated rows: already present, added once


def write_file(tmp_path, rows, name="claims.csv"):
    path = tmp_path / name
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def import_row_by_row(path):
    """The reference: each planned claim recorded through the services, one at a time (its
    source and document found or made, `claim_record`, its district's periods refreshed)."""
    report, specs = claims_plan(path)
    on_record = SourcesOnRecord(report)
    statements: dict[str, RegionStatement] = {}  # one per row naming a region
    for spec in specs:
        row = spec.row
        statement = None
        if spec.statement_id is not None:
            statements[row.fingerprint] = RegionStatement.objects.get(pk=spec.statement_id)
        if spec.region is not None and row.fingerprint not in statements:
            statements[row.fingerprint] = statement_record(region=spec.region, place_name=row.place)
        if spec.region is not None:
            statement = statements[row.fingerprint]
        source = on_record.source(row)
        day = row.effective_to if row.precision == Claim.Precision.DAY else None
        claim_record(
            document=on_record.document(row, source, published_on=day),
            source=source,
            attribution=row.source_org,
            district=spec.district,
            place_name=row.place,
            status=row.status,
            actor=row.actor,
            kind=row.kind,
            effective_from=row.effective_from,
            effective_to=row.effective_to,
            date_precision=row.precision,
            quote=row.quote,
            note=row.note,
            analyst_note=row.analyst_note,
            basis=row.basis,
            import_key=spec.import_key,
            statement=statement,
        )
    return report


CLAIM_FIELDS = [
    f.attname
    for f in Claim._meta.concrete_fields
    if f.attname
    not in {"id", "document_id", "source_id", "created_at", "updated_at", "statement_id"}
]


def _statement_keys() -> dict[int, tuple]:
    """Each region statement by its region, its place name and its row's fingerprint (its
    claims' import keys before the district slug)."""
    rows: dict[int, set] = {}
    for pk, key in Claim.objects.filter(statement__isnull=False).values_list(
        "statement_id", "import_key"
    ):
        rows.setdefault(pk, set()).add(key.split(":")[0])
    return {
        s.pk: (s.region.slug, s.place_name, s.created_by_id, tuple(sorted(rows.get(s.pk, ()))))
        for s in RegionStatement.objects.select_related("region")
    }


def record_snapshot() -> dict:
    """Everything an import writes, with ids replaced by natural keys (import key, slug,
    document address or citation), so two imports' records compare equal."""
    claim_key = dict(Claim.objects.values_list("pk", "import_key"))
    documents = {d.pk: d.url or d.citation for d in Document.objects.all()}
    sources = dict(Source.objects.values_list("pk", "slug"))
    statement_key = _statement_keys()

    def claim_row(c):
        return (
            documents[c.document_id],
            sources[c.source_id],
            statement_key.get(c.statement_id, ()),
            *(getattr(c, name) for name in CLAIM_FIELDS),
        )

    return {
        "claims": sorted(claim_row(c) for c in Claim.objects.all()),
        "claim_history": sorted(
            (claim_key[h.id], h.history_type, h.history_user_id, *claim_row(h))
            for h in Claim.history.all()
        ),
        "statements": sorted(_statement_keys().values()),
        "statement_history": sorted(
            RegionStatement.history.values_list("place_name", "history_type", "history_user_id")
        ),
        "sources": sorted(
            Source.objects.values_list("slug", "name", "stance", "kind", "actor_id", "reliability")
        ),
        "source_history": sorted(
            Source.history.values_list("slug", "name", "stance", "kind", "history_type")
        ),
        "documents": sorted(
            (d.url or d.citation, d.citation, sources[d.source_id], d.outlet, d.published_on)
            for d in Document.objects.all()
        ),
        "document_history": sorted(
            (d.url or d.citation, d.history_type) for d in Document.history.all()
        ),
        "periods": sorted(
            (
                p.lens,
                p.district_id,
                p.status,
                p.actor_id,
                tuple(p.actors),
                p.start,
                p.end,
                p.start_earliest,
                tuple(claim_key[i] for i in p.support_ids),
                tuple(claim_key[i] for i in p.contra_ids),
                tuple(p.report_days),
                p.last_reported,
            )
            for p in ControlPeriod.objects.all()
        ),
    }


@pytest.mark.parametrize("seed", [1, 2])
def test_bulk_import_writes_exactly_what_the_services_write_row_by_row(places, tmp_path, seed):
    path = write_file(tmp_path, random_rows(seed, 60))
    with transaction.atomic():
        bulk_report = claims_import(path)
        bulk = record_snapshot()
        transaction.set_rollback(True)
    assert not Claim.objects.exists()
    row_report = import_row_by_row(path)
    assert record_snapshot() == bulk
    assert bulk["periods"] and bulk["claim_history"] and bulk["document_history"]
    assert bulk["statements"] and bulk["statement_history"]  # rows naming the region
    district = 3 + CLAIM_FIELDS.index("district_id")
    assert any(c[district] is None for c in bulk["claims"])  # an unmapped claim among them
    assert (bulk_report.claims_created, bulk_report.claims_present) == (
        row_report.claims_created,
        row_report.claims_present,
    )
    assert (bulk_report.documents_created, bulk_report.sources_created) == (
        row_report.documents_created,
        row_report.sources_created,
    )
    assert bulk_report.claims_present > 0  # the repeated rows


def counts():
    return (
        Claim.objects.count(),
        Claim.history.count(),
        Document.objects.count(),
        Document.history.count(),
        Source.objects.count(),
        ControlPeriod.objects.count(),
    )


def test_a_bad_last_row_rejects_the_file_naming_it_and_writes_nothing(places, tmp_path):
    rows = random_rows(3, 40)
    rows.append({**rows[0], "quote": "the bad one", "date": "2014-02-30"})
    before = counts()
    with pytest.raises(ClaimImportError) as rejected:
        claims_import(write_file(tmp_path, rows))
    assert rejected.value.errors == [
        f"line {len(rows) + 1}: date '2014-02-30' is not a day of the calendar; "
        "check the month and day."
    ]
    assert counts() == before


def test_importing_the_same_file_again_adds_nothing(places, tmp_path):
    path = write_file(tmp_path, random_rows(4, 50))
    first = claims_import(path)
    written, periods = counts(), record_snapshot()["periods"]
    again = claims_import(path)
    assert first.claims_created > 0
    assert (again.claims_created, again.documents_created, again.sources_created) == (0, 0, 0)
    assert again.claims_present == first.claims_created + first.claims_present
    assert counts() == written
    assert record_snapshot()["periods"] == periods


def test_every_written_row_has_its_history_naming_the_importer(places, tmp_path):
    analyst = UserFactory(username="bulk-analyst")
    report = claims_import(write_file(tmp_path, random_rows(5, 30)), recorded_by=analyst)
    for model in (Claim, Document):
        history = list(model.history.values_list("id", "history_type", "history_user_id"))
        assert sorted(history) == sorted(
            (pk, "+", analyst.pk) for pk in model.objects.values_list("pk", flat=True)
        )
    new_sources = Source.objects.exclude(slug="bulk-ministry")
    assert new_sources.count() == report.sources_created > 0
    assert set(Source.history.filter(history_user=analyst).values_list("slug", "history_type")) == {
        (s.slug, "+") for s in new_sources
    }
    claim = Claim.objects.order_by("pk").first()
    recorded = Claim.history.get(id=claim.pk)
    assert (recorded.quote, recorded.import_key, recorded.recorded_by_id) == (
        claim.quote,
        claim.import_key,
        analyst.pk,
    )


def test_a_dry_run_writes_nothing_but_counts_what_it_would(places, tmp_path):
    report = claims_import(write_file(tmp_path, random_rows(6, 20)), dry_run=True)
    assert report.claims_created > 0 and report.documents_created > 0
    assert counts()[:4] == (0, 0, 0, 0)


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_command_draws_a_progress_bar_only_on_a_terminal(places, tmp_path):
    rows = random_rows(7, 20)
    terminal, pipe = Terminal(), io.StringIO()
    first, second = write_file(tmp_path, rows[:10]), write_file(tmp_path, rows, "all.csv")
    call_command("import_claims", str(first), stdout=io.StringIO(), stderr=pipe)
    before = Claim.objects.count()
    call_command("import_claims", str(second), stdout=io.StringIO(), stderr=terminal)
    new = Claim.objects.count() - before
    assert pipe.getvalue() == "" and new > 0
    bar = terminal.getvalue()
    assert f"\rchecked  [{'#' * 30}] {len(rows)}/{len(rows)}\n" in bar
    assert f"\rclaims   [{'#' * 30}] {new}/{new}\n" in bar
    assert "\rperiods  [" in bar and bar.endswith("\n")
