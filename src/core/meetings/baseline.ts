import { combinatorialBound } from "./bound.js";
import type { Instance, Schedule } from "./instance.js";
import { buildModel } from "./model.js";
import { numberTables, toSchedule } from "./output.js";
import { Timetable } from "./timetable.js";

/**
 * The baseline that organisers' tools apply: heaviest request first, in the
 * earliest slot both are free with a table left. Used by the benchmark and by
 * the property tests ("never worse than the baseline").
 */
export function greedySchedule(instance: Instance): Schedule {
  const model = buildModel(instance);
  const tt = new Timetable(model);
  const order = Array.from(model.weight.keys()).sort((x, y) => model.weight[y]! - model.weight[x]! || x - y);
  for (const e of order) {
    for (const s of model.window[e]!) {
      if (tt.fits(e, s)) {
        tt.assign(e, s);
        break;
      }
    }
  }
  return toSchedule(tt, numberTables(tt), combinatorialBound(model));
}
