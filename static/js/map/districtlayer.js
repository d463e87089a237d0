/*
 * Every district drawn on one canvas from packed typed arrays (districtpack.js), instead of
 * one Leaflet path per district: no LatLng per vertex, no layer, tooltip or listeners per
 * district (issue 18: 30,000 L.Polygons took seconds to add).
 *
 * The canvas is a Leaflet canvas renderer (L.Canvas) that draws the districts itself: it
 * keeps Leaflet's container, its place in the overlay pane, its moves and zoom animations,
 * and its mouse handling, with the hit test done through a grid of the districts' pixel
 * boxes. Each district is a light "shape" (an L.Evented, not a layer) with the little of
 * L.Polygon the page uses: feature, options, setStyle, bringToFront, getBounds, getCenter,
 * closeTooltip; its mouse events propagate to the group (`layer`), as a GeoJSON layer's do.
 */
import {
  buildGrid, districtCentre, gridQuery, hitTest, packDistricts, pixelBoxes, pixelRings,
} from "./districtpack.js";

const DEFAULT_COLOUR = "#3388ff"; // Leaflet's path defaults, for style keys left out
const WIDEST_OUTLINE = 3; // px: a district never drawn yet counts as drawn with it
const dashes = new Map(); // "6 5" -> [6, 5]
const NO_DASH = [];

function dashArray(value) {
  if (!value) return NO_DASH;
  if (typeof value !== "string") return value;
  if (!dashes.has(value)) {
    const parts = value.split(/[, ]+/).map(Number);
    dashes.set(value, parts.some(Number.isNaN) ? NO_DASH : parts);
  }
  return dashes.get(value);
}

/** Return the stroke width district style `o` draws (0 for none). */
function strokeWidth(o) {
  return o.stroke === false ? 0 : (o.weight === undefined ? 3 : o.weight);
}

/**
 * Return the canvas renderer class drawing packed districts. Restyled districts are repainted
 * in place on the next animation frame: each one's pixel box is cleared and every district
 * crossing it drawn again, clipped to it, in draw order (found through the grid), so a step's
 * cost follows the number of districts changed, not of districts; most of the map restyled at
 * once, a move or a zoom: one full redraw.
 */
