"""FROZEN COPY of the first timeline engine (v1), for benchmark comparison only.

This is `tracker/timeline.py` as it stood at commit 57d02b3 (`git show
57d02b3:tracker/timeline.py`), before engine v2 replaced it, copied unchanged apart from this
paragraph. Nothing in the application imports it and it is not maintained: `bench/engines.py`
and `bench/run.py` resolve the same claims with it and with `tracker.timeline` to measure v2's
speed against v1's in the same run (issue 12: a full rebuild no slower than 1.25x the old
engine). Do not fix or change its rules here; the rules in force are `tracker.timeline`'s.

The original docstring follows.

The timeline engine: from conflicting claims to who held each district, day by day.

This module is the one place where the rules live. It works on plain data (`ClaimFact`) and
imports nothing from views, the admin, the API or the database; `tracker.services` feeds it
claims and stores what it returns, and the benchmarks call it directly.

A **lens** chooses which claims count:

- ``consensus``: every claim that is neither rejected by a reviewer nor retracted by its source;
- ``source:<slug>``: only that source's claims, the map as that source tells it;
- ``stance:<stance>``: only claims from sources of that stance (government, opposition,
  independent, kurdish).

Within a lens, each district is resolved on its own, by these rules:

1. **A claim takes effect at the end of its window.** A claim dated to a day has a one-day
   window. One dated to a week or a month ("last week", "in the summer") counts from the last day
   of its window; the window's first day is kept as the earliest the change may have happened
   (`Period.start_earliest`), so the map can show the uncertainty.
2. **Later supersedes earlier.** The state on day D is decided by the claims effective on the
   latest day on or before D that has any claim. Nothing older matters once a newer claim exists.
3. **Same-day claims that agree corroborate; claims that disagree are weighed.** Claims agree when
   they say the same thing: held by the same side (members of a coalition count as the
   coalition: the Syrian Arab Army's gains are the government's) or contested. Each position is
   weighed on these tests, in this order, and the first test that separates the strongest
   position from every other decides:

   a. review: a position with an *accepted* claim beats one whose best claim is *pending*, which
      beats one whose claims are all *disputed* by reviewers;
   b. admission against interest: a position conceded by a source speaking for a side that the
      position does not favour (a rebel outlet saying the army took a district) beats one that
      only its own side asserts;
   c. independence: a position backed by an independent source beats a purely partisan one;
   d. corroboration: more distinct independent sources beat fewer.

   Partisan sources repeating their own side's line do not outweigh the other side's denial: if
   no test separates the strongest positions, the district is **disputed** on that day, and every
   side those positions name is reported.
4. **Before a district's first claim, its state is unknown.** No period is made for that time.

Consecutive days that resolve to the same state make one period. Periods of one district never
overlap: each runs from its `start` up to, not including, the next period's start (`end`), and
the last one stays open (`end` is None).
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

CONSENSUS = "consensus"
STANCES = ("government", "opposition", "independent", "kurdish")
HELD, CONTESTED, DISPUTED, UNKNOWN = "held", "contested", "disputed", "unknown"
REVIEW_RANK = {"accepted": 2, "pending": 1, "disputed": 0}
# The side a source of each stance speaks for, when the source names no actor of its own.
STANCE_SIDE = {"government": "government", "opposition": "rebels", "kurdish": "kurdish_ypg"}


class LensError(ValueError):
    """The lens is not one of `consensus`, `source:<slug>` or `stance:<stance>`."""


@dataclass(frozen=True, slots=True)
class Lens:
    kind: str  # "consensus", "source" or "stance"
    value: str = ""

    @classmethod
    def parse(cls, text: str) -> Lens:
        """Read a lens name; raise `LensError` saying what is accepted."""
        if text == CONSENSUS:
            return cls(CONSENSUS)
        kind, _, value = text.partition(":")
        if kind == "source" and value:
            return cls("source", value)
        if kind == "stance" and value in STANCES:
            return cls("stance", value)
        raise LensError(
            f"Unknown lens {text!r}: use 'consensus', 'source:<source slug>' or "
            f"'stance:<{'|'.join(STANCES)}>'."
        )

    def __str__(self) -> str:
        return self.kind if self.kind == CONSENSUS else f"{self.kind}:{self.value}"

    def admits(self, fact: ClaimFact) -> bool:
        """Say whether a claim counts in this lens. Rejected and retracted claims never count."""
        if fact.review == "rejected" or fact.retracted:
            return False
        if self.kind == "source":
            return fact.source == self.value
        if self.kind == "stance":
            return fact.stance == self.value
        return True


@dataclass(frozen=True, slots=True)
class ClaimFact:
    """What the engine needs to know of one claim about one district."""

    id: int
    district: int
    status: str  # "held" or "contested"
    actor: (
        str | None
    )  # the coalition the place is held by (top-level actor slug), None if contested
    earliest: datetime.date  # first day of the claim's window
    day: datetime.date  # last day of the window: when the claim takes effect
    review: str = "pending"
    retracted: bool = False
    source: str = ""
    stance: str = "independent"
    side: str | None = None  # the coalition the source speaks for, None if independent

    @property
    def position(self) -> tuple[str, str | None]:
        return (self.status, self.actor)

    @property
    def against_interest(self) -> bool:
        """A source's admission that a side other than its own holds the place."""
        return self.side is not None and self.status == HELD and self.actor != self.side


