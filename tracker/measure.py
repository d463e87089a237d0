"""Measuring the map: how much of the city it colours (coverage) and how far it agrees with a
published reference assessment (`compare_reference`).

**Coverage.** The city's area is the sum of the district polygons' stored areas (`area_m2`),
not the outline. On each sampled day every district is in exactly one of these parts:

- held by an actor, `contested` or `disputed`, with a state that is not stale;
- `stale`: it has a state, but the newest statement supporting it is more than
  `TRACKER_STALE_AFTER_DAYS` days old on the day (`tracker.freshness`);
- `unknown`: no period of the lens covers the day.

`unknown (incl. stale)` is unknown plus stale: the ground on which the map says nothing recent.
The figures are computed by sweeping the periods once (each period, cut at its stale spans,
adds its district's area to a run of sampled days), never by querying day by day.

**Agreement with a reference** (see `reference_compare` and docs/measuring.md). A reference
row says who held a district on a day: `controller` is an actor (counted as its top-level
coalition, as the engine does: `nusra` is `rebels`) or `contested`, with an `extent` (all,
most, part, unclear); a district under split control has one row per holder. A row naming a
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
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from django.db.models import Max, Min, Q

from districts.models import District
from districts.selectors import gazetteer_load
from tracker.csvfile import ImportFileError, csv_records
from tracker.freshness import report_days_parse, stale_after_days, stale_on, stale_spans
from tracker.models import Actor, Claim, ControlPeriod
from tracker.selectors import actor_coalitions, period_last_reported_on, periods_on
from tracker.timeline import CONTESTED, DISPUTED, HELD, UNKNOWN

STALE = "stale"
UNKNOWN_INCL_STALE = "unknown (incl. stale)"

# ---- coverage -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodSpan:
    """What the coverage sweep needs of one stored period."""

    district: int
    key: str  # the holder's slug when held, else the status (contested, disputed)
    start: datetime.date
    end: datetime.date | None  # exclusive; None while it lasts
    report_days: tuple[datetime.date, ...] = ()


@dataclass(frozen=True)
class CoverageStep:
    """The city's area by state on one day, in m².

    `stated_m2` counts every state (stale or not) by key (actor slug, contested, disputed);
    `stale_m2` is the stale part of each key. `unknown_m2` is the ground with no state.
    """

    day: datetime.date
    total_m2: float
    stated_m2: dict[str, float]
    stale_m2: dict[str, float]

    @property
    def unknown_m2(self) -> float:
        return max(self.total_m2 - sum(self.stated_m2.values()), 0.0)

    @property
    def stale_total_m2(self) -> float:
        return sum(self.stale_m2.values())

    @property
    def unknown_incl_stale_m2(self) -> float:
        return self.unknown_m2 + self.stale_total_m2

    @property
    def fresh_m2(self) -> dict[str, float]:
        """Return the area of each state that is not stale, by key (zeros left out)."""
        fresh = {k: v - self.stale_m2.get(k, 0.0) for k, v in self.stated_m2.items()}
        return {k: v for k, v in fresh.items() if v > _NOISE_M2}

    def share(self, area_m2: float) -> float:
        """Return `area_m2` as a fraction of the city's area (0 for a city with no area)."""
        return area_m2 / self.total_m2 if self.total_m2 else 0.0


# Adding and removing the same areas along the sweep leaves float dust; below this it is zero.
_NOISE_M2 = 1e-3


def _step_index(day: datetime.date, start: datetime.date, step_days: int) -> int:
    """Return the index of the first sampled day on or after `day`."""
    return math.ceil((day - start).days / step_days)


