"""`manage.py compare_reference FILE.csv`: how far a lens agrees with a published reference
assessment, per date and overall (definitions in `tracker.agreement` and docs/measuring.md)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from tracker.agreement import Comparison, ReferenceFileError, Tally, Verdict, reference_compare
from tracker.freshness import stale_after_days
from tracker.timeline import CONSENSUS, Lens, LensError


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f}%"


def _tool_text(verdict: Verdict) -> str:
    tool = verdict.tool
    text = tool.label
    if tool.actors and tool.status != "held":
        text += f" [{', '.join(tool.actors)}]"
    if tool.since:
        text += f" since {tool.since}"
    if tool.last_reported:
        text += f", last reported {tool.last_reported}"
    if tool.stale:
        text += " (stale)"
    return text


def _reference_text(verdict: Verdict) -> str:
    return ", ".join(f"{h} ({e})" for h, e in sorted(verdict.entry.holders.items()))


class Command(BaseCommand):
    help = (
        "Compare a lens with a reference assessment: a CSV with the columns date, district, "
        "controller, extent (all|most|part|unclear) and optionally confidence; other columns "
        "are ignored. Prints strict and lenient agreement and coverage per date and overall, a "
        "confusion table, and each disagreement with the claims behind the tool's state."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 CSV reference file.")
        parser.add_argument("--lens", default=CONSENSUS, help="Default consensus.")
        parser.add_argument(
            "--min-agreement",
            type=float,
            help="Exit with status 1 when the overall strict agreement is below this percent.",
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON document.")

    def handle(self, *args, **options):
        lens = options["lens"]
        try:
            Lens.parse(lens)
        except LensError as exc:
            raise CommandError(str(exc)) from None
        try:
            comparison = reference_compare(options["file"], lens=lens)
        except ReferenceFileError as exc:
            raise CommandError(
                f"The reference was not compared: {len(exc.errors)} problem(s). Fix them and run "
                "again:\n  " + "\n  ".join(exc.errors)
            ) from exc
        if options["json"]:
            self.stdout.write(json.dumps(self._document(comparison, options["file"]), indent=2))
        else:
            self._text(comparison, options["file"])
        wanted = options["min_agreement"]
        if wanted is not None:
            strict = comparison.overall.strict_percent
            if strict is None or strict < wanted:
                raise CommandError(
                    f"Strict agreement {_pct(strict)} is below the required {wanted:g}% "
                    f"(lens {lens}, {comparison.overall.stated} stated district-days)."
                )

    # ---- text ------------------------------------------------------------------------------

    def _tally_line(self, name: str, tally: Tally) -> str:
        return (
            f"{name:<12}{tally.total:>14}{tally.stated:>8}{_pct(tally.coverage_percent):>10}"
            f"{_pct(tally.strict_percent):>9}{_pct(tally.lenient_percent):>9}{tally.stale:>7}"
        )

    def _text(self, comparison: Comparison, file: str) -> None:
        write = self.stdout.write
        overall = comparison.overall
        write(
            f"Reference {file} against lens {comparison.lens}: {overall.total} district-day(s) on "
            f"{len(comparison.by_day)} date(s); a state is stale after {stale_after_days()} days."
        )
        write(
            "Agreement is over the district-days on which the tool states something (stale "
            "states included); coverage is the share of district-days it states something on."
        )
        write("")
        write(
            f"{'date':<12}{'district-days':>14}{'stated':>8}{'coverage':>10}{'strict':>9}"
            f"{'lenient':>9}{'stale':>7}"
        )
        for day, tally in sorted(comparison.by_day.items()):
            write(self._tally_line(day.isoformat(), tally))
        write(self._tally_line("overall", overall))
        write("")
        self._confusion(comparison)
        write("")
        disagreements = comparison.disagreements
        write(f"Disagreements (strict), {len(disagreements)}:")
        for verdict in disagreements:
            entry = verdict.entry
            lines = ", ".join(str(n) for n in entry.lines)
            write(
                f"- {entry.day} {entry.district} (line {lines}): reference {_reference_text(verdict)}"
                f"; tool {_tool_text(verdict)}; lenient: {'agrees' if verdict.lenient else 'no'}"
            )
            for claim_id in verdict.tool.claims:
                note = comparison.claims.get(claim_id)
                if note is None:
                    continue
                write(
                    f"    claim {note.id} by {note.source} on {note.day}: {note.position}"
                    + (f' "{note.quote}"' if note.quote else "")
                )

    def _confusion(self, comparison: Comparison) -> None:
        rows = sorted({r for r, _ in comparison.confusion})
        columns = sorted({t for _, t in comparison.confusion})
        width = max([len("reference \\ tool"), *(len(r) for r in rows)]) + 2
        cells = [max(len(c), 5) + 2 for c in columns]
        self.stdout.write("Confusion table (district-days; rows: reference, columns: tool):")
        self.stdout.write(
            "reference \\ tool".ljust(width)
            + "".join(c.rjust(w) for c, w in zip(columns, cells, strict=True))
        )
        for r in rows:
            counts = (str(comparison.confusion.get((r, c), 0)) for c in columns)
            self.stdout.write(
                r.ljust(width) + "".join(n.rjust(w) for n, w in zip(counts, cells, strict=True))
            )

    # ---- json ------------------------------------------------------------------------------

    def _document(self, comparison: Comparison, file: str) -> dict:
        return {
            "file": str(file),
            "lens": comparison.lens,
            "stale_after_days": stale_after_days(),
            "overall": comparison.overall.as_dict(),
            "by_date": {
                day.isoformat(): tally.as_dict() for day, tally in sorted(comparison.by_day.items())
            },
            "confusion": [
                {"reference": r, "tool": t, "district_days": n}
                for (r, t), n in sorted(comparison.confusion.items())
            ],
            "disagreements": [
                {
                    "date": v.entry.day.isoformat(),
                    "district": v.entry.district,
                    "lines": list(v.entry.lines),
                    "reference": dict(sorted(v.entry.holders.items())),
                    "tool": {
                        "status": v.tool.status,
                        "actor": v.tool.actor,
                        "actors": list(v.tool.actors),
                        "since": v.tool.since.isoformat() if v.tool.since else None,
                        "last_reported": (
                            v.tool.last_reported.isoformat() if v.tool.last_reported else None
                        ),
                        "stale": v.tool.stale,
                    },
                    "lenient": v.lenient,
                    "claims": [
                        {
                            "id": n.id,
                            "source": n.source,
                            "day": n.day.isoformat(),
                            "position": n.position,
                            "quote": n.quote,
                        }
                        for n in (comparison.claims.get(i) for i in v.tool.claims)
                        if n is not None
                    ],
                }
                for v in comparison.disagreements
            ],
        }
