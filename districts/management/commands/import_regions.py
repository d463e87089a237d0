from django.core.management.base import BaseCommand, CommandError

from common.csvfile import ImportFileError
from districts.name_import import regions_import


class Command(BaseCommand):
    help = (
        "Create or update regions (named sets of districts) and their spellings from a CSV "
        "table with columns slug,name_en,name_ar,districts,aliases,note."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV table, e.g. districts/data/aleppo_regions.csv")

    def handle(self, *args, **options):
        try:
            report = regions_import(options["file"])
        except ImportFileError as exc:
            raise CommandError(
                "Nothing was imported. Fix these rows and run again:\n  " + "\n  ".join(exc.errors)
            ) from exc
        self.stdout.write("\n".join(report.summary()))
