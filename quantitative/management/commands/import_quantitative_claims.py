from common.commands import CsvImportCommand
from quantitative.imports import QuantitativeImportReport, quantitative_claims_import


class Command(CsvImportCommand):
    help = (
        "Import quantitative claims from a CSV file (date_from, date_to, scope, actor, measure, "
        "value, bound, source_org, source_stance, citation, quote, notes); scope is a region "
        "slug. All or nothing: one bad row rejects the file. Re-importing the same file adds "
        "nothing."
    )
    example = "tracker/data/aleppo_aggregate_claims_demo.csv"

    def run_import(self, path: str, *, dry_run: bool) -> QuantitativeImportReport:
        return quantitative_claims_import(path, dry_run=dry_run)
