"""The timeline engine: from conflicting claims to who held each district, day by day.

This module is the one place where the rules live. It works on plain data (`ClaimFact`) and
imports nothing from views, the admin, the API or the database; `tracker.services` feeds it
claims and stores what it returns, and the benchmarks call it directly.

A **lens** (`tracker.lens`) chooses which claims count: consensus, one source, or the sources
of one stance.

Within a lens, each district is resolved on its own, day by day, by these rules. Each can be
checked by hand from the claims listed under the district.

1. **A claim takes effect at the end of its window.** A claim dated to a day has a one-day
   window. One dated to a week or a month ("last week", "in the summer") counts from the last
   day of its window. The window's first day is kept as the earliest the change may have
   happened (`Period.start_earliest`), but it is moved forward to the day after the latest
   claim that contradicts the new state: the uncertainty never reaches back past contrary
   evidence.
2. **Evidence persists: each source has a standing statement.** A source's statement about a
   district stands until the same source says something newer about it. All of a source's
   statements of its latest day form its standing statement; if they disagree with each other
   (a source saying two different things on one day) they count as one *uncertain* statement
   that the place is contested, and never as an admission.
3. **Region-wide statements stand back for the district's own news.** A statement about a
   region or the whole city ("the rebel-held east", "the army declared full control of
   Aleppo") reaches every district it covers and is weighed like any other, until a statement
   naming the district itself is made, by any source, on the same day or later: from then on
   the older or same-day regional statement no longer counts for that district. A newer
   regional statement counts again (the end of a battle closes the map without one claim per
   district).
4. **Old statements drop out, they do not blank the map.** A standing statement whose day is
   more than the *horizon* (`horizon_days`, 30 by default) older than the newest standing
   statement about the district no longer counts. Nothing ages while no one speaks: the last
   state stays, and readers see how old its evidence is (`Period.report_days`; the API flags
   a state whose newest supporting statement is old as `stale`).
5. **The standing statements are weighed every day.** Statements that say the same thing form
   a *position*: held by one coalition (members count as their coalition: the Syrian Arab
   Army's gains are the government's, Nusra's are the rebels') or contested. Positions are
   compared on these tests, in order; the first test that separates the strongest position
   from every other decides, whether that position is older or newer:

   a. review: a position with an *accepted* claim beats one whose best claim is *pending*,
      which beats one whose claims are all *disputed* by reviewers;
   b. admission against interest: a position conceded by a source whose own coalition it does
      not favour (a rebel outlet saying the army took a district) beats one that only its own
      side asserts. Naming a member of one's own coalition is not an admission, and a
      concession stops counting as one once a source of the same coalition says otherwise on
      a later day (the side's newer word replaces it: a government outlet calling a district
      rebel-held before an offensive concedes nothing against the army's later capture);
   c. independence: a position backed by an independent source beats a purely partisan one;
   d. corroboration: more distinct independent sources beat fewer (a source is the originator
      of a claim; the outlet that relayed it is not counted);
   e. breadth: a position reported by sources of more distinct stances (camps) beats one
      reported by fewer. Three government outlets repeating one line are still one camp, so
      one side's outlets never outvote the other side's denial;
   f. recency: the position whose newest statement is newer wins.

   Only positions that no test separates are **disputed**; every side they name is reported
   (`actors`, with ``contested`` listed when one of the tied positions is that the place is
   contested).
6. **Before a district's first claim, its state is unknown.** No period is made for that time.

Consecutive days that resolve to the same state make one period. Periods of one district never
overlap: each runs from its `start` up to, not including, the next period's start (`end`), and
the last one stays open (`end` is None). A period lists the claims that backed its state on
any of its days (`support`), those outweighed (`contra`), and the days on which a supporting
statement took effect (`report_days`; the newest is `last_reported`).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tracker.lens import CONSENSUS, Lens, LensError  # noqa: F401  the engine's callers read them here

HELD, CONTESTED, DISPUTED, UNKNOWN = "held", "contested", "disputed", "unknown"
REVIEW_RANK = {"accepted": 2, "pending": 1, "disputed": 0}
# The side a source of each stance speaks for, when the source names no actor of its own.
STANCE_SIDE = {"government": "government", "opposition": "rebels", "kurdish": "kurdish_ypg"}
HORIZON_DAYS = 30
ONE_DAY = datetime.timedelta(days=1)


Position = tuple[str, str | None]  # (status, coalition or None)


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """What the engine needs to know of one claim about one district."""

    id: int
    district: int
    status: str  # "held" or "contested"
    actor: str | None  # the coalition (top-level actor slug) holding the place; None if contested
    earliest: datetime.date  # first day of the claim's window
    day: datetime.date  # last day of the window: when the claim takes effect
    review: str = "pending"
    retracted: bool = False
    source: str = ""
    stance: str = "independent"
    side: str | None = None  # the coalition the source speaks for, None if independent
    regional: bool = False  # said of a region or the whole city, not of this district by name

    @property
    def position(self) -> Position:
        return (self.status, self.actor)

    @property
    def against_interest(self) -> bool:
        """A source's admission that a coalition other than its own holds the place."""
        return self.side is not None and self.status == HELD and self.actor != self.side


