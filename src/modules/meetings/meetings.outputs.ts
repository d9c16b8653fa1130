import PDFDocument from "pdfkit";
import { sequenceOf, vcalendar, vevent } from "../events/calendar.js";
import { parisTimeText } from "../events/recurrence.js";
import type { PresentedMeeting } from "./meetings.presenter.js";
import type { AgendaData } from "./schedule.service.js";

type Locale = "fr" | "en";
const texts = {
  fr: {
    agenda: "Agenda",
    table: "Table",
    stand: "Stand",
    free: "Libre",
    away: "Absent",
    with: "Rendez-vous avec",
    draft: "Planning non publié — provisoire",
    none: "Aucun rendez-vous",
    plan: "Plan de tables",
    slot: "Créneau",
    place: "Place",
    meeting: "Rendez-vous",
    seeks: "Cherche",
    offers: "Propose",
    freeSeating: "Placement libre",
    page: "Page",
  },
  en: {
    agenda: "Agenda",
    table: "Table",
    stand: "Stand",
    free: "Free",
    away: "Away",
    with: "Meeting with",
    draft: "Schedule not published — provisional",
    none: "No meeting",
    plan: "Table plan",
    slot: "Slot",
    place: "Place",
    meeting: "Meeting",
    seeks: "Seeks",
    offers: "Offers",
    freeSeating: "Free seating",
    page: "Page",
  },
};

const dayFormat = (locale: Locale) =>
  new Intl.DateTimeFormat(locale === "fr" ? "fr-FR" : "en-GB", {
    timeZone: "Europe/Paris",
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });

export const placeLabel = (m: { table: number | null; stand: string | null }, locale: Locale = "fr") =>
  m.stand
    ? `${texts[locale].stand} ${m.stand}`
    : m.table !== null
      ? `${texts[locale].table} ${m.table}`
      : texts[locale].freeSeating;

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** One participant's day on A4: a line per slot, the other side's name, company and place. */
export function agendaPdf(data: AgendaData, locale: Locale = "fr"): Promise<Buffer> {
  const t = texts[locale];
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: `${t.agenda} — ${data.participant.name}` } });
  doc.font("Helvetica-Bold").fontSize(18).text(data.day.title);
  doc
    .font("Helvetica")
    .fontSize(11)
    .text(`${dayFormat(locale).format(new Date(data.day.startsAt))}${data.day.place ? ` — ${data.day.place}` : ""}`);
  doc.moveDown(0.5);
  doc.font("Helvetica-Bold").fontSize(13).text(`${t.agenda} : ${data.participant.name} — ${data.participant.company}`);
  if (data.participant.stand) doc.font("Helvetica").fontSize(11).text(`${t.stand} ${data.participant.stand}`);
  if (!data.published) doc.fillColor("#b00020").fontSize(11).text(t.draft).fillColor("black");
  doc.moveDown();
  for (const item of data.items) {
    const time = `${parisTimeText(new Date(item.startsAt))}–${parisTimeText(new Date(item.endsAt))}`;
    const y = doc.y;
    if (y > 760) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(11).text(time, 48, doc.y, { width: 90, continued: false });
    const top = doc.y - 13;
    const x = 140;
    if (item.meeting) {
      const other = item.meeting.with;
      doc.font("Helvetica-Bold").text(`${other.company} — ${other.name}`, x, top, { width: 300 });
      const details = [other.category?.label, other.contact?.email, other.contact?.phone].filter(Boolean).join(" · ");
      if (details) doc.font("Helvetica").fontSize(9).text(details, x, doc.y, { width: 300 });
      doc
        .font("Helvetica-Bold")
        .fontSize(11)
        .text(placeLabel(item.meeting, locale), 450, top, { width: 100, align: "right" });
    } else {
      const label = item.kind === "pause" ? (item.label ?? "") : item.kind === "away" ? t.away : t.free;
      doc.font("Helvetica-Oblique").fillColor("#666").text(label, x, top, { width: 300 }).fillColor("black");
    }
    doc.moveDown(0.6);
    doc.x = 48;
  }
  if (!data.items.some((i) => i.meeting)) doc.font("Helvetica").text(t.none);
  return toBuffer(doc);
}