function createDistrictCanvas(L) {
  return L.Canvas.extend({
    _cell: 96, // px: the grid's cell

    /** Draw `pack`'s districts, with `shapes[d].options` as district d's style. */
    setDistricts: function (pack, shapes) {
      this._pack = pack;
      this._shapes = shapes;
      this._drawOrder = Int32Array.from({ length: pack.count }, (_, d) => d);
      this._drawRank = Int32Array.from(this._drawOrder);
      this._boxes = new Float64Array(pack.count * 4);
      this._painted = new Float32Array(pack.count).fill(WIDEST_OUTLINE);
      this._hovered = null;
      this._last = {};
      this._project();
      this._requestFull();
    },

    /** Put the districts' pixel boxes at the map's zoom and pixel origin; the grid goes stale. */
    _project: function () {
      if (!this._pack || !this._map) return;
      this._scale = this._map.options.crs.scale(this._map.getZoom());
      this._origin = this._map.getPixelOrigin();
      pixelBoxes(this._pack, this._scale, this._origin, this._boxes);
      this._grid = null;
    },

    _updatePaths: function () {
      if (this._postponeUpdatePaths) return;
      this._redrawBounds = null;
      this._project();
      this._redraw();
    },

    _requestFull: function () {
      this._redrawBounds = null;
      if (this._map) this._redrawRequest = this._redrawRequest || L.Util.requestAnimFrame(this._redraw, this);
    },

    _redraw: function () {
      // A full redraw takes the restyled districts along.
      this._restyled = null;
      if (this._stepRequest) L.Util.cancelAnimFrame(this._stepRequest);
      this._stepRequest = null;
      if (this._redrawRequest) L.Util.cancelAnimFrame(this._redrawRequest);
      L.Canvas.prototype._redraw.call(this);
    },

    /** Draw every district crossing the redraw bounds (all in view if none), in draw order. */
    _draw: function () {
      if (!this._pack || !this._map) return;
      const b = this._redrawBounds || this._bounds;
      const ctx = this._ctx;
      ctx.save();
      this._last = {}; // the canvas's state as set since save()
      if (this._redrawBounds) {
        ctx.beginPath();
        ctx.rect(b.min.x, b.min.y, b.max.x - b.min.x, b.max.y - b.min.y);
        ctx.clip();
      }
      const boxes = this._boxes;
      const pad = WIDEST_OUTLINE;
      for (let k = 0; k < this._drawOrder.length; k++) {
        const d = this._drawOrder[k];
        if (boxes[4 * d] - pad > b.max.x || boxes[4 * d + 2] + pad < b.min.x ||
            boxes[4 * d + 1] - pad > b.max.y || boxes[4 * d + 3] + pad < b.min.y) continue;
        this._drawDistrict(d);
      }
      ctx.restore();
    },

    /** Fill and stroke district d as Leaflet's canvas does a path with its options. */
    _drawDistrict: function (d) {
      const pack = this._pack;
      const c = pack.coords;
      const s = this._scale;
      const ox = this._origin.x;
      const oy = this._origin.y;
      const ctx = this._ctx;
      ctx.beginPath();
      for (let r = pack.rings[d]; r < pack.rings[d + 1]; r++) {
        const from = pack.ringStart[r];
        const to = pack.ringStart[r + 1];
        let px = NaN;
        let py = NaN;
        for (let k = from; k < to; k++) {
          const x = Math.round(c[2 * k] * s) - ox;
          const y = Math.round(c[2 * k + 1] * s) - oy;
          if (k === from) ctx.moveTo(x, y);
          else if (x !== px || y !== py) ctx.lineTo(x, y);
          px = x;
          py = y;
        }
        ctx.closePath();
      }
      // Only what differs from the district drawn before is set: the canvas parses each
      // colour and line style it is given, 30,000 times a full redraw (issue 18).
      const o = this._shapes[d].options;
      const last = this._last;
      if (o.fill !== false) {
        const alpha = o.fillOpacity === undefined ? 0.2 : o.fillOpacity;
        const fill = o.fillColor || o.color || DEFAULT_COLOUR;
        if (last.alpha !== alpha) ctx.globalAlpha = last.alpha = alpha;
        if (last.fill !== fill) ctx.fillStyle = last.fill = fill;
        ctx.fill(o.fillRule || "evenodd");
      }
      const width = strokeWidth(o);
      if (width) {
        const dash = dashArray(o.dashArray);
        const alpha = o.opacity === undefined ? 1 : o.opacity;
        const colour = o.color || DEFAULT_COLOUR;
        const cap = o.lineCap || "round";
        const join = o.lineJoin || "round";
        if (last.dash !== dash) ctx.setLineDash(last.dash = dash);
        if (last.alpha !== alpha) ctx.globalAlpha = last.alpha = alpha;
        if (last.width !== width) ctx.lineWidth = last.width = width;
        if (last.stroke !== colour) ctx.strokeStyle = last.stroke = colour;
        if (last.cap !== cap) ctx.lineCap = last.cap = cap;
        if (last.join !== join) ctx.lineJoin = last.join = join;
        ctx.stroke();
      }
      this._painted[d] = width;
    },

    /** District d's style changed: repaint it on the next frame. */
    _restyle: function (d) {
      if (!this._map || !this._pack || this._redrawRequest) return; // a full redraw draws it anyway
      (this._restyled = this._restyled || new Set()).add(d);
      this._stepRequest = this._stepRequest || L.Util.requestAnimFrame(this._repaintRestyled, this);
    },

    /** Draw district d last (above its neighbours). */
    _raise: function (d) {
      const order = this._drawOrder;
      const at = this._drawRank[d];
      if (at === order.length - 1) return;
      order.copyWithin(at, at + 1);
      order[order.length - 1] = d;
      for (let k = at; k < order.length; k++) this._drawRank[order[k]] = k;
      this._restyle(d);
    },

    _repaintRestyled: function () {
      this._stepRequest = null;
      const restyled = this._restyled;
      this._restyled = null;
      if (!restyled || !this._map || this._redrawRequest) return; // a full redraw is on its way
      if (restyled.size > this._pack.count / 4) { // most of the map: one full redraw is cheaper
        this._redrawBounds = null;
        L.Canvas.prototype._redraw.call(this);
        return;
      }
      const grid = this._gridNow();
      const boxes = this._boxes;
      const ctx = this._ctx;
      restyled.forEach((d) => {
        if (Number.isNaN(boxes[4 * d])) return;
        const pad = strokeWidth(this._shapes[d].options) / 2 + this._repaintPad(d);
        const x0 = Math.floor(boxes[4 * d] - pad);
        const y0 = Math.floor(boxes[4 * d + 1] - pad);
        const x1 = Math.ceil(boxes[4 * d + 2] + pad);
        const y1 = Math.ceil(boxes[4 * d + 3] + pad);
        // Districts just outside the box may bleed an outline or an anti-aliased edge into it.
        const reach = 2 + WIDEST_OUTLINE / 2;
        const found = gridQuery(grid, boxes, x0 - reach, y0 - reach, x1 + reach, y1 + reach, this._drawRank);
        ctx.save();
        this._last = {};
        ctx.beginPath();
        ctx.rect(x0, y0, x1 - x0, y1 - y0);
        ctx.clip();
        ctx.clearRect(x0, y0, x1 - x0, y1 - y0);
        for (let k = 0; k < found.length; k++) this._drawDistrict(found[k]);
        ctx.restore();
      });
    },

    /**
     * Return how far beyond its box and half its outline as styled now a restyled district's
     * repaint reaches: the rest of the outline it was last drawn with, when that was wider (a
     * selected or hovered outline going), and a pixel of anti-aliasing.
     */
    _repaintPad: function (d) {
      const now = strokeWidth(this._shapes[d].options);
      return Math.max(0, Math.ceil((this._painted[d] - now) / 2)) + 1;
    },

    /** Return the grid of the districts' pixel boxes, built again once they have moved. */
    _gridNow: function () {
      return this._grid || (this._grid = buildGrid(this._boxes, this._cell));
    },

    /** Return the shape drawn on top at layer point `point`, or null. */
    _shapeAt: function (point) {
      if (!this._pack) return null;
      const grid = this._gridNow();
      const s = this._scale;
      const origin = this._origin;
      const d = hitTest(this._pack, grid, this._boxes, this._drawRank, point.x, point.y,
        (x, y) => [(x + origin.x) / s, (y + origin.y) / s]);
      return d < 0 ? null : this._shapes[d];
    },

    // Leaflet's hover and click handling, with the grid's hit test for its loop over paths.
    _handleMouseHover: function (e, point) {
      if (this._mouseHoverThrottled) return;
      const found = this._shapeAt(point);
      if (found !== this._hovered) {
        this._handleMouseOut(e);
        if (found) {
          L.DomUtil.addClass(this._container, "leaflet-interactive");
          this._fireEvent([found], e, "mouseover");
          this._hovered = found;
        }
      }
      this._fireEvent(this._hovered ? [this._hovered] : false, e);
      this._mouseHoverThrottled = true;
      setTimeout(() => { this._mouseHoverThrottled = false; }, 32);
    },

    _handleMouseOut: function (e) {
      const shape = this._hovered;
      if (!shape) return;
      L.DomUtil.removeClass(this._container, "leaflet-interactive");
      this._fireEvent([shape], e, "mouseout");
      this._hovered = null;
      this._mouseHoverThrottled = false;
    },

    _onClick: function (e) {
      const found = this._shapeAt(this._map.mouseEventToLayerPoint(e));
      const dragged = (e.type === "click" || e.type === "preclick") && this._map._draggableMoved(this._map);
      this._fireEvent(found && !dragged ? [found] : false, e);
    },
  });
}

