import type { DocumentJson } from "../documents/documents.service.js";
import type { eventOccurrences, events, registrations } from "./events.schema.js";
import { describeRule } from "./recurrence.js";

export type EventRow = typeof events.$inferSelect;
export type OccurrenceRow = typeof eventOccurrences.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

export interface SeatCounts {
  confirmed: number;
  waiting: number;
}
export interface MyRegistration {
  id: string;
  status: "confirmed" | "waiting";
  position: number | null;
}

/** One line of the calendar: the occurrence with what the viewer needs from its event. */
export function presentOccurrenceSummary(
  occurrence: OccurrenceRow,
  event: EventRow,
  counts: SeatCounts | undefined,
  mine: MyRegistration | null,
) {
  return {
    id: occurrence.id,
    eventId: event.id,
    kind: event.kind,
    title: event.title,
    startsAt: occurrence.startsAt.toISOString(),
    endsAt: occurrence.endsAt.toISOString(),
    status: occurrence.status,
    eventStatus: event.status,
    holiday: occurrence.holiday,
    moved: occurrence.startsAt.getTime() !== occurrence.originalStart.getTime(),
    town: event.town,
    online: Boolean(event.onlineUrl),
    capacity: event.capacity,
    confirmed: counts?.confirmed ?? 0,
    waiting: counts?.waiting ?? 0,
    myRegistration: mine,
    workingGroupId: event.workingGroupId,
    recurring: Boolean(event.rrule),
  };
}
export type OccurrenceSummaryJson = ReturnType<typeof presentOccurrenceSummary>;

/** The event's own fields (EventInput + place, host, rule in words). */
export function presentEventFields(event: EventRow, host: { id: string; name: string } | null, locale: "fr" | "en") {
  return {
    id: event.id,
    kind: event.kind,
    title: event.title,
    description: event.description,
    agenda: event.agenda,
    expectedResult: event.expectedResult,
    timing: event.timing,
    startsAt: event.startsAt.toISOString(),
    durationMinutes: event.durationMinutes,
    rrule: event.rrule,
    recurrenceText: describeRule(event.rrule, event.startsAt, locale),
    addressLine: event.addressLine,
    postcode: event.postcode,
    communeInsee: event.communeInsee,
    town: event.town,
    lat: event.lat,
    lon: event.lon,
    onlineUrl: event.onlineUrl,
    hostMemberId: event.hostMemberId,
    hostMember: host,
    audience: event.audience,
    capacity: event.capacity,
    seatsPerCompany: event.seatsPerCompany,
    status: event.status,
    workingGroupId: event.workingGroupId,
    version: event.version,
  };
}

export function presentEventDetail(
  event: EventRow,
  host: { id: string; name: string } | null,
  occurrences: OccurrenceSummaryJson[],
  locale: "fr" | "en",
) {
  return { ...presentEventFields(event, host, locale), occurrences };
}

export function presentOccurrenceDetail(
  summary: OccurrenceSummaryJson,
  occurrence: OccurrenceRow,
  event: ReturnType<typeof presentEventFields>,
  extra: {
    documents: DocumentJson[];
    myFeedback: { rating: number; comment: string | null } | null;
    canRegister: boolean;
    canCheckIn: boolean;
  },
) {
  return {
    ...summary,
    originalStart: occurrence.originalStart.toISOString(),
    cancelReason: occurrence.cancelReason,
    event,
    minutes: occurrence.minutes,
    results: occurrence.results,
    ...extra,
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A registration as staff see it (and the registrant, for their own). */
export function presentRegistration(row: RegistrationRow, memberName: string | null, position: number | null) {
  return {
    id: row.id,
    occurrenceId: row.occurrenceId,
    name: row.name,
    email: row.email,
    company: row.company ?? memberName,
    memberId: row.memberId,
    memberName,
    personId: row.personId,
    isGuest: row.isGuest,
    status: row.status,
    position: row.status === "waiting" ? position : null,
    registeredAt: row.registeredAt.toISOString(),
    promotedAt: iso(row.promotedAt),
    cancelledAt: iso(row.cancelledAt),
    checkedInAt: iso(row.checkedInAt),
    feedbackRating: row.feedbackRating,
    feedbackComment: row.feedbackComment,
  };
}
export type RegistrationJson = ReturnType<typeof presentRegistration>;

/** What a guest sees through their secret link: their seat and the occurrence, nothing about others. */
export function presentPublicRegistration(
  row: Pick<RegistrationRow, "id" | "name" | "status" | "feedbackRating">,
  occurrence: OccurrenceRow,
  event: EventRow,
  position: number | null,
  canCancel: boolean,
) {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    position: row.status === "waiting" ? position : null,
    occurrence: {
      id: occurrence.id,
      title: event.title,
      startsAt: occurrence.startsAt.toISOString(),
      endsAt: occurrence.endsAt.toISOString(),
      status: occurrence.status,
      town: event.town,
      addressLine: event.addressLine,
      onlineUrl: event.onlineUrl,
    },
    canCancel,
    feedbackRating: row.feedbackRating,
  };
}
