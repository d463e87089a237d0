from django.core.management.base import BaseCommand, CommandError

from districts.polygon_import import DistrictImportError, districts_import


class Command(BaseCommand):
    help = "Create or update districts (and their names) from a GeoJSON FeatureCollection."

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help="GeoJSON FeatureCollection of Polygon/MultiPolygon features"
        )

    def handle(self, *args, **options):
        try:
            report = districts_import(options["file"])
        except DistrictImportError as exc:
            raise CommandError(
                "Nothing was imported. Fix these features and run again:\n  "
                + "\n  ".join(exc.errors)
            ) from exc
        self.stdout.write(
            f"Districts: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged; {report.aliases_created} names added."
        )
        for name, slugs in sorted(report.ambiguous_names.items()):
            self.stdout.write(
                f"  Name {name!r} is shared by {', '.join(slugs)}: not an alias of one district "
                "(claim it in the region table or the curated alias table)."
            )
