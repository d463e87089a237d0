"""Each source's track record: how its claims held up against what the others said.

A source's **track record** weighs its district claims against what others said (rules 1
to 4, the audit of quantitative claims, are in `quantitative.audit`):

5. **Confirmed.** A claim (not rejected, not retracted, about a mapped district) is confirmed
   when, on some day from its ``effective_to`` to ``TRACK_RECORD_DAYS`` (14) days later, the
   consensus of the *other* sources puts its district in the claimed state (held by the same
   coalition, or contested; a disputed state confirms nothing). The source's own claims are
   left out of that consensus, or a lone source would always confirm itself. A claim whose
   district the other sources say nothing about in that fortnight cannot be judged and is left
   out of the share; a claim they contradict throughout is not confirmed.
6. **Lag.** For a confirmed claim: its ``effective_to`` minus the start of the others'
   consensus period that confirmed it. Negative: the source was ahead of the others; positive:
   it repeated what others had said earlier. The record gives the median.
7. **Exaggeration.** The median claimed / mapped ratio of the source's quantitative claims
   (not rejected, not retracted) whose bound is ``exact`` or ``approx`` and whose mapped value is
   not 0. Bounds are left out: "at least 5" when the map shows 10 is not an understatement.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from quantitative.audit import Audit
from tracker.timeline import CONSENSUS, CONTESTED, HELD, ClaimFact, Lens, Period, lens_periods

TRACK_RECORD_DAYS = 14


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    """Whether the other sources confirmed one claim (None: they said nothing to judge by),
    and the lag in days when they did."""

    claim: int
    confirmed: bool | None
    lag_days: int | None = None


def _matches(period: Period, fact: ClaimFact) -> bool:
    if fact.status == CONTESTED:
        return period.status == CONTESTED
    return period.status == HELD and period.actor == fact.actor


def claim_outcome(
    fact: ClaimFact, others: Sequence[Period], *, days: int = TRACK_RECORD_DAYS
) -> ClaimOutcome:
    """Judge one claim against the other sources' periods of its district (rules 5 and 6)."""
    first, last = fact.day, fact.day + datetime.timedelta(days=days)
    overlapping = sorted(
        (p for p in others if p.start <= last and (p.end is None or p.end > first)),
        key=lambda p: p.start,
    )
    if not overlapping:
        return ClaimOutcome(fact.id, None)
    for period in overlapping:
        if _matches(period, fact):
            return ClaimOutcome(fact.id, True, (fact.day - period.start).days)
    return ClaimOutcome(fact.id, False)


def outcomes_judge(
    source_facts: Iterable[ClaimFact],
    other_facts: Iterable[ClaimFact],
    *,
    days: int = TRACK_RECORD_DAYS,
) -> list[ClaimOutcome]:
    """Judge each of a source's claims against the consensus of the other sources' claims."""
    others = lens_periods(other_facts, Lens(CONSENSUS))
    return [
        claim_outcome(fact, others.get(fact.district, []), days=days)
        for fact in source_facts
        if Lens(CONSENSUS).admits(fact)
    ]


def _median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


@dataclass(frozen=True)
class TrackRecord:
    """How a source's claims have held up: rules 5 to 7 of `quantitative.audit`."""

    source: str
    window_days: int
    claims_total: int  # its mapped district claims, not rejected or retracted
    claims_judged: int  # those the other sources said something about in the window
    claims_confirmed: int
    lag_days: list[int] = field(default_factory=list)
    quantitative_total: int = 0
    ratios: list[float] = field(default_factory=list)
    verdicts: dict[str, int] = field(default_factory=dict)
    outcomes: dict[int, ClaimOutcome] = field(default_factory=dict)  # by district claim id
    audits: dict[int, Audit] = field(default_factory=dict)  # by quantitative claim id

    @property
    def claims_unjudged(self) -> int:
        return self.claims_total - self.claims_judged

    @property
    def confirmed_share(self) -> float | None:
        return self.claims_confirmed / self.claims_judged if self.claims_judged else None

    @property
    def median_lag_days(self) -> float | None:
        return _median(self.lag_days)

    @property
    def median_ratio(self) -> float | None:
        return _median(self.ratios)
