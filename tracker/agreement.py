"""How far a lens agrees with a published reference assessment (`manage.py compare_reference`).

See `reference_compare` and docs/measuring.md. A reference row says who held a district on a
day: `controller` is an actor (counted as its top-level coalition, as the engine does: `nusra`
is `rebels`) or `contested`, with an `extent` (all, most, part, unclear); a district under
split control has one row per holder. A row naming a
region stands for each of its districts, unless rows naming the district itself (or a smaller
region containing it) speak of it on that day: the most specific rows win. For each
district-day of the reference the tool's state in the lens is read, and:

- **coverage** is the share of the reference's district-days on which the tool states anything
  (a stale state counts as stated; how many were stale is reported);
- **strict agreement** (over the stated district-days): the reference names one holder and the
  tool says held by that coalition; or the reference says only contested and the tool says
  contested; or the reference splits the district (several rows) and the tool says contested
  or disputed naming no side outside the reference's holders;
- **lenient agreement**: strict agreement, or the tool says held by any of the reference's
  holders for that district-day, or the tool says contested or disputed where the reference
  says contested or names a holder with extent `part` or `unclear`.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from common.csvfile import ImportFileError, csv_records
from districts.models import District
from districts.selectors import gazetteer_load
from tracker.freshness import stale_after_days, stale_on
from tracker.models import Actor, Claim
from tracker.selectors import actor_coalitions, period_last_reported_on, periods_on
from tracker.timeline import CONTESTED, DISPUTED, HELD, UNKNOWN

EXTENTS = ("all", "most", "part", "unclear")
PARTIAL_EXTENTS = ("part", "unclear")
REFERENCE_COLUMNS = ("date", "district", "controller", "extent")


class ReferenceFileError(ImportFileError):
    """The reference file cannot be compared; `errors` names each bad line and how to fix it."""


@dataclass(frozen=True)
class ReferenceEntry:
    """What the reference says about one district on one day: each controller with its extent.

    `holders` maps a coalition slug or `contested` to the broadest extent given for it.
    """

    day: datetime.date
    district_id: int
    district: str
    holders: dict[str, str]
    lines: tuple[int, ...]

    @property
    def sides(self) -> set[str]:
        return {h for h in self.holders if h != CONTESTED}

    @property
    def label(self) -> str:
        """The reference's position as one label: a coalition, contested, or a split."""
        if len(self.holders) == 1:
            return next(iter(self.holders))
        return "split: " + "+".join(sorted(self.holders))


@dataclass(frozen=True)
class ToolState:
    """The lens's state of one district on one day, coalitions resolved."""

    status: str
    actor: str | None = None
    actors: tuple[str, ...] = ()
    stale: bool = False
    last_reported: datetime.date | None = None
    since: datetime.date | None = None
    claims: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        return self.actor if self.status == HELD and self.actor else self.status


def agreement_strict(reference: ReferenceEntry, tool: ToolState) -> bool:
    """Say whether the tool's state equals the reference's (see the module docstring)."""
    if tool.status == UNKNOWN:
        return False
    if len(reference.holders) > 1:
        return tool.status in (CONTESTED, DISPUTED) and set(tool.actors) <= reference.sides
    (only,) = reference.holders
    if only == CONTESTED:
        return tool.status == CONTESTED
    return tool.status == HELD and tool.actor == only


def agreement_lenient(reference: ReferenceEntry, tool: ToolState) -> bool:
    """Say whether the tool names one of the reference's holders, or calls the district
    contested or disputed where the reference says contested or names a partial holder."""
    if tool.status == UNKNOWN:
        return False
    if agreement_strict(reference, tool):
        return True
    if tool.status == HELD:
        return tool.actor in reference.sides
    return any(
        holder == CONTESTED or extent in PARTIAL_EXTENTS
        for holder, extent in reference.holders.items()
    )


@dataclass(frozen=True)
class Verdict:
    entry: ReferenceEntry
    tool: ToolState
    strict: bool
    lenient: bool


