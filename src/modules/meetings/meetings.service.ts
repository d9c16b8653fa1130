import { and, asc, count, desc, eq, inArray, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import { diffFields, recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { conflict, forbidden, invalid, notFound } from "../../server/errors.js";
import { listOccurrences } from "../events/events.service.js";
import { loadEvent } from "../events/registration.service.js";
import { people } from "../members/members.schema.js";
import { membersByIds, tradeLabelsOf } from "../members/members.service.js";
import type {
  DayConfig,
  OutcomeInput,
  ParticipantInput,
  ParticipantPatch,
  RequestInput,
  RequestPatch,
} from "./meetings.contract.js";
import { managesMeetings, mayManageParticipant, ownsParticipant } from "./meetings.policy.js";
import {
  type PresentContext,
  presentDay,
  presentMeeting,
  presentParticipant,
  presentRequest,
} from "./meetings.presenter.js";
import { CONFIGURABLE_PHASES, categoryRefusal, mayMeet, PHASE_MOVES, suggestMeetings } from "./meetings.rules.js";
import {
  type MeetingPhase,
  meetingDays,
  meetingParticipants,
  meetingRequests,
  meetingSchedules,
  meetings,
} from "./meetings.schema.js";

export type DayRow = typeof meetingDays.$inferSelect;
export type ParticipantRow = typeof meetingParticipants.$inferSelect;
export type RequestRow = typeof meetingRequests.$inferSelect;

export const tenant = <T>(ctx: ClusterContext, work: (tx: Db) => Promise<T>) => withTenant(ctx.db, ctx.clusterId, work);

/** What a day looks like before staff configure it: 12 slots of 20 minutes from 09:00, no table limit. */
const DEFAULT_DAY = {
  phase: "draft" as MeetingPhase,
  startTime: "09:00",
  slotMinutes: 20,
  slotCount: 12,
  pauses: [],
  tables: null,
  categories: [],
  allowedPairs: [] as [string, string][],
  timeLimitSeconds: 10,
};

// ---------------------------------------------------------------- loading

/** The event, which must be a business-meeting day. */
export async function loadMeetingEvent(tx: Db, ctx: ClusterContext, eventId: string) {
  const event = await loadEvent(tx, ctx.clusterId, eventId);
  if (event.kind !== "business_meetings") throw notFound("Business-meeting day");
  if (event.status === "draft" && !managesMeetings(ctx.actor)) throw notFound("Business-meeting day");
  return event;
}

export async function findDay(tx: Db, clusterId: string, eventId: string): Promise<DayRow | null> {
  const [row] = await tx
    .select()
    .from(meetingDays)
    .where(and(eq(meetingDays.clusterId, clusterId), eq(meetingDays.eventId, eventId)));
  return row ?? null;
}

/** The configured day; members find nothing before it opens (draft). */
export async function loadDay(tx: Db, ctx: ClusterContext, eventId: string) {
  const event = await loadMeetingEvent(tx, ctx, eventId);
  const day = await findDay(tx, ctx.clusterId, eventId);
  if (!day) throw conflict("Cette journée de rendez-vous n'est pas encore configurée");
  if (day.phase === "draft" && !managesMeetings(ctx.actor)) throw notFound("Business-meeting day");
  return { event, day };
}

export async function participantsOf(tx: Db, clusterId: string, dayId: string) {
  return tx
    .select()
    .from(meetingParticipants)
    .where(and(eq(meetingParticipants.clusterId, clusterId), eq(meetingParticipants.dayId, dayId)))
    .orderBy(asc(meetingParticipants.company), asc(meetingParticipants.name));
}

export async function requestsOf(tx: Db, clusterId: string, dayId: string) {
  return tx
    .select()
    .from(meetingRequests)
    .where(and(eq(meetingRequests.clusterId, clusterId), eq(meetingRequests.dayId, dayId)))
    .orderBy(asc(meetingRequests.createdAt));
}

async function loadParticipant(tx: Db, clusterId: string, dayId: string, id: string, field?: string) {
  const [row] = await tx
    .select()
    .from(meetingParticipants)
    .where(
      and(
        eq(meetingParticipants.clusterId, clusterId),
        eq(meetingParticipants.dayId, dayId),
        eq(meetingParticipants.id, id),
      ),
    );
  if (!row) {
    if (field) throw invalid([{ field, message: "Participant inconnu pour cette journée" }]);
    throw notFound("Participant");
  }
  return row;
}

/** Which participants' contacts members may see: a listed person of a company sharing contacts with members. */
export async function contactSharing(tx: Db, clusterId: string, rows: ParticipantRow[]): Promise<Set<string>> {
  const withPerson = rows.filter((r) => r.memberId && r.personId);
  if (!withPerson.length) return new Set();
  const companies = new Map(
    (await membersByIds(tx, clusterId, [...new Set(withPerson.map((r) => r.memberId!))])).map((m) => [m.id, m]),
  );
  const persons = new Map(
    (
      await tx
        .select()
        .from(people)
        .where(
          and(
            eq(people.clusterId, clusterId),
            inArray(
              people.id,
              withPerson.map((r) => r.personId!),
            ),
          ),
        )
    ).map((p) => [p.id, p]),
  );
  return new Set(
    withPerson
      .filter((r) => {
        const person = persons.get(r.personId!);
        const company = companies.get(r.memberId!);
        return person?.listed && !person.erasedAt && company && company.visibility.contact !== "staff";
      })
      .map((r) => r.id),
  );
}

export async function presentContext(
  tx: Db,
  ctx: ClusterContext,
  day: DayRow,
  rows: ParticipantRow[],
): Promise<PresentContext> {
  return {
    actor: ctx.actor,
    tradeLabels: await tradeLabelsOf(tx, ctx.clusterId),
    categories: day.categories,
    contactShared: await contactSharing(tx, ctx.clusterId, rows),
  };
}

async function dayJson(tx: Db, ctx: ClusterContext, event: Awaited<ReturnType<typeof loadEvent>>, day: DayRow | null) {
  if (!day) {
    return presentDay(event, DEFAULT_DAY, {
      configured: false,
      myParticipantId: null,
      counts: { participants: 0, requests: 0, accepted: 0, meetings: 0 },
    });
  }
  const participants = await participantsOf(tx, ctx.clusterId, day.id);
  const requests = await requestsOf(tx, ctx.clusterId, day.id);
  const [published] = await tx
    .select({ n: count() })
    .from(meetings)
    .innerJoin(meetingSchedules, eq(meetingSchedules.id, meetings.scheduleId))
    .where(and(eq(meetings.dayId, day.id), eq(meetingSchedules.status, "published")));
  const mine = participants.find((p) => p.status === "active" && ownsParticipant(ctx.actor, p));
  return presentDay(event, day, {
    configured: true,
    myParticipantId: mine?.id ?? null,
    counts: {
      participants: participants.filter((p) => p.status === "active").length,
      requests: requests.filter((r) => r.status !== "withdrawn").length,
      accepted: requests.filter((r) => r.status === "accepted").length,
      meetings: Number(published?.n ?? 0),
    },
  });
}

// ---------------------------------------------------------------- days

/** Business-meeting days: the configured ones, and the unconfigured events of that kind in the coming year. */
export async function listDays(ctx: ClusterContext) {
  const upcoming = await listOccurrences(ctx, {
    kind: "business_meetings",
    from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
    to: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10),
  });
  return tenant(ctx, async (tx) => {
    const configured = await tx
      .select()
      .from(meetingDays)
      .where(eq(meetingDays.clusterId, ctx.clusterId))
      .orderBy(desc(meetingDays.createdAt));
    const eventIds = [...new Set([...configured.map((d) => d.eventId), ...upcoming.map((o) => o.eventId)])];
    const days = [];
    for (const eventId of eventIds) {
      const event = await loadEvent(tx, ctx.clusterId, eventId);
      if (event.kind !== "business_meetings" || (event.status === "draft" && !managesMeetings(ctx.actor))) continue;
      const day = configured.find((d) => d.eventId === eventId) ?? null;
      if (!managesMeetings(ctx.actor) && (!day || day.phase === "draft")) continue;
      days.push(await dayJson(tx, ctx, event, day));
    }
    return days.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  });
}

export async function getDay(ctx: ClusterContext, eventId: string) {
  return tenant(ctx, async (tx) => {
    const event = await loadMeetingEvent(tx, ctx, eventId);
    const day = await findDay(tx, ctx.clusterId, eventId);
    if ((!day || day.phase === "draft") && !managesMeetings(ctx.actor)) throw notFound("Business-meeting day");
    return dayJson(tx, ctx, event, day);
  });
}

function checkConfig(input: DayConfig) {
  const fields: { field: string; message: string }[] = [];
  input.pauses.forEach((p, i) => {
    if (p.from > p.to) fields.push({ field: `pauses.${i}.to`, message: "La pause finit avant de commencer" });
    if (p.to >= input.slotCount)
      fields.push({ field: `pauses.${i}.to`, message: `Créneau hors de la journée (0 à ${input.slotCount - 1})` });
  });
  const [h, m] = input.startTime.split(":").map(Number);
  if (h! * 60 + m! + input.slotCount * input.slotMinutes > 24 * 60)
    fields.push({ field: "slotCount", message: "La journée déborderait sur le lendemain" });
  const codes = input.categories.map((c) => c.code);
  if (new Set(codes).size !== codes.length)
    fields.push({ field: "categories", message: "Deux catégories ont le même code" });
  input.allowedPairs.forEach((pair, i) => {
    for (const c of pair)
      if (!codes.includes(c)) fields.push({ field: `allowedPairs.${i}`, message: `Catégorie inconnue : ${c}` });
  });
  const open = input.slotCount - input.pauses.reduce((n, p) => n + Math.max(0, p.to - p.from + 1), 0);
  if (open < 1) fields.push({ field: "pauses", message: "Les pauses couvrent toute la journée" });
  if (fields.length) throw invalid(fields);
}

export async function configureDay(ctx: ClusterContext, eventId: string, input: DayConfig) {
  checkConfig(input);
  return tenant(ctx, async (tx) => {
    const event = await loadMeetingEvent(tx, ctx, eventId);
    const before = await findDay(tx, ctx.clusterId, eventId);
    if (before && !CONFIGURABLE_PHASES.includes(before.phase))
      throw conflict("La grille est figée : un planning en dépend. Rouvrez les demandes pour la modifier.", [
        { field: "phase", message: before.phase },
      ]);
    let day: DayRow;
    if (before) {
      [day] = await tx
        .update(meetingDays)
        .set({ ...input, version: before.version + 1, updatedAt: new Date() })
        .where(eq(meetingDays.id, before.id))
        .returning();
    } else {
      [day] = await tx
        .insert(meetingDays)
        .values({ clusterId: ctx.clusterId, eventId, ...input })
        .returning();
    }
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "meeting_day",
      entityId: day.id,
      action: before ? "update" : "create",
      changes: diffFields(
        before as unknown as Record<string, unknown> | null,
        input as unknown as Record<string, unknown>,
      ),
    });
    return dayJson(tx, ctx, event, day);
  });
}

