import { randomBytes } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import { registrations } from "../../modules/events/events.schema.js";
import { createEvent } from "../../modules/events/events.service.js";
import { createCall } from "../../modules/funding/calls.service.js";
import type { IndicatorFilter } from "../../modules/funding/funding.schema.js";
import { createFunder, createGrant } from "../../modules/funding/funding.service.js";
import { people } from "../../modules/members/members.schema.js";
import { createSupportCase, enrol, listProgrammes } from "../../modules/programmes/programmes.service.js";
import { createNewsletter } from "../../modules/reports/reports.service.js";
import type { Actor } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import type { Db } from "../client.js";
import { withTenant } from "../tenant.js";
import { type DemoCluster, Rng } from "./demo-data.js";

/**
 * The demo cluster's last complete calendar year, so that its activity report for the metropolis is real at
 * once: enrolments in the standard programmes, members supported on funding calls, a monthly newsletter,
 * Saint-Étienne Métropole's grant with its targets (as in seed 001) and a regional one; and, for the months of
 * that year before the demo's rolling year of events (demo-activity.ts starts 11 months before `now`), the
 * breakfasts, visits and HR events a year holds, with who came. Through the modules' services; attendance at
 * past dates is written to the seats table, as demo-activity.ts does. This year's open funding calls too.
 */

export interface DemoFundingInput {
  clusterId: string;
  demo: DemoCluster;
  memberIds: Map<string, string>;
  staff: Actor;
}

const pad = (n: number) => String(n).padStart(2, "0");
const day = (year: number, month: number, d: number) => `${year}-${pad(month)}-${pad(d)}`;
/** The first Thursday of a month, as its day of the month. */
const firstThursday = (year: number, month: number) => {
  const weekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  return 1 + ((4 - weekday + 7) % 7);
};

const PAST_EVENTS: {
  month: number;
  day?: number;
  kind: "breakfast" | "company_visit" | "thematic_lunch" | "training";
  title: string;
  time: string;
}[] = [
  {
    month: 2,
    kind: "breakfast",
    title: "Petit déjeuner innovation : les aides régionales à l'industrie du futur",
    time: "08:00",
  },
  {
    month: 3,
    kind: "breakfast",
    title: "Petit déjeuner RH : la convention collective de la métallurgie",
    time: "08:00",
  },
  {
    month: 4,
    day: 17,
    kind: "company_visit",
    title: "Visite d'entreprise innovation : cellule robotisée chez un adhérent",
    time: "14:00",
  },
  { month: 5, kind: "breakfast", title: "Petit déjeuner RSE : lancer son diagnostic avec FACE Loire", time: "08:00" },
  { month: 6, kind: "breakfast", title: "Petit déjeuner RH : le dispositif régional capital humain", time: "08:00" },
  {
    month: 6,
    day: 19,
    kind: "thematic_lunch",
    title: "Déjeuner thématique : l'énergie et la décarbonation",
    time: "12:00",
  },
  {
    month: 9,
    kind: "breakfast",
    title: "Petit déjeuner innovation : France 2030 et les appels à projets",
    time: "08:00",
  },
  { month: 10, day: 9, kind: "training", title: "Atelier RH marque employeur avec la Cité du Design", time: "09:00" },
  { month: 10, kind: "breakfast", title: "Petit déjeuner achats groupés : un an sur la plateforme", time: "08:00" },
  {
    month: 11,
    day: 20,
    kind: "company_visit",
    title: "Visite d'entreprise innovation : fabrication additive métal",
    time: "14:00",
  },
  { month: 12, kind: "breakfast", title: "Petit déjeuner RH : intégrer un salarié", time: "08:00" },
];