@dataclass
class Tally:
    """Counts over a set of district-days."""

    total: int = 0
    stated: int = 0
    stale: int = 0
    strict: int = 0
    lenient: int = 0

    def add(self, verdict: Verdict) -> None:
        self.total += 1
        if verdict.tool.status != UNKNOWN:
            self.stated += 1
            self.stale += verdict.tool.stale
            self.strict += verdict.strict
            self.lenient += verdict.lenient

    @staticmethod
    def _percent(part: int, whole: int) -> float | None:
        return 100.0 * part / whole if whole else None

    @property
    def strict_percent(self) -> float | None:
        return self._percent(self.strict, self.stated)

    @property
    def lenient_percent(self) -> float | None:
        return self._percent(self.lenient, self.stated)

    @property
    def coverage_percent(self) -> float | None:
        return self._percent(self.stated, self.total)

    def as_dict(self) -> dict:
        return {
            "district_days": self.total,
            "stated": self.stated,
            "stale": self.stale,
            "strict_agreement": self.strict_percent,
            "lenient_agreement": self.lenient_percent,
            "coverage": self.coverage_percent,
        }


@dataclass(frozen=True)
class ClaimNote:
    """A claim behind the tool's state, as a disagreement lists it."""

    id: int
    source: str
    day: datetime.date
    position: str
    quote: str


@dataclass
class Comparison:
    lens: str
    verdicts: list[Verdict]
    overall: Tally = field(default_factory=Tally)
    by_day: dict[datetime.date, Tally] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)  # (reference label, tool label) -> n
    claims: dict[int, ClaimNote] = field(default_factory=dict)

    @property
    def disagreements(self) -> list[Verdict]:
        """The stated district-days on which the tool does not strictly agree."""
        return [v for v in self.verdicts if v.tool.status != UNKNOWN and not v.strict]


def comparison_tally(lens: str, verdicts: list[Verdict]) -> Comparison:
    """Count the verdicts overall, per day, and as a confusion table."""
    comparison = Comparison(lens=lens, verdicts=verdicts)
    for verdict in verdicts:
        comparison.overall.add(verdict)
        comparison.by_day.setdefault(verdict.entry.day, Tally()).add(verdict)
        comparison.confusion[(verdict.entry.label, verdict.tool.label)] += 1
    return comparison


def _extent_broader(a: str, b: str) -> str:
    return a if EXTENTS.index(a) <= EXTENTS.index(b) else b


def reference_read(file: Path | str | BinaryIO) -> list[ReferenceEntry]:
    """Read a reference file into one entry per (day, district), regions expanded.

    Places resolve as the claims importer resolves them (`districts.selectors.Gazetteer`: names
    and aliases, regions expanding to their districts), or by a district's slug. Where rows about
    several places cover one district on one day, the most specific wins: a row naming the
    district itself over a region's, a smaller region's over a larger one's. Controllers
    are actor slugs, counted as their top-level coalition, or `contested`. Every bad row is
    reported with its line number; one bad row rejects the file (`ReferenceFileError`).
    """
    try:
        records = csv_records(file, required=REFERENCE_COLUMNS)
    except ImportFileError as exc:
        raise ReferenceFileError(exc.errors) from exc
    gazetteer = gazetteer_load()
    by_slug = {d.slug: d for d in District.objects.only("pk", "slug")}
    coalition = actor_coalitions()
    coalition_of = {slug: coalition[pk] for pk, slug in Actor.objects.values_list("pk", "slug")}
    errors: list[str] = []
    # (day, district id) -> the rows about it: (districts the row covers, side, extent, line)
    rows: dict[tuple[datetime.date, int], list[tuple[int, str, str, int]]] = defaultdict(list)
    slugs: dict[int, str] = {}
    for record in records:
        values, problems = record.values, [record.problem] if record.problem else []
        day = None
        try:
            day = datetime.date.fromisoformat(values["date"])
        except ValueError:
            problems.append(f"date {values['date']!r} is not a day written YYYY-MM-DD")
        place = values["district"]
        districts: tuple = ()
        if not place:
            problems.append("district is empty; name the district or region")
        else:
            resolution = gazetteer.resolve(place)
            districts = resolution.districts or ((by_slug[place],) if place in by_slug else ())
            if not districts:
                suggestions = ", ".join(d.name_en for d in gazetteer.suggest(place))
                problems.append(
                    f"district {place!r} matches no district or region"
                    + (f" (closest: {suggestions})" if suggestions else "")
                    + "; use a name the claims importer knows, or add the spelling as an alias"
                )
        controller = values["controller"]
        if controller != CONTESTED and controller not in coalition_of:
            problems.append(
                f"controller {controller!r} is not an actor slug ({', '.join(sorted(coalition_of))})"
                f" or {CONTESTED!r}"
            )
        extent = values["extent"]
        if extent not in EXTENTS:
            problems.append(f"extent {extent!r} is not one of {', '.join(EXTENTS)}")
        problems = [p for p in problems if p]
        if problems:
            errors.append(f"line {record.line}: {'; '.join(problems)}.")
            continue
        assert day is not None  # else a problem above
        side = CONTESTED if controller == CONTESTED else coalition_of[controller]
        for district in districts:
            slugs[district.pk] = district.slug
            rows[(day, district.pk)].append((len(districts), side, extent, record.line))
    if errors:
        raise ReferenceFileError(errors)
    entries = []
    for day, pk in sorted(rows, key=lambda k: (k[0], slugs[k[1]])):
        specific = min(size for size, *_ in rows[(day, pk)])
        holders: dict[str, str] = {}
        lines = []
        for size, side, extent, line in rows[(day, pk)]:
            if size != specific:
                continue  # a row about a smaller place (the district itself) speaks for it
            known = holders.get(side)
            holders[side] = _extent_broader(known, extent) if known else extent
            lines.append(line)
        entries.append(
            ReferenceEntry(
                day=day, district_id=pk, district=slugs[pk], holders=holders, lines=tuple(lines)
            )
        )
    return entries


