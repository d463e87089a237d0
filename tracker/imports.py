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
   name; no match gives one unmapped claim, and the report lists each unmapped name once
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
recomputed in the same transaction.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from django.contrib.auth.models import User
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from common.csvfile import (
    CsvRecord,
    ImportFileError,
    ImportReport,
    day_parse,
    field_max_length,
    row_fingerprint,
    rows_read,
    source_columns_check,
    values_check,
)
from districts.models import District
from districts.names import name_key
from districts.selectors import Gazetteer, gazetteer_load
from sources.models import Document, Source
from sources.services import (
    document_get_or_create,
    source_find,
    source_get_or_create,
    source_slug,
)
from tracker.models import Actor, Claim, SourcedAssertion, day_latest_allowed
from tracker.services import timeline_refresh
from tracker.timeline import CONSENSUS, STANCE_SIDE, Lens

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
ANALYST_NOTE_COLUMN = "analyst_note"  # optional: the claim's private note
CONTESTED = "contested"
# Claim fields whose objects the importer resolved itself (no lookup needed to check them).
_RESOLVED = ["document", "source", "district", "actor", "recorded_by", "reviewed_by"]
TOP_LEVEL_VIA = re.compile(r"(?P<speaker>.+?)\s+via\s+(?P<outlet>[^()]+)", re.IGNORECASE)
TRAILING_PARENTHETICAL = re.compile(r"(?P<speaker>.*?)\s*\((?P<inner>[^()]*)\)")
INNER_VIA = re.compile(r"\bvia\s+(?P<outlet>.+)$", re.IGNORECASE)
IMPORT_KEY_MAX = field_max_length(Claim, "import_key")


class ClaimImportError(ImportFileError):
    """The file was rejected and nothing was written; `errors` has one line per bad row."""


@dataclass(frozen=True)
class Attribution:
    speaker: str
    outlet: str


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
class SourcedRow:
    """What every checked row of a claims file has: where it is, its fingerprint, who said it
    and where, and its texts (shared with the quantitative claims importer)."""

    line: int
    fingerprint: str
    attribution: Attribution
    stance: str
    source_org: str
    citation: str
    url: str | None
    quote: str
    note: str


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


def attribution_split(source_org: str) -> Attribution:
    """Split an attribution into who spoke and the outlet that carried it.

    Drop a trailing parenthetical from the speaker ("Al-Alam (Iranian state TV)" is Al-Alam);
    take the outlet from "via X", inside that parenthetical ("SOHR (via AFP)") or after the
    name ("SRG media (rebel) via yallasouriya").
    """
    speaker, outlet = " ".join(source_org.split()), ""
    top = TOP_LEVEL_VIA.fullmatch(speaker)
    if top:
        speaker, outlet = top["speaker"], top["outlet"]
    paren = TRAILING_PARENTHETICAL.fullmatch(speaker)
    if paren and paren["speaker"]:
        speaker = paren["speaker"]
        inner_via = INNER_VIA.search(paren["inner"])
        if inner_via and not outlet:
            outlet = inner_via["outlet"]
    return Attribution(speaker=speaker.strip(), outlet=outlet.strip())


def claim_window(day: datetime.date, precision: str) -> tuple[datetime.date, datetime.date]:
    """Return the first and last day of the window a claim dated `day` covers (rule 2)."""
    if precision == Claim.Precision.WEEK:
        return day - datetime.timedelta(days=6), day
    if precision == Claim.Precision.MONTH:
        year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
        same_day = datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
        return same_day + datetime.timedelta(days=1), day
    return day, day


def text_problems(
    model: type[SourcedAssertion], values: dict[str, str], attribution: Attribution
) -> list[str]:
    """Check a row's texts against the fields that will store them (`csvfile.values_check`):
    the claim's place, attribution, quote and notes, the document's citation, the source's name.
    Shared with the quantitative claims importer (whose rows name no place)."""
    problems = values_check(
        model,
        {
            column: (name, values[column])
            for column, name in (
                ("district_en", "place_name"),
                ("source_org", "attribution"),
                ("quote", "quote"),
                ("notes", "note"),
                (ANALYST_NOTE_COLUMN, "analyst_note"),
            )
            if column in values
        },
    )
    problems += values_check(Document, {"citation": ("citation", values["citation"])})
    name_max = field_max_length(Source, "name")
    if len(attribution.speaker) > name_max and not any(
        p.startswith("source_org") for p in problems
    ):
        problems.append(
            f"source_org names a source of {len(attribution.speaker)} characters, more than the "
            f"{name_max} a source's name takes; shorten it"
        )
    return problems


