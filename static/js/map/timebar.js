/*
 * The time bar: the date slider over a chart of the share of area each side holds, its ticks
 * (the change days) and scale, the buttons to step a day or a change, the range chips (all,
 * a year, three months) and the track, which the pointer can drag along.
 */
import { axisFraction, fitAxis, rangeOf, scaleLabels } from "./axis.js";
import { createAreaChart } from "./chart.js";
import { dayString } from "./days.js";
import { nextChange, previousChange } from "./decode.js";
import { el, pointerFraction } from "./dom.js";
import { CONTESTED_BACKGROUND, CONTESTED_INK } from "./style.js";

/**
 * Wire the time bar inside `app` (the page's #timeline-app) to `store`.
 * actions: { stepTo(day), pause(), jumpChange(direction) }; tally(): the painter's tally.
 * Returns { setRange(range), slider }.
 */
export function createTimebar(app, store, actions, text, tally) {
  const byId = (id) => document.getElementById(id);
  const slider = byId("day-slider");
  const dateLabel = byId("date-label");
  const ticks = byId("timebar-ticks");
  const scale = byId("timebar-scale");
  const track = app.querySelector(".timebar-track");
  const rangeButtons = app.querySelectorAll("[data-range]");
  const buttons = {
    previousChange: byId("previous-change"),
    previousDay: byId("previous-day"),
    nextDay: byId("next-day"),
    nextChange: byId("next-change"),
  };
  const chart = createAreaChart(byId("area-chart"), {
    rtl: text.rtl,
    contestedInk: CONTESTED_INK,
    contestedBackground: CONTESTED_BACKGROUND,
    scaleLabel: (share) => text.t("chart_scale", { share: text.formatShare(share) }),
    axisLabel: text.t("chart_axis"),
  });
  let built = { start: NaN, end: NaN }; // the axis drawn

  function axisBuild(state) {
    const axis = state.axis;
    built = axis;
    slider.min = String(axis.start);
    slider.max = String(axis.end);
    if (!Number.isNaN(state.day)) slider.value = String(state.day);
    ticks.replaceChildren();
    const seen = new Set();
    state.data.changeDays.forEach((day) => {
      if (day < axis.start || day > axis.end) return;
      const at = Math.round(axisFraction(axis, day) * 1000) / 10;
      if (seen.has(at)) return;
      seen.add(at);
      const tick = el("span", "timebar-tick");
      tick.style.insetInlineStart = at + "%";
      tick.title = text.formatDay(day);
      ticks.appendChild(tick);
    });
    const end = state.span.last;
    if (end >= axis.start && end <= axis.end) { // the last day with a change or a claim
      const mark = el("span", "timebar-record-end");
      mark.style.insetInlineStart = Math.round(axisFraction(axis, end) * 1000) / 10 + "%";
      mark.title = text.t("record_end", { date: text.formatDay(end) });
      mark.dataset.day = dayString(end);
      ticks.appendChild(mark);
    }
    scale.replaceChildren();
    scaleLabels(axis, text).forEach((pair) => {
      const label = el("span", null, pair[1]);
      label.style.insetInlineStart = axisFraction(axis, pair[0]) * 100 + "%";
      scale.appendChild(label);
    });
    chart.draw(state.series, axis.start, axis.end, state.buckets, tally().whole);
    chart.mark(state.day);
  }

  function dayShow(state) {
    const day = state.day;
    slider.value = String(day);
    const label = text.formatDay(day);
    slider.setAttribute("aria-valuetext", label);
    dateLabel.textContent = label;
    dateLabel.dataset.day = dayString(day);
    chart.mark(day);
    buttons.previousDay.disabled = day <= state.span.start;
    buttons.nextDay.disabled = day >= state.span.end;
    buttons.previousChange.disabled = Number.isNaN(previousChange(state.data, day));
    buttons.nextChange.disabled = Number.isNaN(nextChange(state.data, day));
  }

  function rangeShow(range) {
    rangeButtons.forEach((button) => {
      button.setAttribute("aria-pressed", button.dataset.range === range ? "true" : "false");
    });
  }

  /** Show the whole record, or a year or three months around the day. */
  function setRange(range) {
    const state = store.get();
    range = rangeOf(range);
    if (!state.data) {
      store.set({ range: range });
      return;
    }
    store.set({ range: range, axis: fitAxis(state.span, state.axis, state.day, range, true) });
  }

  /** Before the lens's timeline is in (the first paint, main.js): the day shown, and the
   *  controls that move in time disabled until it arrives. */
  function waitShow(state) {
    const waiting = !state.data;
    app.classList.toggle("timeline-waiting", waiting);
    slider.disabled = waiting;
    Object.values(buttons).forEach((button) => {
      if (waiting) button.disabled = true;
    });
    if (waiting && !Number.isNaN(state.day)) {
      dateLabel.textContent = text.formatDay(state.day);
      dateLabel.dataset.day = dayString(state.day);
    }
  }

  store.subscribe((state, changed) => {
    if (changed.has("range")) rangeShow(state.range);
    if (changed.has("data") || (!state.data && changed.has("day"))) waitShow(state);
    if (!state.data) return;
    const moved = state.axis.start !== built.start || state.axis.end !== built.end;
    if (moved || changed.has("data") || changed.has("series")) axisBuild(state);
    if (changed.has("day") || changed.has("data")) dayShow(state);
  });
  rangeShow(store.get().range);

  rangeButtons.forEach((button) => {
    button.addEventListener("click", () => setRange(button.dataset.range));
  });

  function dayFromPointer(event) {
    const axis = store.get().axis;
    return axis.start + pointerFraction(track, event, text.rtl) * (axis.end - axis.start);
  }

  track.addEventListener("pointerdown", (event) => {
    if (!store.get().data) return;
    actions.pause();
    track.setPointerCapture(event.pointerId);
    actions.stepTo(dayFromPointer(event));
  });
  track.addEventListener("pointermove", (event) => {
    if (store.get().data && track.hasPointerCapture(event.pointerId)) {
      actions.stepTo(dayFromPointer(event));
    }
  });
  slider.addEventListener("input", () => {
    actions.pause();
    actions.stepTo(Number(slider.value));
  });

  const steps = [
    [buttons.previousDay, () => actions.stepTo(store.get().day - 1)],
    [buttons.nextDay, () => actions.stepTo(store.get().day + 1)],
    [buttons.previousChange, () => actions.jumpChange(-1)],
    [buttons.nextChange, () => actions.jumpChange(1)],
  ];
  steps.forEach(([button, step]) => {
    button.addEventListener("click", () => {
      actions.pause();
      step();
    });
  });

  return { setRange: setRange, slider: slider };
}
