import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { companyNameKey, foldText } from "../../core/reference/text.js";
import { type Changes, diffFields } from "../../platform/audit/audit.service.js";
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
import {
  type ChangeEntry,
  type DuesInsert,
  type MemberInsert,
  type MemberUpdate,
  type PersonInsert,
  type StoredMember,
  storedMemberColumns,
  writeImport,
} from "./import.batch.js";
import type { MemberInput } from "./members.contract.js";
import { defaultVisibility, type MemberValues, prepareMemberValues, searchTextOf } from "./members.rules.js";
import { dues, importRuns, members, people, trades } from "./members.schema.js";
import { type MemberRow, tenant, tradeLabelsOf } from "./members.service.js";

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
 * The cluster as an import sees it while it goes through the file's rows: its members (as earlier rows left
 * them), their people and dues, read once; and everything the rows will write, with its history, to be sent in
 * batches by `writeImport`. The methods do in memory what `insertMember`, `applyMemberChange` and the
 * per-row contact and dues upserts do in the database.
 */
class ImportState {
  /** Each member as it is now, after the rows already gone through. */
  private readonly rows = new Map<string, StoredMember>();
  /** The member each SIREN and name key was last seen on, as it was then (as the row-by-row import kept them). */
  private readonly bySiren = new Map<string, StoredMember>();
  private readonly byName = new Map<string, StoredMember>();
  private readonly peopleOf = new Map<
    string,
    { firstName: string | null; lastName: string | null; email: string | null }[]
  >();
  private readonly duesOf = new Map<string, { amountCents: number; paidOn: string | null }>();
  private readonly blank: Record<string, null>;
  readonly created: MemberInsert[] = [];
  private readonly updated = new Map<string, MemberUpdate>();
  readonly people: PersonInsert[] = [];
  private readonly dues = new Map<string, DuesInsert>();
  readonly changes: ChangeEntry[] = [];
  private readonly sponsorLinks: { memberId: string; sponsorName: string }[] = [];

  constructor(
    private readonly ctx: ClusterContext,
    private readonly labels: Map<string, string>,
    existing: StoredMember[],
    personRows: { memberId: string; firstName: string | null; lastName: string | null; email: string | null }[],
    duesRows: { memberId: string; year: number; amountCents: number; paidOn: string | null }[],
  ) {
    for (const m of existing) this.rows.set(m.id, m);
    for (const m of existing) if (m.siren) this.bySiren.set(m.siren, m);
    for (const m of existing) this.byName.set(m.nameKey, m);
    for (const p of personRows) this.peopleOf.set(p.memberId, [...(this.peopleOf.get(p.memberId) ?? []), p]);
    for (const d of duesRows) this.duesOf.set(`${d.memberId} ${d.year}`, d);
    this.blank = Object.fromEntries(Object.keys(storedMemberColumns).map((key) => [key, null]));
  }

  bySirenOf(siren: string) {
    return this.bySiren.get(siren);
  }

  byNameOf(nameKey: string) {
    return this.byName.get(nameKey);
  }

  /** Makes the member findable by its SIREN and name by the next rows and the sponsor links. */
  remember(member: StoredMember) {
    this.bySiren.set(member.siren ?? "", member);
    this.byName.set(member.nameKey, member);
  }

  private log(entityType: string, entityId: string, action: string, changes: Changes) {
    const { clusterId, actor } = this.ctx;
    this.changes.push({
      clusterId,
      entityType,
      entityId,
      action,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      changes,
    });
  }

  /** As `insertMember`: the defaults, the search text and a "create" history entry. */
  create(values: MemberValues): StoredMember {
    const row = {
      kind: "company" as const,
      status: "member" as const,
      tradeCodes: [],
      certifications: [],
      equipment: [],
      visibility: defaultVisibility,
      ...values,
      legalName: values.legalName!,
      nameKey: values.nameKey!,
      clusterId: this.ctx.clusterId,
    };
    const insert: MemberInsert = {
      ...row,
      id: randomUUID(),
      searchText: searchTextOf({ description: null, tradeName: null, town: null, ...row }, this.labels),
    };
    this.created.push(insert);
    this.log("member", insert.id!, "create", diffFields(null, values as Record<string, unknown>));
    const now = new Date();
    const created = { ...this.blank, ...insert, version: 1, createdAt: now, updatedAt: now } as StoredMember;
    this.rows.set(created.id, created);
    return created;
  }

  /**
   * As `applyMemberChange`: null when the row changes nothing in the member it matched, else the new state and an
   * "update" history entry. A row may match a member by a name or SIREN that an earlier row of the file changed
   * (the member as it was then): its values then go over the member as that earlier row left it.
   */
  update(matched: StoredMember, values: MemberValues): StoredMember | null {
    const diff = (row: StoredMember) =>
      diffFields(row as unknown as Record<string, unknown>, values as Record<string, unknown>);
    const matchedChanges = diff(matched);
    if (!Object.keys(matchedChanges).length) return null;
    const before = this.rows.get(matched.id) ?? matched;
    const changes = before === matched ? matchedChanges : diff(before);
    if (!Object.keys(changes).length) return null;
    const merged = { ...before, ...values } as StoredMember;
    const after: StoredMember = {
      ...merged,
      searchText: searchTextOf(merged, this.labels),
      version: before.version + 1,
      updatedAt: new Date(),
    };
    const pending = this.updated.get(before.id) ?? { row: after, readVersion: before.version, keys: new Set() };
    for (const [key, value] of Object.entries(values)) if (value !== undefined) pending.keys.add(key);
    for (const key of ["searchText", "version", "updatedAt"]) pending.keys.add(key);
    pending.row = after;
    this.updated.set(before.id, pending);
    this.rows.set(before.id, after);
    this.log("member", before.id, "update", changes);
    return after;
  }

