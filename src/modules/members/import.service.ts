import { and, desc, eq } from "drizzle-orm";
import { companyNameKey, foldText } from "../../core/reference/text.js";
import type { Db } from "../../db/client.js";
import { recordChange } from "../../platform/audit/audit.service.js";
import type { ClusterContext } from "../../server/context.js";
import { invalid, notFound } from "../../server/errors.js";
import { type ColumnMapping, fieldLabels, type MemberImportField, suggestMapping } from "./import/columns.js";
import { writeCsv, writeXlsx } from "./import/export.js";
import { readSpreadsheet, type Spreadsheet } from "./import/spreadsheet.js";
import {
  type Parsed,
  parseEmail,
  parseFrenchDate,
  parseFrenchNumber,
  parseKind,
  parseList,
  parsePhone,
  parseStatus,
} from "./import/values.js";
import type { MemberInput } from "./members.contract.js";
import { prepareMemberValues } from "./members.rules.js";
import { dues, importRuns, members, people, trades } from "./members.schema.js";
import { applyMemberChange, insertMember, type MemberRow, tenant, tradeLabelsOf } from "./members.service.js";

export type Mapping = Record<number, ColumnMapping | null>;
export type OnExisting = "update" | "reject";

export interface RejectedRow {
  row: number;
  reasons: string[];
  values: Record<string, string>;
}

export async function readImportFile(buffer: Uint8Array, fileName: string): Promise<Spreadsheet> {
  try {
    return await readSpreadsheet(buffer, fileName);
  } catch (error) {
    throw invalid([{ field: "file", message: error instanceof Error ? error.message : String(error) }]);
  }
}

/** What the wizard shows before anything is written: the columns, the suggested mapping and a sample. */
export async function previewImport(buffer: Uint8Array, fileName: string) {
  const sheet = await readImportFile(buffer, fileName);
  const mapping = suggestMapping(sheet.headers);
  return {
    fileName,
    headers: sheet.headers,
    mapping: sheet.headers.map((header, index) => ({ index, header, ...(mapping[index] ?? { field: null }) })),
    sample: sheet.rows.slice(0, 8),
    rowCount: sheet.rows.length,
    encoding: sheet.encoding ?? null,
    delimiter: sheet.delimiter ?? null,
    sheetName: sheet.sheetName ?? null,
    fields: Object.entries(fieldLabels).map(([field, label]) => ({ field, label })),
  };
}

interface RowPlan {
  input: Partial<MemberInput>;
  contact: {
    firstName: string | null;
    lastName: string | null;
    jobTitle: string | null;
    email: string | null;
    phone: string | null;
  } | null;
  dues: { year: number; amountCents: number; paidOn: string | null } | null;
  sponsorName: string | null;
  reasons: string[];
}

