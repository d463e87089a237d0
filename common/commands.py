"""What every CSV import command does alike: one file, `--dry-run`, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from common.csvfile import ImportFileError, ImportReport


class CsvImportCommand(BaseCommand):
    """A command that imports one CSV file through `run_import`; a rejected file is a
    CommandError listing every problem, and nothing is written."""

    example = ""  # a file to name in the help, e.g. tracker/data/aleppo_claims_demo.csv

    def run_import(self, path: str, *, dry_run: bool) -> ImportReport:
        raise NotImplementedError

    def progress_bar(self) -> Callable[[str, int, int], None] | None:
        """Return a progress bar drawn on stderr if it is a terminal (else None: logs and
        pipes get only the summary): `bar(stage, done, total)` redraws the stage's line."""
        if not self.stderr.isatty():
            return None
        width = 30

        def bar(stage: str, done: int, total: int) -> None:
            filled = width * done // max(total, 1)
            self.stderr.write(
                f"\r{stage:<8} [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}",
                ending="\n" if done >= total else "",
            )
            self.stderr.flush()

        return bar

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=f"UTF-8 CSV file, e.g. {self.example}")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Check the file and report what would be created, writing nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = self.run_import(options["file"], dry_run=options["dry_run"])
        except ImportFileError as exc:
            raise CommandError(
                f"Nothing was imported: {len(exc.errors)} problem(s). Fix them and run again:\n  "
                + "\n  ".join(exc.errors)
            ) from exc
        self.stdout.write("\n".join(report.summary()))