export async function setPhase(ctx: ClusterContext, eventId: string, phase: MeetingPhase) {
  return tenant(ctx, async (tx) => {
    const { event, day } = await loadDay(tx, ctx, eventId);
    if (day.phase === phase) return dayJson(tx, ctx, event, day);
    if (!PHASE_MOVES[day.phase].includes(phase)) {
      const hint =
        phase === "scheduled"
          ? " : lancez le calcul du planning"
          : phase === "published"
            ? " : publiez le planning"
            : "";
      throw conflict(`Passage de « ${day.phase} » à « ${phase} » impossible${hint}`, [
        { field: "phase", message: `Depuis ${day.phase} : ${PHASE_MOVES[day.phase].join(", ") || "aucune"}` },
      ]);
    }
    return dayJson(tx, ctx, event, await movePhase(tx, ctx, day, phase));
  });
}

export async function movePhase(tx: Db, ctx: ClusterContext, day: DayRow, phase: MeetingPhase) {
  const [row] = await tx
    .update(meetingDays)
    .set({ phase, updatedAt: new Date() })
    .where(eq(meetingDays.id, day.id))
    .returning();
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "meeting_day",
    entityId: day.id,
    action: "phase",
    changes: { phase: [day.phase, phase] },
  });
  return row;
}

// ---------------------------------------------------------------- participants

