import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateForum } from "../../../bench/generators/meetings.js";
import { greedySchedule } from "./baseline.js";
import { breaksOf, checkSchedule } from "./check.js";
import { type Instance, InstanceError, parseInstance, validateInstance } from "./instance.js";
import { replanMeetings } from "./replan.js";
import { scheduleMeetings } from "./scheduler.js";

/** The best (weight, then breaks) of every assignment of requests to slots or "not held", by enumeration. */
function bruteForce(instance: Instance): { weight: number; breaks: number } {
  const merged = new Map<string, { a: string; b: string; w: number }>();
  for (const r of instance.requests) {
    const key = [r.a, r.b].sort().join("|");
    const entry = merged.get(key);
    if (entry) entry.w += r.weight ?? 1;
    else merged.set(key, { a: r.a, b: r.b, w: r.weight ?? 1 });
  }
  const pairs = [...merged.values()];
  const avail = new Map(instance.participants.map((p) => [p.id, p.available ? new Set(p.available) : null]));
  let best = { weight: 0, breaks: 0 };
  const slotOf: number[] = new Array(pairs.length).fill(-1);
  const recurse = (i: number) => {
    if (i === pairs.length) {
      const busy = new Map<string, number[]>();
      const perSlot = new Map<number, number>();
      let weight = 0;
      for (const [k, p] of pairs.entries()) {
        const s = slotOf[k]!;
        if (s < 0) continue;
        for (const v of [p.a, p.b]) {
          const list = busy.get(v) ?? [];
          if (list.includes(s)) return;
          list.push(s);
          busy.set(v, list);
        }
        perSlot.set(s, (perSlot.get(s) ?? 0) + 1);
        weight += p.w;
      }
      if (instance.tables !== undefined && [...perSlot.values()].some((c) => c > instance.tables!)) return;
      let breaks = 0;
      for (const list of busy.values()) breaks += breaksOf(list);
      if (weight > best.weight || (weight === best.weight && breaks < best.breaks)) best = { weight, breaks };
      return;
    }
    const p = pairs[i]!;
    for (let s = -1; s < instance.slots; s++) {
      if (s >= 0 && (avail.get(p.a)?.has(s) === false || avail.get(p.b)?.has(s) === false)) continue;
      slotOf[i] = s;
      recurse(i + 1);
    }
    slotOf[i] = -1;
  };
  recurse(0);
  return best;
}

const tinyInstance = fc
  .record({
    slots: fc.integer({ min: 1, max: 4 }),
    people: fc.integer({ min: 2, max: 5 }),
    tables: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  })
  .chain(({ slots, people, tables }) =>
    fc.record({
      slots: fc.constant(slots),
      tables: fc.constant(tables),
      participants: fc.tuple(
        ...Array.from({ length: people }, (_, i) =>
          fc
            .option(
              fc.subarray(
                Array.from({ length: slots }, (_, s) => s),
                { minLength: 1 },
              ),
              { nil: undefined },
            )
            .map((available) => (available ? { id: `p${i}`, available } : { id: `p${i}` })),
        ),
      ),
      requests: fc.array(
        fc
          .record({
            a: fc.integer({ min: 0, max: people - 1 }),
            b: fc.integer({ min: 0, max: people - 1 }),
            weight: fc.integer({ min: 1, max: 3 }),
          })
          .filter((r) => r.a !== r.b)
          .map((r) => ({ a: `p${r.a}`, b: `p${r.b}`, weight: r.weight })),
        { minLength: 0, maxLength: 6 },
      ),
    }),
  )
  .map((x) => validateInstance(x));

const quick = { timeLimitSeconds: 0.3 };

describe("instance validation", () => {
  it.each([
    ["{", /malformed JSON/],
    ['{"slots":0,"participants":[],"requests":[]}', /slots must be an integer/],
    ['{"slots":2,"participants":[{"id":"a"},{"id":"a"}],"requests":[]}', /duplicate participant id "a"/],
    ['{"slots":2,"participants":[{"id":"a","available":[2]}],"requests":[]}', /"a".*slot 2 is out of range 0…1/],
    [
      '{"slots":2,"participants":[{"id":"a"}],"requests":[{"a":"a","b":"x"}]}',
      /requests\[0\]: unknown participant b = "x"/,
    ],
    ['{"slots":2,"participants":[{"id":"a"}],"requests":[{"a":"a","b":"a"}]}', /"a" cannot meet itself/],
    [
      '{"slots":2,"participants":[{"id":"a"},{"id":"b"}],"requests":[{"a":"a","b":"b","weight":0.5}]}',
      /weight must be a number ≥ 1/,
    ],
    ['{"slots":2,"tables":0,"participants":[],"requests":[]}', /tables must be a positive integer/],
  ])("rejects %s", (text, message) => {
    expect(() => parseInstance(text)).toThrow(InstanceError);
    expect(() => parseInstance(text)).toThrow(message);
  });
});

