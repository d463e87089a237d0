/*
 * The districts drawn on a Leaflet map with the canvas renderer.
 *
 * This module knows nothing about control or dates. It draws each district, names it in a
 * tooltip (and a popup, or a click handler of the caller's), and returns
 * { map, layer, renderer, ready, district(slug), setStyle(fn), fitDistricts() } so that the
 * timeline (paint.js) can restyle each district per date. Leaflet is the page's global `L`.
 *
 * Text from the data (district names, claim quotes) comes from third parties: it is only ever
 * put in the page with textContent, never as HTML.
 *
 * Axis order: GeoJSON coordinates are [lon, lat]; Leaflet's LatLng arrays are [lat, lng].
 * Leaflet's L.geoJSON does the flip; variables below say which order they hold.
 */
import { districtNames, el, escapeHtml } from "./dom.js";
import { kindStyle } from "./style.js";

/**
 * A canvas renderer that repaints a restyled path in place. Leaflet's own canvas repaints the
 * one rectangle enclosing every change, which is the whole map when a day's changes are spread
 * across it (140 ms for 10,000 districts). Here each restyled path's box is cleared and the
 * paths crossing it are drawn again, clipped to it, in draw order, found through a grid of the
 * paths' pixel bounds: the cost follows the number of changed districts, not of districts.
 * Anything else (zoom, pan, new or moved paths, most of the map restyled at once) takes
 * Leaflet's way.
 */
function createStepCanvas(L) {
  return L.Canvas.extend({
    _cell: 96, // px: the grid's cell

    _updateStyle: function (layer) {
      this._updateDashArray(layer);
      if (!this._map) return;
      (this._restyled = this._restyled || new Set()).add(layer);
      this._stepRequest = this._stepRequest || L.Util.requestAnimFrame(this._repaintRestyled, this);
    },

    _redraw: function () {
      // A full or partial redraw is due anyway: it takes the restyled paths along.
      if (this._restyled) {
        if (this._redrawBounds) this._restyled.forEach(this._extendRedrawBounds, this);
        this._restyledDone();
      }
      L.Canvas.prototype._redraw.call(this);
    },

    _restyledDone: function () {
      this._restyled = null;
      if (this._stepRequest) L.Util.cancelAnimFrame(this._stepRequest);
      this._stepRequest = null;
    },

    _repaintRestyled: function () {
      this._stepRequest = null;
      const restyled = this._restyled;
      this._restyled = null;
      if (!restyled || !this._map) return;
      if (this._redrawRequest) { // a redraw of Leaflet's is already on its way: join it
        restyled.forEach(this._extendRedrawBounds, this);
        return;
      }
      // Most of the map (the first paint, a new lens): one full redraw is cheaper. The grid
      // is built on the first partial repaint only.
      if (restyled.size > (this._index ? this._index.count : this._pathCount()) / 4) {
        this._redrawBounds = null;
        L.Canvas.prototype._redraw.call(this);
        return;
      }
      const index = this._gridIndex();
      const ctx = this._ctx;
      restyled.forEach(function (layer) {
        if (!layer._pxBounds || !layer._order) return;
        const pad = this._repaintPad(layer);
        const min = layer._pxBounds.min.subtract([pad, pad])._floor();
        const max = layer._pxBounds.max.add([pad, pad])._ceil();
        // Paths just outside the box may bleed an anti-aliased edge into it: draw them too.
        const found = this._gridQuery(index, L.bounds(min.subtract([2, 2]), max.add([2, 2])));
        ctx.save();
        ctx.beginPath();
        ctx.rect(min.x, min.y, max.x - min.x, max.y - min.y);
        ctx.clip();
        ctx.clearRect(min.x, min.y, max.x - min.x, max.y - min.y);
        this._drawing = true;
        for (let k = 0; k < found.length; k++) found[k]._updatePath();
        this._drawing = false;
        ctx.restore();
      }, this);
    },

    /**
     * Return how far beyond its pixel bounds (which hold half its outline as styled now) a
     * restyled path's box reaches: the rest of the outline it was last drawn with, when that
     * was wider (a selected or hovered outline going), and a pixel of anti-aliasing. A path
     * never drawn here counts as drawn with the widest outline (3 px).
     */
    _repaintPad: function (layer) {
      const painted = layer._paintedWeight === undefined ? 3 : layer._paintedWeight;
      const now = layer.options.stroke ? layer.options.weight : 0;
      return Math.max(0, Math.ceil((painted - now) / 2)) + 1;
    },

    _fillStroke: function (ctx, layer) {
      layer._paintedWeight = layer.options.stroke ? layer.options.weight : 0;
      L.Canvas.prototype._fillStroke.call(this, ctx, layer);
    },

    /** Return how many paths are drawn (have pixel bounds). */
    _pathCount: function () {
      let count = 0;
      for (let order = this._drawFirst; order; order = order.next) if (order.layer._pxBounds) count++;
      return count;
    },

    /** Return (building it if stale) a grid of the paths by pixel bounds, with draw order. */
    _gridIndex: function () {
      const zoom = this._map.getZoom();
      const origin = this._map.getPixelOrigin();
      const index = this._index;
      if (index && index.zoom === zoom && index.origin.equals(origin)) return index;
      const cells = new Map();
      let rank = 0;
      let count = 0;
      for (let order = this._drawFirst; order; order = order.next) {
        const layer = order.layer;
        layer._drawRank = rank++;
        if (!layer._pxBounds) continue;
        count++;
        this._gridCells(layer._pxBounds, function (key) {
          let list = cells.get(key);
          if (!list) cells.set(key, (list = []));
          list.push(layer);
        });
      }
      this._index = { zoom: zoom, origin: origin, cells: cells, count: count };
      return this._index;
    },

    _gridCells: function (bounds, visit) {
      const size = this._cell;
      const x0 = Math.floor(bounds.min.x / size);
      const x1 = Math.floor(bounds.max.x / size);
      const y0 = Math.floor(bounds.min.y / size);
      const y1 = Math.floor(bounds.max.y / size);
      for (let x = x0; x <= x1; x++) {
        for (let y = y0; y <= y1; y++) visit(x + ":" + y);
      }
    },

    /** Return the paths whose bounds cross `box`, in draw order. */
    _gridQuery: function (index, box) {
      const seen = new Set();
      this._gridCells(box, function (key) {
        const list = index.cells.get(key);
        if (!list) return;
        for (let k = 0; k < list.length; k++) {
          if (list[k]._order && list[k]._pxBounds.intersects(box)) seen.add(list[k]);
        }
      });
      return Array.from(seen).sort(function (a, b) { return a._drawRank - b._drawRank; });
    },

    // Whatever moves paths or their order makes the grid stale.
    _updatePaths: function () { this._index = null; L.Canvas.prototype._updatePaths.call(this); },
    _initPath: function (layer) { this._index = null; L.Canvas.prototype._initPath.call(this, layer); },
    _removePath: function (layer) { this._index = null; L.Canvas.prototype._removePath.call(this, layer); },
    _updatePath: function (layer) { this._index = null; L.Canvas.prototype._updatePath.call(this, layer); },
    _bringToFront: function (layer) { this._index = null; L.Canvas.prototype._bringToFront.call(this, layer); },
    _bringToBack: function (layer) { this._index = null; L.Canvas.prototype._bringToBack.call(this, layer); },
  });
}

