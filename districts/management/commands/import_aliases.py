from django.core.management.base import BaseCommand, CommandError

from common.csvfile import ImportFileError
from districts.name_import import aliases_import


class Command(BaseCommand):
    help = (
        "Load a curated table of spellings, each naming one district or one region, from a CSV "
        "file with columns name,district_or_region,target_slug,note."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV table, e.g. districts/data/aleppo_aliases.csv")

    def handle(self, *args, **options):
        try:
            report = aliases_import(options["file"])
        except ImportFileError as exc:
            raise CommandError(
                "Nothing was imported. Fix these rows and run again:\n  " + "\n  ".join(exc.errors)
            ) from exc
        self.stdout.write("\n".join(report.summary()))
