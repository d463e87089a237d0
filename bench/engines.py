"""Engine v2 (`tracker.timeline`) against engine v1 (`bench/engine_v1.py`, a frozen copy) on
the same claims, in Python only: no database in the timed part.

Both engines resolve every district in every lens, as a full rebuild does
(`services.timeline_rebuild`): consensus, each stance, each source with mapped claims. The
claims are read once (`selectors.claim_facts_batches`, as the rebuild reads them) and each
(district, lens) pair's admitted facts are chosen once by `Lens.admits`, before any timing, so
the timed loops differ only in the engine:

- v1: `engine_v1.periods_resolve(facts)`, on v1's own `ClaimFact` (the same fields, without
  `regional`);
- v2: `tracker.timeline.periods_resolve(facts, horizon_days=...)` with the setting's horizon.

The order of the engines rotates from run to run, so that a change in the machine's load
hits each. The
objects loaded beforehand are moved out of the garbage collector's sight (`gc.freeze`), as a
rebuild holds only one batch of districts at a time and its collections never scan the whole
record.

    python -m bench.engines --profile   # on DATABASE_URL's claims: cProfile of v2's resolve
"""

from __future__ import annotations

import cProfile
import datetime
import gc
import io
import pstats
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from bench import engine_v1 as v1
from tracker import timeline as v2


@dataclass
class Work:
    """Every (district, lens) pair with its admitted facts, for each engine."""

    v2: list[list[v2.ClaimFact]]
    v1: list[list[v1.ClaimFact]]
    facts: int
    districts: int
    lenses: int


def _v1_fact(f: v2.ClaimFact) -> v1.ClaimFact:
    return v1.ClaimFact(
        id=f.id,
        district=f.district,
        status=f.status,
        actor=f.actor,
        earliest=f.earliest,
        day=f.day,
        review=f.review,
        retracted=f.retracted,
        source=f.source,
        stance=f.stance,
        side=f.side,
    )


def work_load() -> Work:
    """Read every mapped claim and choose each lens's facts per district, as the rebuild does."""
    from tracker.selectors import claim_facts_batches, lenses_available

    lenses = {name: v2.Lens.parse(name) for name in lenses_available()}
    pairs_v2: list[list[v2.ClaimFact]] = []
    pairs_v1: list[list[v1.ClaimFact]] = []
    facts = districts = 0
    for batch in claim_facts_batches():
        for _district, district_facts in batch:
            districts += 1
            facts += len(district_facts)
            as_v1 = {f.id: _v1_fact(f) for f in district_facts}
            by_lens: dict[str, list[v2.ClaimFact]] = defaultdict(list)
            for fact in district_facts:
                for name in (v2.CONSENSUS, f"stance:{fact.stance}", f"source:{fact.source}"):
                    lens = lenses.get(name)
                    if lens is not None and lens.admits(fact):
                        by_lens[name].append(fact)
            for admitted in by_lens.values():
                pairs_v2.append(admitted)
                pairs_v1.append([as_v1[f.id] for f in admitted])
    return Work(pairs_v2, pairs_v1, facts, districts, len(lenses))


def _resolve_v1(work: Work, horizon_days: int) -> int:
    resolve = v1.periods_resolve
    return sum(len(resolve(facts)) for facts in work.v1)


def _resolve_v2(work: Work, horizon_days: int) -> int:
    resolve = v2.periods_resolve
    return sum(len(resolve(facts, horizon_days=horizon_days)) for facts in work.v2)


def periods_resolve_pruned(
    facts: list[v2.ClaimFact], *, horizon_days: int = v2.HORIZON_DAYS
) -> list[v2.Period]:
    """A PROPOSAL, not the engine: `tracker.timeline.periods_resolve` with one change, made
    here to measure it and to check that it changes no period.

    On each day the newest standing statement is that day's (a source spoke), so rule 4's
    cutoff, `day - horizon_days`, only moves forward: a standing statement older than it never
    counts again, in the weighing or in its fallback. Dropping such statements from `standing`
    as soon as they fall behind the cutoff keeps the weighing to the statements of the last
    `horizon_days` days instead of every source that ever spoke about the district.
    """
    by_day: dict = defaultdict(list)
    for fact in facts:
        by_day[fact.day].append(fact)
    horizon = datetime.timedelta(days=horizon_days)
    standing: dict[str, v2.Statement] = {}
    latest_by_position: dict = {}
    named_since = None
    periods: list[v2.Period] = []
    for day in sorted(by_day):
        claims = by_day[day]
        cutoff = day - horizon
        if any(s.day < cutoff for s in standing.values()):  # the change: drop the expired
            standing = {k: s for k, s in standing.items() if s.day >= cutoff}
        for statement in v2._statements_of_day(claims):
            standing[statement.source] = statement
        if any(not c.regional for c in claims):
            named_since = day
        verdict = v2.statements_weigh(
            standing.values(), horizon_days=horizon_days, named_since=named_since
        )
        current = periods[-1] if periods else None
        if current is None or current.state != verdict.state:
            if current is not None:
                current.end = day
            current = v2.Period(
                district=claims[0].district,
                status=verdict.status,
                actor=verdict.actor,
                actors=verdict.actors,
                start=day,
                end=None,
                start_earliest=v2._start_earliest(verdict, day, latest_by_position),
            )
            periods.append(current)
        current.support.extend(verdict.support_ids)
        current.contra.extend(verdict.contra_ids)
        current.report_days.extend(s.day for s in verdict.support)
        for claim in claims:
            latest_by_position[claim.position] = day
    for period in periods:
        period.support = sorted(set(period.support))
        period.contra = sorted(set(period.contra) - set(period.support))
        period.report_days = sorted(set(period.report_days))
    return periods


