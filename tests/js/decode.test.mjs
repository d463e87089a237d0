import assert from "node:assert/strict";
import { test } from "node:test";

import {
  codeNextPeriod, codePeriod, codeUncertain, CONTESTED, decode, DISPUTED, districtsTouched, HELD,
  nextChange, OPEN, previousChange, recordSpan, stateAt, stateCode,
} from "../../static/js/map/decode.js";
import { d, PAYLOAD, SLUGS } from "./fixtures.mjs";

const data = decode(PAYLOAD, SLUGS);
const A = 1; // a's index in the map's order
const B = 0;
const C = 2;

test("periods go to the map's districts, sorted by start; others are left out", () => {
  assert.equal(data.tracks.length, 3);
  assert.deepEqual(Array.from(data.tracks[A].start), [d("2016-01-10"), d("2016-02-01")]);
  assert.deepEqual(Array.from(data.tracks[A].end), [d("2016-02-01"), OPEN]);
  assert.deepEqual(Array.from(data.tracks[A].status), [HELD, CONTESTED]);
  assert.deepEqual(Array.from(data.tracks[A].actor), [0, -1]);
  assert.deepEqual(Array.from(data.tracks[B].status), [DISPUTED]);
  assert.deepEqual(data.tracks[B].actors, [[0, 1]]);
  assert.equal(data.tracks[C].start.length, 0);
  assert.deepEqual(data.actors, ["government", "rebels"]);
});

test("change days are unique and sorted; events include the earliest day of a window", () => {
  assert.deepEqual(Array.from(data.changeDays), [d("2016-01-10"), d("2016-01-20"), d("2016-02-01")]);
  assert.deepEqual(Array.from(data.eventDays),
    [d("2016-01-05"), d("2016-01-10"), d("2016-01-20"), d("2016-02-01"), d("2016-02-01")]);
  assert.deepEqual(Array.from(data.eventDistricts), [A, A, B, A, A]);
  assert.equal(data.first, d("2016-01-05"));
  assert.equal(data.last, d("2016-02-01"));
});

test("an empty payload decodes to unknown everywhere, with no first or last day", () => {
  const empty = decode({ lens: "x", districts: [], periods: [] }, SLUGS);
  assert.ok(Number.isNaN(empty.first) && Number.isNaN(empty.last));
  assert.equal(stateAt(empty, A, d("2016-01-10")).status, "unknown");
});

test("a state code tells the period in force, the next one, and an uncertain window", () => {
  const before = stateCode(data.tracks[A], d("2016-01-01"));
  assert.equal(codePeriod(before), -1);
  assert.equal(codeUncertain(before), false);
  const window = stateCode(data.tracks[A], d("2016-01-07"));
  assert.equal(codePeriod(window), -1);
  assert.equal(codeUncertain(window), true);
  assert.equal(codeNextPeriod(window), 0);
  assert.equal(codePeriod(stateCode(data.tracks[A], d("2016-01-10"))), 0);
  assert.equal(codePeriod(stateCode(data.tracks[A], d("2031-01-01"))), 1); // open: still lasts
  // Days that draw the same have the same code; days that differ do not.
  assert.equal(stateCode(data.tracks[A], d("2016-01-11")), stateCode(data.tracks[A], d("2016-01-30")));
  assert.notEqual(stateCode(data.tracks[A], d("2016-01-31")), stateCode(data.tracks[A], d("2016-02-01")));
});

test("a period's end is exclusive: the next day belongs to the next period", () => {
  assert.equal(stateAt(data, A, d("2016-01-31")).status, "held");
  assert.equal(stateAt(data, A, d("2016-02-01")).status, "contested");
});