/** Reads one spreadsheet row into member input through the mapping, collecting every problem of the row. */
function planRow(cells: string[], mapping: Mapping, tradeCodeByName: Map<string, string>, year: number): RowPlan {
  const plan: RowPlan = { input: {}, contact: null, dues: null, sponsorName: null, reasons: [] };
  const contact = { firstName: null, lastName: null, jobTitle: null, email: null, phone: null } as NonNullable<
    RowPlan["contact"]
  >;
  let duesAmount: number | null = null;
  let duesYear = year;
  let duesPaidOn: string | null = null;
  const take = <T>(field: MemberImportField, parsed: Parsed<T>, apply: (value: T) => void) => {
    if ("error" in parsed) plan.reasons.push(`${fieldLabels[field]} : ${parsed.error}`);
    else apply(parsed.value);
  };
  for (const [indexText, column] of Object.entries(mapping)) {
    if (!column) continue;
    const raw = (cells[Number(indexText)] ?? "").trim();
    if (!raw) continue;
    const f = column.field;
    switch (f) {
      case "legalName":
      case "tradeName":
      case "siren":
      case "siret":
      case "nafCode":
      case "addressLine":
      case "postcode":
      case "town":
      case "communeInsee":
      case "website":
      case "description":
      case "leaveReason":
        plan.input[f] = raw;
        break;
      case "email":
        take(f, parseEmail(raw), (v) => (plan.input.email = v));
        break;
      case "phone":
        take(f, parsePhone(raw), (v) => (plan.input.phone = v));
        break;
      case "headcount":
        take(f, parseFrenchNumber(raw), (v) => (plan.input.headcount = Math.round(v)));
        break;
      case "turnoverEur":
        take(f, parseFrenchNumber(raw), (v) => (plan.input.turnoverEur = Math.round(v * (column.multiplier ?? 1))));
        break;
      case "trades":
        take(f, parseList(raw), (names) => {
          const codes = names.map((n) => tradeCodeByName.get(foldText(n)));
          const unknown = names.filter((_, i) => !codes[i]);
          if (unknown.length) plan.reasons.push(`Métiers : inconnu(s) du référentiel : ${unknown.join(", ")}`);
          else plan.input.trades = codes as string[];
        });
        break;
      case "certifications":
        take(f, parseList(raw), (v) => (plan.input.certifications = v));
        break;
      case "equipment":
        take(f, parseList(raw), (v) => (plan.input.equipment = v));
        break;
      case "status":
        take(f, parseStatus(raw), (v) => (plan.input.status = v));
        break;
      case "kind":
        take(f, parseKind(raw), (v) => (plan.input.kind = v));
        break;
      case "joinedOn":
        take(f, parseFrenchDate(raw), (v) => (plan.input.joinedOn = v));
        break;
      case "leftOn":
        take(f, parseFrenchDate(raw), (v) => (plan.input.leftOn = v));
        break;
      case "duesAmount":
        take(f, parseFrenchNumber(raw), (v) => {
          duesAmount = v;
          if (column.year) duesYear = column.year;
        });
        break;
      case "duesPaidOn":
        take(f, parseFrenchDate(raw), (v) => (duesPaidOn = v));
        break;
      case "sponsorName":
        plan.sponsorName = raw;
        break;
      case "contactName": {
        const parts = raw.split(/\s+/);
        contact.firstName = parts.length > 1 ? parts.slice(0, -1).join(" ") : null;
        contact.lastName = parts.at(-1) ?? null;
        break;
      }
      case "contactFirstName":
        contact.firstName = raw;
        break;
      case "contactLastName":
        contact.lastName = raw;
        break;
      case "contactJobTitle":
        contact.jobTitle = raw;
        break;
      case "contactEmail":
        take(f, parseEmail(raw), (v) => (contact.email = v));
        break;
      case "contactPhone":
        take(f, parsePhone(raw), (v) => (contact.phone = v));
        break;
    }
  }
  if (!plan.input.legalName) plan.reasons.push("Raison sociale manquante");
  if (contact.firstName || contact.lastName || contact.email) plan.contact = contact;
  if (duesAmount !== null)
    plan.dues = { year: duesYear, amountCents: Math.round(duesAmount * 100), paidOn: duesPaidOn };
  return plan;
}

function checkMapping(mapping: Mapping, headers: string[]) {
  const seen = new Map<string, number>();
  for (const [index, column] of Object.entries(mapping)) {
    if (!column) continue;
    if (Number(index) >= headers.length)
      throw invalid([{ field: `mapping.${index}`, message: "Colonne inexistante dans le fichier" }]);
    const key = `${column.field}:${column.year ?? ""}`;
    if (seen.has(key)) {
      throw invalid([
        {
          field: `mapping.${index}`,
          message: `Le champ « ${fieldLabels[column.field]} » est déjà associé à la colonne « ${headers[seen.get(key)!]} »`,
        },
      ]);
    }
    seen.set(key, Number(index));
  }
  if (![...seen.keys()].some((k) => k.startsWith("legalName:"))) {
    throw invalid([{ field: "mapping", message: "Associez une colonne à la raison sociale" }]);
  }
}

/**
 * Imports every row it can and reports every other one with its reasons, in
 * one transaction. A row matches an existing member by SIREN, or by its
 * normalised name when either side lacks a SIREN; with `update` it refreshes
 * that member (so the same file imported twice creates nothing new), with
 * `reject` it is reported as a duplicate.
 */
