/*
 * The map on a phone (and any touch screen), and a steady time bar:
 * - a tap shows the district's tooltip (its name and state) once, above the controls: it
 *   closes on the next tap, on a scroll or a move of the map, or after TAP_TOOLTIP_MS;
 * - the day buttons repeat while held (the slider's fine mode: a day at a time);
 * - the date label keeps the width of the widest date, so nothing beside it moves while the
 *   day changes (playing, scrubbing).
 */
import { dayNumber } from "./days.js";

export const TAP_TOOLTIP_MS = 2500;
export const HOLD_DELAY_MS = 400; // before a held day button starts repeating
export const HOLD_EVERY_MS = 90; // then a day every this often

/**
 * Show a tapped district's tooltip as a card of its own, at the top of the map above the
 * controls (a Leaflet tooltip lies in the map's panes, beneath every control, and stays open
 * until a "mouseout" that a finger never makes). The card goes on the next tap, a scroll, a
 * drag of the map, or after TAP_TOOLTIP_MS.
 */
function tapTooltips(win, view) {
  const map = view.map;
  const card = document.createElement("div");
  card.className = "tap-card leaflet-tooltip district-tooltip";
  card.id = "tap-card";
  card.setAttribute("role", "status");
  card.hidden = true;
  map.getContainer().parentNode.appendChild(card);
  let touch = false; // the last pointer was a finger
  let timer = null;

  function close() {
    win.clearTimeout(timer);
    card.hidden = true;
    card.replaceChildren();
  }

  document.addEventListener("pointerdown", (event) => {
    touch = event.pointerType === "touch";
    if (touch) close();
  }, true);
  win.addEventListener("scroll", close, true);
  map.on("dragstart", close); // not "movestart": the panel the tap opens may pan the map
  view.layer.on("tooltipopen", (event) => {
    if (!touch) return;
    const source = event.propagatedFrom || event.layer;
    const node = event.tooltip.getElement();
    card.replaceChildren(...Array.from(node ? node.childNodes : [], (child) => child.cloneNode(true)));
    if (source) {
      source.fire("mouseout"); // the hover outline goes with it
      source.closeTooltip();
    }
    card.hidden = false;
    win.clearTimeout(timer);
    timer = win.setTimeout(close, TAP_TOOLTIP_MS);
  });
  return { close: close, open: () => !card.hidden };
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
