"""Import quantitative claims from a CSV file: `python manage.py import_quantitative_claims`.

The columns are those of `tracker/data/aleppo_aggregate_claims_demo.csv` (see its README):
date_from, date_to, scope, actor, measure, value, bound, source_org, source_stance, citation,
quote, notes, and optionally analyst_note (the private note). The rules follow those of the district claims importer (`tracker.imports`):

1. **All or nothing.** Every row is checked before anything is written. One bad row (a missing
   or malformed date, a window that ends before it starts, an unknown region, actor, measure or
   bound, a value that is not a number, negative, a share above 100 or a fractional count of
   districts, an empty source or citation, a text longer than its field takes) rejects the file,
   and the error lists every bad row with its line number (the header is line 1), the column
   and how to fix it.
2. **Scope.** `scope` is the slug of a region (`east-aleppo`, `aleppo-city`): the set of
   districts the number is about. Regions are managed in the admin.
3. **Source and document** as for district claims: the speaker is `source_org` without its
   trailing parenthetical, the verbatim `source_org` is kept as the attribution, a document is
   identified by the first http(s) URL of `citation` (else the citation text) and a new one is
   dated `date_to`. A known source keeps its stance; a row that gives another is a warning.
4. **Idempotent.** A claim's `import_key` is a fingerprint of its row; a row whose fingerprint is
   on record adds nothing, so re-importing a file creates nothing.

Imported claims are pending review. They do not change the map: the audit
(`quantitative.audit`) compares them with it.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from django.contrib.auth.models import User
from django.db import transaction

from common.csvfile import CsvRecord, ImportFileError, ImportReport, row_fingerprint
from districts.models import Region
from quantitative.models import QuantitativeClaim
from quantitative.services import quantitative_claim_record
from tracker.import_rows import (
    ANALYST_NOTE_COLUMN,
    RowValidator,
    SourcedRow,
    SourcesOnRecord,
    attribution_split,
    text_problems,
)

QUANTITATIVE_COLUMNS = (
    "date_from",
    "date_to",
    "scope",
    "actor",
    "measure",
    "value",
    "bound",
    "source_org",
    "source_stance",
    "citation",
    "quote",
    "notes",
)
Measure, Bound = QuantitativeClaim.Measure, QuantitativeClaim.Bound


class QuantitativeImportError(ImportFileError):
    """The file was rejected and nothing was written; `errors` has one line per bad row."""


@dataclass
class QuantitativeImportReport(ImportReport):
    NOUN = "Quantitative claims"


@dataclass(frozen=True)
class _Row(SourcedRow):
    date_from: datetime.date
    date_to: datetime.date
    region: Region
    actor_slug: str
    measure: str
    value: float
    bound: str
    analyst_note: str = ""


def _choices(choices: list[str]) -> str:
    return ", ".join(choices)


class _QuantitativeValidator(RowValidator):
    """Check rows one by one (dates, addresses and stances as for district claims)."""

    columns = QUANTITATIVE_COLUMNS
    error = QuantitativeImportError
    nothing = "The file has a header but no rows; add at least one quantitative claim."

    def __init__(self) -> None:
        super().__init__()
        self.regions = {r.slug: r for r in Region.objects.all()}

    def _value(self, text: str, measure: str) -> tuple[float | None, str]:
        try:
            value = float(text)
        except ValueError:
            return None, f"value {text!r} is not a number; write it with digits, e.g. 5 or 97.5"
        if not math.isfinite(value) or value < 0:
            return None, f"value {text!r} must be a number of zero or more"
        if measure == Measure.SHARE_HELD and value > 100:
            return None, f"value {text!r} is a share above 100 percent; write the percentage"
        if measure in QuantitativeClaim.COUNT_MEASURES and not value.is_integer():
            return None, f"value {text!r} counts districts; write a whole number"
        return value, ""

    def row(self, record: CsvRecord) -> tuple[_Row | None, list[str]]:
        values, problems = record.values, [record.problem] if record.problem else []
        date_from, problem = self._date(values["date_from"])
        problems.append(problem.replace("date ", "date_from ", 1))
        date_to, problem = self._date(values["date_to"])
        problems.append(problem.replace("date ", "date_to ", 1))
        if date_from and date_to and date_to < date_from:
            problems.append(
                f"date_to {date_to} is before date_from {date_from}; swap them (a state on "
                "one day has both equal)"
            )
        scope = values["scope"]
        if scope not in self.regions:
            problems.append(
                f"scope {scope!r} is not a region slug; use one of "
                f"{_choices(sorted(self.regions)) or '(none yet: add regions in the admin)'}"
            )
        actor = values["actor"]
        if actor not in self.actors:
            problems.append(f"actor {actor!r} is not one of {_choices(sorted(self.actors))}")
        measure, bound = values["measure"], values["bound"]
        if measure not in Measure.values:
            problems.append(f"measure {measure!r} is not one of {_choices(Measure.values)}")
        if bound not in Bound.values:
            problems.append(f"bound {bound!r} is not one of {_choices(Bound.values)}")
        value, problem = self._value(values["value"], measure)
        problems.append(problem)
        source_org, stance, citation = (
            values["source_org"],
            values["source_stance"],
            values["citation"],
        )
        url, source_problems = self.source_check(values)
        problems += source_problems
        problems.extend(text_problems(QuantitativeClaim, values, attribution_split(source_org)))
        problems = [p for p in problems if p]
        if problems:
            return None, [f"line {record.line}: {'; '.join(problems)}."]
        # Each value left None comes with a problem above.
        assert date_from is not None and date_to is not None and value is not None
        return (
            _Row(
                line=record.line,
                fingerprint=row_fingerprint(values, QUANTITATIVE_COLUMNS),
                date_from=date_from,
                date_to=date_to,
                region=self.regions[scope],
                actor_slug=actor,
                measure=measure,
                value=value,
                bound=bound,
                attribution=attribution_split(source_org),
                stance=stance,
                source_org=source_org,
                citation=citation,
                url=url,
                quote=values["quote"],
                note=values["notes"],
                analyst_note=values.get(ANALYST_NOTE_COLUMN, ""),
            ),
            [],
        )


def _rows_read(file: Path | str | BinaryIO) -> tuple[list[_Row], list[str], RowValidator]:
    validator = _QuantitativeValidator()
    return validator.file_read(file), validator.warnings, validator


def quantitative_claims_import(
    file: Path | str | BinaryIO,
    *,
    dry_run: bool = False,
    recorded_by: User | None = None,
) -> QuantitativeImportReport:
    """Import the quantitative claims of a CSV file by the rules in this module's docstring.

    Raise `QuantitativeImportError` listing every bad row if any row is invalid; write nothing
    then. With `dry_run`, do everything in a transaction that is rolled back.
    """
    rows, warnings, validator = _rows_read(file)
    report = QuantitativeImportReport(rows=len(rows), dry_run=dry_run, warnings=warnings)
    on_record = set(
        QuantitativeClaim.objects.filter(
            import_key__in={row.fingerprint for row in rows}
        ).values_list("import_key", flat=True)
    )
    on_record_sources = SourcesOnRecord(report)
    with transaction.atomic():
        for row in rows:
            if row.fingerprint in on_record:
                report.claims_present += 1
                continue
            source = on_record_sources.source(row)
            document = on_record_sources.document(row, source, published_on=row.date_to)
            quantitative_claim_record(
                document=document,
                source=source,
                attribution=row.source_org,
                actor=validator.actors[row.actor_slug],
                region=row.region,
                measure=row.measure,
                value=row.value,
                bound=row.bound,
                date_from=row.date_from,
                date_to=row.date_to,
                quote=row.quote,
                note=row.note,
                analyst_note=row.analyst_note,
                import_key=row.fingerprint,
                recorded_by=recorded_by,
            )
            on_record.add(row.fingerprint)
            report.claims_created += 1
        if dry_run:
            transaction.set_rollback(True)
    return report