export async function importMembers(
  ctx: ClusterContext,
  input: { buffer: Uint8Array; fileName: string; mapping?: Mapping; onExisting?: OnExisting; year?: number },
) {
  const sheet = await readImportFile(input.buffer, input.fileName);
  const mapping = input.mapping ?? suggestMapping(sheet.headers);
  checkMapping(mapping, sheet.headers);
  const onExisting = input.onExisting ?? "update";
  const year = input.year ?? new Date().getFullYear();
  return tenant(ctx, async (tx) => {
    const labels = await tradeLabelsOf(tx, ctx.clusterId);
    const tradeRows = await tx.select().from(trades).where(eq(trades.clusterId, ctx.clusterId));
    const tradeCodeByName = new Map<string, string>();
    for (const t of tradeRows)
      for (const name of [t.code, t.labelFr, t.labelEn]) tradeCodeByName.set(foldText(name), t.code);
    const known = new Set(labels.keys());
    const existing = await tx.select().from(members).where(eq(members.clusterId, ctx.clusterId));
    const bySiren = new Map(existing.filter((m) => m.siren).map((m) => [m.siren!, m]));
    const byName = new Map(existing.map((m) => [m.nameKey, m]));
    const seenInFile = new Map<string, number>();
    const rejected: RejectedRow[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const sponsorLinks: { memberId: string; sponsorName: string; row: number }[] = [];

    for (const [i, cells] of sheet.rows.entries()) {
      const rowNumber = sheet.rowNumbers[i] ?? i + 2;
      const reject = (reasons: string[]) =>
        rejected.push({
          row: rowNumber,
          reasons,
          values: Object.fromEntries(sheet.headers.map((h, j) => [h || `Colonne ${j + 1}`, cells[j] ?? ""])),
        });
      if (cells.every((c) => !c?.trim())) continue;
      const plan = planRow(cells, mapping, tradeCodeByName, year);
      const { values, errors } = prepareMemberValues(plan.input, null, known);
      const reasons = [...plan.reasons, ...errors.map((e) => e.message)];
      if (reasons.length) {
        reject(reasons);
        continue;
      }
      const fileKeys = [values.siren && `siren:${values.siren}`, `name:${values.nameKey}`].filter(Boolean) as string[];
      const earlier = fileKeys.map((k) => seenInFile.get(k)).find((n) => n !== undefined);
      if (earlier !== undefined) {
        reject([
          `Doublon de la ligne ${earlier} du fichier (même ${values.siren && seenInFile.get(`siren:${values.siren}`) ? "SIREN" : "raison sociale"})`,
        ]);
        continue;
      }
      for (const k of fileKeys) seenInFile.set(k, rowNumber);
      const sirenMatch = values.siren ? bySiren.get(values.siren) : undefined;
      const nameMatch = byName.get(values.nameKey!);
      let target: MemberRow | undefined = sirenMatch;
      if (!target && nameMatch) {
        if (nameMatch.siren && values.siren && nameMatch.siren !== values.siren) {
          reject([
            `Homonyme de « ${nameMatch.legalName} » déjà présent avec un autre SIREN (${nameMatch.siren}) : vérifiez le SIREN`,
          ]);
          continue;
        }
        target = nameMatch;
      }
      let member: MemberRow;
      if (target) {
        if (onExisting === "reject") {
          reject([`Déjà présent : « ${target.legalName} » (même ${sirenMatch ? "SIREN" : "raison sociale"})`]);
          continue;
        }
        // Re-derive against the existing row so that unchanged commune, size class etc. compare equal.
        const again = prepareMemberValues(plan.input, target, known);
        const updated = await applyMemberChange(tx, ctx, target, again.values, labels);
        member = updated ?? target;
        counts[updated ? "updated" : "unchanged"]++;
      } else {
        member = await insertMember(tx, ctx, values, labels);
        counts.created++;
      }
      bySiren.set(member.siren ?? "", member);
      byName.set(member.nameKey, member);
      if (plan.sponsorName) sponsorLinks.push({ memberId: member.id, sponsorName: plan.sponsorName, row: rowNumber });
      if (plan.contact) await upsertContact(tx, ctx, member.id, plan.contact);
      if (plan.dues) await upsertDues(tx, ctx, member.id, plan.dues);
    }

    for (const link of sponsorLinks) {
      const sponsor = byName.get(companyNameKey(link.sponsorName));
      if (sponsor && sponsor.id !== link.memberId) {
        await tx.update(members).set({ sponsorId: sponsor.id }).where(eq(members.id, link.memberId));
      }
    }

    const [run] = await tx
      .insert(importRuns)
      .values({
        clusterId: ctx.clusterId,
        fileName: input.fileName,
        actorLabel: ctx.actor.label,
        ...counts,
        rejected,
        headers: sheet.headers,
      })
      .returning({ id: importRuns.id });
    return { runId: run.id, total: sheet.rows.length, ...counts, rejected };
  });
}

async function upsertContact(tx: Db, ctx: ClusterContext, memberId: string, contact: NonNullable<RowPlan["contact"]>) {
  const current = await tx
    .select()
    .from(people)
    .where(and(eq(people.clusterId, ctx.clusterId), eq(people.memberId, memberId)));
  const same = current.find(
    (p) =>
      (contact.email && p.email === contact.email) ||
      foldText(`${p.firstName ?? ""} ${p.lastName ?? ""}`) ===
        foldText(`${contact.firstName ?? ""} ${contact.lastName ?? ""}`),
  );
  if (same) return;
  const [person] = await tx
    .insert(people)
    .values({ ...contact, clusterId: ctx.clusterId, memberId, listed: false, isMainContact: current.length === 0 })
    .returning({ id: people.id });
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "person",
    entityId: person.id,
    action: "create",
    changes: { lastName: [null, contact.lastName] },
  });
}

