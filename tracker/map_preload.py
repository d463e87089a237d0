"""What the map page asks the browser to fetch before its scripts run (issue 18's first paint).

The map's scripts are native ES modules: without hints the browser learns of each module only
once the one importing it has arrived, and of the districts and the day's state only once the
scripts run. The page names them in its head (`<link rel="modulepreload">` and `<link
rel="preload" as="fetch">`), so that all of it is fetched at once, from the start.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.urls import reverse

IMPORT = re.compile(r"""^import\s[^;]*?from\s+"\./([\w-]+\.js)";""", re.MULTILINE)
FIELDS = re.compile(r"""^export const FIRST_PAINT_FIELDS = "([\w,]+)";""", re.MULTILINE)


@lru_cache(maxsize=1)
def map_modules() -> tuple[str, ...]:
    """Return the static paths of the map's modules: js/map/main.js and every module it
    imports, directly or not (read from their `import ... from "./x.js"` lines), sorted."""
    folder = Path(settings.BASE_DIR) / "static" / "js" / "map"
    seen: set[str] = set()
    todo = ["main.js"]
    while todo:
        name = todo.pop()
        if name in seen or not (folder / name).is_file():
            continue
        seen.add(name)
        todo.extend(IMPORT.findall((folder / name).read_text(encoding="utf-8")))
    return tuple(f"js/map/{name}" for name in sorted(seen))


@lru_cache(maxsize=1)
def first_paint_fields() -> str:
    """Return the `fields=` of control/ that static/js/map/lenses.js asks for the first paint
    (its `FIRST_PAINT_FIELDS` line), so that the preload names the very same URL."""
    source = Path(settings.BASE_DIR) / "static" / "js" / "map" / "lenses.js"
    found = FIELDS.search(source.read_text(encoding="utf-8"))
    if found is None:
        raise RuntimeError("static/js/map/lenses.js declares no FIRST_PAINT_FIELDS line.")
    return found.group(1)


def _day(value: object) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def first_paint_day(asked: str | None, record: dict) -> datetime.date | None:
    """Return the day the map paints first, as static/js/map/decode.js `firstPaintDay` does:
    the record's last day when none is asked; the asked day when it lies within the record's
    span padded by 1% (at least three days); None without a record or for a day outside it."""
    first, last = _day(record.get("first")), _day(record.get("last"))
    if first is None or last is None:
        return None
    day = _day(asked) if asked and re.fullmatch(r"\d{4}-\d{2}-\d{2}", asked) else None
    if day is None:  # none asked, or not a real calendar day: the record's last
        return last
    pad = datetime.timedelta(days=max(3, round((last - first).days * 0.01)))
    return day if first - pad <= day <= last + pad else None


def map_preloads(query, config: dict) -> dict:
    """Return the page's preloads for the request's `query` (GET) and the map's `config`:
    {"modules": [static paths], "fetches": [URLs]}: the districts, and the state of the day
    and lens the page paints first (the lens asked if the page offers it, else consensus)."""
    fetches = [config["districtsUrl"]]
    lens = query.get("lens") or "consensus"
    if lens not in {entry["value"] for entry in config.get("lenses", [])}:
        lens = "consensus"
    day = first_paint_day(query.get("date"), config.get("record") or {})
    if day is not None:
        # The very address the page's script asks for (lenses.js `firstPaint`), byte for byte.
        fetches.append(
            f"{reverse('api-v1:control')}?on={day.isoformat()}&lens={quote(lens, safe='')}"
            f"&fields={first_paint_fields()}"
        )
    return {"modules": list(map_modules()), "fetches": fetches}
