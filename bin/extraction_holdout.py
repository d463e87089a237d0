"""Set aside a third of the shipped claims' quotes as the extraction test set (issue 19).

The rules that propose claims from pasted text are written against the other two thirds; the
set aside here is only scored. One quote is one unit: every row coded from it goes to the same
side, so a region statement is never split. Arabic quotes and the others are split apart, so a
third of each is held out. The choice is by the SHA-256 of the quote's citation and text, in
that order every third quote of each group: it needs no seed. A quote added later to the files
shifts the choice, so the set is committed and stays as it is; `--check` says whether the
committed file is still what the rule gives today; `--development FILE` writes the other two
thirds, the development set the rules are written against (`manage.py extraction_score --file
FILE --list` lists its misses and wrong proposals; the test set is never listed).

    .venv/bin/python bin/extraction_holdout.py [--check | --development FILE]
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tracker" / "data"
SOURCES = [DATA / "aleppo_claims_demo.csv", *sorted((DATA / "record").glob("*.csv"))]
OUT = DATA / "extraction" / "holdout.csv"
ARABIC = re.compile("[\u0600-\u06ff]")
COLUMNS = ["file", "date", "date_precision", "district_en", "claimed_controller", "claim_type"]
COLUMNS += ["source_org", "source_stance", "citation", "quote"]


def held_out(development: bool = False) -> str:
    """Return the test set as CSV text: every row of every quote chosen (with `development`,
    every row of every other quote)."""
    rows = []
    for path in SOURCES:
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                row["file"] = str(path.relative_to(DATA))
                rows.append(row)

    def unit(row: dict[str, str]) -> tuple[str, str]:
        return (row["citation"], row["quote"])

    def digest(key: tuple[str, str]) -> str:
        return hashlib.sha256("\n".join(key).encode()).hexdigest()

    chosen: set[tuple[str, str]] = set()
    for arabic in (True, False):
        units = sorted(
            {unit(r) for r in rows if bool(ARABIC.search(r["quote"])) is arabic}, key=digest
        )
        chosen.update(units[::3])
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(r for r in rows if (unit(r) in chosen) is not development)
    return out.getvalue()


if __name__ == "__main__":
    if "--development" in sys.argv:
        target = Path(sys.argv[sys.argv.index("--development") + 1])
        target.write_text(held_out(development=True), encoding="utf-8")
        print(f"wrote the development set to {target}")
        sys.exit(0)
    text = held_out()
    if "--check" in sys.argv:
        same = OUT.read_text(encoding="utf-8") == text
        print("holdout.csv is what the rule gives" if same else "holdout.csv differs from the rule")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
