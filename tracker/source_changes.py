"""Changes to who speaks: edit a source, merge two names of one originator, clean a record.

A source's stance chooses the stance lens its claims count in; its stance and side (the actor
it speaks for) weigh its claims in every lens (admission against interest, independence); its
slug names its own lens. So each service here recomputes, in the same transaction as the
change, every (lens, district) its claims touch: `consensus`, the source's own lens (the old
one dropped when the slug changes or the source is merged away), and the old and new stance
lenses, over every district its mapped claims are about.

These live in `tracker`, not in `sources`, because they move claims and recompute periods;
`sources` never imports `tracker`.
"""

from __future__ import annotations

import datetime
import difflib
import functools
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from simple_history.utils import bulk_update_with_history

from common.history import history_note
from sources.models import Document, Source, SourceAlias
from sources.services import source_alias_add, source_find, source_slug
from tracker.models import Claim, ControlPeriod, SourcedAssertion
from tracker.services import timeline_refresh
from tracker.timeline import Lens

# What `source_update` may change; the others (id, history) are not an editor's to set.
SOURCE_FIELDS = ("name", "slug", "stance", "kind", "actor", "reliability", "description")
# Changes that can move a period: the lenses a claim counts in, or how it is weighed there.
# Kind and reliability are describable properties of the speaker that a weighing rule may
# read, so a change to them recomputes too; a new name or description never does.
_WEIGHED = ("stance", "actor_id", "slug", "kind", "reliability")


class SourceChangeError(ValueError):
    """A source change that would leave the record wrong; the message says how to fix it."""


def _source_districts(source: Source) -> set[int]:
    return set(
        Claim.objects.filter(source=source, district__isnull=False)
        .values_list("district_id", flat=True)
        .distinct()
    )


def _lenses(*, stances: set[str], slugs: set[str]) -> set[str]:
    return set(Lens.names(stances=stances, slugs=slugs))


def _source_lens_drop(slug: str) -> int:
    """Delete every stored period of the lens `source:<slug>`; return how many."""
    deleted, _ = ControlPeriod.objects.filter(lens=Lens.source(slug).name).delete()
    return deleted


@transaction.atomic
def source_update(*, source: Source, changed_by: User | None = None, **changes: Any) -> Source:
    """Change a source's fields and recompute every lens and district its claims touch.

    The change is judged against the stored row, so a caller (the admin) may hand in an
    instance whose fields it has already set. A new name keeps the old one as an alias, so a
    re-import of a row spelling it the old way finds this source. When the stance, side, slug,
    kind or reliability changed, the districts the source's mapped claims are about are
    recomputed in `consensus`, the old and new `stance:` lenses and the source's lens (its old
    slug's lens dropped).
    """
    unknown = sorted(set(changes) - set(SOURCE_FIELDS))
    if unknown:
        raise SourceChangeError(
            f"A source's {', '.join(unknown)} cannot be changed here; change only "
            f"{', '.join(SOURCE_FIELDS)}."
        )
    stored = Source.objects.select_for_update().get(pk=source.pk)
    for name, value in changes.items():
        setattr(source, name, value)
    source.full_clean()
    history_note(source, by=changed_by)
    source.save()
    if source.name != stored.name:
        source_alias_add(source=source, name=stored.name, note=f"renamed to {source.name}")
    if source.slug != stored.slug and source_slug(stored.name) != stored.slug:
        source_alias_add(source=source, name=stored.slug, note=f"former slug of {source.name}")
    if any(getattr(stored, f) != getattr(source, f) for f in _WEIGHED):
        if source.slug != stored.slug:
            _source_lens_drop(stored.slug)
        timeline_refresh(
            district_ids=_source_districts(source),
            lenses=_lenses(
                stances={stored.stance, source.stance}, slugs={stored.slug, source.slug}
            ),
        )
    return source


