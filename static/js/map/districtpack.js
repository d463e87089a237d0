/*
 * The districts' shapes packed in typed arrays, for drawing every district on one canvas
 * (districtlayer.js) without an object per vertex: pure functions, no DOM, no Leaflet.
 *
 * Coordinates are kept in Web Mercator "world units": the map's EPSG:3857 projection scaled
 * to the unit square, u from 0 (180° W) to 1 (180° E), v from 0 (north) to 1 (south). A
 * point's pixel at zoom z is (u, v) × 256 × 2^z, exactly Leaflet's `map.project`, so the
 * drawing only scales and shifts them.
 *
 * Axis order: GeoJSON coordinates are [lon, lat]; boxes in lon/lat are [west, south, east,
 * north]; pixel boxes are [x0, y0, x1, y1].
 */

const MAX_LATITUDE = 85.0511287798; // Leaflet's SphericalMercator
const RAD = Math.PI / 180;

/** Return the world unit u of longitude `lon` (degrees). */
export function unitX(lon) {
  return 0.5 + lon / 360;
}

/** Return the world unit v of latitude `lat` (degrees), clamped as Leaflet does. */
export function unitY(lat) {
  const s = Math.sin(Math.max(Math.min(MAX_LATITUDE, lat), -MAX_LATITUDE) * RAD);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/** Return [lat, lng] of the world units (u, v) (Leaflet's order). */
export function unproject(u, v) {
  const lat = (2 * Math.atan(Math.exp((0.5 - v) * 2 * Math.PI)) - Math.PI / 2) / RAD;
  return [lat, (u - 0.5) * 360];
}

/** Return the polygons of a GeoJSON geometry (Polygon or MultiPolygon), else none. */
function polygonsOf(geometry) {
  if (!geometry) return [];
  if (geometry.type === "Polygon") return [geometry.coordinates];
  if (geometry.type === "MultiPolygon") return geometry.coordinates;
  return [];
}

/** Return the box around the lon/lat boxes `lonLat` as [[south, west], [north, east]], or null. */
function boxBounds(lonLat) {
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
  for (let k = 0; k < lonLat.length; k += 4) {
    if (Number.isNaN(lonLat[k])) continue;
    west = Math.min(west, lonLat[k]);
    south = Math.min(south, lonLat[k + 1]);
    east = Math.max(east, lonLat[k + 2]);
    north = Math.max(north, lonLat[k + 3]);
  }
  return south <= north ? [[south, west], [north, east]] : null;
}

/**
 * Pack GeoJSON `features` (Polygon or MultiPolygon; any other geometry packs as a district
 * with no ring). Returns { count, coords: Float64Array [u, v, ...], ringStart: Uint32Array
 * (ring r's vertices are ringStart[r] .. ringStart[r + 1] - 1), rings: Uint32Array (district
 * d's rings are rings[d] .. rings[d + 1] - 1), units: Float64Array [u0, v0, u1, v1] per
 * district, lonLat: Float64Array [west, south, east, north] per district (NaN when empty),
 * bounds: the box around them all as Leaflet's [[south, west], [north, east]], or null }.
 */
export function packDistricts(features) {
  const count = features.length;
  let ringCount = 0;
  let vertexCount = 0;
  for (let d = 0; d < count; d++) {
    for (const polygon of polygonsOf(features[d].geometry)) {
      ringCount += polygon.length;
      for (const ring of polygon) vertexCount += ring.length;
    }
  }
  const coords = new Float64Array(vertexCount * 2);
  const ringStart = new Uint32Array(ringCount + 1);
  const rings = new Uint32Array(count + 1);
  const units = new Float64Array(count * 4);
  const lonLat = new Float64Array(count * 4);
  let r = 0;
  let k = 0;
  for (let d = 0; d < count; d++) {
    rings[d] = r;
    let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity;
    for (const polygon of polygonsOf(features[d].geometry)) {
      for (const ring of polygon) {
        ringStart[r++] = k;
        for (let j = 0; j < ring.length; j++) {
          const lon = ring[j][0];
          const lat = ring[j][1];
          if (lon < west) west = lon;
          if (lon > east) east = lon;
          if (lat < south) south = lat;
          if (lat > north) north = lat;
          coords[2 * k] = unitX(lon);
          coords[2 * k + 1] = unitY(lat);
          k++;
        }
      }
    }
    const empty = west > east;
    lonLat.set(empty ? [NaN, NaN, NaN, NaN] : [west, south, east, north], 4 * d);
    units.set(empty ? [NaN, NaN, NaN, NaN] : [unitX(west), unitY(north), unitX(east), unitY(south)], 4 * d);
  }
  rings[count] = r;
  ringStart[r] = k;
  return { count, coords, ringStart, rings, units, lonLat, bounds: boxBounds(lonLat) };
}

/**
 * Fill `boxes` (Float64Array, 4 per district) with each district's pixel box at `scale`
 * (256 × 2^zoom) less `origin` ({x, y}, the map's pixel origin), vertices rounded to whole
 * pixels as Leaflet's layer points are; an empty district's box is NaN. Returns `boxes`.
 */
export function pixelBoxes(pack, scale, origin, boxes) {
  const units = pack.units;
  for (let k = 0; k < units.length; k += 4) {
    boxes[k] = Math.round(units[k] * scale) - origin.x;
    boxes[k + 1] = Math.round(units[k + 1] * scale) - origin.y;
    boxes[k + 2] = Math.round(units[k + 2] * scale) - origin.x;
    boxes[k + 3] = Math.round(units[k + 3] * scale) - origin.y;
  }
  return boxes;
}

/** Return district d's rings as arrays of pixel points {x, y} (as `pixelBoxes`). */
export function pixelRings(pack, d, scale, origin) {
  const out = [];
  for (let r = pack.rings[d]; r < pack.rings[d + 1]; r++) {
    const ring = [];
    for (let k = pack.ringStart[r]; k < pack.ringStart[r + 1]; k++) {
      ring.push({ x: Math.round(pack.coords[2 * k] * scale) - origin.x,
        y: Math.round(pack.coords[2 * k + 1] * scale) - origin.y });
    }
    out.push(ring);
  }
  return out;
}

/** Return [lat, lng] of the centroid of district d's first ring (its box's centre if flat). */
export function districtCentre(pack, d) {
  const c = pack.coords;
  const from = pack.ringStart[pack.rings[d]];
  const to = pack.ringStart[pack.rings[d] + 1];
  let area = 0, cu = 0, cv = 0;
  for (let k = from, j = to - 1; k < to; j = k++) {
    const cross = c[2 * j] * c[2 * k + 1] - c[2 * k] * c[2 * j + 1];
    area += cross;
    cu += (c[2 * j] + c[2 * k]) * cross;
    cv += (c[2 * j + 1] + c[2 * k + 1]) * cross;
  }
  const u = pack.units;
  if (!area) return unproject((u[4 * d] + u[4 * d + 2]) / 2, (u[4 * d + 1] + u[4 * d + 3]) / 2);
  return unproject(cu / (3 * area), cv / (3 * area));
}

/**
 * Return whether the world point (u, v) lies in district d, by the even-odd rule over all its
 * rings (a hole's inside is outside, as the canvas fills it).
 */
export function containsPoint(pack, d, u, v) {
  const c = pack.coords;
  let inside = false;
  for (let r = pack.rings[d]; r < pack.rings[d + 1]; r++) {
    const from = pack.ringStart[r];
    const to = pack.ringStart[r + 1];
    for (let k = from, j = to - 1; k < to; j = k++) {
      const yk = c[2 * k + 1], yj = c[2 * j + 1];
      if ((yk > v) !== (yj > v) && u < ((c[2 * j] - c[2 * k]) * (v - yk)) / (yj - yk) + c[2 * k]) {
        inside = !inside;
      }
    }
  }
  return inside;
}

const CELL_KEY = 1 << 16; // cells per row of keys: a view is far fewer cells across

function cellKey(x, y) {
  return (x + CELL_KEY / 2) * CELL_KEY + (y + CELL_KEY / 2);
}

/**
 * Return a grid of the districts by pixel box (`boxes` as `pixelBoxes`): { cell, cells: Map
 * of cell key -> [district] }. Empty districts are left out.
 */
export function buildGrid(boxes, cell) {
  const cells = new Map();
  for (let d = 0; d < boxes.length / 4; d++) {
    if (Number.isNaN(boxes[4 * d])) continue;
    const x0 = Math.floor(boxes[4 * d] / cell), x1 = Math.floor(boxes[4 * d + 2] / cell);
    const y0 = Math.floor(boxes[4 * d + 1] / cell), y1 = Math.floor(boxes[4 * d + 3] / cell);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const key = cellKey(x, y);
        const list = cells.get(key);
        if (list) list.push(d);
        else cells.set(key, [d]);
      }
    }
  }
  return { cell, cells };
}

