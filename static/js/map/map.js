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
 * The districts are drawn on one canvas from packed arrays (districtlayer.js, issue 18).
 */
import { createDistrictLayer } from "./districtlayer.js";
import { districtNames, el, escapeHtml } from "./dom.js";
import { kindStyle } from "./style.js";

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
  const map = L.map(container, {
    preferCanvas: true,
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
  const tooltip = L.tooltip({ sticky: true, direction: "top", offset: [0, -8], className: "district-tooltip" });
  const describe = options.tooltip || districtNames;
  tooltip.setContent((shape) => describe(shape.feature.properties));
  function closeTooltip(shape) {
    if (tooltip._source === shape) tooltip.close();
  }
  const districts = createDistrictLayer(L, map, {
    style: (feature) => styleFn(feature),
    attribution: credit, // once for the layer, not per district (bench/RESULTS.md, issue 18)
    openTooltip: (shape, latlng) => showTooltip(shape, latlng),
    closeTooltip: closeTooltip,
  });
  const layer = districts.layer;
  const renderer = districts.renderer;

  /** Open the tooltip on `shape` at `latlng` (as Leaflet's bindTooltip: on hover and click). */
  function showTooltip(shape, latlng) {
    if (map.dragging && map.dragging.moving()) return;
    if (tooltip._source !== shape || !tooltip.isOpen()) {
      tooltip.close();
      tooltip._source = shape;
      tooltip.setLatLng(latlng);
      tooltip.openOn(map);
    } else {
      tooltip.setLatLng(latlng);
    }
  }

  // Hover: the district named in a tooltip that follows the pointer, outlined, in front.
  layer.on("mouseover", (event) => {
    const shape = event.propagatedFrom;
    showTooltip(shape, event.latlng);
    shape.setStyle({ weight: 2.5, color: "#111827" });
    shape.bringToFront();
  });
  layer.on("mousemove", (event) => {
    if (tooltip._source === event.propagatedFrom && tooltip.isOpen()) {
      tooltip.setLatLng(map.mouseEventToLatLng(event.originalEvent));
    }
  });
  layer.on("mouseout", (event) => {
    const shape = event.propagatedFrom;
    closeTooltip(shape);
    districts.resetStyle(shape, styleFn);
  });
  layer.on("click", (event) => {
    showTooltip(event.propagatedFrom, event.latlng);
    const props = event.propagatedFrom.feature.properties;
    if (options.onSelect) {
      options.onSelect(props.slug, event);
      return;
    }
    L.popup({ className: "district-popup", autoPanPadding: [24, 24] })
      .setLatLng(event.latlng)
      .setContent(districtDetails(props, config.kinds || {}))
      .openOn(map);
  });

  const bySlug = new Map();
  let shapes = [];

  const fitting = { padding: [16, 16], animate: false };

  function fitDistricts() {
    if (shapes.length) map.fitBounds(layer.getBounds(), fitting);
  }

  const ready = fetch(config.districtsUrl, { headers: { Accept: "application/geo+json" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("The districts could not be loaded (HTTP " + response.status + ").");
      }
      return response.json();
    })
    .then(function (collection) {
      // The view is fitted before the districts are drawn: they are drawn once.
      shapes = districts.load(collection.features, (bounds) => {
        if (bounds) map.fitBounds(bounds, fitting);
      });
      shapes.forEach((shape) => bySlug.set(shape.feature.properties.slug, shape));
      return collection;
    });

  return {
    map: map,
    layer: layer,
    renderer: renderer,
    ready: ready,
    /** Return the shape (districtlayer.js) of the district `slug`, or undefined. */
    district: function (slug) { return bySlug.get(slug); },
    /** Restyle every district with `fn(feature) -> Leaflet path options` (`later`: keep
     *  each district's drawing until it is restyled, use `fn` from then on). */
    setStyle: function (fn, later) {
      styleFn = fn || kindStyle;
      if (!later) districts.setStyleAll(styleFn);
    },
    fitDistricts: fitDistricts,
  };
}
