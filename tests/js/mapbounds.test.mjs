// The box the map is fitted to before the districts are drawn (districtpack.js, map.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { packDistricts } from "../../static/js/map/districtpack.js";

test("the districts' box holds every vertex of polygons and multipolygons, in [lat, lng]", () => {
  const features = [
    { geometry: { type: "Polygon", coordinates: [[[37.1, 36.2], [37.3, 36.1], [37.2, 36.4], [37.1, 36.2]]] } },
    { geometry: { type: "MultiPolygon", coordinates: [[[[36.9, 36.3], [37.0, 36.3], [37.0, 36.5], [36.9, 36.3]]],
      [[[37.5, 35.9], [37.6, 35.9], [37.6, 36.0], [37.5, 35.9]]]] } },
    { geometry: null },
  ];
  assert.deepEqual(packDistricts(features).bounds, [[35.9, 36.9], [36.5, 37.6]]);
  assert.equal(packDistricts([]).bounds, null);
  assert.equal(packDistricts([{ geometry: { type: "Point", coordinates: [1, 2] } }]).bounds, null);
});