/** The table plan: one page per slot, every place and who meets there, large enough to pin up. */
export function tablePlanPdf(
  plan: {
    day: {
      title: string;
      startsAt: string;
      slots: { slot: number; startsAt: string; endsAt: string; pause: string | null }[];
    };
    published: boolean;
    meetings: PresentedMeeting[];
  },
  locale: Locale = "fr",
): Promise<Buffer> {
  const t = texts[locale];
  const doc = new PDFDocument({ size: "A4", margin: 40, info: { Title: `${t.plan} — ${plan.day.title}` } });
  const slots = plan.day.slots.filter((s) => s.pause === null);
  slots.forEach((s, i) => {
    if (i > 0) doc.addPage();
    doc.font("Helvetica-Bold").fontSize(16).text(`${plan.day.title} — ${t.plan}`);
    doc
      .font("Helvetica")
      .fontSize(12)
      .text(
        `${dayFormat(locale).format(new Date(plan.day.startsAt))} · ${t.slot} ${parisTimeText(new Date(s.startsAt))}–${parisTimeText(new Date(s.endsAt))}`,
      );
    if (!plan.published) doc.fillColor("#b00020").text(t.draft).fillColor("black");
    doc.moveDown(0.5);
    const inSlot = plan.meetings
      .filter((m) => m.slot === s.slot)
      .sort((a, b) => (a.table ?? 1e9) - (b.table ?? 1e9) || (a.stand ?? "").localeCompare(b.stand ?? ""));
    if (!inSlot.length) doc.font("Helvetica-Oblique").text(t.none);
    for (const m of inSlot) {
      if (doc.y > 790) {
        doc.addPage();
      }
      const top = doc.y;
      doc.font("Helvetica-Bold").fontSize(11).text(placeLabel(m, locale), 40, top, { width: 90 });
      doc.font("Helvetica").text(`${m.a.company} (${m.a.name})`, 135, top, { width: 205 });
      doc.text(`${m.b.company} (${m.b.name})`, 345, top, { width: 210 });
      doc.moveDown(0.3);
      doc.x = 40;
    }
  });
  if (!slots.length) doc.text(t.none);
  return toBuffer(doc);
}

/** The agenda as iCalendar: one VEVENT per meeting, Europe/Paris times with the VTIMEZONE of the events module. */
export function agendaIcs(data: AgendaData, domain: string, now = new Date(), locale: Locale = "fr"): string {
  const t = texts[locale];
  const stamp = data.computedAt ?? now;
  return vcalendar(
    { name: `${data.day.title} — ${data.participant.name}`, method: "PUBLISH" },
    data.items
      .filter((i) => i.meeting)
      .map((i) => {
        const m = i.meeting!;
        return vevent({
          uid: `meeting-${m.id}@${domain}`,
          start: new Date(m.startsAt),
          end: new Date(m.endsAt),
          summary: `${t.meeting} : ${m.with.company} — ${m.with.name}`,
          description: [
            `${t.with} ${m.with.name} (${m.with.company})`,
            m.with.seeks ? `${t.seeks} : ${m.with.seeks}` : "",
            m.with.offers ? `${t.offers} : ${m.with.offers}` : "",
            m.with.contact?.email ?? "",
          ]
            .filter(Boolean)
            .join("\n"),
          location: [placeLabel(m, locale), data.day.place].filter(Boolean).join(" — "),
          status: data.published ? "CONFIRMED" : "TENTATIVE",
          sequence: sequenceOf(stamp),
          stamp: now,
          categories: data.day.title,
        });
      }),
  );
}
