import { z } from "@hono/zod-openapi";
import { defineRoute } from "../../server/route.js";
import { errorResponses } from "../members/members.contract.js";
import { MEETING_PHASES } from "./meetings.schema.js";

const uuid = (what: string) => z.string().uuid(`Identifiant ${what} invalide`);
const slotNumber = (field: string) =>
  z
    .number(`${field} : nombre entier attendu`)
    .int(`${field} : nombre entier attendu`)
    .min(0, `${field} : le premier créneau est le n° 0`)
    .max(199, `${field} : 200 créneaux au plus`);
const code = z
  .string()
  .trim()
  .regex(/^[a-z0-9_-]{1,40}$/, "Code de catégorie : lettres minuscules, chiffres, - ou _ (40 au plus)");

export const DayConfigSchema = z
  .object({
    startTime: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Heure de début attendue au format HH:MM")
      .describe("Paris wall clock on the event's date"),
    slotMinutes: z
      .number("Durée de créneau : nombre de minutes")
      .int("Durée de créneau : nombre entier de minutes")
      .min(5, "Un créneau dure 5 minutes au moins")
      .max(120, "Un créneau dure 120 minutes au plus"),
    slotCount: z
      .number("Nombre de créneaux attendu")
      .int("Nombre entier de créneaux attendu")
      .min(1, "Un créneau au moins")
      .max(60, "60 créneaux au plus"),
    pauses: z
      .array(
        z.object({
          label: z.string().trim().min(1, "Nom de la pause obligatoire").max(80),
          from: slotNumber("Début de pause"),
          to: slotNumber("Fin de pause"),
        }),
      )
      .max(10, "10 pauses au plus")
      .default([])
      .describe("Grid slots from…to (inclusive) with no meeting: coffee, lunch"),
    tables: z
      .number("Nombre de tables attendu")
      .int("Nombre entier de tables attendu")
      .min(1, "Une table au moins (ou aucune limite)")
      .max(2000)
      .nullable()
      .default(null)
      .describe("Numbered tables; null = no limit (meetings at stands)"),
    categories: z
      .array(z.object({ code, label: z.string().trim().min(1, "Libellé de catégorie obligatoire").max(80) }))
      .max(20)
      .default([]),
    allowedPairs: z
      .array(z.tuple([code, code]))
      .max(200)
      .default([])
      .describe("Category pairs that may meet (unordered); empty = anyone meets anyone"),
    timeLimitSeconds: z
      .number()
      .int("Nombre entier de secondes")
      .min(1, "Une seconde au moins")
      .max(120, "120 secondes au plus")
      .default(10),
  })
  .openapi("MeetingDayConfig");
export type DayConfig = z.infer<typeof DayConfigSchema>;

export const PhaseInputSchema = z.object({
  phase: z.enum(MEETING_PHASES, `Phase attendue : ${MEETING_PHASES.join(", ")}`),
});

const profileFields = {
  category: code.nullish(),
  offers: z.string().trim().max(3000, "3 000 caractères au plus").optional(),
  seeks: z.string().trim().max(3000, "3 000 caractères au plus").optional(),
  tradeCodes: z.array(z.string().trim().min(1).max(40)).max(30, "30 métiers au plus").optional(),
  availableFrom: slotNumber("Arrivée").nullish().describe("First grid slot the participant can meet in"),
  availableTo: slotNumber("Départ").nullish().describe("Last grid slot the participant can meet in"),
};

export const ParticipantInputSchema = z
  .object({
    memberId: uuid("de membre").nullish().describe("A member company; a member's person joins as their own"),
    personId: uuid("de personne").nullish(),
    name: z.string().trim().min(1, "Nom obligatoire").max(200).optional().describe("Guest or person's name"),
    company: z.string().trim().min(1, "Entreprise obligatoire").max(200).optional().describe("Guest's company"),
    email: z.string().trim().email("Adresse e-mail invalide").max(200).nullish(),
    phone: z.string().trim().max(40).nullish(),
    stand: z.string().trim().max(60).nullish().describe("Staff: a fixed stand where this participant receives"),
    ...profileFields,
  })
  .openapi("MeetingParticipantInput");
