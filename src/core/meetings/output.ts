import type { Schedule, ScheduledMeeting } from "./instance.js";
import type { Timetable } from "./timetable.js";

/**
 * Numbers the tables slot by slot, last (the search only counts meetings per
 * slot): a participant keeps the table it had in the previous slot when it is
 * free, so people move as little as possible. `preset` keeps given numbers
 * (confirmed meetings when re-planning). Returns 0 for every edge when the
 * instance has no table limit.
 */
export function numberTables(tt: Timetable, preset?: Map<number, number>): Int32Array {
  const { model, T, K } = tt;
  const table = new Int32Array(model.edgeA.length);
  if (!Number.isFinite(K)) return table;
  const lastTable = new Int32Array(model.ids.length);
  for (let s = 0; s < T; s++) {
    const used = new Uint8Array(K + 1);
    const edges = [...tt.inSlot[s]!].sort((x, y) => x - y);
    const pending: number[] = [];
    for (const e of edges) {
      const fixedTable = preset?.get(e);
      if (fixedTable !== undefined && !used[fixedTable]) {
        table[e] = fixedTable;
        used[fixedTable] = 1;
      } else pending.push(e);
    }
    const rest: number[] = [];
    for (const e of pending) {
      const a = model.edgeA[e]!;
      const b = model.edgeB[e]!;
      const preferred = [lastTable[a]!, lastTable[b]!].find((t) => t > 0 && !used[t]);
      if (preferred) {
        table[e] = preferred;
        used[preferred] = 1;
      } else rest.push(e);
    }
    let next = 1;
    for (const e of rest) {
      while (used[next]) next++;
      table[e] = next;
      used[next] = 1;
    }
    for (const e of edges) {
      lastTable[model.edgeA[e]!] = table[e]!;
      lastTable[model.edgeB[e]!] = table[e]!;
    }
  }
  return table;
}

/** The schedule in the exchange format, sorted by slot then table. */
export function toSchedule(tt: Timetable, tables: Int32Array, upperBound: number): Schedule {
  const { model } = tt;
  const meetings: ScheduledMeeting[] = [];
  for (let e = 0; e < model.edgeA.length; e++) {
    const slot = tt.slotOf[e]!;
    if (slot < 0) continue;
    const meeting: ScheduledMeeting = { a: model.ids[model.edgeA[e]!]!, b: model.ids[model.edgeB[e]!]!, slot };
    if (Number.isFinite(tt.K)) meeting.table = tables[e]!;
    meetings.push(meeting);
  }
  meetings.sort((x, y) => x.slot - y.slot || (x.table ?? 0) - (y.table ?? 0) || x.a.localeCompare(y.a));
  const weight = Math.round(tt.weightHeld * 1e9) / 1e9;
  return { meetings, weight, upperBound, breaks: tt.totalBreaks() };
}
