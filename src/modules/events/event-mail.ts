import { and, count, eq, gt, inArray, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../platform/auth/auth.schema.js";
import { clusters } from "../../platform/clusters/clusters.schema.js";
import { addressOf, enqueueMail, hostOf, type MailMessage, mailSettings } from "../../platform/mail/mail.service.js";
import { describeEvent, eventLinks, invitation, placeText } from "./calendar.js";
import { eventOccurrences, events, registrations } from "./events.schema.js";

/**
 * The emails an event sends, queued in the outbox within the caller's
 * transaction (so a rolled-back registration sends nothing).
 * - confirmation: a seat is confirmed (carries the occurrence's .ics)
 * - waiting: placed on the waiting list
 * - promotion: promoted from the waiting list (carries the .ics)
 * - cancelled_by_organiser: the occurrence or the series was cancelled
 * - moved: the occurrence was moved (carries the updated .ics)
 * Reminders the day before are queued by the reminder job, not here.
 *
 * In French, or in English for people whose account is set to English. The
 * .ics is an iTIP REQUEST (ORGANIZER = the cluster, ATTENDEE = the person):
 * Gmail and Outlook then offer to add it, and Thunderbird imports it; the
 * same UID comes back as an update (moved) or a CANCEL (cancelled), which
 * calendars apply to the event they hold. PUBLISH would import too, but
 * clients do not tie a later CANCEL to a published copy.
 */
export type EventMailKind = "confirmation" | "waiting" | "promotion" | "cancelled_by_organiser" | "moved";
/** Every kind of event email, the reminder included. */
export type AnyEventMailKind = EventMailKind | "reminder";
type Locale = "fr" | "en";

export async function queueEventMail(
  tx: Db,
  clusterId: string,
  kind: EventMailKind,
  registrationIds: string[],
): Promise<void> {
  await queueMails(tx, clusterId, kind, registrationIds);
}

/** The day-before reminders (used by the reminder job). Returns how many were queued (not already sent). */
export async function queueReminderMail(tx: Db, clusterId: string, registrationIds: string[], now = new Date()) {
  return queueMails(tx, clusterId, "reminder", registrationIds, now);
}

async function queueMails(
  tx: Db,
  clusterId: string,
  kind: AnyEventMailKind,
  registrationIds: string[],
  now = new Date(),
): Promise<number> {
  const ids = [...new Set(registrationIds)];
  if (!ids.length) return 0;
  const rows = await tx
    .select({ registration: registrations, occurrence: eventOccurrences, event: events })
    .from(registrations)
    .innerJoin(eventOccurrences, eq(eventOccurrences.id, registrations.occurrenceId))
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(and(eq(registrations.clusterId, clusterId), inArray(registrations.id, ids)));
  if (!rows.length) return 0;
  const [cluster] = await tx
    .select({ name: clusters.name, slug: clusters.slug })
    .from(clusters)
    .where(eq(clusters.id, clusterId));
  const locales = await localesOf(
    tx,
    rows.map((r) => r.registration),
  );
  let queued = 0;
  for (const row of rows) {
    const { registration } = row;
    const position =
      registration.status === "waiting" && registration.seq !== null
        ? await waitingPosition(tx, registration.occurrenceId, registration.seq)
        : null;
    const message = renderEventMail(kind, {
      ...row,
      cluster,
      locale: locales(registration),
      position,
      now,
    });
    if (await enqueueMail(tx, clusterId, message)) queued++;
  }
  if (kind === "moved") {
    // A moved date gets its own reminder the day before its new start.
    const moved = [...new Set(rows.map((r) => r.occurrence.id))];
    await tx
      .update(eventOccurrences)
      .set({ remindedAt: null })
      .where(and(inArray(eventOccurrences.id, moved), gt(eventOccurrences.startsAt, now)));
  }
  return queued;
}

/** English for people whose account says so (by user id, else by email); French otherwise. */
async function localesOf(tx: Db, rows: { userId: string | null; email: string }[]) {
  const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []));
  const emails = rows.map((r) => r.email.toLowerCase());
  const found = await tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(or(userIds.length ? inArray(users.id, userIds) : undefined, inArray(users.email, emails)));
  const byId = new Map(found.map((u) => [u.id, u.locale]));
  const byEmail = new Map(found.map((u) => [u.email.toLowerCase(), u.locale]));
  return (r: { userId: string | null; email: string }): Locale =>
    ((r.userId && byId.get(r.userId)) || byEmail.get(r.email.toLowerCase())) === "en" ? "en" : "fr";
}

