// The first paint from one day's state (control/), before the whole timeline arrives.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  codePeriod, decode, decodeDay, firstPaintDay, stateAt, stateCode,
} from "../../static/js/map/decode.js";
import { districtStyle } from "../../static/js/map/style.js";
import { d, PAYLOAD, SLUGS } from "./fixtures.mjs";

// The fixture's timeline (fixtures.mjs) on 25 January 2016, as control/?on= answers it.
const DAY = d("2016-01-25");
const CONTROL = {
  on: "2016-01-25",
  lens: "consensus",
  districts: [
    { district: "a", status: "held", actor: "government", actors: [], since: "2016-01-10",
      claims: [1], last_reported: "2016-01-12", stale: false },
    { district: "b", status: "disputed", actor: null, actors: ["government", "rebels"],
      since: "2016-01-20", claims: [2, 3], last_reported: "2016-01-20", stale: true },
    { district: "c", status: "unknown", actor: null, actors: [], since: null, claims: [],
      last_reported: null, stale: false },
    { district: "gone", status: "held", actor: "rebels", actors: [], since: "2016-01-01",
      claims: [4], last_reported: null, stale: false },
  ],
};
const colour = (actor) => ({ government: "#aa0000", rebels: "#00aa00" })[actor] || "#999999";
const hatch = (colours) => "hatch:" + colours.join("/");

test("the day's state draws each district as the whole timeline draws it on that day", () => {
  const day = decodeDay(CONTROL, SLUGS, DAY);
  const whole = decode(PAYLOAD, SLUGS);
  SLUGS.forEach((slug, i) => {
    const fromDay = stateAt(day, i, DAY);
    const fromWhole = stateAt(whole, i, DAY);
    for (const key of ["status", "actor", "actors", "since"]) {
      assert.deepEqual(fromDay[key], fromWhole[key], slug + " " + key);
    }
    const styleDay = districtStyle(day, day.tracks[i], stateCode(day.tracks[i], DAY), colour, hatch);
    const styleWhole = districtStyle(whole, whole.tracks[i], stateCode(whole.tracks[i], DAY), colour, hatch);
    // b is stale in this control/ answer only: its style is the stale one, the rest the same.
    if (slug !== "b") assert.deepEqual(styleDay, styleWhole, slug);
    else assert.equal(styleDay.fillColor, styleWhole.fillColor);
  });
});

test("a stale district is stale on the day; an unknown or absent one has no period", () => {
  const day = decodeDay(CONTROL, ["b", "c", "nowhere"], DAY);
  assert.equal(stateAt(day, 0, DAY).stale, true);
  assert.equal(stateAt(day, 0, DAY).status, "disputed");
  assert.deepEqual(stateAt(day, 0, DAY).actors, ["government", "rebels"]);
  assert.equal(day.tracks[1].start.length, 0);
  assert.equal(day.tracks[2].start.length, 0);
  assert.equal(codePeriod(stateCode(day.tracks[1], DAY)), -1);
  assert.equal(stateAt(day, 2, DAY).status, "unknown");
});

test("the day's state answers for that day only: no change days, no events", () => {
  const day = decodeDay(CONTROL, SLUGS, DAY);
  assert.equal(day.changeDays.length, 0);
  assert.equal(day.eventDays.length, 0);
  assert.equal(stateAt(day, 1, DAY + 1).status, "unknown"); // a, the day after
  assert.equal(day.actors.length, 2); // the actors named on the map's districts
});

test("a held district with no `since` (or one after the day) starts on the day", () => {
  const control = { lens: "x", districts: [{ district: "a", status: "held", actor: "rebels",
    actors: [], since: null, last_reported: null, stale: false }] };
  const day = decodeDay(control, ["a"], DAY);
  assert.equal(day.tracks[0].start[0], DAY);
  assert.equal(stateAt(day, 0, DAY).actor, "rebels");
});

test("the first day: the record's last, an asked day within the record, else unknown", () => {
  const record = { first: "2012-07-19", last: "2016-12-22" };
  assert.equal(firstPaintDay(NaN, record), d("2016-12-22"));
  assert.equal(firstPaintDay(d("2016-01-25"), record), d("2016-01-25"));
  assert.equal(firstPaintDay(d("2016-01-25") + 0.4, record), d("2016-01-25"));
  // The record's span is padded by 1% (at least three days), as recordSpan pads it.
  assert.equal(firstPaintDay(d("2016-12-30"), record), d("2016-12-30"));
  assert.ok(Number.isNaN(firstPaintDay(d("2019-01-01"), record)));
  assert.ok(Number.isNaN(firstPaintDay(d("2001-01-01"), record)));
  assert.ok(Number.isNaN(firstPaintDay(d("2016-01-25"), { first: null, last: null })));
  assert.ok(Number.isNaN(firstPaintDay(NaN, undefined)));
});
