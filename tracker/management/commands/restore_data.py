import sys

from django.core.management.base import BaseCommand, CommandError

from tracker.backup import dataset_restore, restore_plan


class Command(BaseCommand):
    help = (
        "Replace the dataset with a file written by backup_data. First lists what it replaces "
        "(rows per table; whether users are replaced or kept) and asks for --yes, or for 'yes' "
        "at a terminal. Runs in one transaction: if the file does not load, nothing changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a file written by backup_data")
        parser.add_argument(
            "--yes", action="store_true", help="replace without asking (for scripts)"
        )

    def handle(self, *args, **options):
        try:
            plan = restore_plan(options["file"])
        except Exception as exc:  # an unreadable file: nothing was touched
            raise CommandError(f"Nothing was restored: {exc}") from exc
        self.stdout.write(plan.describe())
        if not options["yes"] and not self._confirmed():
            raise CommandError("Nothing was restored: run again with --yes to replace the data.")
        try:
            dataset_restore(options["file"], plan=plan)
        except Exception as exc:  # report any failure; the transaction kept the data intact
            raise CommandError(f"Nothing was restored: {exc}") from exc
        self.stdout.write(f"Restored from {options['file']}.")

    def _confirmed(self) -> bool:
        if not sys.stdin.isatty():
            return False
        return input("Type 'yes' to replace the data: ").strip().lower() == "yes"
