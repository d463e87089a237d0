"""Writes to sources: who speaks, and the documents they published."""

import datetime
import hashlib
import re

from django.db import transaction
from django.utils.text import slugify

from sources.models import Document, Source, SourceAlias

# First match wins, so the more specific patterns come first ("civil defense" is not a ministry).
SOURCE_KIND_HINTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\bwikipedia\b", Source.Kind.REFERENCE),
        (
            r"\b(observatory|sohr|monitor\w*|civil defen[cs]e|ohchr|united nations)\b",
            Source.Kind.MONITOR,
        ),
        (
            r"\b(sana|al-alam|tasnim|fars|press ?tv|al-ikhbariya|ekhbariyeh|al-manar|"
            r"al-mayadeen|state (media|tv)|war information center)\b",
            Source.Kind.STATE_MEDIA,
        ),
        (r"\b(ministry|army|military|defen[cs]e|reconciliation)\b", Source.Kind.MILITARY),
        (
            r"\b(rebels?|fsa|ypg|pyd|ahrar|brigade|commander|spokesman|jabhat|fateh)\b",
            Source.Kind.ARMED_GROUP,
        ),
        (
            r"\b(afp|ap|reuters|bbc|guardian|al jazeera|cnn|al-masdar|southfront|"
            r"syria direct|news|media|al-watan)\b",
            Source.Kind.NEWS,
        ),
    )
)


def source_kind_guess(name: str) -> str:
    """Guess what kind of speaker `name` is from words in it; say `other` when nothing fits."""
    for pattern, kind in SOURCE_KIND_HINTS:
        if pattern.search(name):
            return kind
    return Source.Kind.OTHER


def source_slug(name: str) -> str:
    """Return a slug for a source name; names with no Latin letters get one from a hash."""
    return slugify(name)[:100] or f"source-{hashlib.sha256(name.encode()).hexdigest()[:12]}"


def source_find(name: str, *, aliases: bool = True) -> Source | None:
    """Return the source called `name` (ignoring case), or the one whose slug it would take.

    Failing both, return the source that `name` is an alias of (a spelling merged into it, or
    its name before a rename), unless `aliases` is false.
    """
    found = (
        Source.objects.filter(name__iexact=name).first()
        or Source.objects.filter(slug=source_slug(name)).first()
    )
    if found is None and aliases:
        alias = SourceAlias.objects.select_related("source").filter(key=source_slug(name)).first()
        found = alias.source if alias else None
    return found


@transaction.atomic
def source_alias_add(*, source: Source, name: str, note: str = "") -> SourceAlias:
    """Make `name` an alias of `source`, so looking the name up finds `source`.

    A name that was an alias of another source now points at this one: the newest decision
    about who a spelling denotes wins.
    """
    alias, _ = SourceAlias.objects.update_or_create(
        key=source_slug(name), defaults={"source": source, "name": name, "note": note[:300]}
    )
    alias.full_clean()
    return alias


@transaction.atomic
def source_get_or_create(*, name: str, stance: str) -> tuple[Source, bool]:
    """Return the source called `name`, creating it with `stance` and a guessed kind if new.

    An existing source keeps its stance: a caller that wants another stance must say so to
    the user rather than change who the source is.
    """
    source = source_find(name)
    if source is not None:
        return source, False
    source = Source(name=name, slug=source_slug(name), stance=stance, kind=source_kind_guess(name))
    source.full_clean()
    source.save()
    return source, True


@transaction.atomic
def document_get_or_create(
    *,
    citation: str,
    url: str | None,
    source: Source,
    outlet: str = "",
    published_on: datetime.date | None = None,
) -> tuple[Document, bool]:
    """Return the document at `url` (or, with no URL, with this exact citation), creating it.

    A new document records `source` as its publisher, the citation verbatim, the outlet that
    carried it and its publication day if known. An existing one is returned unchanged.
    """
    found = (
        Document.objects.filter(url=url)
        if url
        else Document.objects.filter(url__isnull=True, citation=citation)
    ).first()
    if found is not None:
        return found, False
    document = Document(
        source=source,
        citation=citation,
        url=url,
        outlet=outlet[:300],
        published_on=published_on,
    )
    document.full_clean()
    document.save()
    return document, True
