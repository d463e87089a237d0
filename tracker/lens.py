"""The lens: which claims count, and the one place where lens names are read and written.

A lens chooses which claims count:

- ``consensus``: every claim that is neither rejected by a reviewer nor retracted by its source;
- ``source:<slug>``: only that source's claims, the map as that source tells it;
- ``stance:<stance>``: only claims from sources of that stance (government, opposition,
  independent, kurdish).

The stances are those of `sources.stances`; rejected and retracted claims count in no lens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sources.stances import STANCES

if TYPE_CHECKING:
    from tracker.timeline import ClaimFact

CONSENSUS = "consensus"


class LensError(ValueError):
    """The lens is not one of `consensus`, `source:<slug>` or `stance:<stance>`."""


@dataclass(frozen=True, slots=True)
class Lens:
    """A lens, read from its name with `parse` and written back with `str()` (or `.name`).

    Every lens name in the code is built here: `Lens.stance(...)`, `Lens.source(...)`, and
    `Lens.names(...)` for consensus with a set of stances and sources.
    """

    kind: str  # "consensus", "source" or "stance"
    value: str = ""

    @classmethod
    def parse(cls, text: str) -> Lens:
        """Read a lens name; raise `LensError` saying what is accepted."""
        if text == CONSENSUS:
            return cls(CONSENSUS)
        kind, _, value = text.partition(":")
        if kind == "source" and value:
            return cls.source(value)
        if kind == "stance" and value in STANCES:
            return cls.stance(value)
        raise LensError(
            f"Unknown lens {text!r}: use 'consensus', 'source:<source slug>' or "
            f"'stance:<{'|'.join(STANCES)}>'."
        )

    @classmethod
    def stance(cls, stance: str) -> Lens:
        """The lens of the sources of one stance."""
        return cls("stance", stance)

    @classmethod
    def source(cls, slug: str) -> Lens:
        """The lens of one source, by its slug."""
        return cls("source", slug)

    @classmethod
    def names(cls, *, stances: Iterable[str] = STANCES, slugs: Iterable[str] = ()) -> list[str]:
        """The names of consensus, then of each stance lens, then of each source lens, in the
        order given: by default every stance and no source."""
        return [
            CONSENSUS,
            *(cls.stance(stance).name for stance in stances),
            *(cls.source(slug).name for slug in slugs),
        ]

    @property
    def name(self) -> str:
        return str(self)

    def __str__(self) -> str:
        return self.kind if self.kind == CONSENSUS else f"{self.kind}:{self.value}"

    def speaks_for(self, source: str, stance: str) -> bool:
        """Say whether the claims of a source (slug and stance) count in this lens, review and
        retraction aside."""
        if self.kind == "source":
            return source == self.value
        if self.kind == "stance":
            return stance == self.value
        return True

    def admits(self, fact: ClaimFact) -> bool:
        """Say whether a claim counts in this lens. Rejected and retracted claims never count."""
        if fact.review == "rejected" or fact.retracted:
            return False
        return self.speaks_for(fact.source, fact.stance)
