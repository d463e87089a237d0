import assert from "node:assert/strict";
import { test } from "node:test";

import { foldName, placeIndex, searchPlaces } from "../../static/js/map/placesearch.js";
import { labelFits, placeLabels, GAP } from "../../static/js/map/labelplace.js";
import { lensGroups } from "../../static/js/map/lensgroups.js";

const district = (slug, name_en, name_ar, area_km2, aliases = []) =>
  ({ properties: { slug, name_en, name_ar, area_km2, aliases } });
const FEATURES = [
  district("ash-sheikh-fares", "ash-Sheikh Fares", "الشيخ فارس", 0.4),
  district("sheikh-saeed", "Sheikh Sa'eed", "الشيخ سعيد", 1.2, ["Shaykh Said"]),
  district("aleppo-citadel", "Aleppo Citadel", "قلعة حلب", 0.1),
  district("hanano", "Hanano", "هنانو", 2.0),
];
const REGIONS = [{ slug: "old-city", name_en: "Old City", name_ar: "المدينة القديمة",
  aliases: ["Old Aleppo"], districts: ["aleppo-citadel"] }];
const index = placeIndex(FEATURES, REGIONS, false);
const slugs = (query, idx = index) => searchPlaces(idx, query).map((f) => f.entry.slug);

test("names fold as the server folds them: case, accents, apostrophes, articles, Arabic variants", () => {
  assert.equal(foldName("ash-Sheikh Fares"), foldName("sheikh fares"));
  assert.equal(foldName("Sheikh Sa’eed"), foldName("SHEIKH SAEED"));
  assert.equal(foldName("Aleppo Citádel"), "aleppocitadel");
  assert.equal(foldName("الشيخ فارس"), foldName("شيخ فارس"));
  assert.equal(foldName("إدلب"), foldName("ادلب"));
  assert.equal(foldName("  -- "), "");
});

test("a search finds a place by any spelling: English, Arabic, an alias, a word inside the name", () => {
  assert.deepEqual(slugs("sheikh fares"), ["ash-sheikh-fares"]);
  assert.deepEqual(slugs("الشيخ سعيد"), ["sheikh-saeed"]);
  assert.deepEqual(slugs("shaykh"), ["sheikh-saeed"]);
  assert.deepEqual(slugs("fares"), ["ash-sheikh-fares"]);
  assert.deepEqual(slugs("old aleppo"), ["old-city"]);
  assert.deepEqual(slugs("nowhere"), []);
  assert.deepEqual(slugs(" ' "), []);
});

test("a match by alias says which spelling matched; a match by a shown name does not", () => {
  const [byAlias] = searchPlaces(index, "shaykh");
  assert.equal(byAlias.via, "Shaykh Said");
  const [byName] = searchPlaces(index, "sheikh sa");
  assert.equal(byName.via, null);
});

test("a whole name beats its start, which beats a word, which beats anywhere; ties go to the larger", () => {
  assert.deepEqual(slugs("sheikh"), ["sheikh-saeed", "ash-sheikh-fares"]); // both start so: larger first
  assert.deepEqual(slugs("aleppo"), ["aleppo-citadel", "old-city"]); // start of name, then a word
  assert.deepEqual(slugs("hanano"), ["hanano"]);
  const [region] = searchPlaces(index, "old city");
  assert.equal(region.entry.kind, "region");
  assert.deepEqual(region.entry.districts, ["aleppo-citadel"]);
});

test("in Arabic a place is named in Arabic first, with its English name beside it", () => {
  const arabic = placeIndex(FEATURES, REGIONS, true);
  const [found] = searchPlaces(arabic, "hanano");
  assert.equal(found.entry.name, "هنانو");
  assert.equal(found.entry.other, "Hanano");
  assert.equal(found.via, null);
});

const box = (key, x, y, rank, w = 60, shape = { w: 100, h: 40 }) => ({ key, x, y, w, h: 16, shape, rank });
const VIEW = { w: 400, h: 300 };

test("a district too small on screen for its name gets none until the zoom makes room", () => {
  assert.equal(labelFits({ w: 100, h: 40 }, { w: 60, h: 16 }), true);
  assert.equal(labelFits({ w: 20, h: 40 }, { w: 60, h: 16 }), false);
  assert.equal(labelFits({ w: 100, h: 10 }, { w: 60, h: 16 }), false);
  assert.deepEqual(placeLabels([box("small", 100, 100, 1, 60, { w: 20, h: 8 })], VIEW), []);
  assert.deepEqual(placeLabels([box("small", 100, 100, 1, 60, { w: 40, h: 16 })], VIEW), ["small"]);
});

test("two names that would touch: the larger district keeps its name, the smaller loses it", () => {
  const big = box("big", 100, 100, 5);
  const near = box("near", 100 + 60 + GAP - 1, 100, 1); // one pixel short of the gap
  const clear = box("clear", 100 + 60 + GAP + 1, 100, 1);
  assert.deepEqual(placeLabels([near, big], VIEW), ["big"]);
  assert.deepEqual(placeLabels([clear, big], VIEW), ["big", "clear"]);
});

test("no name is cut by the edge of the view or hidden under a control", () => {
  assert.deepEqual(placeLabels([box("edge", 20, 100, 1)], VIEW), []);
  const control = { x0: 0, y0: 0, x1: 200, y1: 60 };
  assert.deepEqual(placeLabels([box("under", 100, 40, 1)], VIEW, [control]), []);
  assert.deepEqual(placeLabels([box("below", 100, 100, 1)], VIEW, [control]), ["below"]);
});

const LENSES = [
  { value: "consensus", label: "All sources, weighed", group: "", claims: 30 },
  { value: "stance:government", label: "Government sources", group: "stance", claims: 12 },
  { value: "stance:opposition", label: "Opposition sources", group: "stance", claims: 18 },
  { value: "source:sohr", label: "SOHR", group: "source", stance: "independent", claims: 9 },
  { value: "source:syrian-army", label: "Syrian Army", group: "source", stance: "government", claims: 7 },
  { value: "source:sana", label: "SANA", group: "source", stance: "government", claims: 5 },
  { value: "source:halab-today", label: "Halab Today", group: "source", stance: "opposition", claims: 18 },
];
const heading = (stance) => "One source, " + stance;

test("stances come first, then single sources grouped by stance in its order, by name", () => {
  const groups = lensGroups(LENSES, "", heading);
  assert.deepEqual(groups.map((g) => g.heading),
    ["", "One source, government", "One source, opposition", "One source, independent"]);
  assert.deepEqual(groups[0].items.map((i) => i.value), ["consensus", "stance:government", "stance:opposition"]);
  assert.deepEqual(groups[1].items.map((i) => i.label), ["SANA", "Syrian Army"]);
  assert.deepEqual(groups[1].items.map((i) => i.claims), [5, 7]);
});

test("a search keeps the lenses whose name holds it and drops the groups left empty", () => {
  const groups = lensGroups(LENSES, "syr", heading);
  assert.deepEqual(groups.map((g) => g.items.map((i) => i.value)), [["source:syrian-army"]]);
  assert.deepEqual(lensGroups(LENSES, "GOVERNMENT", heading)[0].items.map((i) => i.value),
    ["stance:government"]);
  assert.deepEqual(lensGroups(LENSES, "zzz", heading), []);
});
