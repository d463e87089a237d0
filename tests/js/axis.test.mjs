import assert from "node:assert/strict";
import { test } from "node:test";

import { axisFraction, fitAxis, rangeOf, scaleLabels } from "../../static/js/map/axis.js";
import { d } from "./fixtures.mjs";

const SPAN = { start: d("2012-01-01"), end: d("2017-01-01") };
const FORMAT = { formatYear: (day) => "Y" + day, formatMonth: (date) => date.toISOString().slice(0, 7) };

test("only the known ranges are kept", () => {
  assert.equal(rangeOf("year"), "year");
  assert.equal(rangeOf("quarter"), "quarter");
  assert.equal(rangeOf("toString"), "all");
  assert.equal(rangeOf(null), "all");
});

test("all of the record, or a range longer than the record, shows the whole span", () => {
  assert.deepEqual(fitAxis(SPAN, SPAN, d("2014-01-01"), "all", true), SPAN);
  const short = { start: 0, end: 60 };
  assert.deepEqual(fitAxis(short, short, 30, "quarter", true), short);
});

test("a year's window is centred on the day, but never leaves the span", () => {
  const day = d("2014-07-01");
  assert.deepEqual(fitAxis(SPAN, SPAN, day, "year", true), { start: day - 183, end: day - 183 + 365 });
  assert.deepEqual(fitAxis(SPAN, SPAN, SPAN.start + 3, "year", true),
    { start: SPAN.start, end: SPAN.start + 365 });
  assert.deepEqual(fitAxis(SPAN, SPAN, NaN, "quarter", true), { start: SPAN.end - 91, end: SPAN.end });
});

test("the window stays while the day is in it, and pages when the day leaves it", () => {
  const axis = { start: d("2014-01-01"), end: d("2014-01-01") + 365 };
  assert.deepEqual(fitAxis(SPAN, axis, axis.start + 100, "year", false), axis);
  const later = axis.end + 5;
  assert.deepEqual(fitAxis(SPAN, axis, later, "year", false), { start: later - 37, end: later - 37 + 365 });
  const earlier = axis.start - 5;
  assert.deepEqual(fitAxis(SPAN, axis, earlier, "year", false),
    { start: earlier - 329, end: earlier - 329 + 365 });
});

test("a day's place on the axis runs from 0 to 1", () => {
  assert.equal(axisFraction({ start: 10, end: 20 }, 15), 0.5);
  assert.equal(axisFraction({ start: 10, end: 10 }, 11), 1); // a one-day axis does not divide by 0
});

test("a long axis is labelled by year, every nth year for at most ten", () => {
  const labels = scaleLabels(SPAN, FORMAT);
  assert.deepEqual(labels.map((l) => l[0]), [2013, 2014, 2015, 2016].map((y) => d(y + "-01-01")));
  assert.equal(labels[0][1], "Y" + d("2013-01-01"));
  const long = scaleLabels({ start: d("1990-01-01"), end: d("2020-06-01") }, FORMAT);
  // 30 years: every third year from the first whole one, ten labels.
  assert.deepEqual(long.map((l) => l[1]), [1991, 1994, 1997, 2000, 2003, 2006, 2009, 2012, 2015, 2018]
    .map((y) => "Y" + d(y + "-01-01")));
});

test("a short axis is labelled by month, none cut by either edge", () => {
  const labels = scaleLabels({ start: d("2016-10-01"), end: d("2016-10-01") + 91 }, FORMAT);
  assert.deepEqual(labels.map((l) => l[1]), ["2016-11", "2016-12"]);
  const year = scaleLabels({ start: d("2016-01-15"), end: d("2016-01-15") + 365 }, FORMAT);
  assert.deepEqual(year.map((l) => l[1]), ["2016-02", "2016-04", "2016-06", "2016-08", "2016-10", "2016-12"]);
});
