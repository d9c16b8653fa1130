import { type MailMessage, mailSettings } from "../../platform/mail/mail.service.js";
import type { fundingCalls } from "./funding.schema.js";

type CallRow = typeof fundingCalls.$inferSelect;

const longDay = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
/** "30 avril 2026" for a YYYY-MM-DD day. */
export const frenchDay = (day: string) => longDay.format(new Date(`${day}T00:00:00Z`));

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/**
 * The email telling a member about a call ("notice"), or reminding it before the deadline ("reminder").
 * In French: these go to companies' contacts, who mostly have no account whose language we would know.
 * One of each per call and member (dedupe key), however often staff click or the job runs.
 */
export function renderCallMail(
  kind: "notice" | "reminder",
  call: CallRow,
  to: { name: string | null; email: string; memberId: string; memberName: string },
  cluster: { name: string },
  today: string,
): MailMessage {
  const closes = frenchDay(call.closesOn);
  const daysLeft = Math.round(
    (Date.parse(`${call.closesOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
  const subject =
    kind === "notice"
      ? `Appel à projets : ${call.title} (clôture le ${closes})`
      : `Rappel : l'appel à projets « ${call.title} » clôture le ${closes}`;
  const lead =
    kind === "notice"
      ? `${to.memberName} peut répondre à l'appel à projets « ${call.title} » de ${call.funderName}.`
      : `Il reste ${daysLeft <= 0 ? "moins d'un jour" : `${daysLeft} jour${daysLeft > 1 ? "s" : ""}`} pour répondre à l'appel à projets « ${call.title} » de ${call.funderName}.`;
  const details: [string, string][] = [["Financeur", call.funderName]];
  if (call.opensOn) details.push(["Ouverture", frenchDay(call.opensOn)]);
  details.push(["Clôture", closes]);
  if (call.topics.length) details.push(["Thèmes", call.topics.join(", ")]);
  if (call.url) details.push(["Lien", call.url]);
  const offer = `L'équipe de ${cluster.name} peut vous accompagner dans votre dossier : répondez simplement à ce message.`;
  const text = [
    `Bonjour${to.name ? ` ${to.name}` : ""},`,
    "",
    lead,
    "",
    ...details.map(([label, value]) => `${label} : ${value}`),
    ...(call.description?.trim() ? ["", call.description.trim()] : []),
    "",
    offer,
    "",
    "-- ",
    `${cluster.name} — message envoyé par Grappe (${mailSettings().publicUrl}).`,
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(call.title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f7f9;font-family:Arial,Helvetica,sans-serif;color:#1f2933;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p>Bonjour${to.name ? ` ${escapeHtml(to.name)}` : ""},</p>
<p>${escapeHtml(lead)}</p>
<table role="presentation" style="border-collapse:collapse;font-size:14px">
${details.map(([label, value]) => `<tr><td style="padding:4px 12px 4px 0;color:#52606d">${escapeHtml(label)}</td><td style="padding:4px 0">${escapeHtml(value)}</td></tr>`).join("\n")}
</table>
${call.description?.trim() ? `<p>${escapeHtml(call.description.trim()).replace(/\r?\n/g, "<br>")}</p>` : ""}
<p>${escapeHtml(offer)}</p>
<p style="color:#7b8794;font-size:12px;border-top:1px solid #e4e7eb;padding-top:12px;margin-top:24px">${escapeHtml(cluster.name)} — message envoyé par Grappe.</p>
</div>
</body></html>
`;
  return {
    kind: kind === "notice" ? "funding_call" : "funding_call_reminder",
    to: { address: to.email, name: to.name },
    subject,
    text,
    html,
    dedupeKey: `${kind === "notice" ? "funding-call" : "funding-call-reminder"}:${call.id}:${to.memberId}`,
    relatedId: call.id,
  };
}
