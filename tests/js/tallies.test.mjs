import assert from "node:assert/strict";
import { test } from "node:test";

import { decode } from "../../static/js/map/decode.js";
import { UNKNOWN_FILL } from "../../static/js/map/style.js";
import {
  areaSeries, bucketList, bucketOf, bucketOn, createTally,
} from "../../static/js/map/tallies.js";
import { AREAS, d, PAYLOAD, SLUGS } from "./fixtures.mjs";

const data = decode(PAYLOAD, SLUGS);
// Buckets: 0 government, 1 rebels, 2 contested, 3 disputed, 4 unknown.

test("a period's bucket is its holder, or contested, disputed, unknown after the actors", () => {
  const a = data.tracks[1];
  assert.equal(bucketOf(data, a, 0), 0);
  assert.equal(bucketOf(data, a, 1), 2);
  assert.equal(bucketOf(data, data.tracks[0], 0), 3);
  assert.equal(bucketOf(data, a, -1), 4);
  // A day in an uncertain window still counts as the state in force (unknown here).
  assert.equal(bucketOn(data, 1, d("2016-01-07")), 4);
});

test("the area series has a point at the start and one on each day a total moves", () => {
  const series = areaSeries(data, AREAS, d("2016-01-01"));
  assert.deepEqual(series.map((p) => p.day),
    [d("2016-01-01"), d("2016-01-10"), d("2016-01-20"), d("2016-02-01")]);
  assert.deepEqual(series.map((p) => Array.from(p.areas)), [
    [0, 0, 0, 0, 7],
    [1, 0, 0, 0, 6],
    [1, 0, 0, 2, 4],
    [0, 0, 1, 2, 4],
  ]);
});

test("a series started later starts from the state of that day", () => {
  const series = areaSeries(data, AREAS, d("2016-01-25"));
  assert.deepEqual(series.map((p) => Array.from(p.areas)), [[1, 0, 0, 2, 4], [0, 0, 1, 2, 4]]);
});

test("the tally moves a district's area between buckets and tells whether it moved", () => {
  const tally = createTally(AREAS, 5);
  assert.equal(tally.whole, 7);
  assert.equal(tally.move(0, 3), true);
  assert.equal(tally.move(2, 4), true);
  assert.equal(tally.move(2, 4), false);
  assert.equal(tally.move(0, 0), true);
  assert.deepEqual(Array.from(tally.totals), [2, 0, 0, 0, 4]);
  assert.equal(tally.bucket(0), 0);
  assert.equal(tally.bucket(1), -1);
  assert.equal(tally.share(4), 4 / 7);
  assert.equal(createTally(new Float64Array(2), 5).share(0), 0); // no area, no division
});

test("the buckets listed are the sides that ever hold ground, then disputed, contested, unknown", () => {
  const text = {
    actorOrder: new Map([["rebels", 0], ["government", 1]]),
    actorColour: (slug) => ({ government: "#aa0000", rebels: "#00aa00" })[slug],
    actorName: (slug) => slug.toUpperCase(),
    t: (key) => "<" + key + ">",
  };
  const list = bucketList(data, areaSeries(data, AREAS, d("2016-01-01")), text);
  assert.deepEqual(list.map((b) => b.key), ["held:government", "disputed", "contested", "unknown"]);
  assert.deepEqual(list[0], {
    index: 0, key: "held:government", colour: "#aa0000", label: "GOVERNMENT",
    state: { status: "held", actor: "government" },
  });
  assert.deepEqual(list[1].state, { status: "disputed", actors: ["government", "rebels"] });
  assert.deepEqual(list.slice(1).map((b) => b.index), [3, 2, 4]);
  assert.equal(list[3].colour, UNKNOWN_FILL);
  assert.equal(list[3].background, true);
  assert.equal(list[2].label, "<legend_contested>");
});

test("sides are listed in the site's order of actors, unknown ones last", () => {
  const both = decode({
    actors: ["x", "government", "rebels"],
    districts: ["a", "b", "c"],
    periods: [
      [0, "2016-01-01", null, "held", 0, "2016-01-01", []],
      [1, "2016-01-01", null, "held", 1, "2016-01-01", []],
      [2, "2016-01-01", null, "held", 2, "2016-01-01", []],
    ],
  }, ["a", "b", "c"]);
  const text = {
    actorOrder: new Map([["rebels", 0], ["government", 1]]),
    actorColour: () => "#000000", actorName: (s) => s, t: (k) => k,
  };
  const list = bucketList(both, areaSeries(both, Float64Array.from([1, 1, 1]), d("2015-12-01")), text);
  assert.deepEqual(list.slice(0, 3).map((b) => b.key), ["held:rebels", "held:government", "held:x"]);
  assert.deepEqual(list[3].state.actors, []); // no dispute in this lens
});