export type ParticipantInput = z.infer<typeof ParticipantInputSchema>;

export const ParticipantPatchSchema = z
  .object({
    ...profileFields,
    stand: z.string().trim().max(60).nullish().describe("Staff only"),
    status: z.enum(["active", "cancelled"], "Statut attendu : active ou cancelled").optional().describe("Staff only"),
  })
  .openapi("MeetingParticipantPatch");
export type ParticipantPatch = z.infer<typeof ParticipantPatchSchema>;

const priority = z
  .number("Priorité attendue : 1, 2 ou 3")
  .int("Priorité attendue : 1, 2 ou 3")
  .min(1, "Priorité attendue : 1 (indispensable), 2 (important) ou 3 (si possible)")
  .max(3, "Priorité attendue : 1 (indispensable), 2 (important) ou 3 (si possible)");

export const RequestInputSchema = z
  .object({
    fromId: uuid("de participant").optional().describe("Staff: who asks; a member asks as their own participant"),
    toId: uuid("de participant"),
    priority: priority.default(2),
    message: z.string().trim().max(1000, "1 000 caractères au plus").nullish(),
    force: z.boolean().default(false).describe("Staff: the meeting is accepted on both sides' behalf"),
  })
  .openapi("MeetingRequestInput");
export type RequestInput = z.infer<typeof RequestInputSchema>;

export const RequestPatchSchema = z
  .object({
    status: z
      .enum(["accepted", "declined", "withdrawn"], "Réponse attendue : accepted, declined ou withdrawn")
      .optional(),
    priority: priority.optional().describe("The requester changes their priority"),
  })
  .openapi("MeetingRequestPatch");
export type RequestPatch = z.infer<typeof RequestPatchSchema>;

export const OutcomeInputSchema = z
  .object({
    held: z.boolean("Oui ou non attendu").nullable().optional(),
    followUp: z.boolean("Oui ou non attendu").nullable().optional(),
  })
  .openapi("MeetingOutcomeInput");
export type OutcomeInput = z.infer<typeof OutcomeInputSchema>;

export const RunInputSchema = z.object({
  timeLimitSeconds: z.number().int("Nombre entier de secondes").min(1).max(120).optional(),
});
export const ReplanInputSchema = z.object({
  fromSlot: slotNumber("Créneau de reprise")
    .optional()
    .describe("Grid slot from which new meetings may be placed (default: the slot under way, or 0 before the day)"),
});

// ---------------------------------------------------------------- responses

const Category = z.object({ code: z.string(), label: z.string() });
export const ParticipantSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    company: z.string(),
    memberId: z.string().nullable(),
    isGuest: z.boolean(),
    category: Category.nullable(),
    offers: z.string(),
    seeks: z.string(),
    trades: z.array(z.object({ code: z.string(), label: z.string() })),
    availableFrom: z.number().nullable(),
    availableTo: z.number().nullable(),
    stand: z.string().nullable(),
    status: z.enum(["active", "cancelled"]),
    mine: z.boolean(),
    contact: z
      .object({ email: z.string().nullable(), phone: z.string().nullable() })
      .nullable()
      .describe("Staff and the participant; others when the person consented to be listed and shares contacts"),
  })
  .openapi("MeetingParticipant");

