import assert from "node:assert/strict";
import { test } from "node:test";

import { createAddress, queryString, readAddress } from "../../static/js/map/address.js";
import { createStore } from "../../static/js/map/state.js";
import { d } from "./fixtures.mjs";

const LENSES = new Set(["consensus", "stance:opposition", "source:sohr"]);
const hasLens = (lens) => LENSES.has(lens);

test("the address is read into a day, a lens, a district, a range and a language", () => {
  const asked = readAddress("?date=2016-12-07&lens=stance:opposition&district=hanano&range=quarter&lang=ar",
    hasLens);
  assert.deepEqual(asked, {
    day: d("2016-12-07"), lens: "stance:opposition", unknownLens: null, district: "hanano",
    range: "quarter", language: "ar", compare: NaN,
  });
});

test("a bare address asks for the consensus on the default day, all of the record", () => {
  const asked = readAddress("", hasLens);
  assert.ok(Number.isNaN(asked.day));
  assert.equal(asked.lens, "consensus");
  assert.equal(asked.unknownLens, null);
  assert.equal(asked.district, null);
  assert.equal(asked.range, "all");
});

test("an unknown lens falls back to the consensus and is named; a bad date or range is dropped", () => {
  const asked = readAddress("?lens=source:nobody&date=2016-02-30&range=decade", hasLens);
  assert.equal(asked.lens, "consensus");
  assert.equal(asked.unknownLens, "source:nobody");
  assert.ok(Number.isNaN(asked.day));
  assert.equal(asked.range, "all");
});

test("the query string keeps a lens's colon readable and leaves out what is default", () => {
  const view = { day: d("2016-11-28"), lens: "stance:opposition", district: null, range: "all" };
  assert.equal(queryString(view), "?date=2016-11-28&lens=stance:opposition");
  assert.equal(queryString({ ...view, district: "ash-sheikh-fares", range: "year" }, "ar"),
    "?date=2016-11-28&lens=stance:opposition&district=ash-sheikh-fares&range=year&lang=ar");
  assert.equal(queryString({ ...view, lens: "source:a&b", district: "x y" }),
    "?date=2016-11-28&lens=source:a%26b&district=x%20y");
});

test("what the query string writes, the address reads back", () => {
  const view = { day: d("2013-06-01"), lens: "source:sohr", district: "hanano", range: "quarter" };
  const asked = readAddress(queryString(view, "en"), hasLens);
  assert.deepEqual([asked.day, asked.lens, asked.district, asked.range, asked.language],
    [view.day, view.lens, view.district, view.range, "en"]);
});

/** A window with the parts the address writer uses; timers run when `flush()` is called. */
function fakeWindow(search) {
  const timers = [];
  const win = {
    location: { pathname: "/embed/", search: search },
    history: {
      state: null,
      replaceState(state, title, url) {
        win.history.calls.push(url);
        win.location.search = url.slice(url.indexOf("?"));
      },
      calls: [],
    },
    setTimeout: (fn) => timers.push(fn),
    clearTimeout: () => timers.splice(0),
    flush: () => timers.splice(0).forEach((fn) => fn()),
    pending: () => timers.length,
  };
  return win;
}

test("the address follows the store, at most once per pause, with the links beside it", () => {
  const win = fakeWindow("?lang=ar");
  const store = createStore({ day: NaN, lens: "consensus", selected: -1, range: "all", playing: false });
  const links = { languageSwitch: { href: "" }, openFull: { href: "" } };
  createAddress(win, store, {
    slugOf: (i) => ["a", "hanano"][i], pageUrl: "/", arabic: true, keepLanguage: "ar", ...links,
  });
  store.set({ day: d("2016-12-01") });
  store.set({ day: d("2016-12-02") });
  store.set({ selected: 1 });
  store.set({ playing: true }); // not in the address
  assert.equal(win.pending(), 1);
  assert.deepEqual(win.history.calls, []);
  win.flush();
  assert.deepEqual(win.history.calls, ["/embed/?date=2016-12-02&lens=consensus&district=hanano&lang=ar"]);
  assert.equal(links.languageSwitch.href, "/embed/?date=2016-12-02&lens=consensus&district=hanano&lang=en");
  assert.equal(links.openFull.href, "/?date=2016-12-02&lens=consensus&district=hanano&lang=ar");
  store.set({ playing: false });
  assert.equal(win.pending(), 0);
});

// m16b: the day compared with.
test("the day compared with is read and written back; a bad one is dropped", () => {
  const view = { day: d("2016-12-07"), lens: "consensus", district: null, range: "all",
    compare: d("2016-11-15") };
  assert.equal(queryString(view), "?date=2016-12-07&lens=consensus&compare=2016-11-15");
  assert.equal(readAddress(queryString(view), hasLens).compare, d("2016-11-15"));
  assert.ok(Number.isNaN(readAddress("?compare=2016-02-30", hasLens).compare));
  assert.ok(Number.isNaN(readAddress("?compare=yesterday", hasLens).compare));
  assert.equal(queryString({ ...view, compare: NaN }), "?date=2016-12-07&lens=consensus");
});
