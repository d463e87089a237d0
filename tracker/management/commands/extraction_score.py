"""`manage.py extraction_score`: recall and precision of the claim proposer on the test set."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tracker.extraction_index import indexes_load
from tracker.extraction_score import HOLDOUT, holdout_score


class Command(BaseCommand):
    help = (
        "Propose claims from each quote of the extraction test set (a third of the shipped "
        "quotes, set aside before the rules were written) and print recall (coded rows matched) "
        "and precision (proposals matching a coded row); see tracker/extraction_score.py."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--file", default=str(HOLDOUT), help="A claims CSV to score on.")
        parser.add_argument(
            "--min", type=float, default=0.0, help="Fail when recall or precision is below (%%)."
        )
        parser.add_argument(
            "--list",
            action="store_true",
            help="Also list each quote's missed rows and wrong proposals (a development file "
            "only: the test set is scored, never read).",
        )

    def handle(self, *args, **options) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        listing: list[str] | None = None
        if options["list"]:
            if path.resolve() == HOLDOUT.resolve():
                raise CommandError(
                    "The test set is scored, never listed: rules written from its quotes would "
                    "make its figures worthless. List a development file (--file)."
                )
            listing = []
        score = holdout_score(indexes_load(), path, listing)
        if listing:
            self.stdout.write("\n".join(listing) + "\n")
        self.stdout.write(
            f"coded rows {score.coded} (and {score.unmapped} naming no polygon, not counted); "
            f"matched {score.matched}\n"
            f"proposals {score.proposals}; matching a coded row {score.correct}\n"
            f"recall {100 * score.recall:.1f}%  precision {100 * score.precision:.1f}%\n"
            f"apart, not the defined recall: of the {score.named} coded rows whose quote names "
            f"their place, {score.named_matched} matched ({100 * score.named_recall:.1f}%)\n"
            f"apart, district and holder only (any days): recall "
            f"{100 * score.place_holder_recall:.1f}% ({score.place_holder_matched} of "
            f"{score.coded}), precision {100 * score.place_holder_precision:.1f}% "
            f"({score.place_holder_correct} of {score.proposals})\n"
            f"coded rows missed, by why: {_kinds(score.missed_why)}\n"
            f"proposals matching none, by why: {_kinds(score.wrong_why)}\n"
            f"apart, still wrong above: of the {score.proposals - score.correct} proposals "
            f"matching no row of their quote, {score.coded_elsewhere} agree with a row another "
            f"quote codes ({score.coded_elsewhere_same_article} of them a quote of the same "
            "article)"
        )
        floor = options["min"] / 100
        if score.recall < floor or score.precision < floor:
            raise CommandError(f"below {options['min']}%")


def _kinds(counts) -> str:
    return ", ".join(f"{kind} {n}" for kind, n in counts.most_common()) or "none"
