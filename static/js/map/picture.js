/*
 * The picture to share: a button that downloads the map as shown as a PNG image, with the day,
 * the lens (and the day compared with), the legend with each side's share of the city, and
 * the districts' credit drawn in, for those who cannot embed a frame.
 *
 * Drawn on a canvas from what the map already drew: the canvases and SVG of its panes (the
 * districts, the comparison, the front line), in their panes' order. With a tile layer, the
 * tiles are fetched again with CORS; a tile server that does not allow it would taint the
 * canvas, so the button stays disabled and says why.
 */
import { dayString } from "./days.js";
import { el } from "./dom.js";
import { CONTESTED_BACKGROUND, CONTESTED_INK, disputedColours } from "./style.js";

export const SCALE = 2; // device pixels per CSS pixel of the map, in the picture
const HEADER = 64; // CSS px above the map: the day and the lens
const ROW = 22; // CSS px per legend row below the map
const FONT = "system-ui, 'DejaVu Sans', sans-serif";

/** Return the picture's height in CSS px for a map `mapHeight` tall and `rows` legend rows. */
export function pictureHeight(mapHeight, rows) {
  return HEADER + mapHeight + 16 + rows * ROW + 3 * 18 + 8;
}

function imageOf(url) {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error("an image of the map could not be read"));
    image.src = url;
  });
}

/** Return what to draw for each visible layer of the map, in the order the panes stack. */
function mapLayers(container) {
  const nodes = Array.from(container.querySelectorAll(
    ".leaflet-tile-pane img.leaflet-tile-loaded, .leaflet-pane > canvas, .leaflet-pane > svg"));
  const zOf = (node) => Number(getComputedStyle(node.closest(".leaflet-pane")).zIndex) || 0;
  return nodes
    .filter((node) => !node.closest(".leaflet-tooltip-pane, .leaflet-popup-pane"))
    .map((node, k) => ({ node: node, z: zOf(node), k: k }))
    .sort((a, b) => a.z - b.z || a.k - b.k);
}

/** Return a drawable of one layer: the canvas itself, the SVG as an image, a tile refetched. */
function drawable(node) {
  if (node.tagName.toLowerCase() === "canvas") return Promise.resolve(node);
  if (node.tagName.toLowerCase() === "svg") {
    // Placed by its box on the page: the transform that places it on the map would move the
    // drawing inside the image too.
    const copy = node.cloneNode(true);
    copy.style.transform = "";
    const markup = new XMLSerializer().serializeToString(copy);
    return imageOf("data:image/svg+xml;charset=utf-8," + encodeURIComponent(markup));
  }
  return fetch(node.src, { mode: "cors", credentials: "omit" })
    .then((response) => {
      if (!response.ok) throw new Error("a tile could not be fetched (HTTP " + response.status + ")");
      return response.blob();
    })
    .then((blob) => createImageBitmap(blob));
}

/** Fill the rectangle with the stripes of `colours` (a hatched state, as the map draws it). */
function stripesFill(ctx, x, y, w, h, colours) {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
  const band = 4;
  for (let k = -h; k < w + h; k += band) {
    ctx.fillStyle = colours[Math.floor(k / band + h) % colours.length];
    ctx.beginPath();
    ctx.moveTo(x + k, y + h);
    ctx.lineTo(x + k + band, y + h);
    ctx.lineTo(x + k + band + h, y);
    ctx.lineTo(x + k + h, y);
    ctx.fill();
  }
  ctx.restore();
}

function swatchDraw(ctx, x, y, bucket, text) {
  const state = bucket.state;
  if (state.status === "contested") {
    stripesFill(ctx, x, y, 14, 14, [CONTESTED_INK, CONTESTED_BACKGROUND, CONTESTED_BACKGROUND]);
  } else if (state.status === "disputed") {
    stripesFill(ctx, x, y, 14, 14, disputedColours(state.actors || [], text.actorColour));
  } else {
    ctx.fillStyle = bucket.colour;
    ctx.fillRect(x, y, 14, 14);
  }
  ctx.strokeStyle = "#52606d";
  ctx.lineWidth = 0.5;
  ctx.strokeRect(x, y, 14, 14);
}

/**
 * Add the picture button to `view.map`, drawing what the map, `store` and `legend` show
 * (the comparison is one of the map's panes), once `settled()` resolves (the front line of
 * the day is drawn). config: the page's (credit, tileUrl, tileAttribution).
 * Returns { render() -> Promise of a canvas, button }.
 */