def _statement(claims: list[v2.ClaimFact]) -> v2.Statement:
    """`Statement.of`, with a short path for the usual case of one claim."""
    if len(claims) > 1:
        return v2.Statement.of(claims)
    c = claims[0]
    return v2.Statement(
        source=c.source,
        stance=c.stance,
        day=c.day,
        position=(c.status, c.actor),
        claims=(c,),
        review=v2.REVIEW_RANK.get(c.review, 0),
        against_interest=c.against_interest,
        side=c.side,
        regional=c.regional,
    )


def _weigh(
    standing: list[v2.Statement],
    day: datetime.date,
    horizon_days: int,
    named_since: datetime.date | None,
) -> v2.Verdict:
    """`statements_weigh` for `periods_resolve`, where the newest standing statement is always
    today's: when every counted statement takes one position, that position wins outright (no
    ranking, no admissions); otherwise the engine's own weighing decides."""
    cutoff = day - datetime.timedelta(days=horizon_days)
    counted = [
        s
        for s in standing
        if s.day >= cutoff and not (s.regional and named_since and s.day <= named_since)
    ]
    if not counted:
        counted = [s for s in standing if s.day >= cutoff]
    position = counted[0].position
    for s in counted:
        if s.position != position:
            return v2.statements_weigh(standing, horizon_days=horizon_days, named_since=named_since)
    status, actor = position
    return v2.Verdict(status, actor, (actor,) if actor else (), tuple(counted), ())


def periods_resolve_fast(
    facts: list[v2.ClaimFact], *, horizon_days: int = v2.HORIZON_DAYS
) -> list[v2.Period]:
    """A PROPOSAL, not the engine: `tracker.timeline.periods_resolve` with the same rules and
    output and less work a day (checked against it on every district and lens of the run):

    - expired standing statements are dropped as in `periods_resolve_pruned`;
    - a day's single claim becomes a statement without grouping (`_statement`);
    - the weighing skips ranking when the counted statements all say the same (`_weigh`);
    - a day's support and contra ids are appended unsorted (each period sorts and dedupes
      them once at the end anyway), instead of sorted tuples made every day.
    """
    by_day: dict = defaultdict(list)
    for fact in facts:
        by_day[fact.day].append(fact)
    horizon = datetime.timedelta(days=horizon_days)
    standing: dict[str, v2.Statement] = {}
    latest_by_position: dict = {}
    named_since = None
    periods: list[v2.Period] = []
    current = None
    for day in sorted(by_day):
        claims = by_day[day]
        cutoff = day - horizon
        for s in standing.values():
            if s.day < cutoff:
                standing = {k: s for k, s in standing.items() if s.day >= cutoff}
                break
        if len(claims) == 1:
            claim = claims[0]
            standing[claim.source] = _statement(claims)
            if not claim.regional:
                named_since = day
        else:
            by_source: dict[str, list[v2.ClaimFact]] = defaultdict(list)
            for claim in claims:
                by_source[claim.source].append(claim)
                if not claim.regional:
                    named_since = day
            for source, group in by_source.items():
                standing[source] = _statement(group)
        verdict = _weigh(list(standing.values()), day, horizon_days, named_since)
        state = (verdict.status, verdict.actor, verdict.actors)
        if current is None or current.state != state:
            if current is not None:
                current.end = day
            current = v2.Period(
                district=claims[0].district,
                status=verdict.status,
                actor=verdict.actor,
                actors=verdict.actors,
                start=day,
                end=None,
                start_earliest=v2._start_earliest(verdict, day, latest_by_position),
            )
            periods.append(current)
        support, report_days = current.support, current.report_days
        for s in verdict.support:
            report_days.append(s.day)
            for c in s.claims:
                support.append(c.id)
        contra = current.contra
        for s in verdict.contra:
            for c in s.claims:
                contra.append(c.id)
        for claim in claims:
            latest_by_position[claim.position] = day
    for period in periods:
        period.support = sorted(set(period.support))
        period.contra = sorted(set(period.contra) - set(period.support))
        period.report_days = sorted(set(period.report_days))
    return periods


