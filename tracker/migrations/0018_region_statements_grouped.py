"""Group the region claims recorded before region statements existed, where that is sure.

Claims are taken as one statement about a region when all of these hold:

- their place name, folded (`districts.names.name_key`), is the exact key of an alias of a
  region (no transliteration-blind fallback);
- they share the document, the source, the place name as written, the status, the actor, the
  kind, the window and its precision, the basis, the quote, who recorded them, and the import
  row they came from (the part of the import key before the district slug; none when entered
  by hand);
- they are two or more, mapped, each to a different district, every one of them a district
  of the region.

A group that fails the last rule is left ungrouped: a district twice (the statement was
entered twice, or two rows said the same), or one claim alone (its district may have been
picked by hand under the region's name); so is every claim not sure to belong to one.
Each statement made gets its history row, and each claim grouped a history row saying so;
the region's districts missing from a group are recorded as left out by the statement.
Reversing the migration changes nothing (the statements stay valid; 0017's reversal drops them).
"""

from collections import defaultdict

from django.db import migrations
from django.utils import timezone

from districts.names import name_key

REASON = "Grouped in region statement {} (existing claims, migration)"
KEY_FIELDS = (
    "document_id",
    "source_id",
    "place_name",
    "status",
    "actor_id",
    "kind",
    "effective_from",
    "effective_to",
    "date_precision",
    "basis",
    "quote",
    "recorded_by_id",
)


def _groups(Claim, Alias, Region):
    """Yield (region id, claims, the region's districts left out) for every sure group."""
    region_by_key = dict(Alias.objects.filter(region__isnull=False).values_list("key", "region_id"))
    members = defaultdict(set)
    for region_id, district_id in Region.districts.through.objects.values_list(
        "region_id", "district_id"
    ):
        members[region_id].add(district_id)
    groups = defaultdict(list)
    claims = Claim.objects.filter(district__isnull=False, statement__isnull=True).order_by("pk")
    for claim in claims:
        region_id = region_by_key.get(name_key(claim.place_name))
        if region_id is None:
            continue
        row = (claim.import_key or "").split(":")[0] or None
        key = (region_id, row, *(getattr(claim, name) for name in KEY_FIELDS))
        groups[key].append(claim)
    for key, group in groups.items():
        region_id, districts = key[0], [c.district_id for c in group]
        distinct = len(set(districts)) == len(districts) > 1
        if distinct and set(districts) <= members[region_id]:
            yield region_id, group, members[region_id] - set(districts)


def statements_group(apps, schema_editor):
    Claim = apps.get_model("tracker", "Claim")
    Statement = apps.get_model("tracker", "RegionStatement")
    Alias = apps.get_model("districts", "Alias")
    Region = apps.get_model("districts", "Region")
    HistoricalClaim = apps.get_model("tracker", "HistoricalClaim")
    HistoricalStatement = apps.get_model("tracker", "HistoricalRegionStatement")
    now = timezone.now()
    claim_fields = [f.attname for f in Claim._meta.concrete_fields]
    for region_id, group, left_out in list(_groups(Claim, Alias, Region)):
        first = group[0]
        statement = Statement.objects.create(
            region_id=region_id, place_name=first.place_name, created_by_id=first.recorded_by_id
        )
        Statement.objects.filter(pk=statement.pk).update(created_at=first.created_at)
        statement.districts_left_out.set(left_out)
        HistoricalStatement.objects.create(
            id=statement.pk,
            region_id=region_id,
            place_name=statement.place_name,
            created_by_id=statement.created_by_id,
            created_at=first.created_at,
            history_date=now,
            history_type="+",
            history_change_reason=REASON.format(statement.pk)[:100],
        )
        Claim.objects.filter(pk__in=[c.pk for c in group]).update(statement=statement)
        for claim in group:
            claim.statement_id = statement.pk
            HistoricalClaim.objects.create(
                **{name: getattr(claim, name) for name in claim_fields},
                history_date=now,
                history_type="~",
                history_change_reason=REASON.format(statement.pk)[:100],
            )


class Migration(migrations.Migration):
    dependencies = [
        ("districts", "0003_name_without_place"),
        ("tracker", "0017_region_statements"),
    ]

    operations = [migrations.RunPython(statements_group, migrations.RunPython.noop)]