export const RequestSchema = z
  .object({
    id: z.string(),
    from: z.object({ id: z.string(), name: z.string(), company: z.string() }),
    to: z.object({ id: z.string(), name: z.string(), company: z.string() }),
    priority: z.number(),
    weight: z.number(),
    status: z.enum(["pending", "accepted", "declined", "withdrawn"]),
    forced: z.boolean(),
    message: z.string().nullable(),
    mineToAnswer: z.boolean(),
    mineAsked: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("MeetingRequest");

const Pause = z.object({ label: z.string(), from: z.number(), to: z.number() });
export const DaySchema = z
  .object({
    eventId: z.string(),
    title: z.string(),
    startsAt: z.string(),
    place: z.string().nullable(),
    configured: z.boolean(),
    phase: z.enum(MEETING_PHASES),
    startTime: z.string(),
    slotMinutes: z.number(),
    slotCount: z.number(),
    pauses: z.array(Pause),
    tables: z.number().nullable(),
    categories: z.array(Category),
    allowedPairs: z.array(z.tuple([z.string(), z.string()])),
    timeLimitSeconds: z.number(),
    slots: z.array(
      z.object({ slot: z.number(), startsAt: z.string(), endsAt: z.string(), pause: z.string().nullable() }),
    ),
    myParticipantId: z.string().nullable(),
    counts: z.object({ participants: z.number(), requests: z.number(), accepted: z.number(), meetings: z.number() }),
    priorityWeights: z.record(z.string(), z.number()),
  })
  .openapi("MeetingDay");

const MeetingRef = z.object({
  id: z.string(),
  slot: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  table: z.number().nullable(),
  stand: z.string().nullable(),
  a: z.object({ id: z.string(), name: z.string(), company: z.string() }),
  b: z.object({ id: z.string(), name: z.string(), company: z.string() }),
  weight: z.number(),
  held: z.boolean().nullable(),
  followUp: z.boolean().nullable(),
});
export const ScheduleReviewSchema = z
  .object({
    schedule: z
      .object({
        id: z.string(),
        version: z.number(),
        kind: z.enum(["schedule", "replan"]),
        status: z.enum(["draft", "published", "superseded"]),
        weight: z.number(),
        upperBound: z.number(),
        ratio: z.number().describe("weight / upperBound: the schedule's proven quality"),
        breaks: z.number(),
        valid: z.boolean().describe("checkSchedule on the stored instance"),
        problems: z.array(z.string()),
        stats: z.any(),
        createdAt: z.string(),
        publishedAt: z.string().nullable(),
        format: z.any().describe("The schedule in the exchange format (docs/formats/meetings.md)"),
      })
      .nullable(),
    meetings: z.array(MeetingRef),
    unplaced: z.array(
      z.object({
        requestId: z.string().nullable(),
        from: z.string(),
        to: z.string(),
        weight: z.number(),
        reason: z.string(),
      }),
    ),
    perParticipant: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        company: z.string(),
        meetings: z.number(),
        breaks: z.number(),
        requested: z.number(),
      }),
    ),
  })
  .openapi("MeetingScheduleReview");

export const AgendaSchema = z
  .object({
    day: DaySchema,
    participant: ParticipantSchema,
    published: z.boolean(),
    items: z.array(
      z.object({
        slot: z.number(),
        startsAt: z.string(),
        endsAt: z.string(),
        kind: z.enum(["meeting", "pause", "free", "away"]),
        label: z.string().nullable(),
        meeting: MeetingRef.extend({ with: ParticipantSchema }).nullable(),
      }),
    ),
  })
  .openapi("MeetingAgenda");

export const BoardSchema = z
  .object({
    now: z.string(),
    slot: z.number().nullable(),
    slotStartsAt: z.string().nullable(),
    slotEndsAt: z.string().nullable(),
    pause: z.string().nullable(),
    next: z.number().nullable(),
    places: z.array(
      z.object({
        place: z.string(),
        table: z.number().nullable(),
        now: MeetingRef.nullable(),
        next: MeetingRef.nullable(),
      }),
    ),
  })
  .openapi("MeetingBoard");

export const OutcomesSchema = z.object({
  meetings: z.number(),
  held: z.number(),
  notHeld: z.number(),
  unknown: z.number(),
  followUps: z.number(),
});

export const SuggestionSchema = z.object({
  participant: ParticipantSchema,
  score: z.number(),
  seeksOffers: z.number(),
  offersSeeks: z.number(),
  sharedTrades: z.array(z.string()),
});

// ---------------------------------------------------------------- routes

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const optionalBody = <T extends z.ZodTypeAny>(schema: T) => ({
  content: { "application/json": { schema } },
  required: false,
});
const errors = { ...errorResponses, 409: errorResponses[404] };
const tags = ["meetings"];
const slugParam = z.object({ slug: z.string().min(1).max(60) });
const dayParams = slugParam.extend({ eventId: uuid("d'événement") });
const participantParams = dayParams.extend({ participantId: uuid("de participant") });
const requestParams = dayParams.extend({ requestId: uuid("de demande") });
const meetingParams = dayParams.extend({ meetingId: uuid("de rendez-vous") });
const file = (type: string, description: string) => ({ description, content: { [type]: { schema: z.string() } } });
const base = "/clusters/{slug}/meeting-days";

