import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { DocumentSchema, documentUploadBody } from "../documents/documents.http.js";
import { errorResponses } from "../members/members.contract.js";
import { EVENT_KINDS } from "./events.schema.js";

/** The events API, as docs/specs/events-api.md describes it (sections Events and Occurrences). */

export const AUDIENCES = ["members", "partners", "public"] as const;
export const OCCURRENCE_DOCUMENT_KINDS = ["minutes", "results", "other"] as const;

const optionalText = (max: number) => z.string().trim().max(max, `${max} caractères au plus`).nullish();
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Date attendue au format AAAA-MM-JJ")
  .refine((v) => {
    const date = new Date(`${v}T00:00:00Z`);
    return !/^\d{4}-\d{2}-\d{2}$/.test(v) || (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(v));
  }, "Date impossible");
/** ISO 8601 with an offset ("2026-12-03T08:00:00+01:00", "…Z"); without one, the time is read in Europe/Paris. */
export const dateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?$/,
    "Date et heure ISO 8601 attendues (ex. 2026-12-03T08:00:00+01:00)",
  );
const uuid = (what: string) => z.string().uuid(`Identifiant ${what} invalide`);

const TimingStepSchema = z.object({
  at: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure attendue au format HH:MM"),
  label: z.string().trim().min(1, "Libellé obligatoire").max(200, "200 caractères au plus"),
});

const eventFields = {
  kind: z.enum(EVENT_KINDS, { message: `Type d'événement attendu : ${EVENT_KINDS.join(", ")}` }),
  title: z.string().trim().min(1, "Le titre est obligatoire").max(200, "200 caractères au plus"),
  description: optionalText(10_000),
  agenda: optionalText(10_000),
  expectedResult: optionalText(5_000),
  timing: z.array(TimingStepSchema).max(50, "50 étapes au plus").optional(),
  startsAt: dateTime,
  durationMinutes: z
    .number({ message: "Durée en minutes attendue" })
    .int("Durée en minutes entières")
    .min(5, "5 minutes au moins")
    .max(1440, "24 heures au plus"),
  rrule: z.string().max(500, "500 caractères au plus").nullish().describe("RFC 5545 RRULE without DTSTART"),
  addressLine: optionalText(300),
  postcode: optionalText(10),
  communeInsee: z
    .string()
    .trim()
    .regex(/^\d[\dAB]\d{3}$/, "Code INSEE de commune attendu (5 caractères)")
    .nullish(),
  onlineUrl: z
    .string()
    .trim()
    .max(500, "500 caractères au plus")
    .regex(/^https?:\/\/\S+$/i, "Lien http(s) attendu")
    .nullish()
    .or(z.literal("").transform(() => null)),
  hostMemberId: uuid("de membre").nullish(),
  audience: z.enum(AUDIENCES, { message: "Public attendu : members, partners ou public" }),
  capacity: z.number().int("Nombre entier attendu").min(1, "1 place au moins").max(100_000).nullish(),
  seatsPerCompany: z.number().int("Nombre entier attendu").min(1, "1 place au moins").max(10_000).nullish(),
  status: z.enum(["draft", "published"], { message: "Statut attendu : draft ou published" }).optional(),
  workingGroupId: uuid("de groupe de travail").nullish(),
};

const EventFieldsSchema = z.object(eventFields);
export const EventInputSchema = EventFieldsSchema.extend({ audience: eventFields.audience.default("members") }).openapi(
  "EventInput",
);
export type EventInput = z.infer<typeof EventInputSchema>;

export const EventPatchSchema = EventFieldsSchema.partial()
  .extend({ version: z.number().int().min(1).optional().describe("The version read; a stale one answers 409") })
  .openapi("EventPatch");
export type EventPatch = z.infer<typeof EventPatchSchema>;

export const EventListQuerySchema = z.object({
  from: isoDate.optional().describe("First day (Europe/Paris), default today"),
  to: isoDate.optional().describe("Day after the last one, default from + 90 days; at most 400 days after from"),
  kind: z.enum(EVENT_KINDS, { message: `Type d'événement attendu : ${EVENT_KINDS.join(", ")}` }).optional(),
  q: z.string().trim().max(200).optional(),
});
export type EventListQuery = z.infer<typeof EventListQuerySchema>;

const MyRegistrationSchema = z.object({
  id: z.string(),
  status: z.enum(["confirmed", "waiting"]),
  position: z.number().nullable(),
});

