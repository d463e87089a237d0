/*
 * Playback: the map runs through time at a day, a week or a month a second, or change by
 * change, until the end of the record or a pause.
 */
import { nextChange } from "./decode.js";

export const RATES = { day: 1, week: 7, month: 30 }; // days a second when playing
export const CHANGE_INTERVAL_MS = 900; // playing change by change

/** Return `speed` if it is one ("day", "week", "month", "change"), else "week". */
export function speedOf(speed) {
  return speed === "change" || Object.prototype.hasOwnProperty.call(RATES, speed) ? speed : "week";
}

/**
 * Wire the play button and the speed menu to `store` (its `playing` and `speed`), stepping
 * with `stepTo(day)`. Returns { play(), pause(), toggle() }.
 */
export function createPlayback(win, app, store, stepTo, text) {
  const playButton = document.getElementById("play");
  const speedSelect = document.getElementById("speed");
  let frameRequest = null;
  let changeTimer = null;
  let lastFrame = 0;
  let carry = 0;

  function show(playing) {
    playButton.setAttribute("aria-pressed", playing ? "true" : "false");
    const label = playing ? text.t("pause") : text.t("play");
    playButton.setAttribute("aria-label", label);
    playButton.title = label;
    app.classList.toggle("is-playing", playing);
  }

  function frame(now) {
    const elapsed = Math.min(now - lastFrame, 250);
    lastFrame = now;
    carry += (elapsed / 1000) * RATES[store.get().speed];
    const whole = Math.floor(carry);
    if (whole >= 1) {
      carry -= whole;
      stepTo(store.get().day + whole);
    }
    if (store.get().day >= store.get().span.end) {
      pause();
      return;
    }
    frameRequest = win.requestAnimationFrame(frame);
  }

  function changeTick() {
    const next = nextChange(store.get().data, store.get().day);
    if (Number.isNaN(next)) {
      pause();
      return;
    }
    stepTo(next);
    changeTimer = win.setTimeout(changeTick, CHANGE_INTERVAL_MS);
  }

  function loopStart() {
    if (store.get().speed === "change") {
      changeTimer = win.setTimeout(changeTick, CHANGE_INTERVAL_MS / 3);
    } else {
      lastFrame = win.performance.now();
      carry = 0;
      frameRequest = win.requestAnimationFrame(frame);
    }
  }

  function loopStop() {
    if (frameRequest !== null) win.cancelAnimationFrame(frameRequest);
    if (changeTimer !== null) win.clearTimeout(changeTimer);
    frameRequest = null;
    changeTimer = null;
  }

  /** Play from the day (from the start of the record when at its end). */
  function play() {
    const state = store.get();
    if (state.playing || !state.data) return;
    const atEnd = state.speed === "change"
      ? Number.isNaN(nextChange(state.data, state.day))
      : state.day >= state.span.end;
    if (atEnd) stepTo(state.span.start);
    store.set({ playing: true });
    loopStart();
  }

  function pause() {
    if (!store.get().playing) return;
    loopStop();
    store.set({ playing: false });
  }

  function toggle() {
    if (store.get().playing) pause();
    else play();
  }

  store.subscribe((state, changed) => {
    if (changed.has("playing")) show(state.playing);
    if (changed.has("speed") && state.playing) {
      loopStop();
      loopStart();
    }
  });
  playButton.addEventListener("click", toggle);
  speedSelect.addEventListener("change", () => store.set({ speed: speedOf(speedSelect.value) }));

  return { play: play, pause: pause, toggle: toggle };
}
