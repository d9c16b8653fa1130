import { randomBytes } from "node:crypto";
import { inflateRawSync } from "node:zlib";
import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenant } from "../../db/tenant.js";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { registrations } from "../events/events.schema.js";
import { workingGroupMembers, workingGroups } from "../groups/groups.schema.js";

/**
 * Checked on a real year: Mécaloire's 2023 as Saint-Étienne Métropole's deliberation n°2024.00343 states it
 * (shared/seeds/001): 3 breakfasts and company visits on innovation aid, 8 members supported on funding
 * calls with the CIMES pole, 2 members on carbon assessments, 20 members in CSR diagnostics with FACE Loire,
 * 4 HR breakfasts and events with 5 + 5 members oriented, 23 members on the Qantis group-purchasing platform,
 * a monthly newsletter, 6 workstreams each with its working group. Recorded through the API in a fresh
 * cluster; only what the API cannot backdate is written to the tables: attendance at past dates (the API
 * closes registration once a date has begun) and the working groups' start in 2023 (the API stamps today).
 */

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
const base = () => `/api/clusters/${cluster.slug}`;
const YEAR = 2023;
const companies: { id: string; personId: string; email: string }[] = [];
const occurrencesOf: Record<string, { id: string; eventId: string }[]> = {};
let funderId: string;
let programmeIds: Record<string, string>;