export async function listParticipants(ctx: ClusterContext, eventId: string) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const rows = await participantsOf(tx, ctx.clusterId, day.id);
    const pc = await presentContext(tx, ctx, day, rows);
    // Members see who else is there (to ask for meetings), not who withdrew.
    return rows
      .filter((r) => r.status === "active" || mayManageParticipant(ctx.actor, r))
      .map((r) => presentParticipant(r, pc));
  });
}

function checkWindow(day: DayRow, from: number | null | undefined, to: number | null | undefined) {
  const fields: { field: string; message: string }[] = [];
  if (from != null && from >= day.slotCount)
    fields.push({ field: "availableFrom", message: `Créneau hors de la journée (0 à ${day.slotCount - 1})` });
  if (to != null && to >= day.slotCount)
    fields.push({ field: "availableTo", message: `Créneau hors de la journée (0 à ${day.slotCount - 1})` });
  if (from != null && to != null && from > to)
    fields.push({ field: "availableTo", message: "Le départ précède l'arrivée" });
  if (fields.length) throw invalid(fields);
}

function checkCategory(day: DayRow, category: string | null | undefined) {
  if (category && !day.categories.some((c) => c.code === category))
    throw invalid([
      {
        field: "category",
        message: `Catégorie inconnue ; attendue : ${day.categories.map((c) => c.code).join(", ") || "aucune définie"}`,
      },
    ]);
}

