from django.core.management.base import BaseCommand

from tracker.services import timeline_rebuild


class Command(BaseCommand):
    help = "Recompute every control period of every lens from the claims."

    def handle(self, *args, **options):
        counts = timeline_rebuild()
        for lens, count in counts.items():
            self.stdout.write(f"{lens:<60} {count:>7} periods")
        self.stdout.write(f"{len(counts)} lenses, {sum(counts.values())} periods in all.")
