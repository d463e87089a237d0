/*
 * Small DOM helpers. Text from the data (district names, claim quotes) comes from third
 * parties: it is only ever put in the page with textContent, never as HTML.
 */

/** Return a new element holding `text` as text, never parsed as HTML. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** Escape text for the few Leaflet APIs that take HTML (the attribution control). */
export function escapeHtml(text) {
  const box = document.createElement("div");
  box.textContent = String(text);
  return box.innerHTML;
}

/** Return the district's English and Arabic names as DOM nodes. */
export function districtNames(props) {
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

/**
 * Return a swatch drawing `state` as the map does, with `background(state)` (a faded swatch,
 * in the colours of the change that may be under way, on an uncertain day).
 */
export function swatch(state, background) {
  const box = el("span", "legend-swatch" + (state.uncertain ? " swatch-faded" : ""));
  box.style.background = background(state.uncertain && state.next ? state.next : state);
  box.setAttribute("aria-hidden", "true");
  return box;
}

/** Return the fraction (0 to 1) of `element`'s width at which a pointer `event` lies. */
export function pointerFraction(element, event, rtl) {
  const box = element.getBoundingClientRect();
  const fraction = (event.clientX - box.left) / box.width;
  return rtl ? 1 - fraction : fraction;
}
