from django.core.management.base import BaseCommand, CommandError

from tracker.backup import dataset_restore


class Command(BaseCommand):
    help = (
        "Replace the whole dataset with a file written by backup_data. Runs in one "
        "transaction: if the file does not load, nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file written by backup_data")

    def handle(self, *args, **options):
        try:
            dataset_restore(options["file"])
        except Exception as exc:  # report any failure; the transaction kept the data intact
            raise CommandError(f"Nothing was restored: {exc}") from exc
        self.stdout.write(f"Restored from {options['file']}.")