/**
 * Return the districts' layer for `map`: { renderer (on the overlay pane, carrying the
 * attribution), layer (an L.Evented: getLayers, eachLayer, getBounds; the shapes' mouse and
 * tooltip events reach it with `propagatedFrom`), load(features, fit) -> shapes, resetStyle(shape,
 * fn), setStyleAll(fn) }. hooks: { style(feature) -> each district's first style,
 * attribution (HTML), openTooltip(shape, latlng), closeTooltip(shape) }.
 */
export function createDistrictLayer(L, map, hooks) {
  if (map.options.crs !== L.CRS.EPSG3857) throw new Error("The districts' canvas draws Web Mercator only.");
  const Renderer = createDistrictCanvas(L);
  const renderer = new Renderer({ padding: 0.5 });
  renderer.getAttribution = () => hooks.attribution;
  const layer = new L.Evented();
  let pack = null;
  let shapes = [];

  /**
   * Merge `options` into `shape`'s style, in place (Leaflet's setOptions): the style it was
   * given whole (shared, a cached style) is copied first, once.
   */
  function merge(shape, options) {
    if (!shape._own) {
      shape.options = Object.assign({}, shape.options);
      shape._own = true;
    }
    const o = shape.options;
    for (const key in options) o[key] = options[key];
  }

  const proto = Object.create(L.Evented.prototype);
  proto._eventParents = { [L.stamp(layer)]: layer };
  Object.assign(proto, {
    /** Merge `options` into the district's style (Leaflet's setStyle) and repaint it. */
    setStyle(options) {
      merge(this, options);
      renderer._restyle(this._index);
      return this;
    },
    bringToFront() {
      renderer._raise(this._index);
      return this;
    },
    getBounds() {
      const b = pack.lonLat.subarray(4 * this._index, 4 * this._index + 4);
      return L.latLngBounds([b[1], b[0]], [b[3], b[2]]);
    },
    getCenter() {
      return L.latLng(districtCentre(pack, this._index));
    },
    /** Name the district in the tooltip, at `latlng` (default: its centre). */
    openTooltip(latlng) {
      hooks.openTooltip(this, latlng || this.getCenter());
      return this;
    },
    closeTooltip() {
      hooks.closeTooltip(this);
      return this;
    },
  });
  // The district's rings in layer pixels (as an L.Polygon's `_parts`), for tests.
  Object.defineProperty(proto, "_parts", {
    get() { return pixelRings(pack, this._index, renderer._scale, renderer._origin); },
  });

  /** Draw `features`; `fit(bounds)` is called first with their box ([[s, w], [n, e]] or null). */
  function load(features, fit) {
    pack = packDistricts(features);
    fit(pack.bounds);
    shapes = features.map((feature, d) => {
      const shape = Object.create(proto);
      shape._index = d;
      shape.feature = feature;
      shape.options = hooks.style(feature);
      shape._own = false;
      return shape;
    });
    renderer.setDistricts(pack, shapes);
    return shapes;
  }

  Object.assign(layer, {
    getLayers: () => shapes.slice(),
    eachLayer(fn, context) {
      shapes.forEach((shape) => fn.call(context, shape));
      return layer;
    },
    getBounds: () => L.latLngBounds(pack && pack.bounds ? pack.bounds : []),
  });
  renderer.addTo(map);

  return {
    renderer,
    layer,
    load,
    /** Give `shape` the style `fn(feature)` afresh (Leaflet's resetStyle). */
    resetStyle(shape, fn) {
      shape.options = fn(shape.feature);
      shape._own = false;
      renderer._restyle(shape._index);
    },
    /** Merge `fn(feature)` into every district's style; one full redraw. */
    setStyleAll(fn) {
      shapes.forEach((shape) => merge(shape, fn(shape.feature)));
      renderer._requestFull();
    },
  };
}