/**
 * Return the box around every vertex of GeoJSON `features` (Polygon or MultiPolygon, [lon,
 * lat]) as Leaflet's [[south, west], [north, east]] ([lat, lng] order), or null if there is
 * none. The map is fitted to it before the districts are added, so that each is projected
 * and clipped once, not once more when the view moves to them.
 */
export function featuresBounds(features) {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  const visit = (coordinates, depth) => {
    if (depth === 0) {
      const lon = coordinates[0];
      const lat = coordinates[1];
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      if (lon < west) west = lon;
      if (lon > east) east = lon;
      return;
    }
    for (let k = 0; k < coordinates.length; k++) visit(coordinates[k], depth - 1);
  };
  for (const feature of features || []) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    if (geometry.type === "Polygon") visit(geometry.coordinates, 2);
    else if (geometry.type === "MultiPolygon") visit(geometry.coordinates, 3);
  }
  return south <= north ? [[south, west], [north, east]] : null;
}

/** Return the names, kind and area of a district, for its popup. */
function districtDetails(props, kindLabels) {
  const box = districtNames(props);
  const kind = kindLabels[props.kind] || props.kind;
  const area = Number(props.area_km2).toLocaleString("en", { maximumFractionDigits: 2 });
  box.appendChild(el("span", "district-meta", kind + " · " + area + " km²"));
  return box;
}