@dataclass(slots=True)  # not frozen: a frozen dataclass pays object.__setattr__ per field
class Statement:
    """One source's standing statement about one district: its claims of its latest day."""

    source: str
    stance: str
    day: datetime.date
    position: Position
    claims: tuple[ClaimFact, ...]
    review: int  # the best review rank among its claims
    against_interest: bool
    side: str | None  # the coalition the source speaks for, None if independent
    regional: bool  # every claim of it was said of a region, none of the district by name

    @classmethod
    def of(cls, claims: Sequence[ClaimFact]) -> Statement:
        """Make one source's statement of one day; claims that disagree make it uncertain."""
        first = claims[0]
        if len(claims) == 1:  # the usual case, without the set and the generators below
            return cls(
                source=first.source,
                stance=first.stance,
                day=first.day,
                position=(first.status, first.actor),
                claims=(first,),
                review=REVIEW_RANK.get(first.review, 0),
                against_interest=first.against_interest,
                side=first.side,
                regional=first.regional,
            )
        positions = {c.position for c in claims}
        uncertain = len(positions) > 1
        return cls(
            source=first.source,
            stance=first.stance,
            day=first.day,
            position=(CONTESTED, None) if uncertain else first.position,
            claims=tuple(claims),
            review=max(REVIEW_RANK.get(c.review, 0) for c in claims),
            against_interest=not uncertain and first.against_interest,
            side=first.side,
            regional=all(c.regional for c in claims),
        )


@dataclass(slots=True)  # not frozen, as Statement
class Verdict:
    """The state that the standing statements establish on one day."""

    status: str
    actor: str | None
    actors: tuple[str, ...]
    support: tuple[Statement, ...]
    contra: tuple[Statement, ...] = ()

    @property
    def state(self) -> tuple[str, str | None, tuple[str, ...]]:
        return (self.status, self.actor, self.actors)

    @property
    def position(self) -> Position:
        return (self.status, self.actor)

    @property
    def support_ids(self) -> tuple[int, ...]:
        return tuple(sorted(c.id for s in self.support for c in s.claims))

    @property
    def contra_ids(self) -> tuple[int, ...]:
        return tuple(sorted(c.id for s in self.contra for c in s.claims))


@dataclass(slots=True)
class Period:
    """A stretch of days over which one district's state did not change, in one lens."""

    district: int
    status: str
    actor: str | None
    actors: tuple[str, ...]
    start: datetime.date
    end: datetime.date | None
    start_earliest: datetime.date
    support: list[int] = field(default_factory=list)
    contra: list[int] = field(default_factory=list)
    report_days: list[datetime.date] = field(default_factory=list)

    @property
    def state(self) -> tuple[str, str | None, tuple[str, ...]]:
        return (self.status, self.actor, self.actors)

    @property
    def last_reported(self) -> datetime.date | None:
        """The newest day on which a statement supporting this state took effect."""
        return self.report_days[-1] if self.report_days else None


