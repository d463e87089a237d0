"""What the two importers (claims, `tracker.imports`; quantitative claims,
`quantitative.imports`) check the same way in every row: who speaks and through whom
(`attribution_split`), text limits (`text_problems`), the day, the source's columns and one
stance per speaker (`RowValidator`)."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

from common.csvfile import (
    CsvRecord,
    ImportFileError,
    ImportReport,
    day_parse,
    field_max_length,
    rows_read,
    source_columns_check,
    values_check,
)
from sources.models import Document, Source
from sources.services import (
    document_get_or_create,
    source_find,
    source_get_or_create,
    source_slug,
)
from tracker.models import Actor, SourcedAssertion, day_latest_allowed

ANALYST_NOTE_COLUMN = "analyst_note"  # optional: the claim's private note
TOP_LEVEL_VIA = re.compile(r"(?P<speaker>.+?)\s+via\s+(?P<outlet>[^()]+)", re.IGNORECASE)
TRAILING_PARENTHETICAL = re.compile(r"(?P<speaker>.*?)\s*\((?P<inner>[^()]*)\)")
INNER_VIA = re.compile(r"\bvia\s+(?P<outlet>.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    speaker: str
    outlet: str


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


RowT = TypeVar("RowT", bound=SourcedRow)


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


class RowValidator:
    """Check rows one by one, remembering the stance each new speaker was given first.

    Shared with the quantitative claims importer, which adds its own row check."""

    # Each importer's validator says what its file needs and how to check a row.
    columns: tuple[str, ...] = ()
    error: type[ImportFileError] = ImportFileError
    nothing = "The file has a header but no rows."

    def row(self, record: CsvRecord) -> tuple[Any, list[str]]:
        raise NotImplementedError

    def file_read(self, file: Path | str | BinaryIO) -> list[Any]:
        """Read and check every row of `file` (raising `error` naming each bad one), then give
        each speaker one stance (`stances_settle`)."""
        rows = rows_read(
            file, required=self.columns, check=self.row, error=self.error, nothing=self.nothing
        )
        return self.stances_settle(rows)

    def __init__(self) -> None:
        self.actors = {a.slug: a for a in Actor.objects.all()}
        self.warnings: list[str] = []
        # Read once per file, not once per row.
        self.latest = day_latest_allowed()
        self.stances = tuple(Source.Stance.values)
        self.url_max = field_max_length(Document, "url")

    def _date(self, value: str) -> tuple[datetime.date | None, str]:
        return day_parse(value, latest=self.latest)

    def source_check(self, values: dict[str, str]) -> tuple[str | None, list[str]]:
        """Check `source_org`, `source_stance` and `citation`; return the citation's address."""
        return source_columns_check(values, stances=self.stances, url_max=self.url_max)

    def stances_settle(self, rows: list[RowT]) -> list[RowT]:
        """Give every speaker one stance, and warn about each row that said another.

        One source has one stance: the one on record, else the one most of its rows give (the
        first such row's on a tie). A row that gives it another (often the outlet's stance, not
        the speaker's) does not reject the file: the evidence is kept, and the warning says how
        to settle it.
        """
        votes: dict[str, Counter[str]] = {}
        speakers: dict[str, str] = {}
        slugs: dict[str, str] = {}  # speaker: slug, each computed once
        for row in rows:
            speaker = row.attribution.speaker
            slug = slugs.get(speaker) or slugs.setdefault(speaker, source_slug(speaker))
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
            stance, why = settled[slugs[row.attribution.speaker]]
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


class SourcesOnRecord:
    """The sources and documents an import's rows name, each found or made once per import
    (counted in the report as created when new)."""

    def __init__(self, report: ImportReport):
        self.report = report
        self.sources: dict[str, Source] = {}
        self.documents: dict[str, Document] = {}

    def source(self, row: SourcedRow) -> Source:
        key = source_slug(row.attribution.speaker)
        if key not in self.sources:
            self.sources[key], created = source_get_or_create(
                name=row.attribution.speaker, stance=row.stance
            )
            self.report.sources_created += created
        return self.sources[key]

    def document(
        self, row: SourcedRow, source: Source, *, published_on: datetime.date | None
    ) -> Document:
        key = row.url or row.citation
        if key not in self.documents:
            self.documents[key], created = document_get_or_create(
                citation=row.citation,
                url=row.url,
                source=source,
                outlet=row.attribution.outlet,
                published_on=published_on,
            )
            self.report.documents_created += created
        return self.documents[key]