export function createPicture(win, view, store, text, config, legend, settled) {
  const L = win.L;
  const map = view.map;
  const narrow = win.matchMedia("(max-width: 700px)").matches; // as the comparison's corner
  const control = L.control({ position: (narrow !== text.rtl) ? "topleft" : "topright" });
  const box = el("div", "map-tool picture-tool");
  const button = el("button", "map-tool-button picture-button");
  button.type = "button";
  button.id = "picture-download";
  button.appendChild(el("span", "picture-icon", "⤓")).setAttribute("aria-hidden", "true");
  button.appendChild(el("span", "picture-label", text.t("picture_button")));
  button.title = text.t("picture_hint");
  button.setAttribute("aria-label", text.t("picture_button"));
  const why = el("p", "picture-why");
  why.id = "picture-why";
  why.hidden = true;
  box.appendChild(button);
  box.appendChild(why);
  control.onAdd = () => {
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  control.addTo(map);

  function refuse(message) {
    button.disabled = true;
    button.title = message;
    button.setAttribute("aria-describedby", why.id);
    why.textContent = message;
    why.hidden = false;
  }

  // With a tile layer, only when its server lets the page read the tiles (CORS).
  const tiles = [];
  map.eachLayer((layer) => {
    if (layer instanceof L.TileLayer) tiles.push(layer);
  });
  if (tiles.length) {
    button.disabled = true;
    const probe = (event) => {
      tiles.forEach((layer) => layer.off("tileload", probe));
      fetch(event.tile.src, { mode: "cors", credentials: "omit" })
        .then((response) => {
          if (!response.ok) throw new Error("HTTP " + response.status);
          button.disabled = false;
        })
        .catch(() => refuse(text.t("picture_no_cors")));
    };
    // A tile already in (the tiles may load before this button exists), else the first one.
    const loaded = map.getPane("tilePane").querySelector("img.leaflet-tile-loaded");
    if (loaded) probe({ tile: loaded });
    else tiles.forEach((layer) => layer.on("tileload", probe));
  }

  function header(ctx, width, state) {
    ctx.fillStyle = "#111827";
    ctx.textBaseline = "top";
    ctx.textAlign = text.rtl ? "right" : "left";
    const x = text.rtl ? width - 14 : 14;
    ctx.font = "bold 20px " + FONT;
    ctx.fillText(text.formatDay(state.day), x, 10);
    ctx.font = "14px " + FONT;
    let line = text.t("picture_lens", { lens: text.lensLabel(state.lens) });
    if (Number.isFinite(state.compare)) {
      line += " · " + text.t("picture_compare", { date: text.formatDay(state.compare) });
    }
    ctx.fillText(line, x, 38, width - 28);
  }

  function footer(ctx, width, top, rows) {
    ctx.textBaseline = "middle";
    ctx.textAlign = text.rtl ? "right" : "left";
    const x = text.rtl ? width - 14 : 14;
    const dir = text.rtl ? -1 : 1;
    ctx.font = "13px " + FONT;
    rows.forEach((row, k) => {
      const y = top + k * ROW;
      swatchDraw(ctx, text.rtl ? x - 14 : x, y, row.bucket, text);
      ctx.fillStyle = "#111827";
      ctx.fillText(row.bucket.label + "  " + row.share, x + dir * 22, y + 7, width - 50);
    });
    let y = top + rows.length * ROW + 10;
    ctx.font = "12px " + FONT;
    ctx.fillStyle = "#3e4c59";
    [config.credit, config.tileAttribution && config.tileUrl ? config.tileAttribution : "",
      text.t("site_title") + " · " + win.location.host].filter(Boolean).forEach((line) => {
      ctx.fillText(line, x, y, width - 28);
      y += 18;
    });
  }

  /** Draw the picture of the map as shown, once settled; resolve with the canvas. */
  function render() {
    return Promise.resolve(settled ? settled() : null).then(draw);
  }

  function draw() {
    const state = store.get();
    const size = map.getSize();
    const rows = legend.rows().map((row) => ({
      bucket: row.bucket,
      share: text.formatShare(Number(row.row.dataset.share) || 0),
    }));
    const height = pictureHeight(size.y, rows.length);
    const canvas = document.createElement("canvas");
    canvas.width = size.x * SCALE;
    canvas.height = height * SCALE;
    const ctx = canvas.getContext("2d");
    ctx.scale(SCALE, SCALE);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, size.x, height);
    header(ctx, size.x, state);
    const container = map.getContainer();
    const frame = container.getBoundingClientRect();
    ctx.fillStyle = getComputedStyle(container).backgroundColor || "#e8edf2";
    ctx.fillRect(0, HEADER, size.x, size.y);
    const layers = mapLayers(container);
    return Promise.all(layers.map((layer) => drawable(layer.node))).then((images) => {
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, HEADER, size.x, size.y);
      ctx.clip();
      images.forEach((image, k) => {
        const box = layers[k].node.getBoundingClientRect();
        ctx.drawImage(image, box.left - frame.left, HEADER + box.top - frame.top, box.width, box.height);
      });
      ctx.restore();
      ctx.strokeStyle = "#9aa5b1";
      ctx.strokeRect(0.5, HEADER + 0.5, size.x - 1, size.y - 1);
      footer(ctx, size.x, HEADER + size.y + 16, rows);
      return canvas;
    });
  }

  function download() {
    const state = store.get();
    button.disabled = true;
    render()
      .then((canvas) => new Promise((resolve) => canvas.toBlob(resolve, "image/png")))
      .then((blob) => {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "aleppo-" + dayString(state.day) + "-" +
          state.lens.replace(/[^a-z0-9-]+/gi, "-") + ".png";
        document.body.appendChild(link);
        link.click();
        link.remove();
        win.setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      })
      .catch((error) => refuse(text.t("picture_failed", { error: error.message })))
      .finally(() => {
        if (why.hidden) button.disabled = false;
      });
  }
  button.addEventListener("click", download);

  return { render: render, button: button };
}
