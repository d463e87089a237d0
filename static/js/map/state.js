/*
 * The one owner of the map's shared state: a small store. Modules read it with get(), change
 * it with set(patch) and follow it with subscribe(listener). Pure: no DOM.
 *
 * The state (see main.js): { day, lens, data (the lens's decoded timeline), span and axis
 * ({start, end} days: the record and the part the time bar shows), range, speed, playing,
 * selected (a district's index, or -1), series and buckets (the area tally for the chart
 * and the legend) }.
 */

/**
 * Return a store holding `initial`. set(patch) replaces the values that differ (compared with
 * Object.is) and calls every listener, in the order they subscribed, with (state, changed:
 * Set of keys). A set() made by a listener is applied at once and told to every listener once
 * the current round ends, so that each listener sees the changes in the order they happened.
 */
export function createStore(initial) {
  let state = Object.freeze(Object.assign({}, initial));
  const listeners = [];
  let pending = null; // keys changed while listeners run

  function notify(changed) {
    pending = new Set();
    try {
      for (;;) {
        for (const listener of listeners.slice()) listener(state, changed);
        if (!pending.size) break;
        changed = pending;
        pending = new Set();
      }
    } finally {
      pending = null;
    }
  }

  return {
    get: () => state,
    set(patch) {
      const changed = new Set();
      for (const key of Object.keys(patch)) {
        if (!Object.is(state[key], patch[key])) changed.add(key);
      }
      if (!changed.size) return changed;
      state = Object.freeze(Object.assign({}, state, patch));
      if (pending) changed.forEach((key) => pending.add(key));
      else notify(changed);
      return changed;
    },
    /** Call `listener(state, changed)` after every change; return a function that stops it. */
    subscribe(listener) {
      listeners.push(listener);
      return () => {
        const k = listeners.indexOf(listener);
        if (k >= 0) listeners.splice(k, 1);
      };
    },
  };
}
