from django.core.management.base import BaseCommand, CommandError

from tracker.backup import dataset_backup


class Command(BaseCommand):
    help = (
        "Write the whole dataset (districts, sources, claims, periods, users) to one file, "
        "readable by its owner only. Password hashes, API tokens and sessions are left out "
        "unless --include-credentials is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="e.g. var/backup-2016-12-22.xml.gz (.xml, .xml.gz, ...)")
        parser.add_argument(
            "--include-credentials",
            action="store_true",
            help="also write users' password hashes, API tokens (as digests) and sessions; "
            "a restore of such a file replaces every user",
        )

    def handle(self, *args, **options):
        credentials = options["include_credentials"]
        try:
            dataset_backup(options["file"], include_credentials=credentials)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        held = "with" if credentials else "without"
        self.stdout.write(f"Backed up to {options['file']} ({held} credentials).")