/**
 * Return the districts whose pixel box crosses the box [x0, y0, x1, y1], each once, sorted
 * by `rank` (a district's place in the draw order, Int32Array).
 */
export function gridQuery(grid, boxes, x0, y0, x1, y1, rank) {
  const seen = new Set();
  const cell = grid.cell;
  for (let x = Math.floor(x0 / cell); x <= Math.floor(x1 / cell); x++) {
    for (let y = Math.floor(y0 / cell); y <= Math.floor(y1 / cell); y++) {
      const list = grid.cells.get(cellKey(x, y));
      if (!list) continue;
      for (const d of list) {
        if (boxes[4 * d] <= x1 && boxes[4 * d + 2] >= x0 && boxes[4 * d + 1] <= y1 && boxes[4 * d + 3] >= y0) {
          seen.add(d);
        }
      }
    }
  }
  return Array.from(seen).sort((a, b) => rank[a] - rank[b]);
}

/**
 * Return the district drawn on top at pixel (x, y) (the one last in the draw order, by
 * `rank`, whose shape holds the point), or -1. `toUnit(x, y)` -> [u, v] turns the pixel back
 * into world units.
 */
export function hitTest(pack, grid, boxes, rank, x, y, toUnit) {
  const [u, v] = toUnit(x, y);
  const under = gridQuery(grid, boxes, x, y, x, y, rank); // in draw order: the top one last
  for (let k = under.length - 1; k >= 0; k--) {
    if (containsPoint(pack, under[k], u, v)) return under[k];
  }
  return -1;
}