async function upsertDues(tx: Db, ctx: ClusterContext, memberId: string, row: NonNullable<RowPlan["dues"]>) {
  const [before] = await tx
    .select()
    .from(dues)
    .where(and(eq(dues.memberId, memberId), eq(dues.year, row.year)));
  if (before && before.amountCents === row.amountCents && before.paidOn === row.paidOn) return;
  await tx
    .insert(dues)
    .values({ ...row, clusterId: ctx.clusterId, memberId })
    .onConflictDoUpdate({
      target: [dues.memberId, dues.year],
      set: { amountCents: row.amountCents, paidOn: row.paidOn },
    });
  await recordChange(tx, ctx.clusterId, ctx.actor, {
    entityType: "dues",
    entityId: memberId,
    action: before ? "update" : "create",
    changes: {
      [`dues ${row.year}`]: [
        before ? { amountCents: before.amountCents, paidOn: before.paidOn } : null,
        { amountCents: row.amountCents, paidOn: row.paidOn },
      ],
    },
  });
}

export async function listImportRuns(ctx: ClusterContext) {
  return tenant(ctx, async (tx) => {
    const runs = await tx
      .select()
      .from(importRuns)
      .where(eq(importRuns.clusterId, ctx.clusterId))
      .orderBy(desc(importRuns.at))
      .limit(50);
    return runs.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected.length,
    }));
  });
}

/** The rejected rows as a file in the original columns plus the reasons, to fix and import again. */
export async function rejectedRowsFile(ctx: ClusterContext, runId: string, format: "csv" | "xlsx") {
  const run = await tenant(ctx, async (tx) => {
    const [found] = await tx
      .select()
      .from(importRuns)
      .where(and(eq(importRuns.clusterId, ctx.clusterId), eq(importRuns.id, runId)));
    return found;
  });
  if (!run) throw notFound("Import");
  const headers = run.headers.map((h, j) => h || `Colonne ${j + 1}`);
  const rows = run.rejected.map((r) => [
    ...headers.map((h) => r.values[h] ?? ""),
    `Ligne ${r.row} : ${r.reasons.join(" ; ")}`,
  ]);
  const allHeaders = [...headers, "Motif du rejet"];
  const base = run.fileName.replace(/\.[^.]+$/, "");
  return format === "csv"
    ? { body: writeCsv(allHeaders, rows), fileName: `${base}-rejets.csv`, type: "text/csv; charset=utf-8" }
    : {
        body: await writeXlsx("Rejets", allHeaders, rows),
        fileName: `${base}-rejets.xlsx`,
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      };
}