export const listDays = defineRoute("meetings.take-part", {
  method: "get",
  path: base,
  tags,
  summary: "Business-meeting days (events of kind business_meetings), latest first, with their phase",
  request: { params: slugParam },
  responses: { 200: json(z.object({ days: z.array(DaySchema) }), "Days"), ...errors },
});

export const getDay = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}`,
  tags,
  summary: "A day's configuration, slot times and counts (defaults when not configured yet)",
  request: { params: dayParams },
  responses: { 200: json(DaySchema, "The day"), ...errors },
});

export const configureDay = defineRoute("meetings.manage", {
  method: "put",
  path: `${base}/{eventId}`,
  tags,
  summary: "Set slots, pauses, tables, categories and who may meet whom (the grid is fixed once scheduled)",
  request: { params: dayParams, body: body(DayConfigSchema) },
  responses: { 200: json(DaySchema, "Saved"), ...errors },
});

export const setPhase = defineRoute("meetings.manage", {
  method: "post",
  path: `${base}/{eventId}/phase`,
  tags,
  summary: "Move the day to another phase (draft → requests_open → requests_closed → scheduled → published → held)",
  request: { params: dayParams, body: body(PhaseInputSchema) },
  responses: { 200: json(DaySchema, "Moved"), ...errors },
});

export const listParticipants = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}/participants`,
  tags,
  summary: "The day's participants and their profiles (contacts per visibility and consent)",
  request: { params: dayParams },
  responses: { 200: json(z.object({ participants: z.array(ParticipantSchema) }), "Participants"), ...errors },
});

export const addParticipant = defineRoute("meetings.take-part", {
  method: "post",
  path: `${base}/{eventId}/participants`,
  tags,
  summary: "Staff add a member or a guest; a member's person joins for their company while requests are open",
  request: { params: dayParams, body: body(ParticipantInputSchema) },
  responses: { 201: json(ParticipantSchema, "Added"), ...errors },
});

export const updateParticipant = defineRoute("meetings.take-part", {
  method: "patch",
  path: `${base}/{eventId}/participants/{participantId}`,
  tags,
  summary: "Edit a profile (one's own); staff also cancel, set a late arrival or a stand",
  request: { params: participantParams, body: body(ParticipantPatchSchema) },
  responses: { 200: json(ParticipantSchema, "Saved"), ...errors },
});

export const listRequests = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}/requests`,
  tags,
  summary: "Meeting requests: staff see all, a participant only those they made or received",
  request: { params: dayParams },
  responses: { 200: json(z.object({ requests: z.array(RequestSchema) }), "Requests"), ...errors },
});

export const createRequest = defineRoute("meetings.take-part", {
  method: "post",
  path: `${base}/{eventId}/requests`,
  tags,
  summary: "Ask another participant for a meeting (staff: for anyone, or force it)",
  request: { params: dayParams, body: body(RequestInputSchema) },
  responses: { 201: json(RequestSchema, "Requested"), ...errors },
});

export const updateRequest = defineRoute("meetings.take-part", {
  method: "patch",
  path: `${base}/{eventId}/requests/{requestId}`,
  tags,
  summary: "Accept or decline (the one asked), withdraw or change priority (the one who asked), or staff",
  request: { params: requestParams, body: body(RequestPatchSchema) },
  responses: { 200: json(RequestSchema, "Saved"), ...errors },
});

export const suggestions = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}/suggestions`,
  tags,
  summary: "Whom to meet: seeks ↔ offers similarity and shared trades, within the category rules",
  request: { params: dayParams, query: z.object({ participantId: uuid("de participant").optional() }) },
  responses: { 200: json(z.object({ suggestions: z.array(SuggestionSchema) }), "Suggestions"), ...errors },
});

