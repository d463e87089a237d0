"""Importing regions and the spellings sources use (`import_regions`, `import_aliases`): CSV,
all or nothing, each bad row named."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.db import transaction

from common.csvfile import ImportFileError, csv_records, values_check
from districts.models import Alias, District, Region
from districts.names import name_key
from districts.services import alias_put

LIST_SEPARATOR = ";"
ALL_DISTRICTS = "*"
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REGION_COLUMNS = ("slug", "name_en", "name_ar", "districts", "aliases", "note")
ALIAS_COLUMNS = ("name", "district_or_region", "target_slug", "note")


@dataclass
class NamesImportReport:
    regions_created: list[str] = field(default_factory=list)
    regions_updated: list[str] = field(default_factory=list)
    regions_unchanged: list[str] = field(default_factory=list)
    aliases_created: int = 0
    aliases_updated: int = 0
    aliases_unchanged: int = 0
    aliases_kept: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(
            self.regions_created
            or self.regions_updated
            or self.aliases_created
            or self.aliases_updated
        )

    def summary(self) -> list[str]:
        """Say, line by line, what the import did."""
        lines = []
        if self.regions_created or self.regions_updated or self.regions_unchanged:
            lines.append(
                f"Regions: {len(self.regions_created)} created, {len(self.regions_updated)} "
                f"updated, {len(self.regions_unchanged)} unchanged."
            )
        lines.append(
            f"Spellings: {self.aliases_created} created, {self.aliases_updated} updated, "
            f"{self.aliases_unchanged} unchanged."
        )
        return lines + [f"  {kept}" for kept in self.aliases_kept]


def _names_split(text: str) -> list[str]:
    return [n.strip() for n in text.split(LIST_SEPARATOR) if n.strip()]


def _spelling_check(
    name: str, target: str, where: str, seen: dict[str, tuple[str, str]]
) -> list[str]:
    """Check that `name` folds to a key that no other place of the same file has claimed."""
    key = name_key(name)
    if not key:
        return [f"{where}: {name!r} has no letters once folded; write the spelling in full."]
    if key in seen and seen[key][1] != target:
        other_where, other_target = seen[key]
        return [
            f"{where}: {name!r} is the same spelling as one at {other_where}, which names "
            f"{other_target}; one spelling can name only one place, so drop one of them."
        ]
    seen.setdefault(key, (where, target))
    return []


def _aliases_write(
    spellings: list[tuple[str, District | None, Region | None]], report: NamesImportReport
) -> None:
    """Write curated spellings (one per key) and count what changed in `report`."""
    keys = [name_key(name) for name, _, _ in spellings]
    existing = {
        a.key: a for a in Alias.objects.filter(key__in=keys).select_related("district", "region")
    }
    for key, (name, district, region) in zip(keys, spellings, strict=True):
        outcome = alias_put(
            existing.get(key),
            key=key,
            name=name,
            origin=Alias.Origin.CURATED,
            district=district,
            region=region,
            authority=Alias.Origin.CURATED,
        )
        report.aliases_created += outcome == "created"
        report.aliases_updated += outcome == "updated"
        report.aliases_unchanged += outcome == "unchanged"
        if outcome == "kept":
            kept = existing[key]
            report.aliases_kept.append(
                f"{name!r} stays mapped to {kept.district or kept.region}, as an analyst "
                "decided; change it in the admin if the curated table is right."
            )


def regions_import(file: Path | str | BinaryIO) -> NamesImportReport:
    """Create or update regions (named sets of districts) and their spellings from a CSV table.

    Columns: slug, name_en, name_ar, districts (district slugs separated by ";", or "*" for
    every district), aliases (spellings separated by ";"), note (kept as the description).
    The English and Arabic names are spellings of the region too. Validate every row first and
    write nothing if any is bad; running the same table twice changes nothing.
    """
    records = csv_records(file, required=REGION_COLUMNS)
    districts = {d.slug: d for d in District.objects.all()}
    errors: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    slugs_seen: dict[str, int] = {}
    rows = []
    for record in records:
        where, values = f"line {record.line}", record.values
        row_errors = [f"{where}: {record.problem}."] if record.problem else []
        slug = values["slug"]
        if not SLUG.fullmatch(slug):
            row_errors.append(
                f"{where}: slug {slug!r} is not a slug; use lowercase letters, digits and hyphens."
            )
        elif slug in slugs_seen:
            row_errors.append(f"{where}: slug {slug!r} is already used at line {slugs_seen[slug]}.")
        slugs_seen.setdefault(slug, record.line)
        if not values["name_en"]:
            row_errors.append(f"{where}: name_en is empty; every region needs an English name.")
        row_errors += [
            f"{where}: {problem}."
            for problem in values_check(
                Region,
                {
                    "name_en": ("name_en", values["name_en"]),
                    "name_ar": ("name_ar", values["name_ar"]),
                    "note": ("description", values["note"]),
                },
            )
        ]
        wanted = _names_split(values["districts"])
        if wanted == [ALL_DISTRICTS]:
            members = list(districts.values())
        else:
            unknown = [s for s in wanted if s not in districts]
            if unknown:
                row_errors.append(
                    f"{where}: no district with slug {', '.join(map(repr, unknown))}; use the "
                    "slugs import_districts loaded (districts/data/aleppo_districts.geojson)."
                )
            members = [districts[s] for s in wanted if s in districts]
        if not wanted:
            row_errors.append(
                f"{where}: districts is empty; list the district slugs separated by ';', "
                "or '*' for every district."
            )
        spellings = [values["name_en"], values["name_ar"], *_names_split(values["aliases"])]
        for name in filter(None, spellings):
            row_errors.extend(_spelling_check(name, f"region {slug}", where, seen))
        errors.extend(row_errors)
        rows.append((values, members, [n for n in spellings if n]))
    if errors:
        raise ImportFileError(errors)

    report = NamesImportReport()
    outcomes = {
        "created": report.regions_created,
        "updated": report.regions_updated,
        "unchanged": report.regions_unchanged,
    }
    with transaction.atomic():
        spellings_all: list[tuple[str, District | None, Region | None]] = []
        for values, members, spellings in rows:
            region, outcome = _region_put(values, {d.pk for d in members})
            outcomes[outcome].append(region.slug)
            spellings_all.extend((name, None, region) for name in spellings)
        _aliases_write(_deduplicated(spellings_all), report)
    return report


def _region_put(values: dict[str, str], member_ids: set[int]) -> tuple[Region, str]:
    """Create or update one region; say whether it was "created", "updated" or "unchanged"."""
    fields = {
        "name_en": values["name_en"],
        "name_ar": values["name_ar"],
        "description": values["note"],
    }
    region = Region.objects.filter(slug=values["slug"]).first()
    if region is None:
        region, outcome = Region(slug=values["slug"], **fields), "created"
    elif any(getattr(region, k) != v for k, v in fields.items()) or member_ids != set(
        region.districts.values_list("pk", flat=True)
    ):
        for name, value in fields.items():
            setattr(region, name, value)
        outcome = "updated"
    else:
        return region, "unchanged"
    region.full_clean()
    region.save()
    region.districts.set(member_ids)
    return region, outcome


def _deduplicated(
    spellings: list[tuple[str, District | None, Region | None]],
) -> list[tuple[str, District | None, Region | None]]:
    """Keep the first of several spellings of one place that fold to the same key."""
    by_key: dict[str, tuple[str, District | None, Region | None]] = {}
    for spelling in spellings:
        by_key.setdefault(name_key(spelling[0]), spelling)
    return list(by_key.values())


def aliases_import(file: Path | str | BinaryIO) -> NamesImportReport:
    """Load a curated table of spellings, each naming one district or one region.

    Columns: name, district_or_region ("district" or "region"), target_slug, note (why the
    spelling means that place). Curated spellings override the names in the polygon data but
    never an analyst's mapping (those are reported in `aliases_kept`). Validate every row first
    and write nothing if any is bad; running the same table twice changes nothing.
    """
    records = csv_records(file, required=ALIAS_COLUMNS)
    districts = {d.slug: d for d in District.objects.all()}
    regions = {r.slug: r for r in Region.objects.all()}
    errors: list[str] = []
    seen: dict[str, tuple[str, str]] = {}
    spellings = []
    for record in records:
        where, values = f"line {record.line}", record.values
        row_errors = [f"{where}: {record.problem}."] if record.problem else []
        kind, slug = values["district_or_region"], values["target_slug"]
        district, region = None, None
        if kind == "district":
            district = districts.get(slug)
        elif kind == "region":
            region = regions.get(slug)
        else:
            row_errors.append(
                f"{where}: district_or_region is {kind!r}; write 'district' or 'region'."
            )
        if kind in ("district", "region") and district is None and region is None:
            loader = "import_districts" if kind == "district" else "import_regions"
            row_errors.append(
                f"{where}: no {kind} with slug {slug!r}; use a slug that {loader} loaded."
            )
        if not values["name"]:
            row_errors.append(f"{where}: name is empty; write the spelling as sources use it.")
        else:
            row_errors.extend(_spelling_check(values["name"], f"{kind} {slug}", where, seen))
        errors.extend(row_errors)
        spellings.append((values["name"], district, region))
    if errors:
        raise ImportFileError(errors)
    report = NamesImportReport()
    with transaction.atomic():
        _aliases_write(_deduplicated(spellings), report)
    return report
