"""Region statements (`tracker.statement_models.RegionStatement`): made where a region's name
fans out into one claim per district, and read so that a statement counts once.

The rules:

1. **One record per statement.** Every path that turns a region's name into claims (the admin's
   claim form, the importer row by row or in bulk, mapping an unmapped name to a region) makes
   one `RegionStatement` and links each claim it records to it: the region, the name as
   written, the districts left out, who made it.
2. **A claim outside a statement stands alone.** A claim naming a district, an unmapped name,
   or a region's name with a district picked by hand belongs to no statement.
3. **Judged together.** Reviewing a statement reviews every claim of it (`claims_with_statements`
   widens a selection to the whole of each statement it touches).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.db.models import Q, QuerySet

from districts.models import District, Region
from tracker.models import Claim, RegionStatement


def statement_record(
    *,
    region: Region,
    place_name: str,
    created_by: User | None = None,
    districts_left_out: Iterable[District] = (),
) -> RegionStatement:
    """Record one statement about `region` (rule 1); its claims are linked by the caller."""
    statement = RegionStatement(
        region=region, place_name=place_name or region.name_en, created_by=created_by
    )
    statement.full_clean()
    statement.save()
    left_out = list(districts_left_out)
    if left_out:
        statement.districts_left_out.set(left_out)
    return statement


def claims_with_statements(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """Return `claims` with every other claim of the statements among them (rule 3)."""
    statements = claims.filter(statement__isnull=False).values("statement")
    return Claim.objects.filter(Q(pk__in=claims.values("pk")) | Q(statement__in=statements))
