from django.core.management.base import BaseCommand, CommandError

from tracker.imports import ClaimImportError, claims_import


class Command(BaseCommand):
    help = (
        "Import claims from a CSV file (date, date_precision, district_en, claimed_controller, "
        "claim_type, source_org, source_stance, citation, quote, notes). All or nothing: one "
        "bad row rejects the file. Re-importing the same file adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="UTF-8 CSV file, e.g. tracker/data/aleppo_claims_demo.csv")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be created, writing nothing.",
        )

    def handle(self, *args, **options):
        try:
            report = claims_import(options["file"], dry_run=options["dry_run"])
        except ClaimImportError as exc:
            raise CommandError(
                f"Nothing was imported: {len(exc.errors)} problem(s). Fix them and run again:\n  "
                + "\n  ".join(exc.errors)
            ) from exc
        self.stdout.write("\n".join(report.summary()))