def coverage_sweep(
    periods: Iterable[PeriodSpan],
    areas: dict[int, float],
    *,
    start: datetime.date,
    end: datetime.date,
    step_days: int,
    stale_after: int,
) -> list[CoverageStep]:
    """Return the coverage on every `step_days`-th day from `start` to `end` (inclusive).

    Each period is cut into its fresh and stale stretches (`tracker.freshness.stale_spans`);
    each stretch adds its district's area to the sampled days it covers, through running
    sums, so the cost grows with the number of periods plus the number of steps.
    """
    if step_days < 1:
        raise ValueError("step_days must be at least 1.")
    if end < start:
        return []
    count = (end - start).days // step_days + 1
    stated: dict[str, list[float]] = defaultdict(lambda: [0.0] * (count + 1))
    stale: dict[str, list[float]] = defaultdict(lambda: [0.0] * (count + 1))

    def add(runs: dict[str, list[float]], key: str, area: float, a, b) -> None:
        first = max(_step_index(a, start, step_days), 0)
        last = count if b is None else min(_step_index(b, start, step_days), count)
        if first < last:
            runs[key][first] += area
            runs[key][last] -= area

    for period in periods:
        area = areas.get(period.district, 0.0)
        add(stated, period.key, area, period.start, period.end)
        for a, b in stale_spans(period.report_days, period.start, period.end, stale_after):
            add(stale, period.key, area, a, b)

    total = math.fsum(areas.values())

    def running(runs: dict[str, list[float]]) -> list[dict[str, float]]:
        out: list[dict[str, float]] = [{} for _ in range(count)]
        for key, deltas in runs.items():
            value = 0.0
            for k in range(count):
                value += deltas[k]
                if value > _NOISE_M2:
                    out[k][key] = value
        return out

    stated_by_step, stale_by_step = running(stated), running(stale)
    return [
        CoverageStep(
            day=start + datetime.timedelta(days=k * step_days),
            total_m2=total,
            stated_m2=stated_by_step[k],
            stale_m2=stale_by_step[k],
        )
        for k in range(count)
    ]


def coverage_between(
    *, lens: str, start: datetime.date, end: datetime.date, step_days: int = 1
) -> list[CoverageStep]:
    """Return the coverage of `lens` every `step_days` days from `start` to `end`."""
    areas = dict(District.objects.values_list("pk", "area_m2"))
    rows = (
        ControlPeriod.objects.filter(lens=lens, start__lte=end)
        .filter(Q(end__isnull=True) | Q(end__gt=start))
        .values_list("district_id", "status", "actor__slug", "start", "end", "report_days")
    )
    periods = (
        PeriodSpan(
            district=district,
            key=actor if status == HELD and actor else status,
            start=p_start,
            end=p_end,
            report_days=tuple(report_days_parse(days)),
        )
        for district, status, actor, p_start, p_end, days in rows.iterator(chunk_size=5000)
    )
    return coverage_sweep(
        periods,
        areas,
        start=start,
        end=end,
        step_days=step_days,
        stale_after=stale_after_days(),
    )


def record_span(*, lens: str) -> tuple[datetime.date, datetime.date] | None:
    """Return the first and the last period start of `lens` (its record), or None if empty."""
    span = ControlPeriod.objects.filter(lens=lens).aggregate(first=Min("start"), last=Max("start"))
    if span["first"] is None:
        return None
    return span["first"], span["last"]


@dataclass(frozen=True)
class CoverageSummary:
    worst: CoverageStep | None  # the step with the most unknown ground (incl. stale); first wins
    mean_unknown_share: float
    mean_stale_share: float
    mean_unknown_incl_stale_share: float


def coverage_summary(steps: Sequence[CoverageStep]) -> CoverageSummary:
    """Return the worst step (highest unknown incl. stale) and the means over the steps."""
    if not steps:
        return CoverageSummary(None, 0.0, 0.0, 0.0)
    worst = max(steps, key=lambda s: s.share(s.unknown_incl_stale_m2))
    n = len(steps)
    return CoverageSummary(
        worst=worst,
        mean_unknown_share=math.fsum(s.share(s.unknown_m2) for s in steps) / n,
        mean_stale_share=math.fsum(s.share(s.stale_total_m2) for s in steps) / n,
        mean_unknown_incl_stale_share=math.fsum(s.share(s.unknown_incl_stale_m2) for s in steps)
        / n,
    )


# ---- agreement with a reference assessment ------------------------------------------------

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
            position=claim.actor.slug if claim.actor_id else claim.status,
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
