/*
 * The map on a phone (and any touch screen), and a steady time bar:
 * - a tap shows the district's tooltip (its name and state) once: it closes on the next tap,
 *   on a scroll or a move of the map, or after TAP_TOOLTIP_MS, and is kept clear of the
 *   controls (turned below the finger, or closed, when it would lie under one);
 * - the day buttons repeat while held (the slider's fine mode: a day at a time);
 * - the date label keeps the width of the widest date, so nothing beside it moves while the
 *   day changes (playing, scrubbing).
 */
import { dayNumber } from "./days.js";

export const TAP_TOOLTIP_MS = 2500;
export const HOLD_DELAY_MS = 400; // before a held day button starts repeating
export const HOLD_EVERY_MS = 90; // then a day every this often

const OBSTACLES = ".leaflet-control, .district-panel:not([hidden]), .timebar";

function overlaps(a, b) {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Return whether `box` lies inside `frame` and clear of every element of `obstacles`. */
function clearOf(box, frame, obstacles) {
  const inside = box.left >= frame.left && box.right <= frame.right &&
    box.top >= frame.top && box.bottom <= frame.bottom;
  return inside && !obstacles.some((node) => overlaps(box, node.getBoundingClientRect()));
}

/** Close a tapped district's tooltip on the next tap, scroll or move, or after a moment. */
function tapTooltips(win, view) {
  const map = view.map;
  let touch = false; // the last pointer was a finger
  let open = null; // { tooltip, source } opened by a tap
  let timer = null;

  function close() {
    if (!open) return;
    const shown = open;
    open = null;
    win.clearTimeout(timer);
    shown.source.fire("mouseout"); // the hover outline goes with it
    shown.source.closeTooltip();
    shown.tooltip.options.direction = "top";
    shown.tooltip.options.offset = [0, -8];
  }

  function keepClear(tooltip) {
    const node = tooltip.getElement();
    if (!node) return;
    const frame = map.getContainer().getBoundingClientRect();
    const obstacles = Array.from(document.querySelectorAll(OBSTACLES));
    const tries = [["top", [0, -8]], ["bottom", [0, 12]], ["left", [-12, 0]], ["right", [12, 0]]];
    for (const [direction, offset] of tries) {
      tooltip.options.direction = direction;
      tooltip.options.offset = offset;
      tooltip.update();
      if (clearOf(node.getBoundingClientRect(), frame, obstacles)) return;
    }
    close(); // nowhere clear: the panel the tap opens names the district anyway
  }

  document.addEventListener("pointerdown", (event) => {
    touch = event.pointerType === "touch";
    if (touch) close();
  }, true);
  win.addEventListener("scroll", close, true);
  map.on("movestart zoomstart", close);
  view.layer.on("tooltipopen", (event) => {
    if (!touch) return;
    close();
    open = { tooltip: event.tooltip, source: event.propagatedFrom || event.layer };
    if (!open.source) {
      open = null;
      return;
    }
    keepClear(event.tooltip);
    if (open) timer = win.setTimeout(close, TAP_TOOLTIP_MS);
  });
  return { close: close, open: () => Boolean(open) };
}

/** Make `button` repeat its click while held down (after HOLD_DELAY_MS). */
function repeatOnHold(win, button) {
  let timer = null;
  let held = false;

  function stop() {
    win.clearTimeout(timer);
    win.clearInterval(timer);
    timer = null;
  }

  button.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || button.disabled) return;
    held = false;
    stop();
    timer = win.setTimeout(() => {
      held = true;
      button.click();
      timer = win.setInterval(() => {
        if (button.disabled) stop();
        else button.click();
      }, HOLD_EVERY_MS);
    }, HOLD_DELAY_MS);
  });
  ["pointerup", "pointercancel", "pointerleave"].forEach((name) => button.addEventListener(name, stop));
  // The click that ends a hold is not one more day.
  button.addEventListener("click", (event) => {
    if (held && timer === null && event.isTrusted) {
      held = false;
      event.stopImmediatePropagation();
    }
  }, true);
  button.addEventListener("contextmenu", (event) => event.preventDefault());
}

/** Give `label` the width of the widest date `format` writes (each month of a year). */
function steadyWidth(label, format) {
  const probe = label.cloneNode(false);
  probe.removeAttribute("id");
  probe.setAttribute("aria-hidden", "true");
  probe.style.cssText = "position:absolute;visibility:hidden;min-width:0;width:auto;flex:none";
  label.parentNode.appendChild(probe);
  let widest = 0;
  for (let month = 1; month <= 12; month++) {
    probe.textContent = format(dayNumber("2016-" + String(month).padStart(2, "0") + "-28"));
    widest = Math.max(widest, probe.getBoundingClientRect().width);
  }
  probe.remove();
  label.style.minWidth = Math.ceil(widest) + "px";
}

/**
 * Set up the phone's ways on the map `view` (map.js) and the time bar's day buttons and date.
 * Returns { tooltipOpen() } (whether a tapped tooltip shows; for tests).
 */
export function createPhone(win, view, text) {
  const tips = tapTooltips(win, view);
  ["previous-day", "next-day"].forEach((id) => {
    const button = document.getElementById(id);
    if (button) repeatOnHold(win, button);
  });
  const label = document.getElementById("date-label");
  if (label) {
    const fit = () => steadyWidth(label, text.formatDay);
    fit();
    if (document.fonts) document.fonts.ready.then(fit);
    win.addEventListener("resize", fit);
  }
  return { tooltipOpen: tips.open };
}