async function api(method: string, path: string, json?: unknown, expected = [200, 201, 204]) {
  const res = await t.request(method, `${base()}${path}`, { cookie: cluster.staff, json });
  const body = res.status === 204 ? null : await res.json();
  if (!expected.includes(res.status)) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** An event held in 2023 through the API, and who came (checked in) written to the seats table. */
async function held(key: string, json: Record<string, unknown>, present: number[]) {
  const event = await api("POST", "/events", {
    durationMinutes: 120,
    audience: "members",
    communeInsee: "42218",
    ...json,
  });
  occurrencesOf[key] = event.occurrences.map((o: { id: string }) => ({ id: o.id, eventId: event.id }));
  const occurrence = occurrencesOf[key][0];
  await withTenant(t.database.db, cluster.id, (tx) =>
    tx.insert(registrations).values(
      present.map((i) => ({
        clusterId: cluster.id,
        occurrenceId: occurrence.id,
        eventId: occurrence.eventId,
        memberId: companies[i].id,
        personId: companies[i].personId,
        name: `Dirigeant ${i}`,
        email: companies[i].email,
        status: "confirmed" as const,
        checkedInAt: new Date(`${(json.startsAt as string).slice(0, 10)}T09:00:00Z`),
        token: randomBytes(24).toString("base64url"),
      })),
    ),
  );
}
/** The entries of a ZIP file by name, read from its central directory (what Word reads first). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("not a zip: no end of central directory");
  const entries = new Map<string, Buffer>();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory");
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + skip;
  }
  return entries;
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  // 30 member records: 27 members since before 2023, one leaving in September 2023, two joining in 2023.
  for (const i of range(0, 30)) {
    const joinedOn = i < 28 ? `${2010 + (i % 12)}-03-15` : `${YEAR}-0${i - 24}-01`;
    const member = await api("POST", "/members", {
      legalName: `Mécanique ${String(i).padStart(2, "0")}`,
      headcount: i < 6 ? 8 : i < 27 ? 45 : 300,
      nafCode: "25.62A",
      communeInsee: "42218",
      joinedOn,
      ...(i === 27 ? { status: "former", leftOn: `${YEAR}-09-30` } : {}),
    });
    const email = `dirigeant${i}@meca.test`;
    const person = await api("POST", `/members/${member.id}/people`, {
      firstName: "Dirigeant",
      lastName: `${i}`,
      email,
    });
    companies.push({ id: member.id, personId: person.id, email });
    await api("PUT", `/members/${member.id}/dues/${YEAR}`, { amountCents: 60_000, paidOn: `${YEAR}-03-31` });
  }
  const { programmes } = await api("GET", "/programmes");
  programmeIds = Object.fromEntries(programmes.map((p: { code: string; id: string }) => [p.code, p.id]));

  // Innovation, industry of the future: 3 breakfasts and company visits presenting innovation aid.
  await held(
    "innov1",
    { kind: "breakfast", title: "Petit déjeuner innovation : les aides de la Région", startsAt: `${YEAR}-02-02T08:00` },
    range(0, 12),
  );
  await held(
    "innov2",
    {
      kind: "company_visit",
      title: "Visite d'entreprise innovation chez Mécanique 03",
      startsAt: `${YEAR}-05-11T14:00`,
    },
    range(2, 14),
  );
  await held(
    "innov3",
    {
      kind: "breakfast",
      title: "Petit déjeuner innovation : appels à projets nationaux",
      startsAt: `${YEAR}-10-05T08:00`,
    },
    range(5, 15),
  );
  // HR and employer brand: 4 breakfasts and events.
  await held(
    "rh1",
    {
      kind: "breakfast",
      title: "Ressources humaines : la nouvelle convention de la métallurgie",
      startsAt: `${YEAR}-03-02T08:00`,
    },
    range(0, 9),
  );
  await held(
    "rh2",
    { kind: "breakfast", title: "Ressources humaines : le dispositif capital humain", startsAt: `${YEAR}-06-01T08:00` },
    range(3, 11),
  );
  await held(
    "rh3",
    { kind: "thematic_lunch", title: "Ressources humaines : marque employeur", startsAt: `${YEAR}-09-14T12:00` },
    range(8, 16),
  );
  await held(
    "rh4",
    {
      kind: "training",
      title: "Ressources humaines : atelier intégration d'un salarié avec la Cité du Design",
      startsAt: `${YEAR}-11-16T09:00`,
    },
    range(10, 17),
  );
  // A date cancelled is not held.
  await api("POST", "/events", {
    kind: "breakfast",
    title: "Petit déjeuner annulé",
    startsAt: `${YEAR}-12-07T08:00`,
    durationMinutes: 90,
    communeInsee: "42218",
  }).then((e) => api("POST", `/occurrences/${e.occurrences[0].id}/cancel`, { reason: "Neige" }));

  // The six workstreams of the 31 January 2023 seminar, each with its working group and a meeting.
  const workstreams = [
    "communication",
    "governance",
    "network_animation",
    "production_france",
    "training",
    "business_development",
  ];
  const groupIds: string[] = [];
  for (const [i, workstream] of workstreams.entries()) {
    const group = await api("POST", "/groups", {
      name: `Chantier ${workstream}`,
      theme: `Chantier ${i + 1} du séminaire stratégique`,
      workstream,
      memberIds: range(i * 4, i * 4 + 4).map((k) => companies[k].id),
    });
    groupIds.push(group.id);
    await held(
      `group${i}`,
      {
        kind: "working_group_meeting",
        title: `Réunion du chantier ${workstream}`,
        startsAt: `${YEAR}-0${i + 3}-20T17:00`,
        workingGroupId: group.id,
      },
      range(i * 4, i * 4 + 3),
    );
  }
  const started = new Date(`${YEAR}-02-01T09:00:00Z`);
  await withTenant(t.database.db, cluster.id, async (tx) => {
    await tx
      .update(workingGroups)
      .set({ createdAt: started, updatedAt: started })
      .where(inArray(workingGroups.id, groupIds));
    await tx
      .update(workingGroupMembers)
      .set({ createdAt: started, joinedAt: started })
      .where(inArray(workingGroupMembers.groupId, groupIds));
  });

  // Programmes: 20 CSR diagnostics with FACE Loire, 2 carbon assessments, 23 members on Qantis, 5 + 5 oriented in HR.
  const enrol = (code: string, i: number, on: string, extra: Record<string, unknown> = {}) =>
    api("POST", `/programmes/${programmeIds[code]}/enrolments`, {
      memberId: companies[i].id,
      enrolledOn: on,
      ...extra,
    });
  for (const i of range(0, 20))
    await enrol("csr_diagnostic", i, `${YEAR}-0${1 + (i % 9)}-10`, { status: "in_progress" });
  for (const i of [4, 9])
    await enrol("carbon_assessment", i, `${YEAR}-04-03`, { status: "completed", endedOn: `${YEAR}-10-03` });
  for (const i of range(3, 26))
    await enrol("group_purchasing", i, i < 20 ? "2021-06-01" : `${YEAR}-02-01`, { partnerBody: "Qantis" });
  for (const i of range(0, 5))
    await enrol("hr_employer_brand", i, `${YEAR}-03-02`, {
      partnerBody: "Perspectives Conseil",
      status: "completed",
      endedOn: `${YEAR}-06-30`,
    });
  for (const i of range(10, 15))
    await enrol("hr_employer_brand", i, `${YEAR}-06-01`, { partnerBody: "Dispositif capital humain" });
  // Enrolled before the year and ended before it: not counted in 2023.
  await enrol("cybersecurity_diagnostic", 1, "2022-01-10", { status: "completed", endedOn: "2022-06-30" });

  // 8 members supported on regional, national and local calls with the CIMES pole.
  for (const i of range(0, 8)) {
    await api("POST", "/support-cases", {
      memberId: companies[i * 3].id,
      callLabel: i < 5 ? "AAP Région Industrie du futur" : "France 2030 — Industrie verte",
      openedOn: `${YEAR}-0${i + 1}-15`,
      status: i < 3 ? "granted" : "submitted",
      amountAskedCents: 4_000_000,
      amountObtainedCents: i < 3 ? 2_500_000 : null,
      partnerBody: "Pôle CIMES",
    });
  }
  // A newsletter each month.
  for (const m of range(1, 13)) {
    await api("POST", "/newsletters", {
      sentOn: `${YEAR}-${String(m).padStart(2, "0")}-05`,
      title: `Lettre Mécaloire n°${m}`,
      recipients: 180,
    });
  }
  // Staff visits and calls.
  for (const i of range(0, 15)) {
    await api("POST", `/members/${companies[i].id}/contacts`, {
      kind: i % 3 ? "call" : "visit",
      happenedAt: `${YEAR}-0${1 + (i % 9)}-2${i % 8}`,
      summary: "Point sur les besoins",
    });
  }

  // The metropolis' grant and the actions it funds, each with its target.
  funderId = (await api("POST", "/funders", { name: "Saint-Étienne Métropole", kind: "metropolis" })).id;
  await api("POST", "/grants", {
    funderId,
    title: "Animation de l'écosystème d'innovation — filière Manufacturing",
    amountCents: 2_000_000,
    periodStart: `${YEAR}-01-01`,
    periodEnd: `${YEAR}-12-31`,
    agreementRef: "Délibération n°2024.00343",
    budgetLine: "INUM/SUFLI/65748",
    actions: [
      {
        title: "Petits déjeuners et visites d'entreprises innovation",
        indicator: "events_held",
        filter: { eventKinds: ["breakfast", "company_visit"], titleContains: "innovation" },
        target: 3,
      },
      { title: "Accompagnements aux appels à projets", indicator: "support_cases", target: 8 },
      {
        title: "Bilans carbone",
        indicator: "programme_members",
        filter: { programmeId: programmeIds.carbon_assessment },
        target: 2,
      },
      {
        title: "Adhérents en démarche RSE",
        indicator: "programme_members",
        filter: { programmeId: programmeIds.csr_diagnostic },
        target: 20,
      },
      {
        title: "Petits déjeuners et événements RH",
        indicator: "events_held",
        filter: { titleContains: "ressources humaines" },
        target: 4,
      },
      {
        title: "Adhérents orientés en RH",
        indicator: "programme_members",
        filter: { programmeId: programmeIds.hr_employer_brand },
        target: 10,
      },
      {
        title: "Adhérents sur la plateforme d'achats groupés",
        indicator: "programme_members",
        filter: { programmeId: programmeIds.group_purchasing },
        target: 23,
      },
      { title: "Newsletter mensuelle", indicator: "newsletters", target: 12 },
      { title: "Groupes de travail des chantiers", indicator: "working_groups", target: 6 },
    ],
  });
  // Another funder's grant: in the funding mix, not in the metropolis' targets.
  const region = (await api("POST", "/funders", { name: "Région Auvergne-Rhône-Alpes", kind: "region" })).id;
  await api("POST", "/grants", {
    funderId: region,
    title: "Programme régional clusters",
    amountCents: 1_000_000,
    periodStart: `${YEAR}-07-01`,
    periodEnd: `${YEAR + 1}-06-30`,
    actions: [{ title: "Rendez-vous d'affaires", indicator: "business_meetings", target: 30 }],
  });
}, 240_000);
afterAll(async () => t?.close());

const reportOf = async (query = `year=${YEAR}&funderId=${funderId}`, cookie = cluster.staff) => {
  const res = await t.request("GET", `${base()}/reports/activity?${query}`, { cookie });
  expect(res.status).toBe(200);
  return res.json();
};
const programme = (report: { programmes: { code: string; members: number }[] }, code: string) =>
  report.programmes.find((p) => p.code === code);

describe(`activity report checked on a real year, on ${testDatabaseKind}`, () => {
  it("finds the counts the metropolis' deliberation states", async () => {
    const r = await reportOf();
    expect(r.funder).toMatchObject({ name: "Saint-Étienne Métropole", kind: "metropolis" });
    const innovation = r.targets.find((x: { title: string }) => x.title.startsWith("Petits déjeuners et visites"));
    expect(innovation).toMatchObject({ target: 3, actual: 3, met: true });
    expect(r.support).toMatchObject({ cases: 8, members: 8, granted: 3, amountObtainedCents: 7_500_000 });
    expect(r.support.calls).toEqual([
      { label: "AAP Région Industrie du futur", cases: 5 },
      { label: "France 2030 — Industrie verte", cases: 3 },
    ]);
    expect(programme(r, "csr_diagnostic")).toMatchObject({
      members: 20,
      newMembers: 20,
      partnerBodies: ["FACE Loire"],
    });
    expect(programme(r, "carbon_assessment")).toMatchObject({ members: 2, completed: 2 });
    expect(programme(r, "group_purchasing")).toMatchObject({ members: 23, newMembers: 6, partnerBodies: ["Qantis"] });
    expect(programme(r, "hr_employer_brand")).toMatchObject({ members: 10 });
    expect(programme(r, "cybersecurity_diagnostic")).toMatchObject({ members: 0 });
    expect(r.communication.newsletters).toBe(12);
    expect(r.groups.active).toBe(6);
    expect(r.groups.meetings).toBe(6);
    expect(r.groups.list.every((g: { members: number; meetings: number }) => g.members === 4 && g.meetings === 1)).toBe(
      true,
    );
    // Every funded action's actual is the year's recorded figure, and each target is met.
    expect(
      r.targets.map((x: { title: string; target: number; actual: number; met: boolean }) => [x.title, x.actual, x.met]),
    ).toEqual([
      ["Petits déjeuners et visites d'entreprises innovation", 3, true],
      ["Accompagnements aux appels à projets", 8, true],
      ["Bilans carbone", 2, true],
      ["Adhérents en démarche RSE", 20, true],
      ["Petits déjeuners et événements RH", 4, true],
      ["Adhérents orientés en RH", 10, true],
      ["Adhérents sur la plateforme d'achats groupés", 23, true],
      ["Newsletter mensuelle", 12, true],
      ["Groupes de travail des chantiers", 6, true],
    ]);
  });

  it("counts events held by kind with attendance, members with joins and leaves, contacts and funding", async () => {
    const r = await reportOf();
    // 3 innovation + 4 HR + 6 group meetings; the cancelled breakfast is not held.
    expect(r.events.held).toBe(13);
    const attendance = 12 + 12 + 10 + 9 + 8 + 8 + 7 + 6 * 3;
    expect(r.events.attendance).toBe(attendance);
    expect(r.events.byKind).toEqual([
      { kind: "working_group_meeting", held: 6, attendance: 18 },
      { kind: "breakfast", held: 4, attendance: 12 + 10 + 9 + 8 },
      { kind: "company_visit", held: 1, attendance: 12 },
      { kind: "thematic_lunch", held: 1, attendance: 8 },
      { kind: "training", held: 1, attendance: 7 },
    ]);
    expect(r.events.companies).toBe(22);
    expect(r.members).toMatchObject({ atStart: 28, joins: 2, leaves: 1, atEnd: 29 });
    expect(r.members.retention).toBeCloseTo(27 / 28, 6);
    expect(r.members.bySize).toEqual([
      { key: "sme", count: 21 },
      { key: "micro", count: 6 },
      { key: "midcap", count: 2 },
    ]);
    expect(r.contacts).toMatchObject({ direct: 15, membersReached: 15 });
    // Dues of 30 records × 600 € against 20 000 € + half of the region's 10 000 €.
    expect(r.funding.duesCents).toBe(30 * 60_000);
    // The region's grant runs July 2023 – June 2024: 184 of its 366 days fall in 2023.
    const regionIn2023 = Math.round((1_000_000 * 184) / 366);
    expect(r.funding.grantsCents).toBe(2_000_000 + regionIn2023);
    expect(r.funding.privateShare).toBeCloseTo(1_800_000 / (1_800_000 + 2_000_000 + regionIn2023), 6);
    // The region's target is not the metropolis' business; the general report lists both grants' targets.
    expect(r.targets).toHaveLength(9);
    const general = await reportOf(`year=${YEAR}`);
    expect(general.targets).toHaveLength(10);
    expect(general.targets.at(-1)).toMatchObject({ indicator: "business_meetings", actual: 0, met: false });
    const labels = Object.fromEntries(general.labels.map((l: { key: string; value: number }) => [l.key, l.value]));
    expect(labels.working_groups).toBe(6);
    expect(labels.retention).toBeCloseTo(27 / 28, 6);
    expect(labels.staff_contacts_per_member).toBeCloseTo(15 / 29, 6);
    expect(labels.sme_share).toBeCloseTo(27 / 29, 6);
  });

  it("keeps an edited narrative per section, year and funder, and lets the funder read only", async () => {
    const path = `${base()}/reports/activity/narratives/support?year=${YEAR}&funderId=${funderId}`;
    const res = await t.request("PUT", path, {
      cookie: cluster.staff,
      json: { body: "Huit entreprises accompagnées avec le pôle CIMES." },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).narrative.body).toBe("Huit entreprises accompagnées avec le pôle CIMES.");
    const again = await reportOf();
    expect(again.narratives.support).toMatchObject({ body: "Huit entreprises accompagnées avec le pôle CIMES." });
    expect(again.narratives.events).toBeNull();
    expect((await reportOf(`year=${YEAR}`)).narratives.support).toBeNull();
    // The funder reads the report of its cluster but writes nothing; a member sees no report.
    expect((await reportOf(`year=${YEAR}&funderId=${funderId}`, cluster.funder)).support.cases).toBe(8);
    expect((await t.request("PUT", path, { cookie: cluster.funder, json: { body: "x" } })).status).toBe(403);
    expect((await t.request("GET", `${base()}/reports/activity?year=${YEAR}`, { cookie: cluster.member })).status).toBe(
      403,
    );
    const bad = await t.request("GET", `${base()}/reports/activity?year=nineteen&funderId=nope`, {
      cookie: cluster.staff,
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()).error.fields as { field: string }[]).map((f) => f.field).sort()).toEqual([
      "funderId",
      "year",
    ]);
    const cleared = await t.request("PUT", path, { cookie: cluster.staff, json: { body: "  " } });
    expect((await cleared.json()).narrative).toBeNull();
  });

  it("exports a PDF with pages and a DOCX that is an Office document", async () => {
    await t.request("PUT", `${base()}/reports/activity/narratives/summary?year=${YEAR}&funderId=${funderId}`, {
      cookie: cluster.staff,
      json: { body: "Une année de structuration : six chantiers, une nouvelle identité." },
    });
    const pdf = await t.request("GET", `${base()}/reports/activity.pdf?year=${YEAR}&funderId=${funderId}`, {
      cookie: cluster.funder,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = bytes.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const docx = await t.request("GET", `${base()}/reports/activity.docx?year=${YEAR}&funderId=${funderId}`, {
      cookie: cluster.staff,
    });
    expect(docx.status).toBe(200);
    expect(docx.headers.get("content-disposition")).toContain(".docx");
    const zip = unzip(Buffer.from(await docx.arrayBuffer()));
    expect(zip.get("[Content_Types].xml")?.toString("utf8")).toContain("wordprocessingml.document.main+xml");
    const xml = zip.get("word/document.xml")?.toString("utf8");
    expect(xml).toContain("Une année de structuration");
    expect(xml).toContain("Adhérents sur la plateforme d");
  });

  it("gives the dashboard its series", async () => {
    const res = await t.request("GET", `${base()}/reports/dashboard?year=${YEAR}`, { cookie: cluster.funder });
    expect(res.status).toBe(200);
    const d = await res.json();
    expect(d.membersOverTime).toHaveLength(12);
    expect(d.membersOverTime[0]).toEqual({ month: `${YEAR}-01`, members: 28 });
    expect(d.membersOverTime.at(-1)).toEqual({ month: `${YEAR}-12`, members: 29 });
    expect(d.participationPerMonth.reduce((s: number, m: { held: number }) => s + m.held, 0)).toBe(13);
    expect(d.fundingMix.map((y: { year: number }) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023]);
    expect(d.fundingMix.at(-1)).toMatchObject({
      duesCents: 1_800_000,
      grantsCents: 2_000_000 + Math.round((1_000_000 * 184) / 366),
    });
    expect(d.targets).toHaveLength(10);
  });
});
