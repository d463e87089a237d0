import assert from "node:assert/strict";
import { test } from "node:test";

import {
  clampDay, dateDay, dayDate, dayNumber, dayString, firstAfter, lastAtOrBefore,
} from "../../static/js/map/days.js";

test("a day number counts whole days from 1970-01-01", () => {
  assert.equal(dayNumber("1970-01-01"), 0);
  assert.equal(dayNumber("1970-01-02"), 1);
  assert.equal(dayNumber("1969-12-31"), -1);
  assert.equal(dayNumber("2016-12-22") - dayNumber("2016-11-22"), 30);
});

test("a day that is not a real calendar day, or not YYYY-MM-DD, is NaN", () => {
  for (const bad of ["2016-02-30", "2015-02-29", "2016-13-01", "2016-1-05", "", null, undefined, 5]) {
    assert.ok(Number.isNaN(dayNumber(bad)), String(bad));
  }
  assert.equal(dayString(dayNumber("2016-02-29")), "2016-02-29"); // a leap day is real
});

test("dayString, dayDate and dateDay undo dayNumber", () => {
  for (const iso of ["2012-07-19", "2016-12-22", "2000-02-29"]) {
    const day = dayNumber(iso);
    assert.equal(dayString(day), iso);
    assert.equal(dayDate(day).toISOString(), iso + "T00:00:00.000Z");
    assert.equal(dateDay(dayDate(day)), day);
  }
});

test("a step is rounded to a whole day and kept within the span", () => {
  const span = { start: 10, end: 20 };
  assert.equal(clampDay(14.6, span), 15);
  assert.equal(clampDay(3, span), 10);
  assert.equal(clampDay(99, span), 20);
});

test("the binary searches find the last value at or before x and the first after it", () => {
  const values = Int32Array.from([1, 3, 3, 7]);
  assert.equal(lastAtOrBefore(values, 0), -1);
  assert.equal(lastAtOrBefore(values, 3), 2);
  assert.equal(lastAtOrBefore(values, 6), 2);
  assert.equal(lastAtOrBefore(values, 100), 3);
  assert.equal(firstAfter(values, 3), 3);
  assert.equal(firstAfter(values, 7), 4);
  assert.equal(lastAtOrBefore(new Int32Array(0), 5), -1);
});

test("dayNumber counts by arithmetic as the calendar does, every day of four centuries", () => {
  // Compared with Date over 1900-2299: leap years (2000 yes, 1900 and 2100 no), month ends.
  for (let day = dayNumber("1900-01-01"); day <= dayNumber("2299-12-31"); day++) {
    const iso = new Date(day * 86400000).toISOString().slice(0, 10);
    if (dayNumber(iso) !== day) assert.fail(iso + " gave " + dayNumber(iso) + ", not " + day);
  }
  assert.equal(dayNumber("1900-01-01"), -25567);
  for (const bad of ["1900-02-29", "2100-02-29", "2016-04-31", "2016-00-10", "2016-01-00",
    "2016-01-32", "2016/01/05", "2016-01-0a", "+016-01-05", " 2016-01-05"]) {
    assert.ok(Number.isNaN(dayNumber(bad)), bad);
  }
  assert.equal(dayNumber("2000-02-29") - dayNumber("2000-02-28"), 1);
});