const personName = (p: { firstName: string | null; lastName: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(" ").trim();

export async function addParticipant(ctx: ClusterContext, eventId: string, input: ParticipantInput) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const staff = managesMeetings(ctx.actor);
    if (!staff) {
      if (day.phase !== "requests_open") throw conflict("Les inscriptions aux rendez-vous ne sont pas ouvertes");
      if (!ctx.actor.memberId) throw forbidden("Votre compte n'est rattaché à aucune entreprise adhérente");
      if (input.memberId && input.memberId !== ctx.actor.memberId)
        throw forbidden("Vous ne pouvez inscrire que votre entreprise");
      if (input.stand !== undefined && input.stand !== null) throw forbidden("Seule l'équipe attribue les stands");
    } else if (day.phase === "held") throw conflict("La journée a eu lieu");
    checkCategory(day, input.category);
    checkWindow(day, input.availableFrom, input.availableTo);
    const memberId = staff ? (input.memberId ?? null) : ctx.actor.memberId;
    let values: Omit<typeof meetingParticipants.$inferInsert, "clusterId" | "dayId">;
    if (memberId) {
      const [company] = await membersByIds(tx, ctx.clusterId, [memberId]);
      if (!company) throw invalid([{ field: "memberId", message: "Membre inconnu dans ce cluster" }]);
      const [existing] = await tx
        .select({ id: meetingParticipants.id })
        .from(meetingParticipants)
        .where(and(eq(meetingParticipants.dayId, day.id), eq(meetingParticipants.memberId, memberId)));
      if (existing)
        throw conflict("Cette entreprise participe déjà à la journée", [{ field: "memberId", message: existing.id }]);
      const personRows = await tx
        .select()
        .from(people)
        .where(and(eq(people.clusterId, ctx.clusterId), eq(people.memberId, memberId)));
      const person =
        (input.personId && personRows.find((p) => p.id === input.personId)) ||
        (!staff ? personRows.find((p) => p.userId === ctx.actor.userId) : undefined) ||
        personRows.find((p) => p.isMainContact && !p.erasedAt);
      if (input.personId && person?.id !== input.personId)
        throw invalid([{ field: "personId", message: "Personne inconnue dans cette entreprise" }]);
      values = {
        memberId,
        personId: person?.id ?? null,
        userId: staff ? (person?.userId ?? null) : ctx.actor.userId,
        name: input.name ?? (person && personName(person)) ?? (staff ? company.legalName : ctx.actor.label),
        company: company.legalName,
        email: input.email ?? person?.email ?? company.email,
        phone: input.phone ?? person?.phone ?? company.phone,
        offers: input.offers ?? company.description ?? "",
        seeks: input.seeks ?? "",
        tradeCodes: input.tradeCodes ?? company.tradeCodes,
      };
    } else {
      const missing = [
        ...(input.name ? [] : [{ field: "name", message: "Nom du participant invité obligatoire" }]),
        ...(input.company ? [] : [{ field: "company", message: "Entreprise du participant invité obligatoire" }]),
      ];
      if (missing.length) throw invalid(missing);
      values = {
        name: input.name!,
        company: input.company!,
        email: input.email ?? null,
        phone: input.phone ?? null,
        offers: input.offers ?? "",
        seeks: input.seeks ?? "",
        tradeCodes: input.tradeCodes ?? [],
      };
    }
    const [row] = await tx
      .insert(meetingParticipants)
      .values({
        ...values,
        clusterId: ctx.clusterId,
        dayId: day.id,
        category: input.category ?? null,
        availableFrom: input.availableFrom ?? null,
        availableTo: input.availableTo ?? null,
        stand: input.stand ?? null,
      })
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "meeting_participant",
      entityId: row.id,
      action: "create",
      changes: diffFields(null, { name: row.name, company: row.company, category: row.category }),
    });
    return presentParticipant(row, await presentContext(tx, ctx, day, [row]));
  });
}