export const OccurrenceSummarySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    kind: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    status: z.enum(["scheduled", "cancelled"]),
    eventStatus: z.enum(["draft", "published", "cancelled"]),
    holiday: z.string().nullable(),
    moved: z.boolean(),
    town: z.string().nullable(),
    online: z.boolean(),
    capacity: z.number().nullable(),
    confirmed: z.number(),
    waiting: z.number(),
    myRegistration: MyRegistrationSchema.nullable(),
    workingGroupId: z.string().nullable(),
    recurring: z.boolean(),
  })
  .openapi("OccurrenceSummary");

const HostSchema = z.object({ id: z.string(), name: z.string() }).nullable();

const eventDetailFields = {
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  agenda: z.string().nullable(),
  expectedResult: z.string().nullable(),
  timing: z.array(TimingStepSchema),
  startsAt: z.string(),
  durationMinutes: z.number(),
  rrule: z.string().nullable(),
  recurrenceText: z.string().nullable(),
  addressLine: z.string().nullable(),
  postcode: z.string().nullable(),
  communeInsee: z.string().nullable(),
  town: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  onlineUrl: z.string().nullable(),
  hostMemberId: z.string().nullable(),
  hostMember: HostSchema,
  audience: z.enum(AUDIENCES),
  capacity: z.number().nullable(),
  seatsPerCompany: z.number().nullable(),
  status: z.enum(["draft", "published", "cancelled"]),
  workingGroupId: z.string().nullable(),
  version: z.number(),
};

export const EventDetailSchema = z
  .object({ ...eventDetailFields, occurrences: z.array(OccurrenceSummarySchema) })
  .openapi("EventDetail");

export const OccurrenceDetailSchema = OccurrenceSummarySchema.extend({
  originalStart: z.string(),
  cancelReason: z.string().nullable(),
  event: z.object(eventDetailFields),
  minutes: z.string().nullable(),
  results: z.string().nullable(),
  documents: z.array(DocumentSchema),
  myFeedback: z.object({ rating: z.number(), comment: z.string().nullable() }).nullable(),
  canRegister: z.boolean(),
  canCheckIn: z.boolean(),
}).openapi("OccurrenceDetail");

export const RegistrationSchema = z
  .object({
    id: z.string(),
    occurrenceId: z.string(),
    name: z.string(),
    email: z.string(),
    company: z.string().nullable(),
    memberId: z.string().nullable(),
    memberName: z.string().nullable(),
    personId: z.string().nullable(),
    isGuest: z.boolean(),
    status: z.enum(["confirmed", "waiting", "cancelled"]),
    position: z.number().nullable(),
    registeredAt: z.string(),
    promotedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    checkedInAt: z.string().nullable(),
    feedbackRating: z.number().nullable(),
    feedbackComment: z.string().nullable(),
  })
  .openapi("Registration");

const GuestSchema = z.object({
  name: z.string().trim().min(1, "Le nom est obligatoire").max(200, "200 caractères au plus"),
  email: z.string().trim().email("Adresse e-mail invalide").max(200, "200 caractères au plus"),
  company: z.string().trim().max(200, "200 caractères au plus").nullish(),
});

export const RegistrationInputSchema = z
  .object({
    personId: uuid("de personne").optional().describe("Staff: a person of a member company"),
    guest: GuestSchema.optional().describe("Staff: a prospect without an account"),
  })
  .refine((v) => !(v.personId && v.guest), {
    message: "personId ou guest, pas les deux",
    path: ["guest"],
  })
  .openapi("RegistrationInput");
export type RegistrationInput = z.infer<typeof RegistrationInputSchema>;

export const PublicRegistrationInputSchema = z
  .object({
    name: GuestSchema.shape.name,
    email: GuestSchema.shape.email,
    company: z.string().trim().min(1, "L'entreprise est obligatoire").max(200, "200 caractères au plus"),
    website: z.string().max(500).optional().describe("Honeypot: left empty by people, filled by robots"),
  })
  .openapi("PublicRegistrationInput");
export type PublicRegistrationInput = z.infer<typeof PublicRegistrationInputSchema>;

export const PublicRegistrationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(["confirmed", "waiting", "cancelled"]),
    position: z.number().nullable(),
    occurrence: z.object({
      id: z.string(),
      title: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      status: z.enum(["scheduled", "cancelled"]),
      town: z.string().nullable(),
      addressLine: z.string().nullable(),
      onlineUrl: z.string().nullable(),
    }),
    canCancel: z.boolean(),
    feedbackRating: z.number().nullable(),
  })
  .openapi("PublicRegistration");

export const OccurrencePatchSchema = z
  .object({
    startsAt: dateTime.optional(),
    durationMinutes: eventFields.durationMinutes.optional(),
    minutes: optionalText(50_000),
    results: optionalText(50_000),
  })
  .openapi("OccurrencePatch");
