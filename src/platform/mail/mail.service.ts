import { and, count, desc, eq, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Database, Db } from "../../db/client.js";
import { withTenant } from "../../db/tenant.js";
import type { ClusterContext } from "../../server/context.js";
import { notFound } from "../../server/errors.js";
import { type MailAttachment, type MailStatus, outbox } from "./mail.schema.js";

/**
 * Email, as a transactional outbox: a change queues its messages in its own
 * transaction (`enqueueMail`), and the dispatcher sends them by SMTP, with
 * retries, once the change is committed. With no SMTP server configured the
 * messages are kept as "held": staff read them in the outbox.
 */

export interface MailSettings {
  /** The address users reach, for the links in messages. */
  publicUrl: string;
  /** "Name <address>" the messages come from (also the ORGANIZER of invitations). */
  from: string;
  /** smtp: queued messages are sent; held: no SMTP server, they are only kept. */
  delivery: "smtp" | "held";
}

const defaultPublicUrl = () => process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
let settings: MailSettings = {
  publicUrl: defaultPublicUrl(),
  from: `Grappe <noreply@${hostOf(defaultPublicUrl())}>`,
  delivery: "held",
};

/** The mail settings of this process (set once at start by `setUpMail`). */
export const mailSettings = (): MailSettings => settings;

export interface Mailer {
  from: string;
  /** null when no SMTP server is configured. */
  transport: Transporter | null;
}

/**
 * Sets the process's mail up from the configuration: the sender, the links'
 * base and, when SMTP_URL is set, the transport (smtp://user:pass@host:587,
 * smtps://… for TLS from the start). Returns the mailer the dispatcher uses.
 */
export function setUpMail(config: { smtpUrl?: string; mailFrom?: string; publicUrl: string }): Mailer {
  const from = config.mailFrom ?? `Grappe <noreply@${hostOf(config.publicUrl)}>`;
  settings = { publicUrl: config.publicUrl.replace(/\/+$/, ""), from, delivery: config.smtpUrl ? "smtp" : "held" };
  return { from, transport: config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null };
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname || "localhost";
  } catch {
    return "localhost";
  }
}

/** The address part of "Name <address>" (or the whole value). */
export function addressOf(from: string): { name: string | null; address: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1].trim() || null, address: match[2].trim() } : { name: null, address: from.trim() };
}

// ---------------------------------------------------------------- queueing

export interface MailMessage {
  kind: string;
  to: { address: string; name?: string | null };
  subject: string;
  text: string;
  html?: string | null;
  attachments?: { filename: string; contentType: string; content: string | Buffer }[];
  /** The same key twice in a cluster queues one message only (e.g. one reminder per registration). */
  dedupeKey?: string | null;
  relatedId?: string | null;
}

/**
 * Queues a message in the caller's tenant transaction: it is sent only if
 * that transaction commits. Returns its id, or null when a message with the
 * same dedupe key was queued before.
 */
export async function enqueueMail(tx: Db, clusterId: string, message: MailMessage): Promise<string | null> {
  const attachments: MailAttachment[] = (message.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: (typeof a.content === "string" ? Buffer.from(a.content, "utf8") : a.content).toString("base64"),
  }));
  const rows = await tx
    .insert(outbox)
    .values({
      clusterId,
      kind: message.kind,
      toAddress: message.to.address.trim(),
      toName: message.to.name ?? null,
      subject: message.subject.replace(/[\r\n]+/g, " "),
      text: message.text,
      html: message.html ?? null,
      attachments,
      dedupeKey: message.dedupeKey ?? null,
      relatedId: message.relatedId ?? null,
      status: settings.delivery === "smtp" ? "pending" : "held",
    })
    .onConflictDoNothing({ target: [outbox.clusterId, outbox.dedupeKey] })
    .returning({ id: outbox.id });
  return rows[0]?.id ?? null;
}

// ---------------------------------------------------------------- sending

/**
 * When the nth attempt may run, counted from the message's creation: at once,
 * then after 1 min, 5 min, 30 min, 2 h and 6 h; a message still failing is
 * marked "failed". An SMTP 5xx answer (address refused…) fails it at once.
 */
export const RETRY_DELAYS_SECONDS = [0, 60, 300, 1800, 7200, 21600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length;

export interface DispatchResult {
  sent: number;
  retrying: number;
  failed: number;
  held: number;
}

const delayCase = sql.raw(
  `case attempts ${RETRY_DELAYS_SECONDS.map((s, i) => `when ${i} then ${s}`).join(" ")} else ${RETRY_DELAYS_SECONDS.at(-1)} end`,
);

function isPermanent(error: unknown): boolean {
  const e = error as { permanent?: boolean; responseCode?: number; code?: string };
  if (e.permanent === true) return true;
  if (typeof e.responseCode === "number") return e.responseCode >= 500 && e.responseCode < 600;
  return e.code === "EENVELOPE";
}

/** The nodemailer message of a queued row: a text/calendar attachment becomes the iTIP part calendars act on. */
export function nodemailerMessage(row: typeof outbox.$inferSelect, from: string) {
  const calendar = row.attachments.find((a) => /^text\/calendar/i.test(a.contentType));
  const method = calendar ? (/method=([A-Za-z]+)/.exec(calendar.contentType)?.[1] ?? "PUBLISH") : undefined;
  const domain = addressOf(from).address.split("@")[1] ?? "localhost";
  return {
    from,
    to: row.toName ? { name: row.toName, address: row.toAddress } : row.toAddress,
    subject: row.subject,
    text: row.text,
    html: row.html ?? undefined,
    messageId: `<${row.id}@${domain}>`,
    headers: { "Auto-Submitted": "auto-generated", "X-Grappe-Kind": row.kind },
    attachments: row.attachments
      .filter((a) => a !== calendar)
      .map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content, "base64") })),
    icalEvent: calendar
      ? { method, filename: calendar.filename, content: Buffer.from(calendar.content, "base64").toString("utf8") }
      : undefined,
  };
}

