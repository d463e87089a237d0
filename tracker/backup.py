"""Back up the whole dataset to one file, and restore it, on either database engine.

The backup is Django's XML serialization (geometries as WKT with their SRID; XML because
Django's JSON encoder rounds timestamps to milliseconds) of every app that holds data, with
natural keys for users, groups, permissions and content types so it loads into any freshly
migrated database.

Rules:
- Credentials stay out unless asked for (`include_credentials`): by default the users are
  written without their password hashes (an unusable password instead), and API tokens and
  sessions not at all.
- The file is readable by its owner only (mode 0600): it is written to a private temporary
  file beside the target, then renamed, so a failed backup leaves no partial file either.
- A restore first says what it will replace (`restore_plan`); the caller asks for consent.
- A restore replaces the data in one transaction: if the file is unreadable or does not
  load, nothing changes. A backup that holds credentials replaces the users, their tokens
  and sessions too; one without keeps the users already here (a user named in the backup
  but missing here is added, without a password, so the records that name them load).
"""

from __future__ import annotations

import bz2
import datetime
import gzip
import io
import lzma
import os
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO
from xml.dom import pulldom
from xml.dom.minidom import Element

from django.apps import apps
from django.contrib.auth.hashers import is_password_usable, make_password
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.base import DeserializedObject
from django.core.serializers.xml_serializer import DefusedExpatParser
from django.core.serializers.xml_serializer import Deserializer as XMLDeserializer
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils.dateparse import parse_datetime

BACKUP_SUFFIXES = (".xml", ".xml.gz", ".xml.bz2", ".xml.xz")
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}

# The apps whose rows a backup holds; `quantitative` (quantitative claims) sits above this
# module's app and is named, not imported.
DATA_APPS = ["districts", "sources", "tracker", "quantitative"]
# Models that moved to another app since older backups were written: old label -> new label.
MOVED_MODELS = {
    "tracker.quantitativeclaim": "quantitative.quantitativeclaim",
    "tracker.historicalquantitativeclaim": "quantitative.historicalquantitativeclaim",
}
ACCOUNT_MODELS = ["auth.group", "auth.user"]
# Rows that let someone in: written only with include_credentials (users always are, but
# their password hashes only then).
CREDENTIAL_MODELS = ["tracker.apitoken", "sessions.session"]
LEGACY_TOKEN_MODEL = "authtoken.token"  # noqa: S105 - a model label. Plain-text API keys in backups of before the hashing

# Tables emptied before a restore: the data apps, the admin log and, when the backup holds
# credentials, the accounts. Content types, permissions and the migration record stay, as a
# fresh migrate made them.
FLUSHED_APPS = {*DATA_APPS, "admin"}
ACCOUNT_APPS = {"auth", "sessions"}
KEPT_MODELS = {"auth.permission"}


def _opener(path: Path | str):
    """Open a backup (a path or a binary file) as text, compressed as its name says."""
    return _OPENERS.get(Path(path).suffix, _plain)


def _plain(file, mode: str, encoding: str):
    if isinstance(file, str | Path):
        return open(file, mode, encoding=encoding)  # noqa: SIM115 - the caller closes it
    return io.TextIOWrapper(file, encoding=encoding)


def _backup_models(include_credentials: bool) -> list:
    labels = {*ACCOUNT_MODELS, *(CREDENTIAL_MODELS if include_credentials else [])}
    credentials = set(CREDENTIAL_MODELS)
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.label_lower in labels
        or (model._meta.app_label in DATA_APPS and model._meta.label_lower not in credentials)
    ]
    return serializers.sort_dependencies([(None, chosen)], allow_cycles=True)


def _records(models: list, include_credentials: bool) -> Iterator:
    for model in models:
        rows = model._default_manager.order_by(model._meta.pk.name).iterator()
        if model._meta.label_lower != "auth.user" or include_credentials:
            yield from rows
            continue
        for user in rows:
            user.password = make_password(None)
            yield user


def dataset_backup(path: Path | str, *, include_credentials: bool = False) -> None:
    """Write every record to `path` (XML; compressed when it ends in .gz, .bz2 or .xz),
    readable by its owner only; password hashes, tokens and sessions only when asked."""
    if not str(path).endswith(BACKUP_SUFFIXES):
        raise ValueError(f"Name the backup file ending in one of {', '.join(BACKUP_SUFFIXES)}.")
    target = Path(path)
    fd, temporary = tempfile.mkstemp(  # mode 0600, whatever the umask
        prefix=f".{target.name}.", suffix="".join(target.suffixes), dir=target.parent
    )
    try:
        with os.fdopen(fd, "wb") as raw, _opener(target)(raw, "wt", encoding="utf-8") as out:
            models = _backup_models(include_credentials)
            serializers.serialize(
                "xml",
                _records(models, include_credentials),
                stream=out,
                use_natural_foreign_keys=True,
            )
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class LegacyToken:
    """A plain-text key from a backup of before the hashing; restored as a digest."""

    key: str
    username: str
    created: datetime.datetime | None


def _text(node) -> str:
    return "".join(child.data for child in node.childNodes if child.nodeType == child.TEXT_NODE)


def _fields(node) -> dict[str, str]:
    """An <object>'s fields as text; a reference by natural key gives its first part."""
    values = {}
    for element in node.getElementsByTagName("field"):
        natural = element.getElementsByTagName("natural")
        values[element.getAttribute("name")] = _text(natural[0] if natural else element)
    return values


