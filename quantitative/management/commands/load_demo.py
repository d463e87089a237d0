from django.core.management.base import BaseCommand, CommandError

from common.csvfile import ImportFileError
from quantitative.demo import demo_load
from tracker.source_changes import SourceChangeError


class Command(BaseCommand):
    help = (
        "Load the Aleppo demo data: districts, regions, curated spellings and claims. "
        "Idempotent: running it again changes nothing."
    )

    def handle(self, *args, **options):
        try:
            report = demo_load()
        except ImportFileError as exc:
            raise CommandError(
                "The demo data could not be loaded:\n  " + "\n  ".join(exc.errors)
            ) from exc
        except SourceChangeError as exc:
            raise CommandError(f"The demo's source cleanup could not be applied: {exc}") from exc
        districts = report.districts
        self.stdout.write(
            f"Districts: {len(districts.created)} created, {len(districts.updated)} updated, "
            f"{len(districts.unchanged)} unchanged."
        )
        for lines in (
            report.regions.summary(),
            report.aliases.summary(),
            report.claims.summary(),
            *(record.summary() for record in report.record),
            report.quantitative.summary(),
            report.sources.summary(),
        ):
            self.stdout.write("\n".join(lines))
        if not report.changed:
            self.stdout.write("The demo data was already loaded: nothing changed.")
