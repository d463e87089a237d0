"""manage.py release_make: freeze the current record as the next citable release."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from releases.geopackage import GeoPackageError
from releases.services import ReleaseError, release_folder, release_make


class Command(BaseCommand):
    help = (
        "Freeze the current record as release N (the next number): the tables as CSV with "
        "datapackage.json, the GeoPackage, CITATION.cff, a changelog against release N-1 and "
        "SHA256SUMS, under TRACKER_RELEASE_DIR/N/."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            release = release_make()
        except (ReleaseError, GeoPackageError) as error:
            raise CommandError(str(error)) from error
        claims = release.changelog["claims"]
        counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in claims.items())
        self.stdout.write(
            f"Release {release.number} written to {release_folder(release.number)}: "
            f"{len(release.files)} files; claims {counts}; "
            f"{len(release.changelog['periods'])} district timelines changed."
        )