export type OccurrencePatch = z.infer<typeof OccurrencePatchSchema>;

export const CancelSchema = z.object({ reason: optionalText(1000) }).openapi("CancelInput");
export const FeedbackSchema = z
  .object({
    rating: z
      .number({ message: "Note de 1 à 5 attendue" })
      .int("Note entière de 1 à 5")
      .min(1, "Note de 1 à 5")
      .max(5, "Note de 1 à 5"),
    comment: optionalText(2000),
  })
  .openapi("FeedbackInput");
export type FeedbackInput = z.infer<typeof FeedbackSchema>;

const slugParam = z.object({ slug: z.string().min(1).max(60) });
const eventParams = slugParam.extend({ eventId: uuid("d'événement") });
const occurrenceParams = slugParam.extend({ occurrenceId: uuid("de date") });
const registrationParams = slugParam.extend({ registrationId: uuid("d'inscription") });
const documentParams = occurrenceParams.extend({ docId: uuid("de document") });
const tokenParams = slugParam.extend({ token: z.string().min(16).max(100) });

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T, required = true) => ({
  content: { "application/json": { schema } },
  required,
});
const errors = { ...errorResponses, 409: errorResponses[404] };
const tags = ["events"];

// ---------------------------------------------------------------- events (series)

export const listOccurrences = defineRoute("events.read", {
  method: "get",
  path: "/clusters/{slug}/events",
  tags,
  summary: "Occurrences in [from, to), sorted by start, cancelled ones flagged (members: published events only)",
  request: { params: slugParam, query: EventListQuerySchema },
  responses: { 200: json(z.object({ occurrences: z.array(OccurrenceSummarySchema) }), "Occurrences"), ...errors },
});

export const createEvent = defineRoute("events.manage", {
  method: "post",
  path: "/clusters/{slug}/events",
  tags,
  summary: "Create an event, or a series with an RRULE (occurrences materialised 12 months ahead)",
  request: { params: slugParam, body: body(EventInputSchema) },
  responses: { 201: json(EventDetailSchema, "Created"), ...errors },
});

export const getEvent = defineRoute("events.read", {
  method: "get",
  path: "/clusters/{slug}/events/{eventId}",
  tags,
  summary: "An event with its next 12 and last 6 occurrences",
  request: { params: eventParams },
  responses: { 200: json(EventDetailSchema, "The event"), ...errors },
});

export const updateEvent = defineRoute("events.manage", {
  method: "patch",
  path: "/clusters/{slug}/events/{eventId}",
  tags,
  summary: "Change an event; a new rule or start regenerates the future occurrences, keeping moved and cancelled ones",
  request: { params: eventParams, body: body(EventPatchSchema) },
  responses: { 200: json(EventDetailSchema, "Updated"), ...errors },
});

export const cancelEvent = defineRoute("events.manage", {
  method: "post",
  path: "/clusters/{slug}/events/{eventId}/cancel",
  tags,
  summary: "Cancel the whole series (its future occurrences); registered people are emailed",
  request: { params: eventParams, body: body(CancelSchema, false) },
  responses: { 200: json(EventDetailSchema, "Cancelled"), ...errors },
});

// ---------------------------------------------------------------- occurrences

export const getOccurrence = defineRoute("events.read", {
  method: "get",
  path: "/clusters/{slug}/occurrences/{occurrenceId}",
  tags,
  summary: "One occurrence with its event, minutes, results, documents and what the caller may do",
  request: { params: occurrenceParams },
  responses: { 200: json(OccurrenceDetailSchema, "The occurrence"), ...errors },
});

export const updateOccurrence = defineRoute("events.manage", {
  method: "patch",
  path: "/clusters/{slug}/occurrences/{occurrenceId}",
  tags,
  summary: "Move one occurrence (its original start is kept), or write its minutes and results",
  request: { params: occurrenceParams, body: body(OccurrencePatchSchema) },
  responses: { 200: json(OccurrenceDetailSchema, "Updated"), ...errors },
});

export const cancelOccurrence = defineRoute("events.manage", {
  method: "post",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/cancel",
  tags,
  summary: "Cancel this occurrence only; registered people are emailed",
  request: { params: occurrenceParams, body: body(CancelSchema, false) },
  responses: { 200: json(OccurrenceDetailSchema, "Cancelled"), ...errors },
});

