import assert from "node:assert/strict";
import { test } from "node:test";

import { decode, stateCode } from "../../static/js/map/decode.js";
import {
  CONTESTED_BACKGROUND, CONTESTED_INK, DISPUTED_GENERIC, disputedColours, districtStyle,
  FALLBACK_COLOUR, KIND_FILL, kindStyle, OUTLINE, safeColour, swatchBackground, UNKNOWN_FILL,
} from "../../static/js/map/style.js";
import { d, PAYLOAD, SLUGS } from "./fixtures.mjs";

const data = decode(PAYLOAD, SLUGS);
const COLOURS = { government: "#cc0000", rebels: "#007700" };
const colour = (slug) => COLOURS[slug] || FALLBACK_COLOUR;
const pattern = (colours) => "pattern(" + colours.join("|") + ")";
const styleOn = (i, iso) => districtStyle(data, data.tracks[i], stateCode(data.tracks[i], d(iso)),
  colour, pattern);

test("a held district takes its holder's colour, plain, with a white outline", () => {
  const style = styleOn(1, "2016-01-15");
  assert.equal(style.status, "held");
  assert.equal(style.actor, "government");
  assert.equal(style.fillColor, "#cc0000");
  assert.equal(style.fillOpacity, 0.82);
  assert.equal(style.hatch, null);
  assert.equal(style.color, OUTLINE);
  assert.equal(style.dashArray, null);
});

test("contested is hatched in ink on grey; disputed in the colours of the sides named", () => {
  const contested = styleOn(1, "2016-02-05");
  assert.deepEqual(contested.hatch, [CONTESTED_INK, CONTESTED_BACKGROUND, CONTESTED_BACKGROUND]);
  assert.equal(contested.fillColor, pattern(contested.hatch));
  const disputed = styleOn(0, "2016-02-05");
  assert.equal(disputed.status, "disputed");
  assert.deepEqual(disputed.hatch, ["#cc0000", "#007700"]);
  assert.equal(disputed.fillColor, "pattern(#cc0000|#007700)");
});

test("unknown ground is plain grey", () => {
  const style = styleOn(2, "2016-01-15");
  assert.equal(style.status, "unknown");
  assert.equal(style.fillColor, UNKNOWN_FILL);
  assert.equal(style.fillOpacity, 0.75);
});

test("in an uncertain window the change under way is drawn faded, with a dashed outline", () => {
  const style = styleOn(1, "2016-01-07");
  assert.equal(style.status, "held"); // the change that may have happened
  assert.equal(style.uncertain, true);
  assert.equal(style.fillColor, "#cc0000");
  assert.ok(Math.abs(style.fillOpacity - 0.82 * 0.4) < 1e-12);
  assert.equal(style.dashArray, "4 3");
  assert.notEqual(style.color, OUTLINE);
});

test("every style sets every key, so that no key lingers when Leaflet merges them", () => {
  const keys = (style) => Object.keys(style).sort();
  const all = ["2016-01-01", "2016-01-07", "2016-01-15", "2016-02-05"].map((iso) => keys(styleOn(1, iso)));
  all.forEach((k) => assert.deepEqual(k, all[0]));
});

test("a disputed state with one side named is striped with that side and contested ink", () => {
  assert.deepEqual(disputedColours(["rebels"], colour), ["#007700", CONTESTED_INK]);
  assert.deepEqual(disputedColours([], colour), DISPUTED_GENERIC);
});

test("a swatch's background draws each state as the map does", () => {
  assert.equal(swatchBackground({ status: "held", actor: "rebels" }, colour), "#007700");
  assert.equal(swatchBackground({ status: "unknown" }, colour), UNKNOWN_FILL);
  assert.match(swatchBackground({ status: "contested" }, colour), new RegExp(CONTESTED_INK + " 0 2px"));
  assert.equal(swatchBackground({ status: "disputed", actors: ["government", "rebels"] }, colour),
    "repeating-linear-gradient(135deg, #cc0000 0px 4px, #007700 4px 8px)");
});

test("only #rrggbb colours are used; anything else falls back to grey", () => {
  assert.equal(safeColour("#A1b2C3"), "#A1b2C3");
  for (const bad of ["red", "#abc", "url(x)", "#12345g", "", null, undefined]) {
    assert.equal(safeColour(bad), FALLBACK_COLOUR, String(bad));
  }
});

test("before any control data, a district is filled by its kind", () => {
  assert.equal(kindStyle({ properties: { kind: "park" } }).fillColor, KIND_FILL.park);
  assert.equal(kindStyle({ properties: { kind: "moon-base" } }).fillColor, KIND_FILL.other);
});
