import { describe, expect, it } from "vitest";
import { checkSchedule } from "../../core/meetings/check.js";
import { scheduleMeetings } from "../../core/meetings/scheduler.js";
import {
  breaksOfSlots,
  buildInstance,
  currentSlot,
  mayMeet,
  meetingSlots,
  type PlanDay,
  type PlanParticipant,
  placeMeetings,
  slotStart,
  suggestMeetings,
  weightOf,
} from "./meetings.rules.js";

const day: PlanDay = {
  startTime: "09:00",
  slotMinutes: 20,
  slotCount: 8,
  pauses: [{ label: "Pause café", from: 3, to: 3 }],
  tables: 2,
  categories: [
    { code: "s", label: "Fournisseur" },
    { code: "b", label: "Acheteur" },
  ],
  allowedPairs: [["s", "b"]],
};
const person = (id: string, category: string, extra: Partial<PlanParticipant> = {}): PlanParticipant => ({
  id,
  category,
  availableFrom: null,
  availableTo: null,
  stand: null,
  status: "active",
  ...extra,
});

describe("business-meeting day rules", () => {
  it("numbers meeting slots around pauses and times them in Paris (summer and winter)", () => {
    expect(meetingSlots(day)).toEqual([0, 1, 2, 4, 5, 6, 7]);
    const summer = new Date("2026-06-11T10:00:00Z");
    expect(slotStart(summer, day, 4).toISOString()).toBe("2026-06-11T08:20:00.000Z");
    const winter = new Date("2026-12-03T10:00:00Z");
    expect(slotStart(winter, day, 0).toISOString()).toBe("2026-12-03T08:00:00.000Z");
    expect(currentSlot(winter, day, new Date("2026-12-03T08:45:00Z"))).toBe(2);
    expect(currentSlot(winter, day, new Date("2026-12-03T07:59:00Z"))).toBeNull();
  });

  it("applies the category rules, with unclassified participants free to meet anyone", () => {
    expect(mayMeet(day, "s", "b")).toBe(true);
    expect(mayMeet(day, "b", "b")).toBe(false);
    expect(mayMeet(day, null, "b")).toBe(true);
    expect(mayMeet({ ...day, allowedPairs: [] }, "b", "b")).toBe(true);
  });

  it("maps priorities to weights, forced meetings above all", () => {
    expect([1, 2, 3].map((priority) => weightOf({ priority, forced: false }))).toEqual([4, 2, 1]);
    expect(weightOf({ priority: 3, forced: true })).toBe(8);
  });

  it("builds the instance: windows in scheduler slots, accepted requests within the rules, stands as places", () => {
    const participants = [
      person("s1", "s", { stand: "A1" }),
      person("s2", "s"),
      person("b1", "b", { availableFrom: 4 }),
      person("b2", "b"),
      person("b3", "b", { status: "cancelled" }),
    ];
    const requests = [
      { fromId: "b1", toId: "s1", priority: 1, forced: false, status: "accepted" },
      { fromId: "b1", toId: "b2", priority: 1, forced: false, status: "accepted" },
      { fromId: "b2", toId: "s2", priority: 2, forced: false, status: "pending" },
      { fromId: "b3", toId: "s2", priority: 2, forced: false, status: "accepted" },
      { fromId: "b2", toId: "s1", priority: 3, forced: true, status: "accepted" },
    ];
    const instance = buildInstance(day, participants, requests);
    expect(instance.slots).toBe(7);
    expect(instance.tables).toBe(3);
    expect(instance.participants.find((p) => p.id === "b1")).toEqual({ id: "b1", available: [3, 4, 5, 6] });
    expect(instance.participants.map((p) => p.id)).not.toContain("b3");
    expect(instance.requests).toEqual([
      { a: "b1", b: "s1", weight: 4 },
      { a: "b2", b: "s1", weight: 8 },
    ]);
  });

  it("places meetings at stands and numbered tables, dropping table overflow, and stays valid", async () => {
    // Four suppliers, one with a stand, four buyers, everyone asks everyone: 16 pairs, 2 tables + 1 stand.
    const participants = [
      ...["s1", "s2", "s3", "s4"].map((id, i) => person(id, "s", i === 0 ? { stand: "B12" } : {})),
      ...["b1", "b2", "b3", "b4"].map((id) => person(id, "b")),
    ];
    const requests = participants
      .filter((p) => p.category === "b")
      .flatMap((b) =>
        participants
          .filter((p) => p.category === "s")
          .map((s) => ({ fromId: b.id, toId: s.id, priority: 2, forced: false, status: "accepted" })),
      );
    const instance = buildInstance(day, participants, requests);
    const { schedule } = await scheduleMeetings(instance, { timeLimitSeconds: 1 });
    const placed = placeMeetings(day, participants, instance, schedule);
    expect(checkSchedule(instance, placed.schedule).valid).toBe(true);
    for (const m of placed.placed) {
      if (m.a === "s1" || m.b === "s1") expect(m.stand).toBe("B12");
      else expect([1, 2]).toContain(m.table);
    }
    const perSlot = new Map<number, number>();
    for (const m of placed.placed.filter((m) => !m.stand)) perSlot.set(m.slot, (perSlot.get(m.slot) ?? 0) + 1);
    for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(2);
    expect(placed.placed.length + placed.overflow.length).toBe(schedule.meetings.length);
  });

  it("counts breaks across a pause as no break", () => {
    expect(breaksOfSlots(meetingSlots(day), [2, 4])).toBe(0);
    expect(breaksOfSlots(meetingSlots(day), [0, 2, 4, 7])).toBe(2);
  });

  it("suggests suppliers whose offer matches what a buyer seeks, not other buyers", () => {
    const me = {
      id: "b",
      category: "b",
      offers: "",
      seeks: "usinage de pièces en titane 5 axes",
      tradeCodes: ["usinage"],
    };
    const others = [
      {
        id: "s1",
        category: "s",
        offers: "Usinage 5 axes, pièces titane aéronautiques",
        seeks: "",
        tradeCodes: ["usinage"],
      },
      { id: "s2", category: "s", offers: "Traitement thermique sous vide", seeks: "", tradeCodes: [] },
      { id: "b2", category: "b", offers: "Usinage titane", seeks: "", tradeCodes: ["usinage"] },
    ];
    const found = suggestMeetings(day, me, others, new Set());
    expect(found[0]?.id).toBe("s1");
    expect(found.map((s) => s.id)).not.toContain("b2");
    expect(suggestMeetings(day, me, others, new Set(["s1"])).map((s) => s.id)).not.toContain("s1");
  });
});
