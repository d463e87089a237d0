/*
 * The keyboard: the arrow keys step a day (with Shift, a change) the way the slider is drawn,
 * the space bar plays and pauses, Home and End go to the ends of the record, Escape closes
 * the district panel. Keys typed into a field (other than the slider) are left alone.
 */

/** Return what `event` (a keydown) asks of the map, or null: { action, ...details }. */
export function keyAction(event, onSlider, rtl) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target;
  const tag = target && target.tagName;
  const typing = tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" ||
    Boolean(target && target.isContentEditable);
  if (typing && !onSlider) return null;
  switch (event.key) {
    case "ArrowRight":
    case "ArrowLeft": {
      // Time runs the way the slider is drawn: to the left in Arabic.
      const forward = (event.key === "ArrowRight") !== rtl;
      return { action: event.shiftKey ? "change" : "day", direction: forward ? 1 : -1 };
    }
    case " ":
    case "Spacebar":
      if (!onSlider && (tag === "BUTTON" || tag === "A" || tag === "SUMMARY")) return null;
      return { action: "toggle" };
    case "Home":
    case "End":
      return onSlider ? null : { action: event.key === "Home" ? "start" : "end" };
    case "Escape":
      return { action: "close" };
    default:
      return null;
  }
}

/**
 * Listen to the keys on `doc`. actions: { stepTo(day), jumpChange(direction), pause(),
 * toggle(), deselect() }.
 */
export function createKeys(doc, store, actions, slider, rtl) {
  doc.addEventListener("keydown", (event) => {
    const state = store.get();
    if (!state.data) return;
    const asked = keyAction(event, event.target === slider, rtl);
    if (!asked || (asked.action === "close" && state.selected < 0)) return;
    event.preventDefault();
    if (asked.action === "toggle") actions.toggle();
    else if (asked.action === "close") actions.deselect();
    else {
      actions.pause();
      if (asked.action === "change") actions.jumpChange(asked.direction);
      else if (asked.action === "day") actions.stepTo(state.day + asked.direction);
      else actions.stepTo(asked.action === "start" ? state.span.start : state.span.end);
    }
  });
}
