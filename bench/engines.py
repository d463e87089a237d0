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


ENGINES: dict[str, Callable[[Work, int], int]] = {
    "v1": _resolve_v1,
    "v2": _resolve_v2,
}


def engines_compare(
    work: Work, *, horizon_days: int, runs: int, names: tuple[str, ...] = ("v1", "v2")
) -> dict:
    """Time each engine of `names` (v1, v2) resolving all the
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

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="cProfile v2 (and v1) once")
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
    result = engines_compare(work, horizon_days=horizon, runs=args.runs, names=("v1", "v2"))
    sys.stdout.write(f"{result}\n")


if __name__ == "__main__":
    main()
