from django.core.management.base import BaseCommand, CommandError

from tracker.backup import dataset_backup


class Command(BaseCommand):
    help = "Write the whole dataset (districts, sources, claims, periods, users) to one file."

    def add_arguments(self, parser):
        parser.add_argument("file", help="e.g. var/backup-2016-12-22.xml.gz (.xml, .xml.gz, ...)")

    def handle(self, *args, **options):
        try:
            dataset_backup(options["file"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backed up to {options['file']}.")
