"""What changed from release N-1 to release N: claims added, changed, rejected, retracted or
removed, and control periods removed or added, per lens and district.

Pure functions over plain data: the claims are compared by the digest of their public row
(`claim_digest`), the periods by their state and dates (`period_key`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable

from releases.tables import cell_text

PeriodKey = tuple  # (lens, district, start, end or "", status, actor or "", actors)


def claim_digest(row: dict) -> list:
    """Return [sha256 of the claim's public row, whether it is retracted]."""
    text = json.dumps({k: cell_text(v) for k, v in row.items()}, sort_keys=True)
    return [hashlib.sha256(text.encode()).hexdigest(), row.get("retracted_on") is not None]


def period_key(row: dict) -> PeriodKey:
    """The identity of a period for the changelog: lens, district, dates, status, sides.
    `row` uses the periods table's names (valid_from, valid_to)."""
    return (
        row["lens"],
        row["district"],
        cell_text(row["valid_from"]),
        cell_text(row["valid_to"]),
        row["status"],
        row["actor"] or "",
        tuple(row["actors"]),
    )


def claims_changes(
    before: dict[str, list], after: dict[str, list], rejected: set[int]
) -> dict[str, list[int]]:
    """Sort claim ids into added (new), retracted (withdrawn since), changed (any other change
    of the public row), rejected (gone from the public record because a reviewer rejected them)
    and removed (gone for another reason). `before` and `after` map ids (as text) to
    `claim_digest`; `rejected` holds the ids now rejected."""
    out: dict[str, list[int]] = {
        k: [] for k in ("added", "changed", "retracted", "rejected", "removed")
    }
    for key, (digest, retracted) in after.items():
        old = before.get(key)
        if old is None:
            out["added"].append(int(key))
        elif retracted and not old[1]:
            out["retracted"].append(int(key))
        elif digest != old[0]:
            out["changed"].append(int(key))
    for key in before.keys() - after.keys():
        out["rejected" if int(key) in rejected else "removed"].append(int(key))
    return {k: sorted(v) for k, v in out.items()}


def _period_dict(key: PeriodKey) -> dict:
    lens, district, start, end, status, actor, actors = key
    return {
        "valid_from": start,
        "valid_to": end or None,
        "status": status,
        "actor": actor or None,
        "actors": list(actors),
    }


def periods_changes(before: Iterable[PeriodKey], after: Iterable[PeriodKey]) -> list[dict]:
    """Return, per lens and district whose periods differ, the periods removed and added."""
    old, new = set(before), set(after)
    grouped: dict[tuple[str, str], dict[str, list]] = defaultdict(
        lambda: {"removed": [], "added": []}
    )
    for key in old - new:
        grouped[key[0], key[1]]["removed"].append(key)
    for key in new - old:
        grouped[key[0], key[1]]["added"].append(key)
    return [
        {
            "lens": lens,
            "district": district,
            "removed": [_period_dict(k) for k in sorted(parts["removed"])],
            "added": [_period_dict(k) for k in sorted(parts["added"])],
        }
        for (lens, district), parts in sorted(grouped.items())
    ]


MARKDOWN_MAX_ITEMS = 200  # past this many ids or timelines, CHANGELOG.md gives the count only


def changelog_markdown(number: int, changes: dict) -> str:
    """Return CHANGELOG.md: per kind of claim change its count and ids, then every district
    timeline whose periods changed; a list longer than MARKDOWN_MAX_ITEMS is left to
    changelog.json, which always has everything."""
    base = f"release {number - 1}" if number > 1 else "an empty record (first release)"
    lines = [f"# Release {number}", "", f"Changes against {base}.", "", "## Claims", ""]
    for kind, ids in changes["claims"].items():
        listed = ", ".join(str(i) for i in ids) if ids else "none"
        if len(ids) > MARKDOWN_MAX_ITEMS:
            listed = "listed in changelog.json"
        lines.append(f"- {kind} ({len(ids)}): {listed}")
    lines += ["", "## Control periods", ""]
    timelines = changes["periods"]
    if not timelines:
        lines.append("No period changed.")
    elif len(timelines) > MARKDOWN_MAX_ITEMS:
        lines.append(f"{len(timelines)} district timelines changed: listed in changelog.json.")
        timelines = []
    for entry in timelines:
        lines.append(f"- {entry['lens']} / {entry['district']}:")
        for verb in ("removed", "added"):
            for p in entry[verb]:
                until = p["valid_to"] or "open"
                who = p["actor"] or ", ".join(p["actors"]) or "-"
                lines.append(f"  - {verb} {p['valid_from']} to {until}: {p['status']} ({who})")
    return "\n".join(lines) + "\n"
