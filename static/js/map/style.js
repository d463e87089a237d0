/*
 * How a district and a state are drawn: the colours, the Leaflet path style per drawing code,
 * the CSS background of a swatch. Pure: no DOM, no Leaflet (a hatch pattern is made by the
 * caller's `pattern(colours)`).
 */
import {
  codeNextPeriod, codePeriod, codeStale, codeUncertain, DISPUTED, HELD, STATUS_NAME,
} from "./decode.js";

export const OUTLINE = "#ffffff";
export const SELECTED_OUTLINE = { color: "#111827", weight: 3, opacity: 1 };
export const UNKNOWN_FILL = "#d5dbe3";
export const CONTESTED_INK = "#4b5563";
export const CONTESTED_BACKGROUND = "#eef0f3";
export const CONTESTED_STRIPES = [CONTESTED_INK, CONTESTED_BACKGROUND, CONTESTED_BACKGROUND];
export const FALLBACK_COLOUR = "#9aa5b1";
export const DISPUTED_GENERIC = ["#7b8794", "#cbd2d9"];
export const STALE_OUTLINE = "#1f2933";
export const STALE_DASH = "1 4";

// Fill per district kind, before any control data colours the map.
export const KIND_FILL = {
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
const KIND_OUTLINE = "#3f4b5b";

/** Return the style of a district by its kind alone (a GeoJSON feature). */
export function kindStyle(feature) {
  return {
    color: KIND_OUTLINE,
    weight: 0.8,
    opacity: 0.9,
    fillColor: KIND_FILL[feature.properties.kind] || KIND_FILL.other,
    fillOpacity: 0.85,
  };
}

/** Return `colour` if it is a "#rrggbb" colour, else the fallback grey. */
export function safeColour(colour) {
  return /^#[0-9a-fA-F]{6}$/.test(colour || "") ? colour : FALLBACK_COLOUR;
}

/** Return the stripes of a disputed state: each side's colour, and grey for "contested". */
export function disputedColours(actors, actorColour) {
  if (!actors.length) return DISPUTED_GENERIC; // the legend, in a lens with no dispute
  const colours = actors.map(actorColour);
  if (colours.length < 2) colours.push(CONTESTED_INK);
  return colours;
}

/** Return the CSS background drawing a state in the legend, the strip and the panel. */
export function swatchBackground(state, actorColour) {
  if (state.status === "held") return actorColour(state.actor);
  if (state.status === "contested") {
    return "repeating-linear-gradient(135deg, " + CONTESTED_INK + " 0 2px, " +
      CONTESTED_BACKGROUND + " 2px 5px)";
  }
  if (state.status === "disputed") {
    const stops = disputedColours(state.actors || [], actorColour).map(
      (colour, k) => colour + " " + k * 4 + "px " + (k + 1) * 4 + "px",
    );
    return "repeating-linear-gradient(135deg, " + stops.join(", ") + ")";
  }
  return UNKNOWN_FILL;
}

/**
 * Return the Leaflet style of a district (its decoded `track` in `data`) in drawing `code`.
 * A held district takes its holder's colour; contested and disputed ones are hatched
 * (`hatch` holds the stripes; disputed in the colours of the sides named); unknown is plain.
 * In an uncertain window, the change that may already have happened is drawn faded, with a
 * dashed outline. A stale state (not reported for over the threshold) keeps its colours but
 * is drawn much lighter, with a dark dotted outline: a style of its own, unlike the faded one.
 * Every key is set, so that none lingers when Leaflet merges styles.
 */
export function districtStyle(data, track, code, actorColour, pattern) {
  const uncertain = codeUncertain(code);
  const k = uncertain ? codeNextPeriod(code) : codePeriod(code);
  const style = {
    color: OUTLINE,
    weight: 0.9,
    opacity: 1,
    fill: true,
    dashArray: null,
    actor: null,
    hatch: null,
    uncertain: false,
    stale: false,
    lineCap: "round",
  };
  if (k < 0) {
    style.fillColor = UNKNOWN_FILL;
    style.fillOpacity = 0.75;
    style.status = "unknown";
  } else {
    const status = track.status[k];
    style.status = STATUS_NAME[status];
    if (status === HELD) {
      style.actor = data.actors[track.actor[k]];
      style.fillColor = actorColour(style.actor);
      style.fillOpacity = 0.82;
    } else {
      style.hatch = status === DISPUTED
        ? disputedColours(track.actors[k].map((a) => data.actors[a]), actorColour)
        : CONTESTED_STRIPES.slice();
      style.fillColor = pattern(style.hatch);
      style.fillOpacity = 0.9;
    }
  }
  if (codeStale(code) && !uncertain) {
    style.stale = true;
    style.fillOpacity = style.fillOpacity * 0.3;
    style.dashArray = STALE_DASH;
    style.color = STALE_OUTLINE;
    style.weight = 1.6;
  }
  if (uncertain) {
    style.uncertain = true;
    style.fillOpacity = style.fillOpacity * 0.4;
    style.dashArray = "4 3";
    style.color = "#52606d";
    style.weight = 1;
  }
  return style;
}
