from common.commands import CsvImportCommand
from tracker.imports import ClaimImportReport, claims_import


class Command(CsvImportCommand):
    help = (
        "Import claims from a CSV file (date, date_precision, district_en, claimed_controller, "
        "claim_type, source_org, source_stance, citation, quote, notes). All or nothing: one "
        "bad row rejects the file. Re-importing the same file adds nothing. On a terminal, a "
        "progress bar on stderr shows the claims written and the districts recomputed."
    )
    example = "tracker/data/aleppo_claims_demo.csv"

    def run_import(self, path: str, *, dry_run: bool) -> ClaimImportReport:
        return claims_import(path, dry_run=dry_run, progress=self.progress_bar())
