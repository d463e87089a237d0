import assert from "node:assert/strict";
import { test } from "node:test";

import {
  codePeriod, codeStale, decode, lastReportedOn, stateAt, stateCode, staleOn,
} from "../../static/js/map/decode.js";
import { districtStyle, STALE_DASH, STALE_OUTLINE } from "../../static/js/map/style.js";
import { d, PAYLOAD } from "./fixtures.mjs";

// The fixture's payload with report days and stale spans: a's open contested period is stale
// from 1 June 2016 on; its held period is never stale; b's disputed period is stale in a span
// that ends (a later report) on 1 September 2016.
const STALE_PAYLOAD = Object.assign({}, PAYLOAD, {
  last_reported: ["2016-02-01", "2016-01-10", "2016-01-20", null],
  stale: [[["2016-06-01", null]], null, [["2016-07-01", "2016-09-01"]], null],
  stale_after_days: 120,
});
const SLUGS = ["a", "b"];
const data = decode(STALE_PAYLOAD, SLUGS);
const A = 0;
const B = 1;

test("a state is stale on a day inside one of its period's stale spans, and only then", () => {
  const a = data.tracks[A]; // sorted: held (0), contested (1)
  assert.equal(staleOn(a, 1, d("2016-05-31")), false);
  assert.equal(staleOn(a, 1, d("2016-06-01")), true);
  assert.equal(staleOn(a, 1, d("2030-01-01")), true); // an open span lasts to the period's end
  assert.equal(staleOn(a, 0, d("2016-01-20")), false); // never stale
  assert.equal(staleOn(a, -1, d("2016-06-01")), false); // unknown is never stale
  const b = data.tracks[B];
  assert.equal(staleOn(b, 0, d("2016-08-31")), true);
  assert.equal(staleOn(b, 0, d("2016-09-01")), false); // the span's end is exclusive
});

test("the state code carries staleness, so a stale day draws unlike a fresh one", () => {
  const fresh = stateCode(data.tracks[A], d("2016-05-31"));
  const stale = stateCode(data.tracks[A], d("2016-06-01"));
  assert.notEqual(fresh, stale);
  assert.equal(codePeriod(fresh), codePeriod(stale));
  assert.equal(codeStale(fresh), false);
  assert.equal(codeStale(stale), true);
  const state = stateAt(data, A, d("2016-06-01"));
  assert.equal(state.stale, true);
  assert.equal(state.lastReported, d("2016-02-01"));
  assert.equal(stateAt(data, A, d("2016-05-01")).stale, false);
  assert.equal(data.staleAfterDays, 120);
});

test("a stale day's drawing starts and ends are events, so scrubbing across them repaints", () => {
  const days = Array.from(data.eventDays);
  assert.ok(days.includes(d("2016-06-01")));
  assert.ok(days.includes(d("2016-09-01")));
});

test("a stale district is drawn lighter with a dotted dark outline, unlike a faded one", () => {
  const colour = () => "#cc0000";
  const pattern = (colours) => colours.join("/");
  const track = data.tracks[B];
  const fresh = districtStyle(data, track, stateCode(track, d("2016-06-01")), colour, pattern);
  const stale = districtStyle(data, track, stateCode(track, d("2016-07-01")), colour, pattern);
  assert.equal(fresh.stale, false);
  assert.equal(stale.stale, true);
  assert.equal(stale.dashArray, STALE_DASH);
  assert.equal(stale.color, STALE_OUTLINE);
  assert.ok(stale.fillOpacity < fresh.fillOpacity / 2);
  assert.equal(stale.fillColor, fresh.fillColor); // still the state's own colours
  const faded = districtStyle(data, data.tracks[A], stateCode(data.tracks[A], d("2016-01-07")),
    colour, pattern);
  assert.equal(faded.uncertain, true);
  assert.notEqual(faded.dashArray, stale.dashArray);
  assert.notEqual(faded.color, stale.color);
});

test("the last report as of a day is the newest report on or before it, none before the first", () => {
  const days = ["2016-11-27", "2016-11-28", "2016-12-22"];
  assert.equal(lastReportedOn(days, d("2016-12-01")), d("2016-11-28"));
  assert.equal(lastReportedOn(days, d("2016-11-28")), d("2016-11-28"));
  assert.equal(lastReportedOn(days, d("2017-01-01")), d("2016-12-22"));
  assert.ok(Number.isNaN(lastReportedOn(days, d("2016-11-26"))));
  assert.ok(Number.isNaN(lastReportedOn(null, d("2016-11-26"))));
});