export async function updateParticipant(ctx: ClusterContext, eventId: string, id: string, patch: ParticipantPatch) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const before = await loadParticipant(tx, ctx.clusterId, day.id, id);
    const staff = managesMeetings(ctx.actor);
    if (!mayManageParticipant(ctx.actor, before)) throw notFound("Participant");
    if (!staff) {
      if (patch.status !== undefined || patch.stand !== undefined)
        throw forbidden("Seule l'équipe annule une participation ou attribue un stand");
      if (!["requests_open", "requests_closed"].includes(day.phase))
        throw conflict("Le profil ne se modifie plus : le planning est en préparation ou publié");
    }
    checkCategory(day, patch.category);
    checkWindow(
      day,
      patch.availableFrom !== undefined ? patch.availableFrom : before.availableFrom,
      patch.availableTo !== undefined ? patch.availableTo : before.availableTo,
    );
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const changes = diffFields(before as unknown as Record<string, unknown>, values);
    let row = before;
    if (Object.keys(changes).length) {
      [row] = await tx
        .update(meetingParticipants)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(meetingParticipants.id, id))
        .returning();
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "meeting_participant",
        entityId: id,
        action: "update",
        changes,
      });
    }
    return presentParticipant(row, await presentContext(tx, ctx, day, [row]));
  });
}

// ---------------------------------------------------------------- requests

export async function listRequests(ctx: ClusterContext, eventId: string) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const staff = managesMeetings(ctx.actor);
    const mine = new Set(participants.filter((p) => ownsParticipant(ctx.actor, p)).map((p) => p.id));
    return (await requestsOf(tx, ctx.clusterId, day.id))
      .filter((r) => staff || mine.has(r.fromId) || mine.has(r.toId))
      .map((r) => presentRequest(r, byId, ctx.actor));
  });
}

