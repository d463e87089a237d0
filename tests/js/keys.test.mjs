import assert from "node:assert/strict";
import { test } from "node:test";

import { keyAction } from "../../static/js/map/keys.js";
import { speedOf } from "../../static/js/map/playback.js";
import { safeHref } from "../../static/js/map/panel.js";

const key = (name, extra = {}) => ({ key: name, target: { tagName: "DIV" }, ...extra });

test("the arrow keys step a day, with Shift a change, the way the slider runs", () => {
  assert.deepEqual(keyAction(key("ArrowRight"), false, false), { action: "day", direction: 1 });
  assert.deepEqual(keyAction(key("ArrowLeft", { shiftKey: true }), false, false),
    { action: "change", direction: -1 });
  // Right to left (Arabic): time runs to the left.
  assert.deepEqual(keyAction(key("ArrowLeft"), false, true), { action: "day", direction: 1 });
});

test("space plays, Home and End go to the ends, Escape closes", () => {
  assert.deepEqual(keyAction(key(" "), false, false), { action: "toggle" });
  assert.deepEqual(keyAction(key("Home"), false, false), { action: "start" });
  assert.deepEqual(keyAction(key("End"), false, false), { action: "end" });
  assert.deepEqual(keyAction(key("Escape"), false, false), { action: "close" });
  assert.equal(keyAction(key("x"), false, false), null);
});

test("keys typed into a field, with a modifier, or already handled are left alone", () => {
  assert.equal(keyAction(key("ArrowRight", { target: { tagName: "INPUT" } }), false, false), null);
  assert.equal(keyAction(key("ArrowRight", { target: { tagName: "DIV", isContentEditable: true } }),
    false, false), null);
  assert.equal(keyAction(key("ArrowRight", { ctrlKey: true }), false, false), null);
  assert.equal(keyAction(key("ArrowRight", { defaultPrevented: true }), false, false), null);
  // Space on a button presses the button.
  assert.equal(keyAction(key(" ", { target: { tagName: "BUTTON" } }), false, false), null);
});

test("on the slider, the arrows and space are the map's; Home and End are the slider's", () => {
  const slider = { target: { tagName: "INPUT" } };
  assert.deepEqual(keyAction(key("ArrowRight", slider), true, false), { action: "day", direction: 1 });
  assert.deepEqual(keyAction(key(" ", slider), true, false), { action: "toggle" });
  assert.equal(keyAction(key("Home", slider), true, false), null);
});

test("only the known playback speeds are kept", () => {
  assert.deepEqual(["day", "week", "month", "change"].map(speedOf), ["day", "week", "month", "change"]);
  assert.equal(speedOf("year"), "week");
  assert.equal(speedOf("constructor"), "week");
});

test("a claim's link is kept only if it is an absolute http(s) address", () => {
  assert.equal(safeHref("https://example.org/a?b=1"), "https://example.org/a?b=1");
  assert.equal(safeHref("http://example.org"), "http://example.org/");
  for (const bad of ["javascript:alert(1)", "data:text/html,x", "/relative", "", null]) {
    assert.equal(safeHref(bad), null, String(bad));
  }
});
