// The districts packed in typed arrays for the one-canvas drawing (districtpack.js):
// projection, pixel boxes, the grid, the hit test.
import assert from "node:assert/strict";
import { test } from "node:test";

import {
  buildGrid, containsPoint, districtCentre, gridQuery, hitTest, packDistricts, pixelBoxes, pixelRings,
  unitX, unitY, unproject,
} from "../../static/js/map/districtpack.js";

const square = (x0, y0, x1, y1) => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const polygon = (...rings) => ({ geometry: { type: "Polygon", coordinates: rings } });

test("world units are Leaflet's EPSG:3857 pixels at zoom 0 over 256, north up", () => {
  assert.equal(unitX(-180), 0);
  assert.equal(unitX(180), 1);
  assert.equal(unitX(0), 0.5);
  assert.equal(unitY(0), 0.5);
  assert.ok(unitY(36.2) < 0.5); // north is up: smaller v
  // Leaflet: map.project([36.2, 37.15], 12) = (2^12 * 256) * (u, v); the y figure from
  // R * ln(tan(pi/4 + lat/2)) scaled to the unit square.
  const y = Math.log(Math.tan(Math.PI / 4 + (36.2 * Math.PI) / 360));
  assert.ok(Math.abs(unitY(36.2) - (0.5 - y / (2 * Math.PI))) < 1e-15);
  assert.equal(unitY(90), unitY(85.0511287798)); // clamped as Leaflet does
  const [lat, lng] = unproject(unitX(37.15), unitY(36.2));
  assert.ok(Math.abs(lat - 36.2) < 1e-9 && Math.abs(lng - 37.15) < 1e-9);
});

test("a pack holds every ring of polygons and multipolygons, each district's rings in turn", () => {
  const pack = packDistricts([
    polygon(square(0, 0, 2, 2), square(0.5, 0.5, 1, 1)), // a hole
    { geometry: { type: "MultiPolygon", coordinates: [[square(3, 0, 4, 1)], [square(5, 0, 6, 1)]] } },
    { geometry: null },
  ]);
  assert.equal(pack.count, 3);
  assert.deepEqual(Array.from(pack.rings), [0, 2, 4, 4]);
  assert.deepEqual(Array.from(pack.ringStart), [0, 5, 10, 15, 20]);
  assert.equal(pack.coords.length, 40);
  assert.deepEqual(Array.from(pack.lonLat.subarray(4, 8)), [3, 0, 6, 1]);
  assert.ok(pack.lonLat.subarray(8, 12).every(Number.isNaN)); // no geometry: an empty box
  assert.deepEqual(pack.bounds, [[0, 0], [2, 6]]);
});

test("pixel boxes and rings are whole pixels at the zoom's scale, less the pixel origin", () => {
  const pack = packDistricts([polygon(square(37.1, 36.1, 37.2, 36.2))]);
  const scale = 256 * 2 ** 12;
  const origin = { x: 640000, y: 400000 };
  const boxes = pixelBoxes(pack, scale, origin, new Float64Array(4));
  assert.deepEqual(Array.from(boxes), [
    Math.round(unitX(37.1) * scale) - origin.x, Math.round(unitY(36.2) * scale) - origin.y,
    Math.round(unitX(37.2) * scale) - origin.x, Math.round(unitY(36.1) * scale) - origin.y,
  ]);
  const [ring] = pixelRings(pack, 0, scale, origin);
  assert.equal(ring.length, 5);
  assert.deepEqual(ring[2], { x: boxes[2], y: boxes[1] }); // (37.2, 36.2): east, north
});

test("a point is inside by the even-odd rule: a hole's inside is outside", () => {
  const pack = packDistricts([polygon(square(0, 0, 2, 2), square(0.5, 0.5, 1, 1))]);
  const at = (lon, lat) => containsPoint(pack, 0, unitX(lon), unitY(lat));
  assert.equal(at(1.5, 1.5), true);
  assert.equal(at(0.75, 0.75), false); // in the hole
  assert.equal(at(2.5, 1), false);
  assert.equal(at(-0.1, 1), false);
});

test("the grid finds each district crossing a box once, in draw order, and no other", () => {
  // Three boxes in pixels: two overlapping near the origin, one far away.
  const boxes = Float64Array.from([0, 0, 50, 50, 40, 40, 300, 90, 1000, 1000, 1010, 1010, NaN, NaN, NaN, NaN]);
  const grid = buildGrid(boxes, 96);
  const rank = Int32Array.from([2, 0, 1, 3]); // district 1 drawn first, then 2, then 0
  assert.deepEqual(gridQuery(grid, boxes, 45, 45, 200, 60, rank), [1, 0]);
  assert.deepEqual(gridQuery(grid, boxes, -500, -500, 2000, 2000, rank), [1, 2, 0]);
  assert.deepEqual(gridQuery(grid, boxes, 100, 0, 110, 30, rank), []); // in a cell, outside every box
  assert.deepEqual(gridQuery(grid, boxes, -90, -90, -80, -80, rank), []);
});

test("the hit test picks the district drawn last among those holding the point, by shape", () => {
  // A triangle's box covers the point, its shape does not; two squares overlap there.
  const features = [
    polygon(square(0, 0, 4, 4)),
    polygon(square(2, 2, 6, 6)),
    polygon([[0, 3], [3, 6], [0, 6], [0, 3]]),
  ];
  const pack = packDistricts(features);
  const scale = 256 * 2 ** 10;
  const origin = { x: Math.round(unitX(0) * scale), y: Math.round(unitY(6) * scale) };
  const boxes = pixelBoxes(pack, scale, origin, new Float64Array(12));
  const grid = buildGrid(boxes, 96);
  const toUnit = (x, y) => [(x + origin.x) / scale, (y + origin.y) / scale];
  const pixel = (lon, lat) => [Math.round(unitX(lon) * scale) - origin.x, Math.round(unitY(lat) * scale) - origin.y];
  const hit = (rank, lon, lat) => hitTest(pack, grid, boxes, Int32Array.from(rank), ...pixel(lon, lat), toUnit);
  assert.equal(hit([0, 1, 2], 3, 3), 1); // both squares: the one drawn last
  assert.equal(hit([1, 0, 2], 3, 3), 0); // the first brought to front
  assert.equal(hit([0, 1, 2], 1, 1), 0);
  assert.equal(hit([0, 1, 2], 2.5, 3.2), 1); // in the triangle's box, not in the triangle
  assert.equal(hit([0, 1, 2], 0.5, 5), 2);
  assert.equal(hit([0, 1, 2], 5.5, 0.5), -1);
});

test("a district's centre is its first ring's centroid", () => {
  const pack = packDistricts([polygon(square(37, 36, 37.2, 36.2))]);
  const [lat, lng] = districtCentre(pack, 0);
  assert.ok(Math.abs(lng - 37.1) < 1e-6);
  assert.ok(lat > 36 && lat < 36.2 && Math.abs(lat - 36.1) < 1e-3);
});
