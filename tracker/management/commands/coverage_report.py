"""`manage.py coverage_report`: the share of the city's area held, contested, disputed, stale and
unknown, step by step, with the worst day and the mean unknown (see `tracker.measure`)."""

from __future__ import annotations

import csv
import datetime

from django.core.management.base import BaseCommand, CommandError

from common.csvfile import cell_neutralise
from tracker.freshness import stale_after_days
from tracker.measure import (
    STALE,
    CoverageStep,
    coverage_between,
    coverage_summary,
    record_span,
)
from tracker.timeline import CONSENSUS, CONTESTED, DISPUTED, UNKNOWN, Lens, LensError


def _day(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"{value!r} is not a day written YYYY-MM-DD (e.g. 2016-12-22)."
        ) from None


def _pct(step: CoverageStep, area_m2: float) -> float:
    return 100.0 * step.share(area_m2)


class Command(BaseCommand):
    help = (
        "Print, every --step days, the share (%) of the city's area (the sum of the districts' "
        "areas) held by each side, contested, disputed, stale (newest supporting statement "
        "older than TRACKER_STALE_AFTER_DAYS) and unknown, then the worst day and the mean "
        "unknown share. 'unknown (incl. stale)' counts stale ground as unknown."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lens", default=CONSENSUS, help="Default consensus.")
        parser.add_argument("--from", dest="start", help="First day; default the lens's first.")
        parser.add_argument("--to", dest="end", help="Last day; default the lens's last change.")
        parser.add_argument("--step", type=int, default=1, help="Days between rows (default 1).")
        parser.add_argument("--csv", action="store_true", help="Write the rows as CSV.")
        parser.add_argument(
            "--summary", action="store_true", help="Print only the worst day and the means."
        )

    def handle(self, *args, **options):
        lens = options["lens"]
        try:
            Lens.parse(lens)
        except LensError as exc:
            raise CommandError(str(exc)) from None
        if options["step"] < 1:
            raise CommandError("--step must be a whole number of days, 1 or more.")
        span = record_span(lens=lens)
        if span is None and not (options["start"] and options["end"]):
            raise CommandError(
                f"The lens {lens!r} has no control periods: give --from and --to, or rebuild "
                "the timeline (manage.py rebuild_timeline)."
            )
        first, last = span or (None, None)  # None only when both days are given
        start = _day(options["start"]) if options["start"] else first
        end = _day(options["end"]) if options["end"] else last
        assert start is not None and end is not None
        if end < start:
            raise CommandError(f"--to ({end}) is before --from ({start}).")
        steps = coverage_between(lens=lens, start=start, end=end, step_days=options["step"])
        holders = sorted(
            {k for s in steps for k in s.stated_m2} - {CONTESTED, DISPUTED},
        )
        if options["csv"]:
            self._csv(steps, holders)
            return
        total_km2 = steps[0].total_m2 / 1e6 if steps else 0.0
        self.stdout.write(
            f"Coverage of lens {lens}, {start} to {end}, every {options['step']} day(s); city "
            f"area {total_km2:.1f} km² (sum of the districts' areas); a state is stale when its "
            f"newest supporting statement is more than {stale_after_days()} days old."
        )
        if not options["summary"]:
            self._table(steps, holders)
        self._summary(steps)

    def _row(self, step: CoverageStep, holders: list[str]) -> list[float]:
        fresh = step.fresh_m2
        return [
            *(_pct(step, fresh.get(h, 0.0)) for h in holders),
            _pct(step, fresh.get(CONTESTED, 0.0)),
            _pct(step, fresh.get(DISPUTED, 0.0)),
            _pct(step, step.stale_total_m2),
            _pct(step, step.unknown_m2),
            _pct(step, step.unknown_incl_stale_m2),
        ]

    def _columns(self, holders: list[str]) -> list[str]:
        return [*holders, CONTESTED, DISPUTED, STALE, UNKNOWN, "unknown (incl. stale)"]

    def _table(self, steps: list[CoverageStep], holders: list[str]) -> None:
        columns = self._columns(holders)
        widths = [max(len(c), 6) for c in columns]
        self.stdout.write(
            "Shares of the city's area (%); held, contested and disputed count fresh states only."
        )
        self.stdout.write(
            "day         " + "  ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True))
        )
        for step in steps:
            values = self._row(step, holders)
            cells = "  ".join(f"{v:.1f}".rjust(w) for v, w in zip(values, widths, strict=True))
            self.stdout.write(f"{step.day}  {cells}")

    def _summary(self, steps: list[CoverageStep]) -> None:
        summary = coverage_summary(steps)
        if summary.worst is None:
            self.stdout.write("No day in the range.")
            return
        worst = summary.worst
        self.stdout.write(
            f"Worst day: {worst.day}: unknown (incl. stale) "
            f"{_pct(worst, worst.unknown_incl_stale_m2):.1f}% (unknown "
            f"{_pct(worst, worst.unknown_m2):.1f}%, stale {_pct(worst, worst.stale_total_m2):.1f}%)."
        )
        self.stdout.write(
            f"Mean over {len(steps)} step(s): unknown (incl. stale) "
            f"{100 * summary.mean_unknown_incl_stale_share:.1f}%, unknown "
            f"{100 * summary.mean_unknown_share:.1f}%, stale {100 * summary.mean_stale_share:.1f}%."
        )

    def _csv(self, steps: list[CoverageStep], holders: list[str]) -> None:
        writer = csv.writer(self.stdout, lineterminator="\n")
        names = [*holders, CONTESTED, DISPUTED, STALE, UNKNOWN, "unknown_incl_stale"]
        rows = [["day", *(f"{n}_pct" for n in names)]]
        for step in steps:
            rows.append([step.day.isoformat(), *(f"{v:.3f}" for v in self._row(step, holders))])
        writer.writerows([cell_neutralise(cell) for cell in row] for row in rows)
