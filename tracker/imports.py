"""Import claims from a CSV file: what `python manage.py import_claims FILE.csv` does.

The columns are those of `tracker/data/aleppo_claims_demo.csv` (see its README): date,
date_precision, district_en, claimed_controller, claim_type, source_org, source_stance,
citation, quote, notes, and optionally basis and analyst_note. The rules:

1. **All or nothing.** Every row is checked before anything is written. One bad row (a missing
   or malformed date, an unknown precision, controller, claim type or stance, an empty place,
   source or citation, a text longer than its field takes: place, source, citation, quote,
   notes, analyst note, by the same limits as the admin and the API) rejects the file, and the
   error lists every bad row with its line number (the header is line 1), the column and how to
   fix it. A good file is written in
   one transaction. A row that gives a known source another stance is not an error: the source
   keeps the stance on record (or of its first row) and the report warns, naming the line.
2. **Window.** `day`: the claim is effective on `date`. `week`: from `date` - 6 days to `date`.
   `month`: from the day after the same day of the previous month (clamped to that month's
   last day), to `date`, so 2016-08-15 covers 2016-07-16..2016-08-15. The timeline places the
   state at the window's end (DESIGN rule 3).
3. **Who.** `claimed_controller` is an actor slug (status `held` by that actor) or `contested`
   (status `contested`, no actor); `claim_type` is the claim's kind.
4. **Source and document.** The speaker is `source_org` without its trailing parenthetical
   ("SOHR (via AP)" is SOHR, "Al-Alam (Iranian state TV)" is Al-Alam); it becomes a Source
   with `source_stance` and a guessed kind, unless one exists. The verbatim `source_org` is
   kept as the claim's attribution and a "via X" part as the document's outlet. A document is
   identified by the first http(s) URL in `citation`, else by the citation text; a new one
   belongs to the speaker of its first row, keeps the citation verbatim and, for day
   precision only, takes the row's date as its publication day (the date is that of the
   events, which for wire copy is at most a day off).
5. **Place.** `district_en` is resolved through the alias table (`districts.selectors`): a
   district gives one claim; a region gives one claim per district, each keeping the place
   name and grouped in one region statement (`tracker.statements`; a district the region
   gained since the row was imported joins the row's statement); no match gives one
   unmapped claim, and the report lists each unmapped name once
   with its row count and the closest district names.
6. **Idempotent.** A claim's `import_key` is a fingerprint of its row's content (not of what
   the place resolved to), suffixed with the district slug for region expansions. A row
   whose fingerprint is on record (imported before, even if an analyst has since mapped its
   place) adds nothing, so re-importing a file creates nothing.
7. **Basis.** The optional `basis` column says what the claim rests on: `statement`, `report`,
   `assessment` or `evidence` (`Claim.Basis`); empty, or no such column, leaves it unstated.
   The basis is not part of the fingerprint, so a file that gains the column is still the
   same evidence: re-importing it adds nothing, and the report warns about each row whose
   basis differs from the claim on record (change that one in the admin).

8. **Notes.** `notes` is the claim's public note (shown in the API and its CSV); the optional
   `analyst_note` column is its private note, seen only by analysts and reviewers. Neither is
   part of the fingerprint.

Imported claims are pending review. The timeline of every district that gained a claim is
recomputed once, in the same transaction. The file is checked and resolved whole first
(`claims_plan`), then written in bulk (`tracker.bulk_import`): the same claims, history rows
and periods as recording each claim through the services, at thousands of rows a second.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.contrib.auth.models import User
from django.db import transaction

from common.bulk import page_cache, values_in
from common.csvfile import (
    CsvRecord,
    ImportFileError,
    ImportReport,
    field_max_length,
    row_fingerprint,
)
from districts.models import District
from districts.names import name_key
from districts.selectors import Gazetteer, PlaceResolution, gazetteer_load
from tracker.bulk_import import ClaimSpec, Progress, claims_bulk_write
from tracker.import_rows import (
    ANALYST_NOTE_COLUMN,
    RowValidator,
    SourcedRow,
    attribution_split,
    text_problems,
)
from tracker.models import Actor, Claim
from tracker.timeline import STANCE_SIDE

CLAIM_COLUMNS = (
    "date",
    "date_precision",
    "district_en",
    "claimed_controller",
    "claim_type",
    "source_org",
    "source_stance",
    "citation",
    "quote",
    "notes",
)
BASIS_COLUMN = "basis"  # optional: files without it import as before
CONTESTED = "contested"
# The choices a row may name, read once (an enum's `values` is built anew at each use).
PRECISIONS, KINDS, BASES = (tuple(c.values) for c in (Claim.Precision, Claim.Kind, Claim.Basis))
IMPORT_KEY_MAX = field_max_length(Claim, "import_key")
IMPORT_CACHE_MB = 256  # SQLite's page cache while an import writes (`common.bulk.page_cache`)


class ClaimImportError(ImportFileError):
    """The file was rejected and nothing was written; `errors` has one line per bad row."""


@dataclass
class UnmappedPlace:
    """A place name that matched no district, with how many rows used it."""

    name: str
    rows: int
    suggestions: list[District] = field(default_factory=list)


@dataclass
class ClaimImportReport(ImportReport):
    unmapped: list[UnmappedPlace] = field(default_factory=list)

    def details(self) -> list[str]:
        """The place names that matched no district, each with the closest districts."""
        lines = []
        if self.unmapped:
            lines.append(
                f"{len(self.unmapped)} place names match no district; their claims are kept "
                "unmapped until an analyst maps each name once:"
            )
        for place in self.unmapped:
            closest = ", ".join(f"{d.name_en} ({d.slug})" for d in place.suggestions)
            lines.append(
                f"  {place.name!r} ({place.rows} row{'s' if place.rows > 1 else ''}): "
                + (f"closest districts {closest}" if closest else "no district name is close")
            )
        return lines


@dataclass(frozen=True)
class _Row(SourcedRow):
    place: str
    status: str
    actor: Actor | None
    kind: str
    effective_from: datetime.date
    effective_to: datetime.date
    precision: str
    basis: str = ""
    analyst_note: str = ""


def claim_window(day: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of the window a claim dated `day` covers (rule 2)."""
    if precision == Claim.Precision.WEEK:
        return day - datetime.timedelta(days=6), day
    if precision == Claim.Precision.MONTH:
        year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
        same_day = datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
        return same_day + datetime.timedelta(days=1), day
    return day, day


