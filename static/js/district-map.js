/*
 * Tracker.districtMap: the districts drawn on a Leaflet map with the canvas renderer.
 *
 * This module knows nothing about control or dates. It draws each district, names it in a
 * tooltip (and a popup, or a click handler of the caller's), and returns
 * { map, layer, renderer, ready, district(slug), setStyle(fn) } so that the timeline
 * (timeline-map.js) can restyle each district per date.
 *
 * Text from the data (district names today, claim quotes later) comes from third parties:
 * it is only ever put in the page with textContent, never as HTML.
 *
 * Axis order: GeoJSON coordinates are [lon, lat]; Leaflet's LatLng arrays are [lat, lng].
 * Leaflet's L.geoJSON does the flip; variables below say which order they hold.
 */
(function (global) {
  "use strict";

  const L = global.L;
  const Tracker = (global.Tracker = global.Tracker || {});

  // Fill per district kind, before any control data colours the map.
  const KIND_FILL = {
    neighbourhood: "#c9d3df",
    industrial: "#dccbb3",
    cemetery: "#c4d6bd",
    park: "#b9d8b0",
    institution: "#d6cbe3",
    landmark: "#e6c9c9",
    airport: "#d0d0d0",
    military: "#c2c6b4",
    other: "#dfe3e8",
  };
  const OUTLINE = "#3f4b5b";

  /** Return a new element holding `text` as text, never parsed as HTML. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /** Escape text for the few Leaflet APIs that take HTML (the attribution control). */
  function escapeHtml(text) {
    const box = document.createElement("div");
    box.textContent = String(text);
    return box.innerHTML;
  }

  /** Return the district's English and Arabic names as DOM nodes. */
  function districtNames(props) {
    const box = el("div", "district-names");
    box.appendChild(el("strong", "district-name-en", props.name_en));
    if (props.name_ar) {
      const arabic = el("span", "district-name-ar", props.name_ar);
      arabic.lang = "ar";
      arabic.dir = "rtl";
      box.appendChild(arabic);
    }
    return box;
  }

  /** Return the names, kind and area of a district, for its popup. */
  function districtDetails(props, kindLabels) {
    const box = districtNames(props);
    const kind = kindLabels[props.kind] || props.kind;
    const area = Number(props.area_km2).toLocaleString("en", { maximumFractionDigits: 2 });
    box.appendChild(el("span", "district-meta", kind + " · " + area + " km²"));
    return box;
  }

  function kindStyle(feature) {
    return {
      color: OUTLINE,
      weight: 0.8,
      opacity: 0.9,
      fillColor: KIND_FILL[feature.properties.kind] || KIND_FILL.other,
      fillOpacity: 0.85,
    };
  }

  /**
   * Draw the districts from `config.districtsUrl` into `container`.
   *
   * config: { districtsUrl, centreLatLng: [lat, lng], zoom, tileUrl, tileAttribution,
   *           credit, creditUrl, kinds: {value: label} }
   * options (all optional):
   *   tooltip(props) -> Node   what the hover tooltip shows (default: the two names)
   *   onSelect(slug)           called on a click on a district, instead of opening a popup
   *   keyboard                 Leaflet's arrow-key panning (default true)
   *   rtl                      mirror the controls for a right-to-left page
   */
  function createDistrictMap(container, config, options) {
    options = options || {};
    const rtl = Boolean(options.rtl);
    const renderer = L.canvas({ padding: 0.5 });
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
      attribution: credit,
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
          shape.on("click", function () { options.onSelect(props.slug); });
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
    }).addTo(map);

    const bySlug = new Map();

    function fitDistricts() {
      if (layer.getLayers().length) {
        map.fitBounds(layer.getBounds(), { padding: [16, 16], animate: false });
      }
    }

    const ready = fetch(config.districtsUrl, { headers: { Accept: "application/geo+json" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("The districts could not be loaded (HTTP " + response.status + ").");
        }
        return response.json();
      })
      .then(function (collection) {
        layer.addData(collection);
        layer.eachLayer(function (shape) { bySlug.set(shape.feature.properties.slug, shape); });
        fitDistricts();
        return collection;
      });

    return {
      map: map,
      layer: layer,
      renderer: renderer,
      ready: ready,
      /** Return the Leaflet layer drawing the district `slug`, or undefined. */
      district: function (slug) { return bySlug.get(slug); },
      /** Restyle every district with `fn(feature) -> Leaflet path options`. */
      setStyle: function (fn) {
        styleFn = fn || kindStyle;
        layer.setStyle(function (feature) { return styleFn(feature); });
      },
      fitDistricts: fitDistricts,
    };
  }

  Tracker.dom = { el: el, escapeHtml: escapeHtml };
  Tracker.districtNames = districtNames;
  Tracker.kindStyle = kindStyle;
  Tracker.createDistrictMap = createDistrictMap;
})(window);