export async function createRequest(ctx: ClusterContext, eventId: string, input: RequestInput) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const staff = managesMeetings(ctx.actor);
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const byId = new Map(participants.map((p) => [p.id, p]));
    let fromId = input.fromId;
    if (!staff) {
      if (input.force) throw forbidden("Seule l'équipe impose un rendez-vous");
      if (day.phase !== "requests_open") throw conflict("Les demandes de rendez-vous ne sont pas ouvertes");
      const own = participants.filter((p) => p.status === "active" && ownsParticipant(ctx.actor, p));
      if (fromId && !own.some((p) => p.id === fromId)) throw forbidden("Vous ne demandez qu'en votre nom");
      fromId = fromId ?? own[0]?.id;
      if (!fromId)
        throw conflict("Inscrivez-vous d'abord à la journée", [{ field: "fromId", message: "Pas de profil" }]);
    } else {
      if (day.phase === "held") throw conflict("La journée a eu lieu");
      if (!fromId) throw invalid([{ field: "fromId", message: "Choisissez qui demande le rendez-vous" }]);
    }
    const from = byId.get(fromId);
    const to = byId.get(input.toId);
    if (!from || from.status !== "active")
      throw invalid([{ field: "fromId", message: "Participant inconnu ou désinscrit" }]);
    if (!to || to.status !== "active") throw invalid([{ field: "toId", message: "Participant inconnu ou désinscrit" }]);
    if (from.id === to.id) throw invalid([{ field: "toId", message: "On ne se donne pas rendez-vous à soi-même" }]);
    if (!mayMeet(day, from.category, to.category))
      throw invalid([{ field: "toId", message: categoryRefusal(day, from.category!, to.category!) }]);
    const existing = await tx
      .select()
      .from(meetingRequests)
      .where(
        and(
          eq(meetingRequests.dayId, day.id),
          or(
            and(eq(meetingRequests.fromId, from.id), eq(meetingRequests.toId, to.id)),
            and(eq(meetingRequests.fromId, to.id), eq(meetingRequests.toId, from.id)),
          ),
        ),
      );
    const same = existing.find((r) => r.fromId === from.id);
    const reverse = existing.find((r) => r.fromId === to.id && r.status !== "withdrawn");
    if (same && same.status !== "withdrawn")
      throw conflict("Cette demande existe déjà", [{ field: "toId", message: `Demande ${same.status}` }]);
    if (reverse && !staff)
      throw conflict("Ce participant vous a déjà demandé un rendez-vous : répondez à sa demande", [
        { field: "toId", message: reverse.id },
      ]);
    const status = input.force ? "accepted" : "pending";
    const values = {
      priority: input.priority,
      status,
      forced: input.force,
      message: input.message ?? null,
      createdBy: ctx.actor.userId,
      respondedAt: input.force ? new Date() : null,
      updatedAt: new Date(),
    } as const;
    const [row] = same
      ? await tx.update(meetingRequests).set(values).where(eq(meetingRequests.id, same.id)).returning()
      : await tx
          .insert(meetingRequests)
          .values({ ...values, clusterId: ctx.clusterId, dayId: day.id, fromId: from.id, toId: to.id })
          .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "meeting_request",
      entityId: row.id,
      action: "create",
      changes: diffFields(null, { fromId: from.id, toId: to.id, priority: row.priority, status, forced: row.forced }),
    });
    return presentRequest(row, byId, ctx.actor);
  });
}