def _resolve_v2_fast(work: Work, horizon_days: int) -> int:
    resolve = periods_resolve_fast
    return sum(len(resolve(facts, horizon_days=horizon_days)) for facts in work.v2)


def _resolve_v2_pruned(work: Work, horizon_days: int) -> int:
    resolve = periods_resolve_pruned
    return sum(len(resolve(facts, horizon_days=horizon_days)) for facts in work.v2)


PROPOSALS = {"v2-pruned": periods_resolve_pruned, "v2-fast": periods_resolve_fast}


def proposal_differences(
    work: Work, *, horizon_days: int, name: str = "v2-fast", every: int = 1
) -> tuple[int, int]:
    """Compare a proposal's periods (every field) with v2's on every `every`-th (district,
    lens) pair; return (pairs that differ, pairs compared)."""
    proposal = PROPOSALS[name]
    pairs = work.v2[::every]
    differ = sum(
        v2.periods_resolve(facts, horizon_days=horizon_days)
        != proposal(facts, horizon_days=horizon_days)
        for facts in pairs
    )
    return differ, len(pairs)


ENGINES: dict[str, Callable[[Work, int], int]] = {
    "v1": _resolve_v1,
    "v2": _resolve_v2,
    "v2-pruned": _resolve_v2_pruned,
    "v2-fast": _resolve_v2_fast,
}


def engines_compare(
    work: Work, *, horizon_days: int, runs: int, names: tuple[str, ...] = ("v1", "v2")
) -> dict:
    """Time each engine of `names` (v1, v2, and the proposal "v2-pruned") resolving all the
    work `runs` times, the order rotating each run; return the samples (seconds), the medians,
    the periods each made, each median over v1's (`ratios`) and v2's over v1's (`ratio`)."""
    gc.collect()
    gc.freeze()
    try:
        seconds: dict[str, list[float]] = {name: [] for name in names}
        periods: dict[str, int] = {}
        for k in range(runs):
            shift = k % len(names)
            for name in names[shift:] + names[:shift]:
                started = time.perf_counter()
                periods[name] = ENGINES[name](work, horizon_days)
                seconds[name].append(time.perf_counter() - started)
    finally:
        gc.unfreeze()
    medians = {name: statistics.median(samples) for name, samples in seconds.items()}
    ratios = {name: medians[name] / medians["v1"] for name in names if "v1" in medians}
    return {
        "seconds": {name: [round(t, 3) for t in samples] for name, samples in seconds.items()},
        "median_s": medians,
        "periods": periods,
        "ratios": ratios,
        "ratio": ratios.get("v2"),
        "pairs": len(work.v2),
        "facts": work.facts,
        "districts": work.districts,
        "lenses": work.lenses,
    }


def engine_profile(work: Work, *, horizon_days: int, engine: str = "v2", top: int = 30) -> str:
    """Return cProfile's top functions (by own time, then cumulative) for one engine's run."""
    profiler = cProfile.Profile()
    profiler.enable()
    ENGINES[engine](work, horizon_days)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> None:
    import argparse
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings.test")
    django.setup()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile v2 (and v1) once")
    parser.add_argument("--proposals", action="store_true", help="also check and time these")
    args = parser.parse_args()
    from tracker.services import horizon_days

    work = work_load()
    horizon = horizon_days()
    sys.stdout.write(
        f"{work.facts:,} facts, {work.districts:,} districts, {work.lenses} lenses, "
        f"{len(work.v2):,} (district, lens) pairs\n"
    )
    if args.profile:
        for engine in ("v2", "v1"):
            sys.stdout.write(
                f"\n==== {engine}\n" + engine_profile(work, horizon_days=horizon, engine=engine)
            )
    if args.proposals:
        for name in PROPOSALS:
            differ, compared = proposal_differences(work, horizon_days=horizon, name=name)
            sys.stdout.write(f"proposal {name}: {differ} of {compared} pairs differ from v2\n")
        if args.profile:
            sys.stdout.write(
                "\n==== v2-fast\n" + engine_profile(work, horizon_days=horizon, engine="v2-fast")
            )
    names = ("v1", "v2", *PROPOSALS) if args.proposals else ("v1", "v2")
    result = engines_compare(work, horizon_days=horizon, runs=args.runs, names=names)
    sys.stdout.write(f"{result}\n")


if __name__ == "__main__":
    main()