/**
 * Draw the districts from `config.districtsUrl` into `container`.
 *
 * config: { districtsUrl, centreLatLng: [lat, lng], zoom, tileUrl, tileAttribution,
 *           credit, creditUrl, kinds: {value: label} }
 * options (all optional):
 *   tooltip(props) -> Node   what the hover tooltip shows (default: the two names)
 *   onSelect(slug, event)    called on a click on a district, instead of opening a popup
 *   keyboard                 Leaflet's arrow-key panning (default true)
 *   rtl                      mirror the controls for a right-to-left page
 */
export function createDistrictMap(container, config, options) {
  options = options || {};
  const rtl = Boolean(options.rtl);
  const L = window.L;
  const StepCanvas = createStepCanvas(L);
  const renderer = new StepCanvas({ padding: 0.5 });
  const map = L.map(container, {
    preferCanvas: true,
    renderer: renderer,
    center: config.centreLatLng, // [lat, lng]
    zoom: config.zoom,
    zoomSnap: 0.25,
    minZoom: 9,
    maxZoom: 18,
    keyboard: options.keyboard !== false,
    zoomControl: false,
    attributionControl: false,
  });
  L.control.zoom({ position: rtl ? "topright" : "topleft" }).addTo(map);
  L.control.attribution({ position: rtl ? "bottomleft" : "bottomright" }).addTo(map);

  // The districts are the map: a tile layer only when the site configures one.
  if (config.tileUrl) {
    L.tileLayer(config.tileUrl, {
      attribution: escapeHtml(config.tileAttribution || ""),
      maxZoom: 19,
    }).addTo(map);
  }
  L.control.scale({ imperial: false, position: rtl ? "topright" : "topleft" }).addTo(map);

  const credit = config.creditUrl
    ? '<a href="' + escapeHtml(config.creditUrl) + '" rel="noopener">' +
      escapeHtml(config.credit) + "</a>"
    : escapeHtml(config.credit);

  let styleFn = kindStyle;
  const layer = L.geoJSON(null, {
    // No clipping to the view: every district is in the whole-city view anyway, and clipping
    // 30,000 paths on each move of the view cost seconds (bench/RESULTS.md, issue 18).
    noClip: true,
    style: function (feature) {
      return styleFn(feature);
    },
    onEachFeature: function (feature, shape) {
      const props = feature.properties;
      const tooltip = options.tooltip || districtNames;
      shape.bindTooltip(function () { return tooltip(props); }, {
        sticky: true,
        direction: "top",
        offset: [0, -8],
        className: "district-tooltip",
      });
      if (options.onSelect) {
        shape.on("click", function (event) { options.onSelect(props.slug, event); });
      } else {
        shape.bindPopup(function () { return districtDetails(props, config.kinds || {}); }, {
          className: "district-popup",
          autoPanPadding: [24, 24],
        });
      }
      shape.on("mouseover", function () {
        shape.setStyle({ weight: 2.5, color: "#111827" });
        shape.bringToFront();
      });
      shape.on("mouseout", function () { layer.resetStyle(shape); });
    },
  });
  // The districts' credit, once for the layer: as an option it would reach every district
  // (L.geoJSON hands its options to each), and the attribution control rebuilds its text for
  // each one added (1.8 s of 10,000 districts' load, bench/RESULTS.md, issue 18).
  layer.getAttribution = function () { return credit; };
  layer.addTo(map);

  const bySlug = new Map();

  const fitting = { padding: [16, 16], animate: false };

  function fitDistricts() {
    if (layer.getLayers().length) map.fitBounds(layer.getBounds(), fitting);
  }

  const ready = fetch(config.districtsUrl, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("The districts could not be loaded (HTTP " + response.status + ").");
      }
      return response.json();
    })
    .then(function (collection) {
      const bounds = featuresBounds(collection.features);
      if (bounds) map.fitBounds(bounds, fitting); // first: the districts are projected once
      layer.addData(collection);
      layer.eachLayer(function (shape) { bySlug.set(shape.feature.properties.slug, shape); });
      return collection;
    });

  return {
    map: map,
    layer: layer,
    renderer: renderer,
    ready: ready,
    /** Return the Leaflet layer drawing the district `slug`, or undefined. */
    district: function (slug) { return bySlug.get(slug); },
    /** Restyle every district with `fn(feature) -> Leaflet path options` (`later`: keep
     *  each district's drawing until it is restyled, use `fn` from then on). */
    setStyle: function (fn, later) {
      styleFn = fn || kindStyle;
      if (!later) layer.setStyle(function (feature) { return styleFn(feature); });
    },
    fitDistricts: fitDistricts,
  };
}