def states_on_days(
    *, lens: str, wanted: Iterable[tuple[datetime.date, int]]
) -> dict[tuple[datetime.date, int], ToolState]:
    """Return the lens's state of each (day, district id) wanted; unknown where none.

    Holders and named sides are resolved to their top-level coalitions.
    """
    coalition = actor_coalitions()
    coalition_of = {slug: coalition[pk] for pk, slug in Actor.objects.values_list("pk", "slug")}
    after_days = stale_after_days()
    by_day: dict[datetime.date, set[int]] = defaultdict(set)
    for day, district in wanted:
        by_day[day].add(district)
    states: dict[tuple[datetime.date, int], ToolState] = {}
    for day, districts in by_day.items():
        for period in periods_on(on=day, lens=lens).filter(district_id__in=districts):
            reported = period_last_reported_on(period, day)
            states[(day, period.district_id)] = ToolState(
                status=period.status,
                actor=coalition.get(period.actor_id) if period.actor_id else None,
                actors=tuple(dict.fromkeys(coalition_of.get(a, a) for a in period.actors)),
                stale=stale_on(reported, day, after_days),
                last_reported=reported,
                since=period.start,
                claims=tuple(period.support_ids),
            )
        for district in districts:
            states.setdefault((day, district), ToolState(status=UNKNOWN))
    return states


QUOTE_SHOWN = 100


def claim_notes(ids: Iterable[int]) -> dict[int, ClaimNote]:
    """Return the claims with these ids as short notes (source, day, position, quote)."""
    notes = {}
    for claim in Claim.objects.filter(pk__in=set(ids)).select_related("source", "actor"):
        quote = " ".join(claim.quote.split())
        if len(quote) > QUOTE_SHOWN:
            quote = quote[: QUOTE_SHOWN - 1] + "…"
        notes[claim.pk] = ClaimNote(
            id=claim.pk,
            source=claim.source.slug,
            day=claim.effective_to,
            position=claim.actor.slug if claim.actor is not None else claim.status,
            quote=quote,
        )
    return notes


def reference_compare(file: Path | str | BinaryIO, *, lens: str) -> Comparison:
    """Compare `lens` with the reference assessment in `file` (see the module docstring)."""
    entries = reference_read(file)
    states = states_on_days(lens=lens, wanted=((e.day, e.district_id) for e in entries))
    verdicts = []
    for entry in entries:
        tool = states[(entry.day, entry.district_id)]
        verdicts.append(
            Verdict(
                entry=entry,
                tool=tool,
                strict=agreement_strict(entry, tool),
                lenient=agreement_lenient(entry, tool),
            )
        )
    comparison = comparison_tally(lens, verdicts)
    comparison.claims = claim_notes(i for v in comparison.disagreements for i in v.tool.claims)
    return comparison