@dataclass
class SourceMergeReport:
    """What a merge moved and what it recomputed."""

    source: str
    source_slug: str
    into: str
    into_slug: str
    stance_before: str
    stance: str
    documents: int = 0
    claims: int = 0
    # Other sourced assertions moved (quantitative claims), by the model's verbose name.
    assertions: dict[str, int] = field(default_factory=dict)
    aliases: list[str] = field(default_factory=list)
    districts: int = 0
    lenses: list[str] = field(default_factory=list)
    dropped_lens: str = ""
    disagreements: list[str] = field(default_factory=list)

    @property
    def quantitative_claims(self) -> int:
        """How many quantitative claims moved (0 when that app is not installed)."""
        return self.assertions.get("quantitative claim", 0)

    def summary(self) -> list[str]:
        stance = (
            f"; its stance is now {self.stance} (was {self.stance_before})"
            if self.stance != self.stance_before
            else ""
        )
        return [
            f"Merged {self.source!r} ({self.source_slug}) into {self.into!r} "
            f"({self.into_slug}){stance}.",
            f"  Moved: {self.documents} document(s), {self.claims} claim(s)"
            + "".join(f", {count} {name}(s)" for name, count in self.assertions.items())
            + ".",
            f"  Aliases of {self.into!r} now include: {', '.join(self.aliases)} "
            "(a re-import of a row naming them finds it).",
            f"  Recomputed {', '.join(self.lenses)} over {self.districts} district(s); "
            f"dropped the lens {self.dropped_lens}.",
            *(
                [
                    f"  Note: the two said different things about {len(self.disagreements)} "
                    f"district-day(s) ({', '.join(self.disagreements[:3])}); merged, each "
                    "such day is one source contradicting itself, not an admission. If they "
                    "were different speakers, keep them apart."
                ]
                if self.disagreements
                else []
            ),
        ]


def _disagreements(source: Source, into: Source) -> list[str]:
    """Return the district-days on which the two sources' mapped claims said different things."""
    said: dict[tuple[str, str], dict[int, set[tuple[str, int | None]]]] = {}
    rows = Claim.objects.filter(source__in=[source, into], district__isnull=False).values_list(
        "district__slug", "effective_to", "source_id", "status", "actor_id"
    )
    for district, day, speaker, status, actor in rows:
        said.setdefault((district, day.isoformat()), {}).setdefault(speaker, set()).add(
            (status, actor)
        )
    return sorted(
        f"{district} {day}"
        for (district, day), by in said.items()
        if len(by) == 2 and by[source.pk] != by[into.pk]
    )


