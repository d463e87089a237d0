"""The extraction test set and its development set (bin/extraction_holdout.py): a third of the
shipped quotes set aside, the other two thirds to write rules against, never one quote in both."""

import csv
import importlib.util
import io
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "bin" / "extraction_holdout.py"
spec = importlib.util.spec_from_file_location("extraction_holdout", SCRIPT)
split = importlib.util.module_from_spec(spec)
spec.loader.exec_module(split)


def units(text: str) -> list[tuple[str, str]]:
    return [(r["citation"], r["quote"]) for r in csv.DictReader(io.StringIO(text))]


def test_the_committed_test_set_is_what_the_rule_gives():
    assert split.OUT.read_text(encoding="utf-8") == split.held_out()


def test_the_development_set_is_every_other_quote_and_shares_none_with_the_test_set():
    held, development = units(split.held_out()), units(split.held_out(development=True))
    shipped = 0
    for path in split.SOURCES:
        with path.open(encoding="utf-8", newline="") as handle:
            shipped += sum(1 for _ in csv.DictReader(handle))
    assert len(held) + len(development) == shipped
    assert not set(held) & set(development)
    assert len(set(development)) > len(set(held))  # two thirds against one
