/*
 * District names on the map, in the interface's language, as many as the zoom allows without
 * overlap (labelplace.js decides which): each at its district's label point (served with the
 * polygons), in a pane above the districts and the front line that lets clicks through. The
 * names are placed again after every move or zoom, when the panel opens or closes and when a
 * control over the map changes size; they are hidden while a zoom animates.
 */
import { el } from "./dom.js";
import { placeLabels } from "./labelplace.js";

const PANE = "labels";

/**
 * Name the districts of `features` (GeoJSON, properties with `label`: [lon, lat]) on `view`
 * (map.js). arabic: name them in Arabic (English where a district has no Arabic name).
 * Returns { update(), shown() -> [slug] }.
 */
export function createLabels(view, features, arabic) {
  const L = window.L;
  const map = view.map;
  const container = map.getContainer();
  map.createPane(PANE);
  const pane = map.getPane(PANE);
  pane.style.zIndex = 460; // above the districts (400) and the front line (450)
  pane.style.pointerEvents = "none";
  pane.setAttribute("aria-hidden", "true"); // the names are read from the districts' own labels

  let font = "";
  const context = document.createElement("canvas").getContext("2d");
  const labels = features.filter((f) => Array.isArray(f.properties.label)).map((f) => {
    const p = f.properties;
    const inArabic = Boolean(arabic && p.name_ar);
    const [lon, lat] = p.label; // GeoJSON order
    return { slug: p.slug, name: inArabic ? p.name_ar : p.name_en, lang: inArabic ? "ar" : "en", latlng: L.latLng(lat, lon), area: Number(p.area_km2) || 0,
      node: null, width: 0 };
  });

  function node(label) {
    if (!label.node) {
      label.node = el("div", "map-label");
      const inner = el("span", "map-label-text", label.name);
      inner.lang = label.lang;
      inner.dir = "auto";
      label.node.appendChild(inner);
    }
    return label.node;
  }

  function measure(label) {
    if (!font) {
      const probe = node(label).firstChild;
      pane.appendChild(label.node);
      font = getComputedStyle(probe).font;
      label.node.remove();
    }
    if (!label.width) {
      context.font = font;
      label.width = Math.ceil(context.measureText(label.name).width) + 6; // the halo
    }
    return label.width;
  }

  /** The boxes of the controls and the panel over the map, in the map's pixels. */
  function controls() {
    const origin = container.getBoundingClientRect();
    const over = container.querySelectorAll(".leaflet-control");
    const panel = document.getElementById("district-panel");
    return Array.from(over).concat(panel && !panel.hidden ? [panel] : []).map((node) => {
      const box = node.getBoundingClientRect();
      return { x0: box.left - origin.left, y0: box.top - origin.top,
        x1: box.right - origin.left, y1: box.bottom - origin.top };
    }).filter((b) => b.x1 > b.x0 && b.y1 > b.y0);
  }

  let placed = [];
  function update() {
    if (!map._loaded) return;
    const size = map.getSize();
    const zoom = map.getZoom();
    const height = 16; // px: one line of the name, with its halo
    const candidates = [];
    labels.forEach((label, k) => {
      const at = map.latLngToContainerPoint(label.latlng);
      if (at.x < 0 || at.y < 0 || at.x > size.x || at.y > size.y) return;
      const shape = view.district(label.slug);
      if (!shape) return;
      const bounds = shape.getBounds();
      const sw = map.project(bounds.getSouthWest(), zoom);
      const ne = map.project(bounds.getNorthEast(), zoom);
      candidates.push({ key: k, x: at.x, y: at.y, w: measure(label), h: height,
        shape: { w: Math.abs(ne.x - sw.x), h: Math.abs(sw.y - ne.y) }, rank: label.area });
    });
    placed = placeLabels(candidates, { w: size.x, h: size.y }, controls()).map((k) => labels[k]);
    pane.replaceChildren(...placed.map((label) => {
      L.DomUtil.setPosition(node(label), map.latLngToLayerPoint(label.latlng));
      return label.node;
    }));
    pane.style.visibility = "";
  }

  map.on("zoomstart", () => { pane.style.visibility = "hidden"; });
  map.on("moveend zoomend resize", update);
  if (window.ResizeObserver) {
    const observer = new ResizeObserver(() => update());
    container.querySelectorAll(".leaflet-control-container > div").forEach((c) => observer.observe(c));
    const panel = document.getElementById("district-panel");
    if (panel) observer.observe(panel);
  }
  update();
  return { update: update, shown: () => placed.map((label) => label.slug) };
}
