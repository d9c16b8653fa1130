import type { Actor } from "../../platform/permissions/permissions.js";
import { managesMeetings, ownsParticipant } from "./meetings.policy.js";
import { FORCED_WEIGHT, meetingSlots, PRIORITY_WEIGHT, slotStart, weightOf } from "./meetings.rules.js";
import type { meetingDays, meetingParticipants, meetingRequests, meetings } from "./meetings.schema.js";

type DayRow = typeof meetingDays.$inferSelect;
type ParticipantRow = typeof meetingParticipants.$inferSelect;
type RequestRow = typeof meetingRequests.$inferSelect;
type MeetingRow = typeof meetings.$inferSelect;

export interface PresentContext {
  actor: Actor;
  tradeLabels: Map<string, string>;
  categories: { code: string; label: string }[];
  /** Participants whose person consented to be listed and whose company shares its contacts with members. */
  contactShared: Set<string>;
}

/** The only place a participant becomes JSON: contacts only for staff, oneself, or by consent. */
export function presentParticipant(row: ParticipantRow, pc: PresentContext) {
  const mine = ownsParticipant(pc.actor, row);
  const category = pc.categories.find((c) => c.code === row.category);
  const seesContact = managesMeetings(pc.actor) || mine || pc.contactShared.has(row.id);
  return {
    id: row.id,
    name: row.name,
    company: row.company,
    memberId: row.memberId,
    isGuest: row.memberId === null,
    category: category
      ? { code: category.code, label: category.label }
      : row.category
        ? { code: row.category, label: row.category }
        : null,
    offers: row.offers,
    seeks: row.seeks,
    trades: row.tradeCodes.map((code) => ({ code, label: pc.tradeLabels.get(code) ?? code })),
    availableFrom: row.availableFrom,
    availableTo: row.availableTo,
    stand: row.stand,
    status: row.status,
    mine,
    contact: seesContact ? { email: row.email, phone: row.phone } : null,
  };
}
export type PresentedParticipant = ReturnType<typeof presentParticipant>;

const who = (p: ParticipantRow | undefined) => ({ id: p?.id ?? "", name: p?.name ?? "—", company: p?.company ?? "—" });

export function presentRequest(row: RequestRow, byId: Map<string, ParticipantRow>, actor: Actor) {
  const from = byId.get(row.fromId);
  const to = byId.get(row.toId);
  return {
    id: row.id,
    from: who(from),
    to: who(to),
    priority: row.priority,
    weight: weightOf(row),
    status: row.status,
    forced: row.forced,
    message: row.message,
    mineToAnswer: to !== undefined && ownsParticipant(actor, to),
    mineAsked: from !== undefined && ownsParticipant(actor, from),
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMeeting(row: MeetingRow, byId: Map<string, ParticipantRow>) {
  return {
    id: row.id,
    slot: row.slot,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    table: row.tableNumber,
    stand: row.stand,
    a: who(byId.get(row.aId)),
    b: who(byId.get(row.bId)),
    weight: row.weight,
    held: row.held,
    followUp: row.followUp,
  };
}
export type PresentedMeeting = ReturnType<typeof presentMeeting>;

export interface DayEvent {
  id: string;
  title: string;
  startsAt: Date;
  addressLine: string | null;
  town: string | null;
}

/** The grid of a day: every slot's times and, for pause slots, the pause's name. */
export function slotsOf(event: DayEvent, day: Pick<DayRow, "startTime" | "slotMinutes" | "slotCount" | "pauses">) {
  const open = new Set(meetingSlots(day));
  return Array.from({ length: day.slotCount }, (_, slot) => ({
    slot,
    startsAt: slotStart(event.startsAt, day, slot).toISOString(),
    endsAt: slotStart(event.startsAt, day, slot + 1).toISOString(),
    pause: open.has(slot) ? null : (day.pauses.find((p) => p.from <= slot && slot <= p.to)?.label ?? null),
  }));
}

export function presentDay(
  event: DayEvent,
  day: Omit<DayRow, "id" | "clusterId" | "eventId" | "createdAt" | "updatedAt" | "version">,
  extra: {
    configured: boolean;
    myParticipantId: string | null;
    counts: { participants: number; requests: number; accepted: number; meetings: number };
  },
) {
  return {
    eventId: event.id,
    title: event.title,
    startsAt: event.startsAt.toISOString(),
    place: [event.addressLine, event.town].filter(Boolean).join(", ") || null,
    configured: extra.configured,
    phase: day.phase,
    startTime: day.startTime,
    slotMinutes: day.slotMinutes,
    slotCount: day.slotCount,
    pauses: day.pauses,
    tables: day.tables,
    categories: day.categories,
    allowedPairs: day.allowedPairs,
    timeLimitSeconds: day.timeLimitSeconds,
    slots: slotsOf(event, day),
    myParticipantId: extra.myParticipantId,
    counts: extra.counts,
    priorityWeights: { ...PRIORITY_WEIGHT, forced: FORCED_WEIGHT },
  };
}
export type PresentedDay = ReturnType<typeof presentDay>;
