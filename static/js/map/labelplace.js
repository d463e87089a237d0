/*
 * Where district names go on the map at the current zoom, and which are left out. Pure: boxes
 * in screen pixels in, the names to draw out.
 *
 * Rules:
 * - a name is centred on its district's label point (a point inside the polygon);
 * - a district gets its name only when it is drawn big enough to carry it: its box on screen
 *   at least FIT_WIDTH of the name's width and FIT_HEIGHT of its height (so zooming in names
 *   the small districts of the Old City one by one);
 * - larger districts are named first; a name whose box (with GAP pixels around it) would
 *   touch a name already placed is left out, and so is a name not wholly inside the view
 *   (less its MARGIN), or touching one of the controls drawn over the map (search, zoom,
 *   legend, panel), so no two names ever overlap and none is cut or hidden.
 */

export const FIT_WIDTH = 0.6;
export const FIT_HEIGHT = 1.0;
export const GAP = 4; // px between two names
export const MARGIN = 2; // px from the edge of the view

/** Say whether a district drawn `shape` ({w, h} px) is big enough to carry a name `label` ({w, h}). */
export function labelFits(shape, label) {
  return shape.w >= label.w * FIT_WIDTH && shape.h >= label.h * FIT_HEIGHT;
}

function overlaps(a, b) {
  return a.x0 < b.x1 + GAP && b.x0 < a.x1 + GAP && a.y0 < b.y1 + GAP && b.y0 < a.y1 + GAP;
}

/**
 * Return the keys of the names to draw, larger districts first. candidates: [{ key, x, y
 * (the label point, px), w, h (the name's size, px), shape: {w, h} (the district's box, px),
 * rank (its area) }]; view: { w, h } px; controls: the boxes over the map [{x0, y0, x1, y1}].
 */
export function placeLabels(candidates, view, controls) {
  const ordered = candidates.slice().sort((a, b) => b.rank - a.rank || (a.key < b.key ? -1 : 1));
  const placed = (controls || []).slice();
  const keys = [];
  for (const c of ordered) {
    if (!labelFits(c.shape, c)) continue;
    const box = { x0: c.x - c.w / 2, x1: c.x + c.w / 2, y0: c.y - c.h / 2, y1: c.y + c.h / 2 };
    if (box.x0 < MARGIN || box.y0 < MARGIN || box.x1 > view.w - MARGIN || box.y1 > view.h - MARGIN) continue;
    if (placed.some((other) => overlaps(box, other))) continue;
    placed.push(box);
    keys.push(c.key);
  }
  return keys;
}
