import assert from "node:assert/strict";
import { test } from "node:test";

import {
  changesBetween, compareDayOf, compareDays, comparedDays,
} from "../../static/js/map/compare.js";
import { decode } from "../../static/js/map/decode.js";
import { AREAS, d, PAYLOAD, SLUGS } from "./fixtures.mjs";

const data = decode(PAYLOAD, SLUGS);
// The map's order: b (2 km²), a (1 km²), c (4 km²). Buckets: 0 government, 1 rebels,
// 2 contested, 3 disputed, 4 unknown.

test("a comparison runs from the earlier day to the later, whichever is shown", () => {
  assert.deepEqual(comparedDays(d("2016-02-05"), d("2016-01-15")),
    { from: d("2016-01-15"), to: d("2016-02-05") });
  const forward = compareDays(data, AREAS, d("2016-01-15"), d("2016-02-05"));
  const backward = compareDays(data, AREAS, d("2016-02-05"), d("2016-01-15"));
  assert.deepEqual(backward, forward);
});

test("a side that held a district on the earlier day and not on the later one lost it", () => {
  const diff = compareDays(data, AREAS, d("2016-01-15"), d("2016-02-05"));
  // a: government -> contested; b: unknown -> disputed; c: unknown both days.
  assert.deepEqual(diff.districts, [
    { index: 0, before: 4, after: 3, gainer: -1, loser: -1 },
    { index: 1, before: 0, after: 2, gainer: -1, loser: 0 },
  ]);
  assert.deepEqual(diff.sides, [{ actor: 0, gained: 0, lost: 1, net: -1 }]);
  assert.equal(diff.whole, 7);
});

test("a side that holds a district on the later day and did not on the earlier one gained it", () => {
  const diff = compareDays(data, AREAS, d("2016-01-01"), d("2016-01-15"));
  assert.deepEqual(diff.districts, [{ index: 1, before: 4, after: 0, gainer: 0, loser: -1 }]);
  assert.deepEqual(diff.sides, [{ actor: 0, gained: 1, lost: 0, net: 1 }]);
});

test("a change undone before the later day is no change between the two days", () => {
  const payload = {
    lens: "consensus",
    actors: ["government", "rebels"],
    districts: ["x", "y"],
    periods: [
      [0, "2016-01-01", "2016-01-10", "held", 0, "2016-01-01", []],
      [0, "2016-01-10", "2016-01-20", "held", 1, "2016-01-10", []],
      [0, "2016-01-20", null, "held", 0, "2016-01-20", []],
      [1, "2016-01-01", "2016-01-15", "held", 1, "2016-01-01", []],
      [1, "2016-01-15", null, "held", 0, "2016-01-15", []],
    ],
  };
  const both = decode(payload, ["x", "y"]);
  const diff = compareDays(both, Float64Array.from([3, 5]), d("2016-01-05"), d("2016-01-25"));
  assert.deepEqual(diff.districts, [{ index: 1, before: 1, after: 0, gainer: 0, loser: 1 }]);
  assert.deepEqual(diff.sides, [
    { actor: 0, gained: 5, lost: 0, net: 5 },
    { actor: 1, gained: 0, lost: 5, net: -5 },
  ]);
  // Yet the feed between them lists every change, the one undone too.
  assert.deepEqual(changesBetween(both, ["x", "y"], d("2016-01-05"), d("2016-01-25")).map(
    (row) => [row.district, row.day, row.actor]), [
    ["x", "2016-01-10", "rebels"],
    ["y", "2016-01-15", "government"],
    ["x", "2016-01-20", "government"],
  ]);
});

test("the same day twice changes nothing", () => {
  const diff = compareDays(data, AREAS, d("2016-01-25"), d("2016-01-25"));
  assert.deepEqual([diff.districts, diff.sides], [[], []]);
});

test("the changes after a day are the periods starting after it, up to the later day", () => {
  const rows = changesBetween(data, SLUGS, d("2016-01-10"), d("2016-02-01"));
  // a's period starting on the 10th is in force on the first day: not a change after it.
  // The district the map does not draw is left out.
  assert.deepEqual(rows, [
    { district: "b", day: "2016-01-20", status: "disputed", actor: null },
    { district: "a", day: "2016-02-01", status: "contested", actor: null },
  ]);
  assert.deepEqual(changesBetween(data, SLUGS, d("2016-01-09"), d("2016-01-10")), [
    { district: "a", day: "2016-01-10", status: "held", actor: "government" },
  ]);
});

test("the compared day from the address is kept within the record, or none", () => {
  const span = { start: d("2016-01-01"), end: d("2016-03-01") };
  assert.ok(Number.isNaN(compareDayOf(NaN, span)));
  assert.equal(compareDayOf(d("2015-06-01"), span), span.start);
  assert.equal(compareDayOf(d("2017-06-01"), span), span.end);
  assert.equal(compareDayOf(d("2016-02-02"), span), d("2016-02-02"));
});
