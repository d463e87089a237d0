"""The source cleanup file (`tracker/data/source_cleanup.csv`, `manage.py sources_cleanup`):
merges and corrections of sources, one row each, applied through `tracker.source_changes`."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from sources.models import Source
from sources.services import source_alias_add, source_find, source_slug
from tracker.models import Actor
from tracker.source_changes import (
    SourceChangeError,
    SourceMergeReport,
    source_lookup,
    source_update,
    sources_merge,
)

CLEANUP_COLUMNS = ("action", "source", "into_or_value", "reason")
CLEANUP_ACTIONS = ("merge", "stance", "kind", "actor", "name")


@dataclass
class SourceCleanupReport:
    merged: list[SourceMergeReport] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.updated)

    def summary(self) -> list[str]:
        lines = [
            f"Source cleanup: {len(self.merged)} merged, {len(self.updated)} updated, "
            f"{len(self.skipped)} row(s) not applicable."
        ]
        for merge in self.merged:
            lines.append(
                f"  merged {merge.source!r} into {merge.into!r}: {merge.claims} claim(s), "
                f"{merge.documents} document(s), {merge.quantitative_claims} quantitative"
                + (
                    f"; they disagreed on {', '.join(merge.disagreements)}"
                    if merge.disagreements
                    else ""
                )
            )
        lines += [f"  {line}" for line in self.updated + self.skipped]
        return lines


def _cleanup_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = set(CLEANUP_COLUMNS) - set(reader.fieldnames or [])
        if missing:
            raise SourceChangeError(
                f"{path}: the header lacks {', '.join(sorted(missing))}; it must be "
                f"{','.join(CLEANUP_COLUMNS)}."
            )
        rows = [
            (line, {k: (v or "").strip() for k, v in row.items() if k})
            for line, row in enumerate(reader, start=2)
        ]
    problems = [
        f"line {line}: action {row['action']!r} is not one of {', '.join(CLEANUP_ACTIONS)}"
        for line, row in rows
        if row["action"] not in CLEANUP_ACTIONS
    ]
    problems += [
        f"line {line}: give the source and the value (or the source to merge into)"
        for line, row in rows
        if not row["source"] or (not row["into_or_value"] and row["action"] != "actor")
    ]
    if problems:
        raise SourceChangeError(f"{path} has bad rows:\n  " + "\n  ".join(problems))
    return rows


def _cleanup_value(action: str, value: str) -> dict[str, Any]:
    if action == "stance":
        return {"stance": value}
    if action == "kind":
        return {"kind": value}
    if action == "name":
        return {"name": value, "slug": source_slug(value)}
    actor = Actor.objects.filter(slug=value).first() if value else None
    if value and actor is None:
        raise SourceChangeError(
            f"No actor has the slug {value!r}; use an actor's slug or leave it empty."
        )
    return {"actor": actor}


def _cleanup_merge(report: SourceCleanupReport, *, line: int, name: str, into_name: str) -> None:
    """Merge the source called `name` into `into_name`'s, or make `name` its alias if absent."""
    try:
        into = source_lookup(into_name)
    except SourceChangeError as exc:
        report.skipped.append(f"line {line}: cannot merge {name!r} yet: {exc}")
        return
    source = Source.objects.filter(slug=name).first() or source_find(name, aliases=False)
    if source is not None and source.pk != into.pk:
        report.merged.append(sources_merge(source=source, into=into, stance=into.stance))
    elif source is None and not into.aliases.filter(key=source_slug(name)).exists():
        source_alias_add(source=into, name=name, note="named in the source cleanup file")
        report.updated.append(f"{name!r} is now an alias of {into.name!r}")


@transaction.atomic
def sources_cleanup(path: Path) -> SourceCleanupReport:
    """Apply a file of decisions about sources, row by row, skipping what is already done.

    Columns `action,source,into_or_value,reason`. `merge`: the source named (by its own name
    or slug, not an alias) is merged into `into_or_value` (found also through aliases), keeping
    the target's stance; a name that is no source (already merged, or not imported yet) becomes
    an alias of the target, so a row naming it later is recorded under the target. `stance`, `kind`, `actor` (an actor slug, or empty for none) and `name` (the slug
    follows the name; a name another source has already means a merge into it) set that field
    of the source named (found also through aliases) when it differs. So applying the same file twice changes nothing.
    """
    report = SourceCleanupReport()
    for line, row in _cleanup_rows(path):
        action, name, value = row["action"], row["source"], row["into_or_value"]
        if action == "merge":
            _cleanup_merge(report, line=line, name=name, into_name=value)
            continue
        try:
            source = source_lookup(name)
        except SourceChangeError:
            report.skipped.append(f"line {line}: {name!r} is not on record; nothing to {action}")
            continue
        if action == "name":
            holder = source_find(value, aliases=False)
            if holder is not None and holder.pk != source.pk:  # the new name is taken: one source
                _cleanup_merge(report, line=line, name=source.name, into_name=holder.name)
                continue
        changes = _cleanup_value(action, value)
        differs = {k: v for k, v in changes.items() if getattr(source, k) != v}
        if differs:
            before = {k: getattr(source, k) for k in differs}
            try:
                source_update(source=source, **differs)
            except ValidationError as exc:
                raise SourceChangeError(f"{path} line {line}: {exc}") from exc
            report.updated.append(
                f"{source.name!r}: "
                + ", ".join(f"{k} {before[k]} -> {getattr(source, k)}" for k in differs)
            )
    return report