class _BackupDeserializer(XMLDeserializer):
    """Django's XML deserializer that also reads older backups: their plain-text tokens, and
    the rows of models that moved app since (`MOVED_MODELS`)."""

    # A private method of Django's deserializer, which django-stubs does not list.
    def _handle_object(self, node):
        moved = MOVED_MODELS.get(node.getAttribute("model").lower())
        if moved:
            node.setAttribute("model", moved)
        if node.getAttribute("model") != LEGACY_TOKEN_MODEL:
            return super()._handle_object(node)  # type: ignore[misc]
        fields = _fields(node)
        return LegacyToken(
            key=node.getAttribute("pk"),
            username=fields.get("user", ""),
            created=parse_datetime(fields.get("created", "")),
        )


@contextmanager
def _opened(path: Path | str) -> Iterator[IO[str]]:
    with _opener(path)(path, "rt", encoding="utf-8") as stream:
        yield stream


def _survey(path: Path | str) -> tuple[Counter, list[str], bool]:
    """Read the file once without touching the database: rows per model, the usernames, and
    whether it holds credentials (a password hash, a token or a session)."""
    counts: Counter = Counter()
    usernames, credentials = [], False
    with _opened(path) as stream:
        # Django's hardened parser: no custom or external entities.
        events = pulldom.parse(stream, DefusedExpatParser())  # noqa: S319
        for event, node in events:
            if not (
                event == "START_ELEMENT" and isinstance(node, Element) and node.nodeName == "object"
            ):
                continue
            # typeshed types the node a Document; pulldom expands any node.
            events.expandNode(node)  # type: ignore[arg-type]
            label = node.getAttribute("model").lower()
            label = MOVED_MODELS.get(label, label)
            counts[label] += 1
            if label in (*CREDENTIAL_MODELS, LEGACY_TOKEN_MODEL):
                credentials = True
            elif label == "auth.user":
                fields = _fields(node)
                usernames.append(fields.get("username", ""))
                credentials = credentials or is_password_usable(fields.get("password"))
    return counts, usernames, credentials


@dataclass
class RestorePlan:
    """What a restore of one file will do: rows now and in the backup, per table."""

    path: Path
    credentials: bool
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    users_added: list[str] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"Restoring {self.path} replaces, per table (rows now -> rows in the backup):"]
        width = max(map(len, self.counts), default=0)
        for label, (now, backup) in sorted(self.counts.items()):
            lines.append(f"  {label:<{width}}  {now:>7} -> {backup}")
        if self.credentials:
            lines.append(
                "The backup holds credentials: every user, with password hashes, API tokens "
                "and sessions, is replaced by the backup's."
            )
        else:
            lines.append(
                "The backup holds no credentials: the users here, their passwords, API "
                "tokens and sessions are kept."
            )
            if self.users_added:
                lines.append(
                    f"Users named in the backup and missing here are added without a "
                    f"password (an administrator sets one): {', '.join(self.users_added)}."
                )
        return "\n".join(lines)


def _flushed_models(credentials: bool) -> list:
    flushed_apps = FLUSHED_APPS | (ACCOUNT_APPS if credentials else set())
    kept = KEPT_MODELS | (set() if credentials else set(CREDENTIAL_MODELS))
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in flushed_apps
        and model._meta.label_lower not in kept
        and model._meta.managed
    ]


def restore_plan(path: Path | str) -> RestorePlan:
    """Read `path` and say what restoring it replaces; change nothing."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No backup at {path}; give the file `backup_data` wrote.")
    in_backup, usernames, credentials = _survey(path)
    in_backup["tracker.apitoken"] += in_backup.pop(LEGACY_TOKEN_MODEL, 0)
    plan = RestorePlan(path=path, credentials=credentials)
    for model in _flushed_models(credentials):
        if not model._meta.auto_created:
            label = model._meta.label_lower
            plan.counts[label] = (model._default_manager.count(), in_backup[label])
    if not credentials:
        user_model = apps.get_model("auth", "user")
        here = set(user_model.objects.values_list("username", flat=True))
        plan.users_added = sorted(set(usernames) - here)
    return plan


def _account_kept(obj: DeserializedObject) -> bool:
    """Without credentials, a user or group already here (same name) stays as it is; a new one
    gets a new id (the records name users and groups by their natural key, not their id)."""
    account = obj.object
    assert isinstance(account, User | Group)  # the caller passes ACCOUNT_MODELS only
    model = type(account)
    try:
        model.objects.get_by_natural_key(*account.natural_key())
    except model.DoesNotExist:
        obj.object.pk = None
        return False
    return True


@transaction.atomic
def dataset_restore(path: Path | str, *, plan: RestorePlan | None = None) -> RestorePlan:
    """Replace the records with those in `path` (`restore_plan` says which); on any error,
    keep what was there."""
    from tracker.tokens import legacy_token_restore

    plan = plan or restore_plan(path)
    tables = [model._meta.db_table for model in _flushed_models(plan.credentials)]
    connection.ops.execute_sql_flush(
        connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    )
    loaded, deferred = set(), []
    # The backup holds the history itself: loading must not write history of its own.
    with (
        override_settings(SIMPLE_HISTORY_ENABLED=False),
        connection.constraint_checks_disabled(),
        _opened(plan.path) as stream,
    ):
        for obj in _BackupDeserializer(stream, handle_forward_references=True):
            if isinstance(obj, LegacyToken):
                if plan.credentials:
                    legacy_token_restore(obj.key, username=obj.username, created=obj.created)
                continue
            if (
                not plan.credentials
                and obj.object._meta.label_lower in ACCOUNT_MODELS
                and _account_kept(obj)
            ):
                continue
            obj.save()
            loaded.add(type(obj.object))
            if obj.deferred_fields:
                deferred.append(obj)
        for obj in deferred:
            obj.save_deferred_fields()
    connection.check_constraints(table_names=tables)
    with connection.cursor() as cursor:
        for line in connection.ops.sequence_reset_sql(no_style(), list(loaded)):
            cursor.execute(line)
    return plan