/**
 * Sends the pending messages whose turn has come (all clusters), one attempt
 * each, and records the outcome. With no transport, pending messages become
 * "held". On PostgreSQL an advisory lock lets one process dispatch at a time.
 */
export async function dispatchOutbox(
  database: Database,
  mailer: Mailer,
  options: { now?: Date; batchSize?: number } = {},
): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, retrying: 0, failed: 0, held: 0 };
  const { db } = database;
  if (!mailer.transport) {
    const held = await db
      .update(outbox)
      .set({ status: "held" })
      .where(eq(outbox.status, "pending"))
      .returning({ id: outbox.id });
    result.held = held.length;
    return result;
  }
  const lock = database.pool ? await database.pool.connect() : null;
  try {
    if (lock) {
      const { rows } = await lock.query("select pg_try_advisory_lock(hashtext('grappe.outbox.dispatch')) as locked");
      if (!rows[0]?.locked) {
        lock.release();
        return result;
      }
    }
    const now = options.now ?? new Date();
    const due = await db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          sql`${outbox.createdAt} + make_interval(secs => ${delayCase}) <= ${now.toISOString()}::timestamptz`,
        ),
      )
      .orderBy(outbox.createdAt)
      .limit(options.batchSize ?? 100);
    for (const row of due) {
      // Claim the attempt first: a crash while sending retries later, never at once.
      const claimed = await db
        .update(outbox)
        .set({ attempts: row.attempts + 1 })
        .where(and(eq(outbox.id, row.id), eq(outbox.status, "pending"), eq(outbox.attempts, row.attempts)))
        .returning({ id: outbox.id });
      if (!claimed.length) continue;
      try {
        await mailer.transport.sendMail(nodemailerMessage(row, mailer.from));
        await db
          .update(outbox)
          .set({ status: "sent", sentAt: new Date(), lastError: null })
          .where(eq(outbox.id, row.id));
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const give = isPermanent(error) || row.attempts + 1 >= MAX_ATTEMPTS;
        await db
          .update(outbox)
          .set({ status: give ? "failed" : "pending", lastError: message.slice(0, 1000) })
          .where(eq(outbox.id, row.id));
        if (give) result.failed++;
        else result.retrying++;
      }
    }
    return result;
  } finally {
    if (lock) {
      await lock.query("select pg_advisory_unlock(hashtext('grappe.outbox.dispatch'))").catch(() => undefined);
      lock.release();
    }
  }
}

// ---------------------------------------------------------------- reading (staff)

export interface OutboxQuery {
  status?: MailStatus;
  limit: number;
  offset: number;
}

function summary(row: typeof outbox.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    toAddress: row.toAddress,
    toName: row.toName,
    subject: row.subject,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
    attachments: row.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      sizeBytes: Buffer.byteLength(a.content, "base64"),
    })),
  };
}

export async function listOutbox(ctx: ClusterContext, query: OutboxQuery) {
  return withTenant(ctx.db, ctx.clusterId, async (tx) => {
    const where = and(eq(outbox.clusterId, ctx.clusterId), query.status ? eq(outbox.status, query.status) : undefined);
    const [rows, [{ total }]] = await Promise.all([
      tx
        .select()
        .from(outbox)
        .where(where)
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(query.limit)
        .offset(query.offset),
      tx.select({ total: count() }).from(outbox).where(where),
    ]);
    return { messages: rows.map(summary), total, delivery: settings.delivery };
  });
}

export async function getOutboxMessage(ctx: ClusterContext, id: string) {
  return withTenant(ctx.db, ctx.clusterId, async (tx) => {
    const [row] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.clusterId, ctx.clusterId), eq(outbox.id, id)));
    if (!row) throw notFound("Message");
    return { ...summary(row), text: row.text, html: row.html };
  });
}

/** One attachment's bytes, for staff to open the .ics a message carries. */
export async function getOutboxAttachment(ctx: ClusterContext, id: string, index: number) {
  return withTenant(ctx.db, ctx.clusterId, async (tx) => {
    const [row] = await tx
      .select({ attachments: outbox.attachments })
      .from(outbox)
      .where(and(eq(outbox.clusterId, ctx.clusterId), eq(outbox.id, id)));
    const attachment = row?.attachments[index];
    if (!attachment) throw notFound("Attachment");
    return { ...attachment, body: Buffer.from(attachment.content, "base64") };
  });
}
