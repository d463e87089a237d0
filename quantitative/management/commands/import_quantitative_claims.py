from django.core.management.base import BaseCommand, CommandError

from quantitative.imports import QuantitativeImportError, quantitative_claims_import


class Command(BaseCommand):
    help = (
        "Import quantitative claims from a CSV file (date_from, date_to, scope, actor, measure, "
        "value, bound, source_org, source_stance, citation, quote, notes); scope is a region "
        "slug. All or nothing: one bad row rejects the file. Re-importing the same file adds "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="UTF-8 CSV file, e.g. tracker/data/aleppo_aggregate_claims_demo.csv"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be created, writing nothing.",
        )

    def handle(self, *args, **options):
        try:
            report = quantitative_claims_import(options["file"], dry_run=options["dry_run"])
        except QuantitativeImportError as exc:
            raise CommandError(
                f"Nothing was imported: {len(exc.errors)} problem(s). Fix them and run again:\n  "
                + "\n  ".join(exc.errors)
            ) from exc
        self.stdout.write("\n".join(report.summary()))
