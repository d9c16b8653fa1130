/** JSON shapes of the events API, written from the contract docs/specs/events-api.md. */

export const EVENT_KINDS = [
  "breakfast",
  "thematic_lunch",
  "company_visit",
  "afterwork",
  "business_corner",
  "peer_challenge",
  "training",
  "webinar",
  "trade_show",
  "general_assembly",
  "working_group_meeting",
  "business_meetings",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const AUDIENCES = ["members", "partners", "public"] as const;
export type EventAudience = (typeof AUDIENCES)[number];
export type EventStatus = "draft" | "published" | "cancelled";
export type OccurrenceStatus = "scheduled" | "cancelled";
export type RegistrationStatus = "confirmed" | "waiting" | "cancelled";
export type DocumentKind = "minutes" | "results" | "other";

export interface TimingStep {
  at: string;
  label: string;
}

export interface MyRegistration {
  id: string;
  status: "confirmed" | "waiting";
  position: number | null;
}

export interface OccurrenceSummary {
  id: string;
  eventId: string;
  kind: EventKind;
  title: string;
  startsAt: string;
  endsAt: string;
  status: OccurrenceStatus;
  eventStatus: EventStatus;
  holiday: string | null;
  moved: boolean;
  town: string | null;
  online: boolean;
  capacity: number | null;
  confirmed: number;
  waiting: number;
  myRegistration: MyRegistration | null;
  workingGroupId: string | null;
  recurring: boolean;
}

export interface EventInput {
  kind: EventKind;
  title: string;
  description?: string | null;
  agenda?: string | null;
  expectedResult?: string | null;
  timing?: TimingStep[];
  startsAt: string;
  durationMinutes: number;
  rrule?: string | null;
  addressLine?: string | null;
  postcode?: string | null;
  communeInsee?: string | null;
  onlineUrl?: string | null;
  hostMemberId?: string | null;
  audience: EventAudience;
  capacity?: number | null;
  seatsPerCompany?: number | null;
  status?: "draft" | "published";
  workingGroupId?: string | null;
}

export interface EventDetail extends Omit<Required<EventInput>, "status"> {
  id: string;
  hostMember: { id: string; name: string } | null;
  town: string | null;
  lat: number | null;
  lon: number | null;
  status: EventStatus;
  /** The rule in words ("le 1er jeudi de chaque mois"), in the account's language. */
  recurrenceText: string | null;
  /** Sent back on PATCH; a stale one answers 409. */
  version: number;
  occurrences: OccurrenceSummary[];
}

/** The event of an occurrence page: the event's fields without its list of occurrences. */
export type EventLite = Omit<EventDetail, "occurrences">;

export interface EventDocument {
  id: string;
  title: string;
  kind: DocumentKind;
  fileName: string;
  contentType?: string;
  sizeBytes: number;
  uploadedBy?: string;
  createdAt: string;
}

export interface OccurrenceDetail extends OccurrenceSummary {
  /** The start the rule produced; differs from startsAt when the occurrence was moved. */
  originalStart: string;
  event: EventLite;
  cancelReason: string | null;
  minutes: string | null;
  results: string | null;
  documents: EventDocument[];
  myFeedback: { rating: number; comment: string | null } | null;
  canRegister: boolean;
  canCheckIn: boolean;
}

export interface Registration {
  id: string;
  occurrenceId: string;
  name: string;
  email: string;
  company: string | null;
  memberId: string | null;
  memberName: string | null;
  personId: string | null;
  isGuest: boolean;
  status: RegistrationStatus;
  position: number | null;
  registeredAt: string;
  promotedAt: string | null;
  cancelledAt: string | null;
  checkedInAt: string | null;
  feedbackRating: number | null;
  feedbackComment: string | null;
}

export interface RegistrationRequest {
  personId?: string;
  guest?: { name: string; email: string; company?: string | null };
}

export interface OccurrencePatch {
  startsAt?: string;
  durationMinutes?: number;
  minutes?: string | null;
  results?: string | null;
}