  /** Adds the contact unless the member already has this person (same e-mail, or same name). */
  contact(memberId: string, contact: NonNullable<RowPlan["contact"]>) {
    const current = this.peopleOf.get(memberId) ?? [];
    const same = current.find(
      (p) =>
        (contact.email && p.email === contact.email) ||
        foldText(`${p.firstName ?? ""} ${p.lastName ?? ""}`) ===
          foldText(`${contact.firstName ?? ""} ${contact.lastName ?? ""}`),
    );
    if (same) return;
    const id = randomUUID();
    this.people.push({
      ...contact,
      id,
      clusterId: this.ctx.clusterId,
      memberId,
      listed: false,
      isMainContact: current.length === 0,
    });
    this.peopleOf.set(memberId, [...current, contact]);
    this.log("person", id, "create", { lastName: [null, contact.lastName] });
  }

  /** Sets the year's dues unless they are already so. */
  duesFor(memberId: string, row: NonNullable<RowPlan["dues"]>) {
    const key = `${memberId} ${row.year}`;
    const before = this.duesOf.get(key);
    if (before && before.amountCents === row.amountCents && before.paidOn === row.paidOn) return;
    this.duesOf.set(key, row);
    this.dues.set(key, { ...row, clusterId: this.ctx.clusterId, memberId });
    this.log("dues", memberId, before ? "update" : "create", {
      [`dues ${row.year}`]: [
        before ? { amountCents: before.amountCents, paidOn: before.paidOn } : null,
        { amountCents: row.amountCents, paidOn: row.paidOn },
      ],
    });
  }

  sponsor(memberId: string, sponsorName: string) {
    this.sponsorLinks.push({ memberId, sponsorName });
  }

  /** Everything to write; sponsors are found by name once every row is known, as the file may name them later. */
  writes() {
    const sponsors = new Map<string, string>();
    for (const link of this.sponsorLinks) {
      const sponsorId = this.byName.get(companyNameKey(link.sponsorName))?.id;
      if (sponsorId && sponsorId !== link.memberId) sponsors.set(link.memberId, sponsorId);
    }
    return {
      created: this.created,
      updated: [...this.updated.values()],
      people: this.people,
      dues: [...this.dues.values()],
      changes: this.changes,
      sponsors,
    };
  }
}

/**
 * Imports every row it can and reports every other one with its reasons, in
 * one transaction. A row matches an existing member by SIREN, or by its
 * normalised name when either side lacks a SIREN; with `update` it refreshes
 * that member (so the same file imported twice creates nothing new), with
 * `reject` it is reported as a duplicate.
 *
 * The rows are checked and matched one after the other in memory, against the cluster read once; then the
 * members, their people, dues, sponsors and history entries are written in a few batched statements.
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
    const state = new ImportState(
      ctx,
      labels,
      await tx.select(storedMemberColumns).from(members).where(eq(members.clusterId, ctx.clusterId)),
      await tx
        .select({
          memberId: people.memberId,
          firstName: people.firstName,
          lastName: people.lastName,
          email: people.email,
        })
        .from(people)
        .where(eq(people.clusterId, ctx.clusterId)),
      await tx
        .select({ memberId: dues.memberId, year: dues.year, amountCents: dues.amountCents, paidOn: dues.paidOn })
        .from(dues)
        .where(eq(dues.clusterId, ctx.clusterId)),
    );
    const seenInFile = new Map<string, number>();
    const rejected: RejectedRow[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0 };

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
      const sirenMatch = values.siren ? state.bySirenOf(values.siren) : undefined;
      const nameMatch = state.byNameOf(values.nameKey!);
      let target: StoredMember | undefined = sirenMatch;
      if (!target && nameMatch) {
        if (nameMatch.siren && values.siren && nameMatch.siren !== values.siren) {
          reject([
            `Homonyme de « ${nameMatch.legalName} » déjà présent avec un autre SIREN (${nameMatch.siren}) : vérifiez le SIREN`,
          ]);
          continue;
        }
        target = nameMatch;
      }
      let member: StoredMember;
      if (target) {
        if (onExisting === "reject") {
          reject([`Déjà présent : « ${target.legalName} » (même ${sirenMatch ? "SIREN" : "raison sociale"})`]);
          continue;
        }
        // Re-derive against the existing row so that unchanged commune, size class etc. compare equal
        // (prepareMemberValues never reads the tsvector, which the import does not load).
        const again = prepareMemberValues(plan.input, target as MemberRow, known);
        const updated = state.update(target, again.values);
        member = updated ?? target;
        counts[updated ? "updated" : "unchanged"]++;
      } else {
        member = state.create(values);
        counts.created++;
      }
      state.remember(member);
      if (plan.sponsorName) state.sponsor(member.id, plan.sponsorName);
      if (plan.contact) state.contact(member.id, plan.contact);
      if (plan.dues) state.duesFor(member.id, plan.dues);
    }

    await writeImport(tx, ctx.clusterId, state.writes());

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