describe("scheduleMeetings", () => {
  it("merges both directions of a pair and reports the exact optimum on a small day", async () => {
    const instance = parseInstance(
      JSON.stringify({
        slots: 3,
        tables: 1,
        participants: [{ id: "p1" }, { id: "p2", available: [0, 1] }, { id: "p3" }],
        requests: [
          { a: "p1", b: "p2", weight: 3 },
          { a: "p2", b: "p1" },
          { a: "p1", b: "p3" },
          { a: "p2", b: "p3", weight: 2 },
        ],
      }),
    );
    const { schedule } = await scheduleMeetings(instance, quick);
    expect(checkSchedule(instance, schedule).problems).toEqual([]);
    expect(schedule.weight).toBe(7);
    expect(schedule.upperBound).toBe(7);
    expect(schedule.breaks).toBe(bruteForce(instance).breaks);
  });

  it("drops pairs with no common slot and says why", async () => {
    const instance = validateInstance({
      slots: 4,
      participants: [{ id: "a", available: [0, 1] }, { id: "b", available: [2, 3] }, { id: "c" }],
      requests: [
        { a: "a", b: "b" },
        { a: "a", b: "c" },
      ],
    });
    const result = await scheduleMeetings(instance, quick);
    expect(result.stats.dropped).toEqual([{ a: "a", b: "b", reason: "no common available slot" }]);
    expect(result.schedule.meetings).toHaveLength(1);
  });

  it("numbers tables 1…tables and keeps a participant at its table across consecutive slots", async () => {
    const instance = validateInstance({
      slots: 3,
      tables: 2,
      participants: ["host", "x", "y", "z", "u"].map((id) => ({ id })),
      requests: [
        { a: "host", b: "x" },
        { a: "host", b: "y" },
        { a: "host", b: "z" },
        { a: "u", b: "x" },
      ],
    });
    const { schedule } = await scheduleMeetings(instance, quick);
    expect(checkSchedule(instance, schedule).valid).toBe(true);
    const hostTables = new Set(schedule.meetings.filter((m) => m.a === "host" || m.b === "host").map((m) => m.table));
    expect(hostTables.size).toBe(1);
  });

  it("places every meeting of a forum-like day with few breaks, where the baseline leaves holes", async () => {
    const instance = generateForum({ participants: 50, slots: 10, meetings: 150, seed: 11 });
    const { schedule } = await scheduleMeetings(instance, { timeLimitSeconds: 3 });
    const baseline = greedySchedule(instance);
    expect(checkSchedule(instance, schedule).problems).toEqual([]);
    expect(schedule.meetings).toHaveLength(instance.requests.length);
    expect(schedule.weight).toBe(schedule.upperBound);
    expect(schedule.breaks).toBeLessThan(baseline.breaks / 4);
  });

  it("matches brute force on tiny days: the same best weight, a valid bound, never worse than the baseline", async () => {
    await fc.assert(
      fc.asyncProperty(tinyInstance, async (instance) => {
        const { schedule } = await scheduleMeetings(instance, { timeLimitSeconds: 0.2 });
        const report = checkSchedule(instance, schedule);
        expect(report.problems).toEqual([]);
        const best = bruteForce(instance);
        expect(schedule.weight).toBe(best.weight);
        expect(schedule.upperBound).toBeGreaterThanOrEqual(best.weight);
        const baseline = greedySchedule(instance);
        expect(checkSchedule(instance, baseline).valid).toBe(true);
        expect(schedule.weight).toBeGreaterThanOrEqual(baseline.weight);
        if (schedule.weight === baseline.weight) expect(schedule.breaks).toBeLessThanOrEqual(baseline.breaks);
      }),
      { numRuns: 60, seed: 20261122 },
    );
  }, 120_000);
});

describe("replanMeetings", () => {
  it("keeps every confirmed meeting at its slot and table and fills what a cancellation freed", async () => {
    const instance = generateForum({ participants: 30, slots: 8, meetings: 70, seed: 5 });
    const { schedule } = await scheduleMeetings(instance, { timeLimitSeconds: 1 });
    // p1 cancels; a late request between two others is accepted.
    const gone = "p1";
    const others = instance.participants.map((p) => p.id).filter((id) => id !== gone);
    const late = { a: others[0]!, b: others[1]!, weight: 2 };
    const now: Instance = {
      ...instance,
      participants: instance.participants.map((p) => (p.id === gone ? { id: gone, available: [] } : p)),
      requests: [...instance.requests, late],
    };
    const result = await replanMeetings(now, schedule);
    expect(checkSchedule(now, result.schedule).problems).toEqual([]);
    const key = (m: { a: string; b: string; slot: number; table?: number }) =>
      `${[m.a, m.b].sort().join("|")}@${m.slot}#${m.table}`;
    const after = new Set(result.schedule.meetings.map(key));
    for (const m of schedule.meetings) {
      if (m.a === gone || m.b === gone) continue;
      expect(after.has(key(m))).toBe(true);
    }
    expect(result.removed.every((r) => r.a === gone || r.b === gone)).toBe(true);
    expect(result.schedule.meetings.some((m) => m.a === gone || m.b === gone)).toBe(false);
  });
});
