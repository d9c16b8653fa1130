import type { Instance, Schedule } from "./instance.js";

export interface ScheduleReport {
  valid: boolean;
  problems: string[];
  weight: number;
  breaks: number;
  /** Breaks of the participant who has the most. */
  maxBreaks: number;
  meetingsPerParticipant: Map<string, number>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/** Breaks of a set of busy slots: idle stretches between the first and the last meeting. */
export function breaksOf(busySlots: number[]): number {
  const sorted = [...busySlots].sort((x, y) => x - y);
  let breaks = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! > sorted[i - 1]! + 1) breaks++;
  return breaks;
}

/**
 * Checks a schedule against its instance, independently of the scheduler:
 * every rule of the exchange format, and the figures it reports.
 */
export function checkSchedule(instance: Instance, schedule: Schedule): ScheduleReport {
  const problems: string[] = [];
  const T = instance.slots;
  const available = new Map<string, Set<number> | null>(
    instance.participants.map((p) => [p.id, p.available ? new Set(p.available) : null]),
  );
  const requested = new Map<string, number>();
  for (const r of instance.requests)
    requested.set(pairKey(r.a, r.b), (requested.get(pairKey(r.a, r.b)) ?? 0) + (r.weight ?? 1));

  const held = new Set<string>();
  const busy = new Map<string, number[]>();
  const perSlot = new Map<number, number>();
  const tablesInSlot = new Map<number, Set<number>>();
  let weight = 0;
  for (const [i, m] of schedule.meetings.entries()) {
    const where = `meeting ${i} (${m.a}–${m.b}, slot ${m.slot})`;
    const key = pairKey(m.a, m.b);
    const w = requested.get(key);
    if (w === undefined) problems.push(`${where}: not a requested pair`);
    else if (held.has(key)) problems.push(`${where}: pair held twice`);
    else weight += w;
    held.add(key);
    if (!Number.isInteger(m.slot) || m.slot < 0 || m.slot >= T) problems.push(`${where}: slot out of range`);
    for (const p of [m.a, m.b]) {
      const av = available.get(p);
      if (av === undefined) problems.push(`${where}: unknown participant ${p}`);
      else if (av && !av.has(m.slot)) problems.push(`${where}: ${p} is not available`);
      const list = busy.get(p) ?? [];
      if (list.includes(m.slot)) problems.push(`${where}: ${p} has two meetings in that slot`);
      list.push(m.slot);
      busy.set(p, list);
    }
    perSlot.set(m.slot, (perSlot.get(m.slot) ?? 0) + 1);
    if (instance.tables !== undefined) {
      if (!Number.isInteger(m.table) || m.table! < 1 || m.table! > instance.tables) {
        problems.push(`${where}: table ${m.table} outside 1…${instance.tables}`);
      }
      const used = tablesInSlot.get(m.slot) ?? new Set<number>();
      if (m.table !== undefined && used.has(m.table)) problems.push(`${where}: table ${m.table} used twice`);
      if (m.table !== undefined) used.add(m.table);
      tablesInSlot.set(m.slot, used);
    } else if (m.table !== undefined) {
      problems.push(`${where}: a table number without a table limit`);
    }
  }
  if (instance.tables !== undefined) {
    for (const [slot, count] of perSlot) {
      if (count > instance.tables) problems.push(`slot ${slot}: ${count} meetings for ${instance.tables} tables`);
    }
  }
  const meetingsPerParticipant = new Map<string, number>();
  let breaks = 0;
  let maxBreaks = 0;
  for (const [p, slots] of busy) {
    meetingsPerParticipant.set(p, slots.length);
    const b = breaksOf(slots);
    breaks += b;
    maxBreaks = Math.max(maxBreaks, b);
  }
  if (Math.abs(weight - schedule.weight) > 1e-6) problems.push(`weight ${schedule.weight} reported, ${weight} held`);
  if (breaks !== schedule.breaks) problems.push(`breaks ${schedule.breaks} reported, ${breaks} counted`);
  if (schedule.upperBound + 1e-6 < weight) problems.push(`upperBound ${schedule.upperBound} below weight ${weight}`);
  return { valid: problems.length === 0, problems, weight, breaks, maxBreaks, meetingsPerParticipant };
}