export const listRegistrations = defineRoute("events.checkin", {
  method: "get",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/registrations",
  tags,
  summary: "Everyone registered: confirmed, then the waiting list in arrival order, then cancelled",
  request: { params: occurrenceParams },
  responses: { 200: json(z.object({ registrations: z.array(RegistrationSchema) }), "Registrations"), ...errors },
});

export const register = defineRoute("events.register", {
  method: "post",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/registrations",
  tags,
  summary: "Register oneself (no body), or (staff) a member's person or a guest: confirmed, or on the waiting list",
  request: { params: occurrenceParams, body: body(RegistrationInputSchema, false) },
  responses: { 201: json(RegistrationSchema, "Registered"), ...errors },
});

export const registerGuestPublicly = defineRoute("public", {
  method: "post",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/guest-registrations",
  tags,
  summary: "Anyone registers for a published public event (name, email, company); the link to cancel is emailed",
  request: { params: occurrenceParams, body: body(PublicRegistrationInputSchema) },
  responses: { 201: json(PublicRegistrationSchema, "Registered"), ...errors },
});

// ---------------------------------------------------------------- registrations

export const getRegistrationByToken = defineRoute("public", {
  method: "get",
  path: "/clusters/{slug}/registrations/by-token/{token}",
  tags,
  summary: "A guest's registration, from the secret link of their email",
  request: { params: tokenParams },
  responses: { 200: json(PublicRegistrationSchema, "The registration"), ...errors },
});

export const cancelRegistrationByToken = defineRoute("public", {
  method: "delete",
  path: "/clusters/{slug}/registrations/by-token/{token}",
  tags,
  summary: "A guest cancels their seat from the secret link of their email",
  request: { params: tokenParams },
  responses: { 200: json(PublicRegistrationSchema, "Cancelled"), ...errors },
});

export const feedbackByToken = defineRoute("public", {
  method: "post",
  path: "/clusters/{slug}/registrations/by-token/{token}/feedback",
  tags,
  summary: "A guest rates the occurrence they attended (1–5 and a comment), from the secret link",
  request: { params: tokenParams, body: body(FeedbackSchema) },
  responses: { 200: json(PublicRegistrationSchema, "Recorded"), ...errors },
});

export const cancelRegistration = defineRoute("events.register", {
  method: "delete",
  path: "/clusters/{slug}/registrations/{registrationId}",
  tags,
  summary: "Cancel a registration (one's own; staff: any); the first waiting person who fits is promoted",
  request: { params: registrationParams },
  responses: { 200: json(z.object({ promoted: RegistrationSchema.nullable() }), "Cancelled"), ...errors },
});

export const checkIn = defineRoute("events.checkin", {
  method: "post",
  path: "/clusters/{slug}/registrations/{registrationId}/check-in",
  tags,
  summary: "Mark a confirmed person present (idempotent), from the day of the occurrence",
  request: { params: registrationParams },
  responses: { 200: json(RegistrationSchema, "Checked in"), ...errors },
});

export const undoCheckIn = defineRoute("events.checkin", {
  method: "delete",
  path: "/clusters/{slug}/registrations/{registrationId}/check-in",
  tags,
  summary: "Undo a check-in",
  request: { params: registrationParams },
  responses: { 200: json(RegistrationSchema, "Not checked in"), ...errors },
});

export const giveFeedback = defineRoute("events.register", {
  method: "post",
  path: "/clusters/{slug}/registrations/{registrationId}/feedback",
  tags,
  summary: "Rate an occurrence one attended (1–5 and a comment), once it has started; only the registrant",
  request: { params: registrationParams, body: body(FeedbackSchema) },
  responses: { 200: json(RegistrationSchema, "Recorded"), ...errors },
});

// ---------------------------------------------------------------- documents

export const uploadOccurrenceDocument = defineRoute("events.manage", {
  method: "post",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/documents",
  tags,
  summary: "Attach minutes, results or another file (10 MB at most) to an occurrence",
  request: { params: occurrenceParams, body: documentUploadBody(OCCURRENCE_DOCUMENT_KINDS) },
  responses: { 201: json(DocumentSchema, "Stored"), ...errors },
});

export const downloadOccurrenceDocument = defineRoute("events.read", {
  method: "get",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/documents/{docId}",
  tags,
  summary: "Download a document of an occurrence",
  request: { params: documentParams },
  responses: { 200: { description: "The file" }, ...errors },
});

export const deleteOccurrenceDocument = defineRoute("events.manage", {
  method: "delete",
  path: "/clusters/{slug}/occurrences/{occurrenceId}/documents/{docId}",
  tags,
  summary: "Remove a document from an occurrence",
  request: { params: documentParams },
  responses: { 204: { description: "Removed" }, ...errors },
});
