import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore } from "../../static/js/map/state.js";

test("set changes only what differs and tells each listener which keys changed", () => {
  const store = createStore({ day: 1, lens: "consensus", selected: -1 });
  const told = [];
  store.subscribe((state, changed) => told.push([state.day, Array.from(changed).sort()]));
  assert.deepEqual(Array.from(store.set({ day: 2, lens: "consensus" })), ["day"]);
  store.set({ day: 2 }); // nothing changes: nobody is told
  store.set({ lens: "source:sohr", selected: 4 });
  assert.deepEqual(told, [[2, ["day"]], [2, ["lens", "selected"]]]);
  assert.equal(store.get().selected, 4);
});

test("NaN equals NaN: setting an unknown day again is no change", () => {
  const store = createStore({ day: NaN });
  let calls = 0;
  store.subscribe(() => calls++);
  store.set({ day: NaN });
  assert.equal(calls, 0);
});

test("the state cannot be changed but through set", () => {
  const store = createStore({ day: 1 });
  assert.throws(() => {
    store.get().day = 5;
  }, TypeError);
  assert.equal(store.get().day, 1);
});

test("listeners run in the order they subscribed, and can stop", () => {
  const store = createStore({ day: 0 });
  const order = [];
  store.subscribe(() => order.push("first"));
  const stop = store.subscribe(() => order.push("second"));
  store.set({ day: 1 });
  stop();
  store.set({ day: 2 });
  assert.deepEqual(order, ["first", "second", "first"]);
});

test("a change made by a listener reaches every listener after the current round", () => {
  const store = createStore({ day: 0, playing: true });
  const seen = [];
  store.subscribe((state, changed) => {
    if (changed.has("day") && state.day >= 10) store.set({ playing: false }); // the end: stop
  });
  store.subscribe((state, changed) => seen.push([Array.from(changed).join(), state.day, state.playing]));
  store.set({ day: 10 });
  assert.deepEqual(seen, [["day", 10, false], ["playing", 10, false]]);
  assert.equal(store.get().playing, false);
});