def _admissions(counted: Sequence[Statement]) -> set[int]:
    """Return the ids (`id()`) of the statements that count as admissions (rule 5b): against
    their side's interest, and not followed by a different word from the same side."""
    found = set()
    for statement in counted:
        if statement.against_interest and not any(
            other.side == statement.side
            and other.day > statement.day
            and other.position != statement.position
            for other in counted
        ):
            found.add(id(statement))
    return found


def _weight(
    statements: Sequence[Statement], admissions: set[int]
) -> tuple[int, int, int, int, int, datetime.date]:
    """Score one position on rule 5's tests, a to f, for comparison as a tuple."""
    independent = {s.source for s in statements if s.stance == "independent"}
    return (
        max(s.review for s in statements),
        int(any(id(s) in admissions for s in statements)),
        int(bool(independent)),
        len(independent),
        len({s.stance for s in statements}),
        max(s.day for s in statements),
    )


def statements_weigh(
    statements: Iterable[Statement],
    *,
    horizon_days: int = HORIZON_DAYS,
    named_since: datetime.date | None = None,
) -> Verdict | None:
    """Weigh the standing statements about one district (rules 3 to 5); None if none.

    `named_since` is the latest day on which a claim named the district itself (rule 3).
    """
    standing = list(statements)
    if not standing:
        return None
    cutoff = max(s.day for s in standing) - datetime.timedelta(days=horizon_days)
    counted = [
        s
        for s in standing
        if s.day >= cutoff and not (s.regional and named_since and s.day <= named_since)
    ]
    if not counted:  # the district's own news has aged out: its regional background remains
        counted = [s for s in standing if s.day >= cutoff]
    by_position: dict[Position, list[Statement]] = defaultdict(list)
    for statement in counted:
        by_position[statement.position].append(statement)
    if len(by_position) == 1:  # everyone counted says the same: nothing to weigh
        (status, actor), group = next(iter(by_position.items()))
        return Verdict(status, actor, (actor,) if actor else (), tuple(group), ())
    admissions = _admissions(counted) if any(s.against_interest for s in counted) else set()
    ranked = sorted(
        ((_weight(group, admissions), position, group) for position, group in by_position.items()),
        key=lambda item: item[0],
        reverse=True,
    )
    best = ranked[0][0]
    leaders = [(position, group) for weight, position, group in ranked if weight == best]
    others = tuple(s for weight, _, group in ranked if weight != best for s in group)
    if len(leaders) == 1:
        (status, actor), group = leaders[0]
        return Verdict(status, actor, (actor,) if actor else (), tuple(group), others)
    actors = sorted({actor for (_, actor), _ in leaders if actor})
    if any(status == CONTESTED for (status, _), _ in leaders):
        actors.append(CONTESTED)
    tied = tuple(s for _, group in leaders for s in group)
    return Verdict(DISPUTED, None, tuple(actors), tied, others)