test("the state on a day is told in slugs and days, with the change under way when uncertain", () => {
  const held = stateAt(data, A, d("2016-01-15"));
  assert.equal(held.status, "held");
  assert.equal(held.actor, "government");
  assert.equal(held.since, d("2016-01-10"));
  assert.equal(held.end, d("2016-02-01"));
  assert.equal(held.uncertain, undefined);

  const uncertain = stateAt(data, A, d("2016-01-07"));
  assert.equal(uncertain.status, "unknown");
  assert.equal(uncertain.uncertain, true);
  assert.equal(uncertain.next.status, "held");
  assert.equal(uncertain.next.from, d("2016-01-05"));
  assert.equal(uncertain.next.to, d("2016-01-10"));

  const disputed = stateAt(data, B, d("2016-03-01"));
  assert.deepEqual(disputed.actors, ["government", "rebels"]);
  assert.equal(disputed.end, Infinity);
  assert.equal(stateAt(data, C, d("2016-01-15")).status, "unknown");
});

test("the districts touched between two days are those with an event in between, either way", () => {
  assert.deepEqual(districtsTouched(data, d("2016-01-01"), d("2016-01-15"), 3), new Set([A]));
  assert.deepEqual(districtsTouched(data, d("2016-01-25"), d("2016-01-15"), 3), new Set([B]));
  assert.deepEqual(districtsTouched(data, d("2016-01-11"), d("2016-01-19"), 3), new Set());
  // More events than districts: redrawing everything is as cheap.
  assert.equal(districtsTouched(data, d("2016-01-01"), d("2016-03-01"), 3), null);
});

test("the next and previous change days skip the day itself", () => {
  assert.equal(nextChange(data, d("2016-01-10")), d("2016-01-20"));
  assert.equal(nextChange(data, d("2016-01-09")), d("2016-01-10"));
  assert.ok(Number.isNaN(nextChange(data, d("2016-02-01"))));
  assert.equal(previousChange(data, d("2016-01-20")), d("2016-01-10"));
  assert.equal(previousChange(data, d("2016-01-21")), d("2016-01-20"));
  assert.ok(Number.isNaN(previousChange(data, d("2016-01-10"))));
});

test("the record's span covers the site's record and the lens's changes, padded by 1%", () => {
  const span = recordSpan(data, { first: "2015-01-01", last: "2016-01-15" }, 0);
  const length = d("2016-02-01") - d("2015-01-01"); // the lens's last change is later
  const pad = Math.round(length * 0.01);
  assert.deepEqual(span, { start: d("2015-01-01") - pad, end: d("2016-02-01") + pad, last: d("2016-02-01") });
  // A short record gets three days either side.
  assert.deepEqual(recordSpan(data, {}, 0),
    { start: d("2016-01-05") - 3, end: d("2016-02-01") + 3, last: d("2016-02-01") });
});

test("with no dates at all, the span is the 30 days before now", () => {
  const empty = decode({ districts: [], periods: [] }, []);
  const now = Date.UTC(2020, 5, 15, 13, 0);
  assert.deepEqual(recordSpan(empty, null, now),
    { start: d("2020-05-16") - 3, end: d("2020-06-15") + 3, last: d("2020-06-15") });
});

test("events are sorted by day, then by district, before 1970 as after it", () => {
  const payload = {
    lens: "x",
    actors: ["g"],
    districts: ["p", "q"],
    periods: [
      [1, "1969-12-30", "1970-01-02", "held", 0, "1969-12-28", []],
      [0, "1969-12-30", null, "held", 0, "1969-12-30", []],
      [0, "1969-12-01", "1969-12-30", "contested", null, "1969-12-01", []],
    ],
  };
  const out = decode(payload, ["p", "q"]);
  assert.deepEqual(Array.from(out.eventDays), [d("1969-12-01"), d("1969-12-28"), d("1969-12-30"),
    d("1969-12-30"), d("1969-12-30"), d("1970-01-02")]);
  assert.deepEqual(Array.from(out.eventDistricts), [0, 1, 0, 0, 1, 1]);
  assert.deepEqual(Array.from(out.changeDays), [d("1969-12-01"), d("1969-12-30"), d("1970-01-02")]);
  assert.deepEqual(Array.from(out.tracks[0].start), [d("1969-12-01"), d("1969-12-30")]);
});