@dataclass(frozen=True, slots=True)
class Verdict:
    """The state that the claims of one day establish."""

    status: str
    actor: str | None
    actors: tuple[str, ...]
    earliest: datetime.date
    support: tuple[int, ...]
    contra: tuple[int, ...] = ()

    @property
    def state(self) -> tuple[str, str | None, tuple[str, ...]]:
        return (self.status, self.actor, self.actors)


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

    @property
    def state(self) -> tuple[str, str | None, tuple[str, ...]]:
        return (self.status, self.actor, self.actors)


def _weight(claims: Sequence[ClaimFact]) -> tuple[int, int, int, int]:
    """Score one position for rule 3, test by test (a to d), for comparison as a tuple."""
    independent_sources = {c.source for c in claims if c.stance == "independent"}
    return (
        max(REVIEW_RANK.get(c.review, 0) for c in claims),
        int(any(c.against_interest for c in claims)),
        int(bool(independent_sources)),
        len(independent_sources),
    )


def day_verdict(claims: Sequence[ClaimFact]) -> Verdict:
    """Resolve the claims that take effect on one day for one district (rule 3)."""
    by_position: dict[tuple[str, str | None], list[ClaimFact]] = defaultdict(list)
    for claim in claims:
        by_position[claim.position].append(claim)
    earliest = min(c.earliest for c in claims)
    ranked = sorted(by_position.items(), key=lambda item: _weight(item[1]), reverse=True)
    best_weight = _weight(ranked[0][1])
    leaders = [(pos, cs) for pos, cs in ranked if _weight(cs) == best_weight]
    if len(leaders) == 1:
        (status, actor), support = leaders[0]
        losers = [c.id for pos, cs in ranked[1:] for c in cs]
        return Verdict(
            status=status,
            actor=actor,
            actors=(actor,) if actor else (),
            earliest=min(c.earliest for c in support),
            support=tuple(sorted(c.id for c in support)),
            contra=tuple(sorted(losers)),
        )
    actors = tuple(sorted({actor for (_, actor), _ in leaders if actor}))
    tied = sorted(c.id for _, cs in leaders for c in cs)
    outweighed = sorted(c.id for pos, cs in ranked[len(leaders) :] for c in cs)
    return Verdict(
        status=DISPUTED,
        actor=None,
        actors=actors,
        earliest=earliest,
        support=tuple(tied),
        contra=tuple(outweighed),
    )


def _by_day(facts: Iterable[ClaimFact]) -> dict[datetime.date, list[ClaimFact]]:
    days: dict[datetime.date, list[ClaimFact]] = defaultdict(list)
    for fact in facts:
        days[fact.day].append(fact)
    return days


def periods_resolve(facts: Iterable[ClaimFact]) -> list[Period]:
    """Turn one district's claims, already chosen by a lens, into its control periods."""
    periods: list[Period] = []
    for day, claims in sorted(_by_day(facts).items()):
        verdict = day_verdict(claims)
        current = periods[-1] if periods else None
        if current is not None and current.state == verdict.state:
            current.support.extend(verdict.support)
            current.contra.extend(verdict.contra)
            continue
        if current is not None:
            current.end = day
        periods.append(
            Period(
                district=claims[0].district,
                status=verdict.status,
                actor=verdict.actor,
                actors=verdict.actors,
                start=day,
                end=None,
                start_earliest=verdict.earliest,
                support=list(verdict.support),
                contra=list(verdict.contra),
            )
        )
    return periods


def lens_periods(facts: Iterable[ClaimFact], lens: Lens) -> dict[int, list[Period]]:
    """Resolve every district the lens has claims about: {district id: periods}."""
    by_district: dict[int, list[ClaimFact]] = defaultdict(list)
    for fact in facts:
        if lens.admits(fact):
            by_district[fact.district].append(fact)
    return {district: periods_resolve(fs) for district, fs in by_district.items()}


def state_on(facts: Iterable[ClaimFact], on: datetime.date) -> Verdict | None:
    """Resolve one district's state on one day straight from its claims (None: unknown).

    This is rules 1, 2 and 4 applied directly, without building periods: the reference that
    stored periods are checked against.
    """
    effective = [f for f in facts if f.day <= on]
    if not effective:
        return None
    latest = max(f.day for f in effective)
    return day_verdict([f for f in effective if f.day == latest])


def periods_overlap(periods: Sequence[Period]) -> bool:
    """Say whether any two periods of one district share a day (they never should)."""
    ordered = sorted(periods, key=lambda p: p.start)
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.end is None or before.end > after.start:
            return True
    return False
