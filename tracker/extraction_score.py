"""How well the claim proposer (`tracker.extraction`) finds the claims analysts coded.

The test set (`tracker/data/extraction/holdout.csv`) is a third of the shipped claims' quotes,
set aside before the rules were written. Each quote is given to the proposer as an article of
its own, published on the day its citation gives (else the row's day), by the row's source.

A proposal **matches** a coded row of the same quote when they name the same place (the same
district, or the same region), the same holder (`claimed_controller`, "contested" included) and
their date windows overlap; the coded row's window is its day, its week (seven days either
side) or its month, by `date_precision`. **Recall** is the share of coded rows matched,
**precision** the share of proposals that match a coded row. Rows whose place has no polygon
(roads, camps, buildings) cannot be proposed from names, so they are counted apart.

Beside the defined recall, a second figure, clearly apart: recall on the coded rows whose quote
**names their place** — rule 1 finds the place in the quote, or the row's own spelling of it
(folded) is written in the quote. A row coded from context ("the district", "the airport",
"rebel-held areas") can be matched by no extractor that reads only the quote; this figure says
how the rules do where the quote gives them a chance. It does not change what a match is.

Why the rest failed, counted by kind and never listed for the test set: a coded row missed because
its quote does not name its place, because no proposal names its place (or only a larger or smaller
one), because the proposals naming it give another holder, or because they agree on place and
holder but not on the days; a proposal matching no row because no row of its quote codes its place
(or only a larger or smaller one), because the rows coding it give another holder, or because of
the days. The counts say which rule to work on without reading a test quote.

A proposal matching no row of its quote may still agree (place, holder and days) with a row that
**another quote of the set codes**: the coders coded that place from another sentence of the same
article, or from another article. Those proposals stay wrong in every figure above; they are
counted apart, by the same article or another, to tell a misreading from a place the coders took
from elsewhere.

A third pair, also apart: recall and precision of **district and holder** alone (the issue's
"Numbers" line), where a proposal agrees with a coded row of its quote on the place and the
holder, whatever its days. The defined match above, which also asks the date window, stays the
headline figure.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from districts.names import name_key
from tracker.extraction import Indexes, Place, Proposal, Speaker, claims_propose, places_find
from tracker.import_rows import attribution_split

HOLDOUT = Path(__file__).resolve().parent / "data" / "extraction" / "holdout.csv"
CITED_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
PRECISION_DAYS = {"day": 0, "week": 7}


@dataclass(frozen=True)
class Score:
    coded: int
    unmapped: int
    matched: int
    proposals: int
    correct: int
    named: int = 0  # coded rows whose quote names their place
    named_matched: int = 0
    place_holder_matched: int = 0  # coded rows matched on district and holder, any days
    place_holder_correct: int = 0  # proposals agreeing with a coded row on district and holder
    missed_why: Counter[str] = field(default_factory=Counter)  # coded rows missed, by kind
    wrong_why: Counter[str] = field(default_factory=Counter)  # proposals matching none, by kind
    coded_elsewhere: int = 0  # wrong proposals agreeing with a row another quote codes
    coded_elsewhere_same_article: int = 0  # ... a quote of the same article (citation)

    @property
    def recall(self) -> float:
        return _share(self.matched, self.coded)

    @property
    def named_recall(self) -> float:
        return _share(self.named_matched, self.named)

    @property
    def precision(self) -> float:
        return _share(self.correct, self.proposals)

    @property
    def place_holder_recall(self) -> float:
        return _share(self.place_holder_matched, self.coded)

    @property
    def place_holder_precision(self) -> float:
        return _share(self.place_holder_correct, self.proposals)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _window(row: dict[str, str]) -> tuple[datetime.date, datetime.date]:
    day = datetime.date.fromisoformat(row["date"])
    if row["date_precision"] == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    slack = datetime.timedelta(days=PRECISION_DAYS.get(row["date_precision"], 0))
    return day - slack, day + slack


def _matches(proposal: Proposal, row: dict[str, str], place: Place, days: bool = True) -> bool:
    """The defined match; with `days` false, district and holder alone."""
    start, end = _window(row)
    return (
        proposal.place.districts == place.districts
        and proposal.controller == row["claimed_controller"]
        and (not days or (proposal.date_from <= end and start <= proposal.date_to))
    )


def holdout_score(
    indexes: Indexes, path: Path = HOLDOUT, listing: list[str] | None = None
) -> Score:
    """Propose claims for every quote of the test set and score them against its rows; into
    `listing`, if given, each quote with a coded row missed or a proposal matching none."""
    units: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            units[(row["citation"], row["quote"])].append(row)
    every = [
        (unit, row, place)
        for unit, rows in units.items()
        for row in rows
        if (place := indexes.resolve(row["district_en"])) is not None
    ]
    elsewhere = elsewhere_same = 0
    coded = unmapped = matched = proposals = correct = named = named_matched = 0
    place_holder_matched = place_holder_correct = 0
    missed_why: Counter[str] = Counter()
    wrong_why: Counter[str] = Counter()
    for (citation, quote), rows in units.items():
        cited = CITED_DAY.search(citation)
        published = datetime.date.fromisoformat(cited.group(1) if cited else rows[0]["date"])
        speaker = Speaker(
            attribution_split(rows[0]["source_org"]).speaker, rows[0]["source_stance"]
        )
        proposed = claims_propose(quote, published, speaker, indexes)
        found = {p.districts for _, p in places_find(quote, indexes, [])}
        places = {}
        for row in rows:
            place = indexes.resolve(row["district_en"])
            if place is None:
                unmapped += 1
                continue
            places[id(row)] = place
            coded += 1
            hit = any(_matches(p, row, place) for p in proposed)
            matched += hit
            place_holder_matched += any(_matches(p, row, place, days=False) for p in proposed)
            is_named = place.districts in found or name_key(row["district_en"]) in name_key(quote)
            if is_named:
                named += 1
                named_matched += hit
            if not hit:
                missed_why[_why(row, place, proposed, is_named)] += 1
        proposals += len(proposed)
        mapped = [row for row in rows if id(row) in places]
        wrong = [p for p in proposed if not any(_matches(p, r, places[id(r)]) for r in mapped)]
        correct += len(proposed) - len(wrong)
        wrong_why.update(_wrong_why(p, mapped, places) for p in wrong)
        for proposal in wrong:
            units_coding = {u for u, r, pl in every if _matches(proposal, r, pl)}
            elsewhere += bool(units_coding)
            elsewhere_same += any(u[0] == citation for u in units_coding)
        if listing is not None:
            listing.extend(_listed(quote, published, proposed, mapped, places))
        place_holder_correct += sum(
            any(_matches(p, r, places[id(r)], days=False) for r in mapped) for p in proposed
        )
    return Score(
        coded,
        unmapped,
        matched,
        proposals,
        correct,
        named,
        named_matched,
        place_holder_matched,
        place_holder_correct,
        missed_why,
        wrong_why,
        elsewhere,
        elsewhere_same,
    )


def _why(row, place: Place, proposed: list[Proposal], named: bool) -> str:
    """Why a coded row was missed: the first of its quote not naming the place, no proposal
    naming it, another holder, other days."""
    if not named:
        return "place not named"
    same = [p for p in proposed if p.place.districts == place.districts]
    if not same:
        if any(set(p.place.districts) & set(place.districts) for p in proposed):
            return "a larger or smaller place proposed"
        return "place not proposed"
    if not any(p.controller == row["claimed_controller"] for p in same):
        return _holders(same[0].controller, row["claimed_controller"])
    return "other days"


def _wrong_why(proposal: Proposal, rows, places) -> str:
    """Why a proposal matched no coded row: its place coded by none, another holder, other
    days."""
    same = [r for r in rows if places[id(r)].districts == proposal.place.districts]
    if not same:
        if any(set(places[id(r)].districts) & set(proposal.place.districts) for r in rows):
            return "a larger or smaller place coded"
        if not rows:
            return "place not coded (only places without a polygon were)"
        return "place not coded"
    if not any(r["claimed_controller"] == proposal.controller for r in same):
        return _holders(proposal.controller, same[0]["claimed_controller"])
    return "other days"


def _holders(proposed: str, coded: str) -> str:
    """Another holder, told by which way it went wrong."""
    if proposed == "contested":
        return "another holder (contested proposed, a side coded)"
    if coded == "contested":
        return "another holder (a side proposed, contested coded)"
    return "another holder (the other side)"


def _listed(quote, published, proposed, rows, places) -> list[str]:
    """One quote's misses and false proposals, for the one who writes the rules."""
    missed = [r for r in rows if not any(_matches(p, r, places[id(r)]) for p in proposed)]
    wrong = [p for p in proposed if not any(_matches(p, r, places[id(r)]) for r in rows)]
    if not missed and not wrong:
        return []
    lines = [f"{published}  {quote}"]
    lines += [
        f"  missed: {r['district_en']} {r['claimed_controller']} {r['date']} ({r['date_precision']})"
        for r in missed
    ]
    lines += [
        f"  wrong:  {p.place.label} {p.controller} {p.date_from}..{p.date_to} [{p.rule}]"
        for p in wrong
    ]
    return lines
