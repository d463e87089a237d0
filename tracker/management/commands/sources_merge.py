from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from sources.models import Source
from tracker.source_changes import SourceChangeError, source_lookup, sources_merge


class Command(BaseCommand):
    help = (
        "Merge source A into source B: A's documents, claims and quantitative claims move to B, "
        "A's name becomes an alias of B (re-imports naming A find B), A is deleted, and the "
        "lenses the moved claims touch are recomputed. A and B are slugs or names."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="A", help="the source to merge away (slug or name)")
        parser.add_argument("into", metavar="B", help="the source that stays (slug or name)")
        parser.add_argument(
            "--stance",
            choices=Source.Stance.values,
            help="the stance the merged source keeps, required when A's and B's differ",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would move; write nothing"
        )

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                source = source_lookup(options["source"], aliases=False)
                into = source_lookup(options["into"])
                if (
                    into.name.casefold() != options["into"].casefold()
                    and into.slug != (options["into"])
                ):
                    self.stdout.write(f"{options['into']!r} is an alias of {into.name!r}.")
                report = sources_merge(source=source, into=into, stance=options["stance"])
                if options["dry_run"]:
                    transaction.set_rollback(True)
        except (SourceChangeError, ValidationError) as exc:
            message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
            raise CommandError(message) from exc
        self.stdout.write("\n".join(report.summary()))
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written.")