def _statements_of_day(claims: Sequence[ClaimFact]) -> list[Statement]:
    """Group one day's claims by source into statements."""
    if len(claims) == 1:
        return [Statement.of(claims)]
    by_source: dict[str, list[ClaimFact]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    return [Statement.of(group) for group in by_source.values()]


def _start_earliest(
    verdict: Verdict, day: datetime.date, latest_by_position: dict[Position, datetime.date]
) -> datetime.date:
    """The earliest the change of `day` may have happened (rule 1): the widest window among the
    new supporting claims, but never before the day after the latest contrary claim."""
    fresh = [c.earliest for s in verdict.support if s.day == day for c in s.claims]
    earliest = min(fresh) if fresh else day
    contrary = [d for pos, d in latest_by_position.items() if pos != verdict.position]
    if contrary:
        earliest = max(earliest, max(contrary) + ONE_DAY)
    return min(earliest, day)


def periods_resolve(
    facts: Iterable[ClaimFact], *, horizon_days: int = HORIZON_DAYS
) -> list[Period]:
    """Turn one district's claims, already chosen by a lens, into its control periods."""
    by_day: dict[datetime.date, list[ClaimFact]] = defaultdict(list)
    for fact in facts:
        by_day[fact.day].append(fact)
    standing: dict[str, Statement] = {}
    latest_by_position: dict[Position, datetime.date] = {}
    named_since: datetime.date | None = None
    periods: list[Period] = []
    horizon = datetime.timedelta(days=horizon_days)
    for day in sorted(by_day):
        claims = by_day[day]
        # Today's statements are the newest: what is past the horizon from today never counts
        # again (rule 4), so it leaves the standing set.
        cutoff = day - horizon
        if any(s.day < cutoff for s in standing.values()):
            standing = {k: s for k, s in standing.items() if s.day >= cutoff}
        for statement in _statements_of_day(claims):
            standing[statement.source] = statement
        if any(not c.regional for c in claims):
            named_since = day
        verdict = statements_weigh(
            standing.values(), horizon_days=horizon_days, named_since=named_since
        )
        assert verdict is not None  # noqa: S101 - a source spoke today
        current = periods[-1] if periods else None
        if current is None or current.state != verdict.state:
            if current is not None:
                current.end = day
            current = Period(
                district=claims[0].district,
                status=verdict.status,
                actor=verdict.actor,
                actors=verdict.actors,
                start=day,
                end=None,
                start_earliest=_start_earliest(verdict, day, latest_by_position),
            )
            periods.append(current)
        # Unsorted: each period's ids are sorted and deduplicated once, below.
        current.support.extend(c.id for s in verdict.support for c in s.claims)
        current.contra.extend(c.id for s in verdict.contra for c in s.claims)
        current.report_days.extend(s.day for s in verdict.support)
        for claim in claims:
            latest_by_position[claim.position] = day
    for period in periods:
        period.support = sorted(set(period.support))
        period.contra = sorted(set(period.contra) - set(period.support))
        period.report_days = sorted(set(period.report_days))
    return periods


def lens_periods(
    facts: Iterable[ClaimFact], lens: Lens, *, horizon_days: int = HORIZON_DAYS
) -> dict[int, list[Period]]:
    """Resolve every district the lens has claims about: {district id: periods}."""
    by_district: dict[int, list[ClaimFact]] = defaultdict(list)
    for fact in facts:
        if lens.admits(fact):
            by_district[fact.district].append(fact)
    return {
        district: periods_resolve(fs, horizon_days=horizon_days)
        for district, fs in by_district.items()
    }


def state_on(
    facts: Iterable[ClaimFact], on: datetime.date, *, horizon_days: int = HORIZON_DAYS
) -> Verdict | None:
    """Resolve one district's state on one day straight from its claims (None: unknown).

    This applies rules 2 to 6 directly, without building periods: the reference that stored
    periods are checked against.
    """
    latest: dict[str, datetime.date] = {}
    effective = [f for f in facts if f.day <= on]
    named = [f.day for f in effective if not f.regional]
    for fact in effective:
        if fact.day > latest.get(fact.source, datetime.date.min):
            latest[fact.source] = fact.day
    by_source: dict[str, list[ClaimFact]] = defaultdict(list)
    for fact in effective:
        if fact.day == latest[fact.source]:
            by_source[fact.source].append(fact)
    return statements_weigh(
        (Statement.of(group) for group in by_source.values()),
        horizon_days=horizon_days,
        named_since=max(named, default=None),
    )


def periods_overlap(periods: Sequence[Period]) -> bool:
    """Say whether any two periods of one district share a day (they never should)."""
    ordered = sorted(periods, key=lambda p: p.start)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.end is None or before.end > after.start:
            return True
    return False