export async function updateRequest(ctx: ClusterContext, eventId: string, requestId: string, patch: RequestPatch) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const [before] = await tx
      .select()
      .from(meetingRequests)
      .where(and(eq(meetingRequests.dayId, day.id), eq(meetingRequests.id, requestId)));
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const staff = managesMeetings(ctx.actor);
    const asker = before && ownsParticipant(ctx.actor, byId.get(before.fromId)!);
    const asked = before && ownsParticipant(ctx.actor, byId.get(before.toId)!);
    if (!before || (!staff && !asker && !asked)) throw notFound("Meeting request");
    if (!staff) {
      if (patch.status === "withdrawn" || patch.priority !== undefined) {
        if (!asker) throw forbidden("Seul le demandeur retire sa demande ou change sa priorité");
        if (day.phase !== "requests_open") throw conflict("Les demandes sont closes");
      }
      if (patch.status === "accepted" || patch.status === "declined") {
        if (!asked) throw forbidden("Seul le participant sollicité accepte ou refuse");
        if (!["requests_open", "requests_closed", "scheduled", "published"].includes(day.phase))
          throw conflict("Il n'est plus temps de répondre à cette demande");
      }
    }
    if (before.status === "withdrawn" && patch.status && patch.status !== "withdrawn")
      throw conflict("Cette demande a été retirée");
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const changes = diffFields(before as unknown as Record<string, unknown>, values);
    let row = before;
    if (Object.keys(changes).length) {
      [row] = await tx
        .update(meetingRequests)
        .set({ ...values, ...(patch.status ? { respondedAt: new Date() } : {}), updatedAt: new Date() })
        .where(eq(meetingRequests.id, requestId))
        .returning();
      await recordChange(tx, ctx.clusterId, ctx.actor, {
        entityType: "meeting_request",
        entityId: requestId,
        action: patch.status ?? "update",
        changes,
      });
    }
    return presentRequest(row, byId, ctx.actor);
  });
}

export async function suggestions(ctx: ClusterContext, eventId: string, participantId?: string) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const participants = (await participantsOf(tx, ctx.clusterId, day.id)).filter((p) => p.status === "active");
    const me = participantId
      ? participants.find((p) => p.id === participantId)
      : participants.find((p) => ownsParticipant(ctx.actor, p));
    if (!me || !mayManageParticipant(ctx.actor, me)) {
      if (participantId) throw notFound("Participant");
      return [];
    }
    const asked = new Set(
      (await requestsOf(tx, ctx.clusterId, day.id))
        .filter((r) => r.status !== "withdrawn" && (r.fromId === me.id || r.toId === me.id))
        .map((r) => (r.fromId === me.id ? r.toId : r.fromId)),
    );
    const found = suggestMeetings(day, me, participants, asked);
    const pc = await presentContext(tx, ctx, day, participants);
    const byId = new Map(participants.map((p) => [p.id, p]));
    return found.map((s) => ({
      participant: presentParticipant(byId.get(s.id)!, pc),
      score: s.score,
      seeksOffers: Math.round(s.seeksOffers * 1000) / 1000,
      offersSeeks: Math.round(s.offersSeeks * 1000) / 1000,
      sharedTrades: s.sharedTrades.map((c) => pc.tradeLabels.get(c) ?? c),
    }));
  });
}

// ---------------------------------------------------------------- after the day

export async function setOutcome(ctx: ClusterContext, eventId: string, meetingId: string, input: OutcomeInput) {
  return tenant(ctx, async (tx) => {
    const { day } = await loadDay(tx, ctx, eventId);
    const [before] = await tx
      .select()
      .from(meetings)
      .innerJoin(meetingSchedules, eq(meetingSchedules.id, meetings.scheduleId))
      .where(and(eq(meetings.dayId, day.id), eq(meetings.id, meetingId), eq(meetingSchedules.status, "published")));
    if (!before) throw notFound("Meeting");
    const participants = await participantsOf(tx, ctx.clusterId, day.id);
    const byId = new Map(participants.map((p) => [p.id, p]));
    const mine = [before.meetings.aId, before.meetings.bId].some((id) => ownsParticipant(ctx.actor, byId.get(id)!));
    if (!managesMeetings(ctx.actor) && !mine) throw notFound("Meeting");
    if (before.meetings.startsAt > new Date() && !managesMeetings(ctx.actor))
      throw conflict("Ce rendez-vous n'a pas encore commencé");
    const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const [row] = await tx
      .update(meetings)
      .set({ ...values, outcomeAt: new Date() })
      .where(eq(meetings.id, meetingId))
      .returning();
    await recordChange(tx, ctx.clusterId, ctx.actor, {
      entityType: "meeting",
      entityId: meetingId,
      action: "outcome",
      changes: diffFields(before.meetings as unknown as Record<string, unknown>, values),
    });
    return presentMeeting(row, byId);
  });
}