def _assertion_models() -> list[type[Model]]:
    """The sourced assertions other apps keep beside district claims (quantitative claims):
    every installed model built on `SourcedAssertion` but `Claim`. A merge moves them too,
    without the claims core knowing those apps."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, SourcedAssertion) and model is not Claim
    ]


def _reason(text: str) -> str:
    """Fit a history change reason in its column (100 characters)."""
    return text if len(text) <= 100 else text[:99] + "…"


def _move(
    model: type[Model],
    rows: list,
    *,
    into: Source,
    reason: str,
    by: User | None,
    now: datetime.datetime,
) -> int:
    for row in rows:
        row.source = into
        if hasattr(row, "updated_at"):
            row.updated_at = now
    fields = ["source", "updated_at"] if rows and hasattr(rows[0], "updated_at") else ["source"]
    if rows:
        bulk_update_with_history(
            rows,
            model,
            fields,
            batch_size=500,
            default_user=by,
            default_change_reason=reason,
            default_date=now,
        )
    return len(rows)


@transaction.atomic
def sources_merge(
    *,
    source: Source,
    into: Source,
    stance: str | None = None,
    changed_by: User | None = None,
) -> SourceMergeReport:
    """Move everything `source` said to `into`, keep its name as an alias, and delete it.

    Its documents, claims and quantitative claims (each change kept in their history) go to
    `into`; its name (and its aliases) become aliases of `into`, so a re-import of a row that
    names it finds `into`. Refuse to merge a source into itself, or two sources of different
    stances unless `stance` says which one the merged source keeps (a stance change of `into`
    too). Recompute, in this transaction, every district the moved claims are about (and
    `into`'s own when its stance changes) in `consensus`, both sources' lenses and every stance
    lens involved; the periods of `source:<old slug>` are dropped.
    """
    if source.pk == into.pk:
        raise SourceChangeError(
            f"{source.name!r} and {into.name!r} are the same source; name two different sources."
        )
    if stance is not None and stance not in Source.Stance.values:
        raise SourceChangeError(
            f"Unknown stance {stance!r}: use one of {', '.join(Source.Stance.values)}."
        )
    if stance is None and source.stance != into.stance:
        raise SourceChangeError(
            f"{source.name!r} is {source.stance} but {into.name!r} is {into.stance}; a merged "
            f"source has one stance. Say which it keeps with --stance {into.stance} or --stance "
            f"{source.stance} (DESIGN.md lists which originators have which stance)."
        )
    keep = stance or into.stance
    report = SourceMergeReport(
        source=source.name,
        source_slug=source.slug,
        into=into.name,
        into_slug=into.slug,
        stance_before=into.stance,
        stance=keep,
    )
    report.disagreements = _disagreements(source, into)
    districts = _source_districts(source)
    if keep != into.stance:
        districts |= _source_districts(into)
    reason = _reason(f"source {source.name!r} merged into {into.name!r}")
    now = timezone.now()
    move = functools.partial(_move, into=into, reason=reason, by=changed_by, now=now)
    report.documents = move(Document, list(Document.objects.filter(source=source)))
    report.claims = move(Claim, list(Claim.objects.filter(source=source)))
    for model in _assertion_models():
        report.assertions[str(model._meta.verbose_name)] = move(
            model, list(model._default_manager.filter(source=source))
        )
    SourceAlias.objects.filter(source=source).update(source=into)
    old_name, old_slug, old_stance = source.name, source.slug, source.stance
    history_note(source, by=changed_by, reason=_reason(f"merged into {into.name!r}"))
    source.delete()
    note = f"merged into {into.name} on {now.date().isoformat()}"
    source_alias_add(source=into, name=old_name, note=note)
    if source_slug(old_name) != old_slug:
        source_alias_add(source=into, name=old_slug, note=note)
    into.stance = keep
    history_note(into, by=changed_by, reason=_reason(f"merged {old_name!r} into this source"))
    into.full_clean()
    into.save()
    _source_lens_drop(old_slug)
    lenses = _lenses(stances={old_stance, report.stance_before, keep}, slugs={old_slug, into.slug})
    timeline_refresh(district_ids=districts, lenses=lenses)
    report.aliases = sorted(into.aliases.values_list("name", flat=True))
    report.districts = len(districts)
    report.dropped_lens = Lens.source(old_slug).name
    report.lenses = sorted(lenses - {report.dropped_lens})
    return report


def source_lookup(text: str, *, aliases: bool = True) -> Source:
    """Return the source whose slug or name (ignoring case) is `text`.

    With `aliases`, a name merged into another source finds that source. Raise
    `SourceChangeError` naming the closest sources when nothing matches, and saying where a
    merged name went when `aliases` is false.
    """
    found = Source.objects.filter(slug=text).first() or source_find(text, aliases=aliases)
    if found is not None:
        return found
    alias = SourceAlias.objects.select_related("source").filter(key=source_slug(text)).first()
    if alias is not None:
        raise SourceChangeError(
            f"{text!r} is no longer a source: it is an alias of {alias.source.name!r} "
            f"({alias.source.slug}) since it was {alias.note or 'merged'}. Nothing to do."
        )
    name_of = {}
    for name, slug in Source.objects.values_list("name", "slug"):
        name_of[name], name_of[slug] = name, name
    matches = difflib.get_close_matches(text, list(name_of), n=6, cutoff=0.5)
    close = list(dict.fromkeys(name_of[m] for m in matches))[:3]
    hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise SourceChangeError(
        f"No source has the name or slug {text!r}.{hint} List them with the sources page of "
        "the admin or /api/v1/sources/."
    )