async function waitingPosition(tx: Db, occurrenceId: string, seq: number): Promise<number> {
  const [{ ahead }] = await tx
    .select({ ahead: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.occurrenceId, occurrenceId),
        eq(registrations.status, "waiting"),
        lt(registrations.seq, seq),
      ),
    );
  return ahead + 1;
}

// ---------------------------------------------------------------- rendering (pure)

export interface EventMailData {
  registration: typeof registrations.$inferSelect;
  occurrence: typeof eventOccurrences.$inferSelect;
  event: typeof events.$inferSelect;
  cluster: { name: string; slug: string };
  locale: Locale;
  /** Rank on the waiting list (1-based), for a waiting registration. */
  position: number | null;
  now: Date;
}

const dayFormat = {
  fr: new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
  en: new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Paris",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }),
};
const timeFormat = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export const formatDay = (instant: Date, locale: Locale) => dayFormat[locale].format(instant);
export const formatTime = (instant: Date) => timeFormat.format(instant);

/** "jeudi 3 décembre 2026, de 08:00 à 09:30" / "Thursday 3 December 2026, 08:00 to 09:30 (Paris time)". */
export function formatWhen(start: Date, end: Date, locale: Locale): string {
  const sameDay = formatDay(start, locale) === formatDay(end, locale);
  if (locale === "en") {
    return sameDay
      ? `${formatDay(start, "en")}, ${formatTime(start)} to ${formatTime(end)} (Paris time)`
      : `${formatDay(start, "en")} ${formatTime(start)} to ${formatDay(end, "en")} ${formatTime(end)} (Paris time)`;
  }
  return sameDay
    ? `${formatDay(start, "fr")}, de ${formatTime(start)} à ${formatTime(end)}`
    : `du ${formatDay(start, "fr")} ${formatTime(start)} au ${formatDay(end, "fr")} ${formatTime(end)}`;
}