export async function loadDemoFunding(db: Db, input: DemoFundingInput, now = new Date()) {
  const rng = new Rng(2025);
  const ctx: ClusterContext = { db, clusterId: input.clusterId, actor: input.staff };
  const year = now.getUTCFullYear() - 1;
  // The demo's rolling year of events starts on the first of the month 11 months back.
  const windowStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1)).toISOString().slice(0, 10);
  const current = input.demo.members.filter(
    (m) =>
      m.status !== "prospect" &&
      m.joinedOn &&
      m.joinedOn <= `${year}-12-31` &&
      (!m.leftOn || m.leftOn > `${year}-06-30`),
  );
  const companies = current.filter((m) => m.kind === "company");
  const id = (key: string) => input.memberIds.get(key)!;
  const draw = <T>(list: T[], n: number) =>
    list
      .map((item) => ({ item, r: rng.next() }))
      .sort((a, b) => a.r - b.r)
      .slice(0, n)
      .map((x) => x.item);

  // Events of the past year the rolling demo year does not already hold, with who came.
  const contacts = await withTenant(db, input.clusterId, (tx) =>
    tx
      .select({
        id: people.id,
        memberId: people.memberId,
        email: people.email,
        firstName: people.firstName,
        lastName: people.lastName,
      })
      .from(people)
      .where(and(eq(people.clusterId, input.clusterId), isNotNull(people.email), eq(people.isMainContact, true))),
  );
  const contactOf = new Map(contacts.map((p) => [p.memberId, p]));
  for (const e of PAST_EVENTS) {
    const date = day(year, e.month, e.day ?? firstThursday(year, e.month));
    if (date >= windowStart) continue;
    const event = await createEvent(ctx, {
      kind: e.kind,
      title: e.title,
      startsAt: `${date}T${e.time}`,
      durationMinutes: e.kind === "company_visit" ? 150 : 120,
      communeInsee: "42218",
      audience: "members",
    } as Parameters<typeof createEvent>[1]);
    const occurrence = event.occurrences[0];
    const came = draw(
      companies.filter((m) => contactOf.has(id(m.key))),
      rng.int(8, 18),
    );
    if (!came.length) continue;
    await withTenant(db, input.clusterId, (tx) =>
      tx.insert(registrations).values(
        came.map((m) => {
          const p = contactOf.get(id(m.key))!;
          return {
            clusterId: input.clusterId,
            occurrenceId: occurrence.id,
            eventId: event.id,
            memberId: p.memberId,
            personId: p.id,
            name: [p.firstName, p.lastName].filter(Boolean).join(" ") || "Adhérent",
            email: p.email!.toLowerCase(),
            status: "confirmed" as const,
            registeredAt: new Date(Date.parse(`${date}T08:00:00Z`) - 10 * 86_400_000),
            checkedInAt: new Date(`${date}T${e.time}:00Z`),
            token: randomBytes(24).toString("base64url"),
          };
        }),
      ),
    );
  }

  // Programmes: 20 CSR diagnostics, 2 carbon assessments, 23 members on the group-purchasing platform,
  // 10 oriented on HR, 4 cybersecurity diagnostics, 3 strategic audits.
  const programmes = new Map((await listProgrammes(ctx)).map((p) => [p.code, p.id]));
  const plan: [string, number, string][] = [
    ["csr_diagnostic", 20, "in_progress"],
    ["carbon_assessment", 2, "completed"],
    ["group_purchasing", 23, "enrolled"],
    ["hr_employer_brand", 10, "completed"],
    ["cybersecurity_diagnostic", 4, "completed"],
    ["strategic_audit_360", 3, "in_progress"],
  ];
  for (const [code, n, status] of plan) {
    for (const [i, m] of draw(companies, n).entries()) {
      const month = 1 + ((i * 5) % 11);
      await enrol(ctx, programmes.get(code)!, {
        memberId: id(m.key),
        enrolledOn: day(year, month, 10),
        status: status as "enrolled",
        endedOn: status === "completed" ? day(year, Math.min(12, month + 3), 28) : null,
        outcome: status === "completed" ? "Restitution faite, plan d'actions remis" : null,
      });
    }
  }

  // 8 members supported on funding calls with the competitiveness pole.
  const calls = ["AAP Région Industrie du futur", "France 2030 — Industrie verte", "AAP Métropole Innovation"];
  for (const [i, m] of draw(companies, 8).entries()) {
    const granted = i < 4;
    await createSupportCase(ctx, {
      memberId: id(m.key),
      callLabel: calls[i % calls.length],
      openedOn: day(year, 1 + i, 12),
      status: granted ? "granted" : i < 6 ? "submitted" : "refused",
      amountAskedCents: (30 + 10 * i) * 100_000,
      amountObtainedCents: granted ? (15 + 5 * i) * 100_000 : null,
      partnerBody: "Pôle CIMES",
    });
  }

  // The monthly newsletter.
  for (let month = 1; month <= 12; month++) {
    await createNewsletter(ctx, {
      sentOn: day(year, month, 8),
      title: `La lettre Mécaloire — ${new Intl.DateTimeFormat("fr-FR", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, 8)))} ${year}`,
      recipients: 160 + month,
    });
  }

  // Saint-Étienne Métropole's grant with its targets (seed 001), and the region's.
  const metropolis = await createFunder(ctx, {
    name: "Saint-Étienne Métropole",
    kind: "metropolis",
    contactName: "Direction du développement économique",
  });
  const action = (title: string, indicator: string, target: number, filter: IndicatorFilter = {}) => ({
    title,
    indicator: indicator as "events_held",
    target,
    filter,
  });
  for (const y of [year, year + 1]) {
    await createGrant(ctx, {
      funderId: metropolis.id,
      title: `Animation de l'écosystème d'innovation — filière Manufacturing ${y}`,
      amountCents: 2_000_000,
      periodStart: `${y}-01-01`,
      periodEnd: `${y}-12-31`,
      agreementRef: `Délibération n°${y}.00343`,
      budgetLine: "INUM/SUFLI/65748",
      actions:
        y === year
          ? [
              action("Petits déjeuners et visites d'entreprises innovation", "events_held", 3, {
                eventKinds: ["breakfast", "company_visit"],
                titleContains: "innovation",
              }),
              action("Accompagnements aux appels à projets", "support_cases", 8),
              action("Adhérents impliqués dans une démarche RSE", "programme_members", 20, {
                programmeId: programmes.get("csr_diagnostic"),
              }),
              action("Bilans carbone accompagnés", "programme_members", 2, {
                programmeId: programmes.get("carbon_assessment"),
              }),
              action("Petits déjeuners et événements RH", "events_held", 4, { titleContains: "RH" }),
              action("Adhérents sur la plateforme d'achats groupés", "programme_members", 23, {
                programmeId: programmes.get("group_purchasing"),
              }),
              action("Newsletter mensuelle", "newsletters", 12),
            ]
          : [],
    });
  }
  const region = await createFunder(ctx, { name: "Région Auvergne-Rhône-Alpes", kind: "region" });
  await createGrant(ctx, {
    funderId: region.id,
    title: "Programme régional d'animation des clusters",
    amountCents: 1_500_000,
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    agreementRef: "CP-2025-0417",
    budgetLine: null,
    actions: [action("Contacts directs avec les adhérents", "staff_contacts", 40)],
  });

  // This year's calls, open for members to answer.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
  const plus = (days: number) =>
    new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  await createCall(ctx, {
    funderName: "Région Auvergne-Rhône-Alpes",
    title: "Industrie du futur : investissements de modernisation",
    description: "Aide aux investissements robotiques et numériques des PME industrielles.",
    topics: ["innovation", "industrie du futur"],
    sizeClasses: ["micro", "sme"],
    nafCodes: ["25", "28"],
    departments: ["42", "43", "69"],
    opensOn: plus(-20),
    closesOn: plus(40),
    url: "https://www.auvergnerhonealpes.fr/aides",
    reminderDays: 7,
  });
  await createCall(ctx, {
    funderId: metropolis.id,
    title: "Diagnostic cybersécurité accompagné",
    topics: ["cybersécurité"],
    sizeClasses: [],
    nafCodes: [],
    departments: ["42"],
    opensOn: plus(-5),
    closesOn: plus(25),
    url: null,
    reminderDays: 10,
  });
}
