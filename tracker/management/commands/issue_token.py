from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tracker.tokens import api_token_issue


class Command(BaseCommand):
    help = (
        "Issue an API token for a user and print its key once (only a digest is stored). "
        "Clients send it as 'Authorization: Token <key>'."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="what the token is for, e.g. 'import bot'")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="days until it expires (default: the setting TRACKER_TOKEN_TTL_DAYS)",
        )

    def handle(self, *args, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: options["username"]})
        except User.DoesNotExist as exc:
            raise CommandError(f"No user named {options['username']!r}.") from exc
        if options["days"] is not None and options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        token, key = api_token_issue(user=user, name=options["name"], days=options["days"])
        self.stderr.write(
            f"Token for {user} (expires {token.expires:%Y-%m-%d}). It is shown only now: "
            "store it where the client reads it."
        )
        self.stdout.write(key)