def _expanded_key(fingerprint: str, slug: str) -> str:
    key = f"{fingerprint}:{slug}"
    if len(key) <= IMPORT_KEY_MAX:
        return key
    return f"{fingerprint}:{hashlib.sha256(slug.encode()).hexdigest()[: IMPORT_KEY_MAX - 33]}"


class ClaimRowValidator(RowValidator):
    """The claims importer's row check, on the shared checks of `RowValidator`."""

    columns = CLAIM_COLUMNS
    error = ClaimImportError
    nothing = "The file has a header but no rows; add at least one claim."

    def row(self, record: CsvRecord) -> tuple[_Row | None, list[str]]:
        values, problems = record.values, [record.problem] if record.problem else []
        day, problem = self._date(values["date"])
        problems.append(problem)
        precision = values["date_precision"]
        if precision not in PRECISIONS:
            problems.append(f"date_precision {precision!r} is not one of {', '.join(PRECISIONS)}")
        place = values["district_en"]
        if not place:
            problems.append("district_en is empty; write the place as the source names it")
        controller, kind = values["claimed_controller"], values["claim_type"]
        if controller != CONTESTED and controller not in self.actors:
            problems.append(
                f"claimed_controller {controller!r} is not one of "
                f"{', '.join(sorted(self.actors))} or {CONTESTED!r}"
            )
        if kind not in KINDS:
            problems.append(f"claim_type {kind!r} is not one of {', '.join(KINDS)}")
        elif (
            kind == Claim.Kind.LOST
            and controller in self.actors
            and self.actors[controller].coalition().slug == STANCE_SIDE.get(values["source_stance"])
        ):
            problems.append(
                f"claim_type is 'lost' but claimed_controller {controller!r} is the source's own "
                "side; a 'lost' claim names who holds the place afterwards: write the side that "
                "took it"
            )
        elif (kind == CONTESTED) != (controller == CONTESTED):
            problems.append(
                f"claim_type is {kind!r} but claimed_controller is {controller!r}; set both to "
                "'contested', or name the side that holds the place and what it did"
            )
        source_org, stance, citation = (
            values["source_org"],
            values["source_stance"],
            values["citation"],
        )
        attribution = attribution_split(source_org)
        url, source_problems = self.source_check(values)
        problems += source_problems
        basis = values.get(BASIS_COLUMN, "")
        if basis and basis not in BASES:
            problems.append(
                f"basis {basis!r} is not one of {', '.join(BASES)}; "
                "or leave it empty when the source does not say"
            )
        problems.extend(text_problems(Claim, values, attribution))
        problems = [p for p in problems if p]
        if problems:
            return None, [f"line {record.line}: {'; '.join(problems)}."]
        assert day is not None  # else a date problem above
        effective_from, effective_to = claim_window(day, precision)
        return (
            _Row(
                line=record.line,
                fingerprint=row_fingerprint(values, CLAIM_COLUMNS),
                place=place,
                status=Claim.Status.CONTESTED if controller == CONTESTED else Claim.Status.HELD,
                actor=None if controller == CONTESTED else self.actors[controller],
                kind=kind,
                effective_from=effective_from,
                effective_to=effective_to,
                precision=precision,
                attribution=attribution,
                stance=stance,
                source_org=source_org,
                citation=citation,
                url=url,
                quote=values["quote"],
                note=values["notes"],
                basis=basis,
                analyst_note=values.get(ANALYST_NOTE_COLUMN, ""),
            ),
            [],
        )