export const runSchedule = defineRoute("meetings.manage", {
  method: "post",
  path: `${base}/{eventId}/schedule`,
  tags,
  summary: "Compute a schedule from the accepted requests (scheduleMeetings) and store it as a draft for review",
  request: { params: dayParams, body: optionalBody(RunInputSchema) },
  responses: { 201: json(ScheduleReviewSchema, "Computed"), ...errors },
});

export const reviewSchedule = defineRoute("meetings.manage", {
  method: "get",
  path: `${base}/{eventId}/schedule`,
  tags,
  summary: "The latest schedule: weight, upper bound, ratio, breaks, unplaced requests, per-participant figures",
  request: { params: dayParams },
  responses: { 200: json(ScheduleReviewSchema, "Review"), ...errors },
});

export const publishSchedule = defineRoute("meetings.manage", {
  method: "post",
  path: `${base}/{eventId}/schedule/publish`,
  tags,
  summary: "Publish the latest schedule: participants see their agenda",
  request: { params: dayParams },
  responses: { 200: json(ScheduleReviewSchema, "Published"), ...errors },
});

export const replan = defineRoute("meetings.manage", {
  method: "post",
  path: `${base}/{eventId}/replan`,
  tags,
  summary: "Re-plan on the day (replanMeetings): confirmed meetings keep slot and table, freed slots are filled",
  request: { params: dayParams, body: optionalBody(ReplanInputSchema) },
  responses: { 201: json(ScheduleReviewSchema, "Re-planned and published"), ...errors },
});

export const exportInstance = defineRoute("meetings.manage", {
  method: "get",
  path: `${base}/{eventId}/instance`,
  tags,
  summary: "The day as a scheduler instance (docs/formats/meetings.md), for `grappe meetings schedule`",
  request: { params: dayParams },
  responses: { 200: json(z.any(), "Instance"), ...errors },
});

export const agenda = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}/participants/{participantId}/agenda`,
  tags,
  summary: "A participant's agenda, slot by slot (their own, or staff)",
  request: { params: participantParams },
  responses: { 200: json(AgendaSchema, "Agenda"), ...errors },
});

export const agendaPdf = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}/participants/{participantId}/agenda.pdf`,
  tags,
  summary: "The agenda as a PDF",
  request: { params: participantParams },
  responses: { 200: file("application/pdf", "PDF"), ...errors },
});

export const agendaIcs = defineRoute("meetings.take-part", {
  method: "get",
  path: `${base}/{eventId}/participants/{participantId}/agenda.ics`,
  tags,
  summary: "The agenda as iCalendar (Europe/Paris with VTIMEZONE), one VEVENT per meeting",
  request: { params: participantParams },
  responses: { 200: file("text/calendar", "iCalendar"), ...errors },
});

export const tablePlanPdf = defineRoute("meetings.manage", {
  method: "get",
  path: `${base}/{eventId}/table-plan.pdf`,
  tags,
  summary: "The printable table plan: one page per slot, who sits at which table or stand",
  request: { params: dayParams },
  responses: { 200: file("application/pdf", "PDF"), ...errors },
});

export const board = defineRoute("meetings.manage", {
  method: "get",
  path: `${base}/{eventId}/board`,
  tags,
  summary: "What happens at each table now and next (slot from the clock, or ?at=)",
  request: {
    params: dayParams,
    query: z.object({ at: z.string().datetime("Date et heure ISO attendues").optional() }),
  },
  responses: { 200: json(BoardSchema, "Board"), ...errors },
});

export const setOutcome = defineRoute("meetings.take-part", {
  method: "patch",
  path: `${base}/{eventId}/meetings/{meetingId}`,
  tags,
  summary: 'After the day: "held?" and "follow-up expected?" (staff, or one of the two participants)',
  request: { params: meetingParams, body: body(OutcomeInputSchema) },
  responses: { 200: json(MeetingRef, "Saved"), ...errors },
});

export const outcomes = defineRoute("meetings.manage", {
  method: "get",
  path: `${base}/{eventId}/outcomes`,
  tags,
  summary: "Counts of the day's published meetings: held, not held, unknown, follow-ups expected",
  request: { params: dayParams },
  responses: { 200: json(OutcomesSchema, "Counts"), ...errors },
});
