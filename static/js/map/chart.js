/*
 * A small stacked-area chart, in inline SVG, of the share of the city's area in each bucket
 * (each side, contested, disputed, unknown) over the record, with a line marking the current
 * day. Drawn in pixels (so hatching is not stretched), again when the element is resized.
 * Every node is built with createElementNS: no markup from data.
 */

const SVG = "http://www.w3.org/2000/svg";

function node(tag, attrs, parent) {
  const el = document.createElementNS(SVG, tag);
  Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
  if (parent) parent.appendChild(el);
  return el;
}

/** Add diagonal stripes of `colours` to `defs` as pattern `id` (a step of `size` px). */
function stripes(defs, id, colours, size, angle) {
  const pattern = node("pattern", {
    id: id,
    width: size,
    height: size,
    patternUnits: "userSpaceOnUse",
    patternTransform: "rotate(" + angle + ")",
  }, defs);
  const band = size / colours.length;
  colours.forEach(function (colour, k) {
    node("rect", { x: k * band, y: 0, width: band, height: size, fill: colour }, pattern);
  });
  return "url(#" + id + ")";
}

/**
 * Return a chart drawn into `svg`.
 * options: { rtl, contestedInk, contestedBackground, disputedColours,
 *            scaleLabel(share) -> text for the top of the vertical scale }
 *
 * A bucket marked `background` (unknown ground) is not stacked: it is what is left above
 * the others. The vertical scale always runs from 0 to 100% of the city's area, labelled,
 * whatever the lens, so that two lenses' charts compare at a glance.
 */
export function createAreaChart(svg, options) {
  options = options || {};
  let model = null; // { series, start, end, buckets }
  let markedDay = NaN;
  let marker = null;
  let width = 0;
  let height = 0;

  function x(day) {
    if (!model || model.end <= model.start) return 0;
    return ((day - model.start) / (model.end - model.start)) * width;
  }

  function draw() {
    width = svg.clientWidth || svg.getBoundingClientRect().width || 1000;
    height = svg.clientHeight || svg.getBoundingClientRect().height || 50;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    if (!model) return;
    const defs = node("defs", {}, svg);
    const fills = {
      contested: stripes(defs, "chart-contested",
        [options.contestedInk || "#4b5563", options.contestedBackground || "#f3f4f6",
          options.contestedBackground || "#f3f4f6"], 6, 45),
      disputed: stripes(defs, "chart-disputed",
        options.disputedColours || ["#8d96a0", "#e5e7eb"], 6, -45),
    };
    const plot = node("g", options.rtl
      ? { transform: "translate(" + width + ",0) scale(-1,1)" } : {}, svg);
    const series = model.series;
    const total = model.total || 1;
    const stacked = model.buckets.filter(function (bucket) { return !bucket.background; });
    const scaleTop = 1; // the whole city, the same for every lens
    const clamp = function (day) { return Math.min(Math.max(day, model.start), model.end); };
    const floor = new Float64Array(series.length);
    stacked.forEach(function (bucket) {
      const top = new Float64Array(series.length);
      let any = false;
      for (let i = 0; i < series.length; i++) {
        top[i] = floor[i] + series[i].areas[bucket.index] / total / scaleTop;
        if (series[i].areas[bucket.index] > 0) any = true;
      }
      if (any) {
        let d = "";
        for (let i = 0; i < series.length; i++) {
          const x0 = x(clamp(series[i].day));
          const x1 = x(clamp(i + 1 < series.length ? series[i + 1].day : model.end));
          const y = height - top[i] * height;
          d += (i === 0 ? "M" : "L") + x0.toFixed(1) + " " + y.toFixed(1);
          d += "L" + x1.toFixed(1) + " " + y.toFixed(1);
        }
        for (let i = series.length - 1; i >= 0; i--) {
          const x0 = x(clamp(series[i].day));
          const x1 = x(clamp(i + 1 < series.length ? series[i + 1].day : model.end));
          const y = height - floor[i] * height;
          d += "L" + x1.toFixed(1) + " " + y.toFixed(1) + "L" + x0.toFixed(1) + " " + y.toFixed(1);
        }
        node("path", {
          d: d + "Z",
          fill: bucket.pattern ? fills[bucket.pattern] : bucket.colour,
          "data-bucket": bucket.key,
        }, plot);
      }
      floor.set(top);
    });
    marker = node("line", { class: "chart-marker", x1: 0, x2: 0, y1: 0, y2: height }, plot);
    if (options.scaleLabel) {
      const label = node("text", {
        class: "chart-scale",
        x: options.rtl ? width - 4 : 4,
        y: 10,
        "text-anchor": "start", // the start is on the right in a right-to-left page
      }, svg);
      label.textContent = options.scaleLabel(scaleTop);
    }
    if (options.axisLabel) {
      const title = node("title", {}, svg);
      title.textContent = options.axisLabel;
    }
    svg.dataset.scaleTop = String(scaleTop);
    mark(markedDay);
  }

  function mark(day) {
    markedDay = day;
    if (!marker || Number.isNaN(day)) return;
    const at = x(day).toFixed(1);
    marker.setAttribute("x1", at);
    marker.setAttribute("x2", at);
  }

  if (window.ResizeObserver) {
    let lastWidth = 0;
    new ResizeObserver(function () {
      if (svg.clientWidth !== lastWidth) {
        lastWidth = svg.clientWidth;
        draw();
      }
    }).observe(svg);
  }

  return {
    /** Draw `series` ([{day, areas}]) between day `start` and `end`, stacking `buckets`. */
    draw: function (series, start, end, buckets, total) {
      model = { series: series, start: start, end: end, buckets: buckets, total: total };
      draw();
    },
    /** Move the current-day line. */
    mark: mark,
  };
}
