// A small timeline payload for the tests: three districts on the map, one more off it.
import { dayNumber } from "../../static/js/map/days.js";

export const d = dayNumber;

export const PAYLOAD = {
  lens: "consensus",
  actors: ["government", "rebels"],
  districts: ["a", "b", "gone", "c"],
  periods: [
    // a: contested from 1 February (open), after being held by the government since
    // 10 January, a change that may have happened from 5 January.
    [0, "2016-02-01", null, "contested", null, "2016-02-01", []],
    [0, "2016-01-10", "2016-02-01", "held", 0, "2016-01-05", []],
    // b: disputed between both sides from 20 January.
    [1, "2016-01-20", null, "disputed", null, "2016-01-20", [0, 1]],
    // a district the map does not draw
    [2, "2016-01-01", null, "held", 1, "2016-01-01", []],
  ],
};

// The map's order differs from the payload's: b, a, c (c has no period at all).
export const SLUGS = ["b", "a", "c"];
export const AREAS = Float64Array.from([2, 1, 4]);