def _expanded_key(fingerprint: str, slug: str) -> str:
    key = f"{fingerprint}:{slug}"
    if len(key) <= IMPORT_KEY_MAX:
        return key
    return f"{fingerprint}:{hashlib.sha256(slug.encode()).hexdigest()[: IMPORT_KEY_MAX - 33]}"


class RowValidator:
    """Check rows one by one, remembering the stance each new speaker was given first.

    Shared with the quantitative claims importer, which adds its own row check."""

    def __init__(self) -> None:
        self.actors = {a.slug: a for a in Actor.objects.all()}
        self.warnings: list[str] = []

    def _date(self, value: str) -> tuple[datetime.date | None, str]:
        return day_parse(value, latest=day_latest_allowed())

    def source_check(self, values: dict[str, str]) -> tuple[str | None, list[str]]:
        """Check `source_org`, `source_stance` and `citation`; return the citation's address."""
        return source_columns_check(
            values, stances=Source.Stance.values, url_max=field_max_length(Document, "url")
        )

    def stances_settle(self, rows: list[_Row]) -> list[_Row]:
        """Give every speaker one stance, and warn about each row that said another.

        One source has one stance: the one on record, else the one most of its rows give (the
        first such row's on a tie). A row that gives it another (often the outlet's stance, not
        the speaker's) does not reject the file: the evidence is kept, and the warning says how
        to settle it.
        """
        votes: dict[str, Counter[str]] = {}
        speakers: dict[str, str] = {}
        for row in rows:
            slug = source_slug(row.attribution.speaker)
            speakers.setdefault(slug, row.attribution.speaker)
            votes.setdefault(slug, Counter())[row.stance] += 1
        settled = {}
        for slug, counter in votes.items():
            known = source_find(speakers[slug])
            settled[slug] = (
                (known.stance, "the source on record")
                if known
                else (counter.most_common(1)[0][0], f"{counter.most_common(1)[0][1]} other row(s)")
            )
        result = []
        for row in rows:
            stance, why = settled[source_slug(row.attribution.speaker)]
            if stance != row.stance:
                self.warnings.append(
                    f"line {row.line}: source_stance is {row.stance!r} but {why} give(s) "
                    f"{row.attribution.speaker!r} the stance {stance!r}; the claim is recorded "
                    f"under {stance!r}. Correct the row, or change the source's stance in the "
                    "admin if the record is wrong."
                )
                row = replace(row, stance=stance)
            result.append(row)
        return result

    def row(self, record: CsvRecord) -> tuple[_Row | None, list[str]]:
        values, problems = record.values, [record.problem] if record.problem else []
        day, problem = self._date(values["date"])
        problems.append(problem)
        precision = values["date_precision"]
        if precision not in Claim.Precision.values:
            problems.append(
                f"date_precision {precision!r} is not one of {', '.join(Claim.Precision.values)}"
            )
        place = values["district_en"]
        if not place:
            problems.append("district_en is empty; write the place as the source names it")
        controller, kind = values["claimed_controller"], values["claim_type"]
        if controller != CONTESTED and controller not in self.actors:
            problems.append(
                f"claimed_controller {controller!r} is not one of "
                f"{', '.join(sorted(self.actors))} or {CONTESTED!r}"
            )
        if kind not in Claim.Kind.values:
            problems.append(f"claim_type {kind!r} is not one of {', '.join(Claim.Kind.values)}")
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
        if basis and basis not in Claim.Basis.values:
            problems.append(
                f"basis {basis!r} is not one of {', '.join(Claim.Basis.values)}; "
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


class _Writer:
    """Write validated rows, reusing sources and documents across rows."""

    def __init__(self, report: ClaimImportReport, recorded_by: User | None):
        self.report, self.recorded_by = report, recorded_by
        self.sources: dict[str, Source] = {}
        self.documents: dict[str, Document] = {}
        self.touched: set[int] = set()
        self.lenses: set[str] = set()
        self.claims: list[Claim] = []

    def flush(self) -> None:
        """Write the built claims in bulk, each with its history record."""
        bulk_create_with_history(self.claims, Claim, batch_size=1000, default_user=self.recorded_by)
        self.claims = []

    def source(self, row: _Row) -> Source:
        key = source_slug(row.attribution.speaker)
        if key not in self.sources:
            self.sources[key], created = source_get_or_create(
                name=row.attribution.speaker, stance=row.stance
            )
            self.report.sources_created += created
        return self.sources[key]

    def document(self, row: _Row, source: Source) -> Document:
        key = row.url or row.citation
        if key not in self.documents:
            self.documents[key], created = document_get_or_create(
                citation=row.citation,
                url=row.url,
                source=source,
                outlet=row.attribution.outlet,
                published_on=row.effective_to if row.precision == Claim.Precision.DAY else None,
            )
            self.report.documents_created += created
        return self.documents[key]

    def claim(self, row: _Row, district: District | None, import_key: str) -> None:
        """Build one claim; `flush` writes them all."""
        source = self.source(row)
        claim = Claim(
            document=self.document(row, source),
            source=source,
            attribution=row.source_org,
            district=district,
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
            review_status=Claim.Review.PENDING,
            recorded_by=self.recorded_by,
            import_key=import_key,
        )
        # The row was validated and its references resolved: check the fields and the claim's
        # own rules here; the database's constraints check the rest when `flush` writes.
        claim.clean_fields(exclude=_RESOLVED)
        claim.clean()
        self.claims.append(claim)
        self.report.claims_created += 1
        if district is not None:
            self.touched.add(district.pk)
            self.lenses |= {
                CONSENSUS,
                str(Lens("stance", source.stance)),
                str(Lens("source", source.slug)),
            }


def _rows_read(file: Path | str | BinaryIO) -> tuple[list[_Row], list[str]]:
    validator = RowValidator()
    rows = rows_read(
        file,
        required=CLAIM_COLUMNS,
        check=validator.row,
        error=ClaimImportError,
        nothing="The file has a header but no rows; add at least one claim.",
    )
    return validator.stances_settle(rows), validator.warnings


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


def claims_import(
    file: Path | str | BinaryIO,
    *,
    dry_run: bool = False,
    recorded_by: User | None = None,
) -> ClaimImportReport:
    """Import the claims of a CSV file by the rules in this module's docstring.

    Raise `ClaimImportError` listing every bad row if any row is invalid; write nothing then.
    With `dry_run`, do everything in a transaction that is rolled back, so the report says
    exactly what an import would create.
    """
    rows, warnings = _rows_read(file)
    report = ClaimImportReport(rows=len(rows), dry_run=dry_run, warnings=warnings)
    gazetteer = gazetteer_load()
    resolutions = [gazetteer.resolve(row.place) for row in rows]
    candidates = {row.fingerprint for row in rows} | {
        _expanded_key(row.fingerprint, d.slug)
        for row, resolution in zip(rows, resolutions, strict=True)
        for d in resolution.districts
    }
    basis_on_record = dict(
        Claim.objects.filter(import_key__in=candidates).values_list("import_key", "basis")
    )
    on_record = set(basis_on_record)
    unmapped: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    with transaction.atomic():
        writer = _Writer(report, recorded_by)
        for row, resolution in zip(rows, resolutions, strict=True):
            if not resolution.is_mapped:
                unmapped[name_key(row.place)] += 1
                spelling.setdefault(name_key(row.place), row.place)
            keyed: list[tuple[str, District | None]]
            if resolution.region is not None and resolution.is_mapped:
                keyed = [(_expanded_key(row.fingerprint, d.slug), d) for d in resolution.districts]
            else:
                keyed = [(row.fingerprint, next(iter(resolution.districts), None))]
            for import_key, district in keyed:
                if row.fingerprint in on_record or import_key in on_record:
                    report.claims_present += 1
                    _basis_check(row, basis_on_record, import_key, report)
                    continue
                writer.claim(row, district, import_key)
                on_record.add(import_key)
        writer.flush()
        timeline_refresh(district_ids=writer.touched, lenses=writer.lenses)
        report.unmapped = _unmapped(unmapped, spelling, gazetteer)
        if dry_run:
            transaction.set_rollback(True)
    return report