def _rows_read(file: Path | str | BinaryIO) -> tuple[list[_Row], list[str]]:
    validator = ClaimRowValidator()
    return validator.file_read(file), validator.warnings


def _unmapped(
    names: Counter[str], spelling: dict[str, str], gazetteer: Gazetteer
) -> list[UnmappedPlace]:
    return [
        UnmappedPlace(spelling[key], count, gazetteer.suggest(spelling[key]))
        for key, count in sorted(names.items(), key=lambda kv: spelling[kv[0]].casefold())
    ]


def _basis_check(
    row: _Row,
    basis_on_record: dict[str | None, str],
    import_key: str,
    report: ClaimImportReport,
) -> None:
    """Warn, once per row, when a row already on record gives another basis than its claim."""
    stored = basis_on_record.get(import_key, basis_on_record.get(row.fingerprint))
    if not row.basis or stored is None or stored == row.basis:
        return
    warning = (
        f"line {row.line}: basis is {row.basis!r} but the claim on record from this row has "
        f"{stored or 'none'!r}; re-importing does not change it: edit the claim in the admin."
    )
    if warning not in report.warnings:
        report.warnings.append(warning)


def claims_plan(
    file: Path | str | BinaryIO, *, dry_run: bool = False
) -> tuple[ClaimImportReport, list[ClaimSpec]]:
    """Read and check `file`, resolve its places and leave out the claims on record: return
    the report so far and the claims to write (rules 1, 5 and 6). Write nothing.

    Raise `ClaimImportError` listing every bad row if any row is invalid.
    """
    rows, warnings = _rows_read(file)
    report = ClaimImportReport(rows=len(rows), dry_run=dry_run, warnings=warnings)
    gazetteer = gazetteer_load()
    resolved: dict[str, PlaceResolution] = {}  # each place name resolved once
    resolutions = [
        resolved.get(row.place) or resolved.setdefault(row.place, gazetteer.resolve(row.place))
        for row in rows
    ]
    candidates = {row.fingerprint for row in rows} | {
        _expanded_key(row.fingerprint, d.slug)
        for row, resolution in zip(rows, resolutions, strict=True)
        for d in resolution.districts
    }
    stored = list(
        values_in(
            Claim._meta.db_table, ["import_key", "basis", "statement_id"], "import_key", candidates
        )
    )
    basis_on_record: dict[str | None, str] = {key: basis for key, basis, _ in stored}
    statement_on_record = {key: statement for key, _, statement in stored if statement}
    on_record = set(basis_on_record)
    unmapped: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    specs: list[ClaimSpec] = []
    for row, resolution in zip(rows, resolutions, strict=True):
        if not resolution.is_mapped:
            unmapped[name_key(row.place)] += 1
            spelling.setdefault(name_key(row.place), row.place)
        keyed: list[tuple[str, District | None]]
        if resolution.region is not None and resolution.is_mapped:
            keyed = [(_expanded_key(row.fingerprint, d.slug), d) for d in resolution.districts]
        else:
            keyed = [(row.fingerprint, next(iter(resolution.districts), None))]
        # A district the region gained since the row was imported joins the row's statement.
        joined = next((statement_on_record[k] for k, _ in keyed if k in statement_on_record), None)
        for import_key, district in keyed:
            if row.fingerprint in on_record or import_key in on_record:
                report.claims_present += 1
                _basis_check(row, basis_on_record, import_key, report)
                continue
            region = resolution.region if resolution.is_mapped else None
            specs.append(ClaimSpec(row, district, import_key, region, joined))
            on_record.add(import_key)
    report.claims_created = len(specs)
    report.unmapped = _unmapped(unmapped, spelling, gazetteer)
    return report, specs


def claims_import(
    file: Path | str | BinaryIO,
    *,
    dry_run: bool = False,
    recorded_by: User | None = None,
    progress: Progress | None = None,
) -> ClaimImportReport:
    """Import the claims of a CSV file by the rules in this module's docstring.

    Raise `ClaimImportError` listing every bad row if any row is invalid; write nothing then.
    Otherwise write the new claims in bulk, in one transaction (`tracker.bulk_import`), telling
    `progress` how far it is. With `dry_run`, do everything in a transaction that is rolled
    back, so the report says exactly what an import would create.
    """
    report, specs = claims_plan(file, dry_run=dry_run)
    if progress:
        progress("checked", report.rows, report.rows)
    with page_cache(IMPORT_CACHE_MB), transaction.atomic():
        claims_bulk_write(specs, report=report, recorded_by=recorded_by, progress=progress)
        if dry_run:
            transaction.set_rollback(True)
    return report