const texts = {
  fr: {
    hello: (name: string) => `Bonjour ${name},`,
    when: "Quand",
    where: "Où",
    online: "En ligne",
    agenda: "Programme",
    timing: "Déroulé",
    reason: "Motif",
    see: "Voir l'événement et gérer votre inscription",
    cancel: "Annuler votre inscription",
    footer: (cluster: string) =>
      `${cluster} — message envoyé automatiquement par Grappe à la suite de votre inscription.`,
    subject: {
      confirmation: (title: string, when: string) => `Inscription confirmée : ${title}, ${when}`,
      waiting: (title: string, when: string) => `Liste d'attente : ${title}, ${when}`,
      promotion: (title: string, when: string) => `Une place s'est libérée : ${title}, ${when}`,
      cancelled_by_organiser: (title: string, when: string) => `Annulé : ${title}, ${when}`,
      moved: (title: string, when: string) => `Nouvel horaire : ${title}, ${when}`,
      reminder: (title: string, _when: string, time: string) => `Rappel : ${title} demain à ${time}`,
    },
    lead: {
      confirmation: (title: string) => `Votre inscription à « ${title} » est confirmée.`,
      waiting: (title: string, position: number | null) =>
        `« ${title} » est complet : vous êtes sur la liste d'attente${position ? ` (position ${position})` : ""}. Nous vous écrirons dès qu'une place se libère.`,
      promotion: (title: string) =>
        `Bonne nouvelle : une place s'est libérée, votre inscription à « ${title} » est confirmée.`,
      cancelled_by_organiser: (title: string) => `L'organisateur a annulé « ${title} ». Nous en sommes désolés.`,
      moved: (title: string, before: string | null) =>
        `« ${title} » change d'horaire${before ? ` (initialement prévu le ${before})` : ""}. Voici la nouvelle date.`,
      reminder: (title: string) => `Petit rappel : vous êtes inscrit à « ${title} », demain.`,
    },
    calendarAdd: "L'invitation jointe (.ics) ajoute l'événement à votre agenda.",
    calendarUpdate: "L'invitation jointe (.ics) met votre agenda à jour.",
    calendarCancel: "Le fichier joint (.ics) retire l'événement de votre agenda.",
    stillWaiting: "Vous restez sur la liste d'attente.",
    file: { request: "evenement.ics", cancel: "annulation.ics" },
  },
  en: {
    hello: (name: string) => `Hello ${name},`,
    when: "When",
    where: "Where",
    online: "Online",
    agenda: "Agenda",
    timing: "Timing",
    reason: "Reason",
    see: "See the event and manage your registration",
    cancel: "Cancel your registration",
    footer: (cluster: string) => `${cluster} — sent automatically by Grappe following your registration.`,
    subject: {
      confirmation: (title: string, when: string) => `Registration confirmed: ${title}, ${when}`,
      waiting: (title: string, when: string) => `Waiting list: ${title}, ${when}`,
      promotion: (title: string, when: string) => `A seat is yours: ${title}, ${when}`,
      cancelled_by_organiser: (title: string, when: string) => `Cancelled: ${title}, ${when}`,
      moved: (title: string, when: string) => `New time: ${title}, ${when}`,
      reminder: (title: string, _when: string, time: string) => `Reminder: ${title} tomorrow at ${time}`,
    },
    lead: {
      confirmation: (title: string) => `Your registration for “${title}” is confirmed.`,
      waiting: (title: string, position: number | null) =>
        `“${title}” is full: you are on the waiting list${position ? ` (position ${position})` : ""}. We will write as soon as a seat frees up.`,
      promotion: (title: string) => `Good news: a seat has freed up and your registration for “${title}” is confirmed.`,
      cancelled_by_organiser: (title: string) => `The organiser has cancelled “${title}”. We are sorry.`,
      moved: (title: string, before: string | null) =>
        `“${title}” has a new time${before ? ` (first planned on ${before})` : ""}. Here is the new date.`,
      reminder: (title: string) => `A reminder: you are registered for “${title}”, tomorrow.`,
    },
    calendarAdd: "The attached invitation (.ics) adds the event to your calendar.",
    calendarUpdate: "The attached invitation (.ics) updates your calendar.",
    calendarCancel: "The attached file (.ics) removes the event from your calendar.",
    stillWaiting: "You remain on the waiting list.",
    file: { request: "event.ics", cancel: "cancellation.ics" },
  },
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
const htmlLines = (value: string) => escapeHtml(value).replace(/\r?\n/g, "<br>");

/** Which .ics the message carries: an invitation (or its update), a cancellation, or none. */
function calendarMethod(kind: AnyEventMailKind, status: string): "REQUEST" | "CANCEL" | null {
  if (kind === "confirmation" || kind === "promotion") return "REQUEST";
  if (kind === "moved") return status === "confirmed" ? "REQUEST" : null;
  if (kind === "cancelled_by_organiser") return status === "waiting" ? null : "CANCEL";
  return null;
}

/** The message for one registration (subject, text, HTML, .ics), ready to queue. */
export function renderEventMail(kind: AnyEventMailKind, data: EventMailData): MailMessage {
  const { registration: r, occurrence: o, event: e, cluster, locale, now } = data;
  const t = texts[locale];
  const base = mailSettings().publicUrl;
  const whenShort = `${formatDay(o.startsAt, locale)} ${locale === "en" ? "at" : "à"} ${formatTime(o.startsAt)}`;
  const when = formatWhen(o.startsAt, o.endsAt, locale);
  const address = placeText({ ...e, onlineUrl: null });
  const pageUrl = eventLinks.occurrence(base, cluster.slug, o.id);
  const guestUrl = eventLinks.guest(base, cluster.slug, r.token);
  const link = r.isGuest
    ? kind === "cancelled_by_organiser"
      ? null
      : { label: t.cancel, url: guestUrl }
    : { label: t.see, url: pageUrl };
  const movedFrom =
    kind === "moved" && o.originalStart.getTime() !== o.startsAt.getTime()
      ? `${formatDay(o.originalStart, locale)} ${locale === "en" ? "at" : "à"} ${formatTime(o.originalStart)}`
      : null;

  const lead =
    kind === "waiting"
      ? t.lead.waiting(e.title, data.position)
      : kind === "moved"
        ? t.lead.moved(e.title, movedFrom)
        : t.lead[kind](e.title);
  const method = calendarMethod(kind, r.status);
  const notes: string[] = [];
  if (kind === "moved" && r.status === "waiting") notes.push(t.stillWaiting);
  if (method === "REQUEST") notes.push(kind === "moved" ? t.calendarUpdate : t.calendarAdd);
  if (method === "CANCEL") notes.push(t.calendarCancel);

  const details: [string, string][] = [[t.when, when]];
  if (address) details.push([t.where, address]);
  if (e.onlineUrl) details.push([t.online, e.onlineUrl]);
  if (kind === "cancelled_by_organiser" && o.cancelReason) details.push([t.reason, o.cancelReason]);
  const showProgramme = kind !== "cancelled_by_organiser";
  const agenda = showProgramme && e.agenda?.trim() ? e.agenda.trim() : null;
  const timing = showProgramme && e.timing.length ? e.timing.map((s) => `${s.at} ${s.label}`).join("\n") : null;

  const colon = locale === "en" ? ":" : " :";
  const text = [
    t.hello(r.name),
    "",
    lead,
    "",
    e.title,
    ...details.map(([label, value]) => `${label}${colon} ${value}`),
    ...(agenda ? ["", `${t.agenda}${colon}`, agenda] : []),
    ...(timing ? ["", `${t.timing}${colon}`, timing] : []),
    ...(notes.length ? ["", ...notes] : []),
    ...(link ? ["", `${link.label}${colon} ${link.url}`] : []),
    "",
    "-- ",
    t.footer(cluster.name),
    "",
  ].join("\n");

  const cell = "padding:4px 12px 4px 0;vertical-align:top";
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(e.title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p>${escapeHtml(t.hello(r.name))}</p>
<p>${escapeHtml(lead)}</p>
<h2 style="font-size:18px;margin:20px 0 8px">${escapeHtml(e.title)}</h2>
<table role="presentation" style="border-collapse:collapse;font-size:14px">
${details.map(([label, value]) => `<tr><td style="${cell};color:#52606d">${escapeHtml(label)}</td><td style="${cell}">${htmlLines(value)}</td></tr>`).join("\n")}
</table>
${agenda ? `<h3 style="font-size:15px;margin:16px 0 4px">${escapeHtml(t.agenda)}</h3><p style="margin:0">${htmlLines(agenda)}</p>` : ""}
${timing ? `<h3 style="font-size:15px;margin:16px 0 4px">${escapeHtml(t.timing)}</h3><p style="margin:0">${htmlLines(timing)}</p>` : ""}
${notes.map((n) => `<p style="color:#52606d;font-size:13px">${escapeHtml(n)}</p>`).join("\n")}
${link ? `<p style="margin:24px 0"><a href="${escapeHtml(link.url)}" style="background:#5b4ddb;color:#ffffff;text-decoration:none;padding:10px 16px;border-radius:6px;display:inline-block">${escapeHtml(link.label)}</a></p>` : ""}
<p style="color:#7b8794;font-size:12px;border-top:1px solid #e4e7eb;padding-top:12px;margin-top:24px">${escapeHtml(t.footer(cluster.name))}</p>
</div>
</body></html>
`;

  const attachments: NonNullable<MailMessage["attachments"]> = [];
  if (method) {
    const organizer = { name: cluster.name, email: addressOf(mailSettings().from).address };
    const ics = invitation({
      method,
      domain: hostOf(base),
      now,
      calendarName: cluster.name,
      event: {
        id: e.id,
        title: e.title,
        description: describeEvent(e, locale, r.isGuest ? null : pageUrl),
        location: placeText(e),
        url: r.isGuest ? null : pageUrl,
        category: null,
        status: e.status,
        startsAt: e.startsAt,
        durationMinutes: e.durationMinutes,
        createdAt: e.createdAt,
        updatedAt: e.updatedAt,
      },
      occurrence: {
        id: o.id,
        originalStart: o.originalStart,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        status: o.status,
        url: null,
        updatedAt: o.updatedAt,
      },
      organizer,
      attendee: { name: r.name, email: r.email },
    });
    attachments.push({
      filename: method === "CANCEL" ? t.file.cancel : t.file.request,
      contentType: `text/calendar; charset=utf-8; method=${method}`,
      content: ics,
    });
  }

  const dedupe =
    kind === "moved"
      ? `moved:${r.id}:${o.startsAt.toISOString()}:${o.endsAt.toISOString()}`
      : kind === "reminder"
        ? `reminder:${r.id}:${o.startsAt.toISOString()}`
        : `${kind}:${r.id}`;
  const subject =
    kind === "reminder"
      ? t.subject.reminder(e.title, whenShort, formatTime(o.startsAt))
      : t.subject[kind](e.title, whenShort);

  return {
    kind,
    to: { address: r.email, name: r.name },
    subject,
    text,
    html,
    attachments,
    dedupeKey: dedupe,
    relatedId: r.id,
  };
}
