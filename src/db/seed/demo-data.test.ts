import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import codesNaf from "@socialgouv/codes-naf";
import { describe, expect, it } from "vitest";
import { mechanicalTrades } from "../../modules/members/trades.seed.js";
import { type DemoMember, demoCluster } from "./demo-data.js";

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** insee → { name, postcodes }, from the commune reference shipped with the product (or the shared copy). */
function loadCommunes(): Map<string, { name: string; postcodes: string[] }> {
  const shipped = fileURLToPath(new URL("../../core/reference/data/communes-coordinates.csv", import.meta.url));
  const path = existsSync(shipped) ? shipped : "/work/shared/data/communes-coordinates.csv";
  const communes = new Map<string, { name: string; postcodes: string[] }>();
  for (const line of readFileSync(path, "utf8").split("\n").slice(1)) {
    const [insee, name, , postcodes] = line.split(",");
    if (insee) communes.set(insee, { name, postcodes: postcodes.split(" ") });
  }
  return communes;
}

const demo = demoCluster();
const companies = demo.members.filter((m) => m.kind === "company");
function countBy(members: DemoMember[], key: (m: DemoMember) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of members) counts[key(m)] = (counts[key(m)] ?? 0) + 1;
  return counts;
}

describe("demo cluster", () => {
  it("is the same on every call", () => {
    expect(demoCluster()).toEqual(demo);
  });

  it("has about seventy companies and ten other members", () => {
    expect(companies.length).toBeGreaterThanOrEqual(65);
    expect(companies.length).toBeLessThanOrEqual(80);
    expect(countBy(demo.members, (m) => m.kind)).toMatchObject({ school: 4, lab: 2, public_body: 2, partner: 2 });
    const statuses = countBy(companies, (m) => m.status);
    expect(statuses.member).toBeGreaterThanOrEqual(55);
    expect(statuses.former).toBeGreaterThanOrEqual(4);
    expect(statuses.prospect).toBeGreaterThanOrEqual(3);
  });

  it("gives valid SIRENs and SIRETs (Luhn), each SIRET within its SIREN", () => {
    for (const m of demo.members) {
      expect(m.siren, m.key).toMatch(/^\d{9}$/);
      expect(m.siret, m.key).toMatch(/^\d{14}$/);
      expect(passesLuhn(m.siren!), m.key).toBe(true);
      expect(passesLuhn(m.siret!), m.key).toBe(true);
      expect(m.siret!.startsWith(m.siren!), m.key).toBe(true);
    }
  });

  it("places members in real communes with a matching postcode", () => {
    const communes = loadCommunes();
    for (const m of demo.members) {
      const commune = communes.get(m.communeInsee);
      expect(commune, `${m.key}: ${m.communeInsee}`).toBeDefined();
      expect(commune!.postcodes, m.key).toContain(m.postcode);
    }
    const nearSaintEtienne = demo.members.filter((m) => m.communeInsee.startsWith("42")).length;
    expect(nearSaintEtienne / demo.members.length).toBeGreaterThan(0.7);
  });

  it("uses trade codes of the taxonomy and NAF rév. 2 sub-classes", () => {
    const trades = new Set(mechanicalTrades.map((t) => t.code));
    const naf = new Set(codesNaf.map((entry) => entry.id));
    for (const m of demo.members) {
      for (const code of m.trades) expect(trades, `${m.key}: ${code}`).toContain(code);
      expect(m.nafCode, m.key).toMatch(/^\d{2}\.\d{2}[A-Z]$/);
      expect(naf, `${m.key}: ${m.nafCode}`).toContain(m.nafCode);
    }
    for (const c of companies) expect(c.trades.length, c.key).toBeGreaterThanOrEqual(1);
    const covered = new Set(companies.flatMap((c) => c.trades));
    for (const code of ["design", "machining", "turning", "boiler-making", "surface-treatment", "heat-treatment"]) {
      expect(covered).toContain(code);
    }
    for (const code of ["mould-making", "foundry", "forging", "springs", "special-machines", "integration"]) {
      expect(covered).toContain(code);
    }
    for (const code of ["automation", "maintenance", "factory-relocation", "metrology"])
      expect(covered).toContain(code);
  });

  it("links sponsors to other, earlier members", () => {
    const byKey = new Map(demo.members.map((m) => [m.key, m]));
    const sponsored = demo.members.filter((m) => m.sponsorKey);
    expect(sponsored.length).toBeGreaterThanOrEqual(15);
    for (const m of sponsored) {
      const sponsor = byKey.get(m.sponsorKey!);
      expect(sponsor, m.key).toBeDefined();
      expect(sponsor!.key).not.toBe(m.key);
      expect(sponsor!.joinedOn! < m.joinedOn!, m.key).toBe(true);
    }
  });

  it("has unique keys, SIRENs and email addresses", () => {
    const unique = (values: (string | null)[]) => new Set(values).size === values.length;
    expect(unique(demo.members.map((m) => m.key))).toBe(true);
    expect(unique(demo.members.map((m) => m.siren))).toBe(true);
    expect(unique(demo.members.map((m) => m.email))).toBe(true);
    expect(unique(demo.members.flatMap((m) => m.people.map((p) => p.email)))).toBe(true);
    expect(unique(demo.users.map((u) => u.email))).toBe(true);
  });

  it("gives each member with people exactly one main contact", () => {
    for (const m of demo.members) {
      if (m.kind === "company") expect(m.people.length, m.key).toBeGreaterThanOrEqual(1);
      if (m.people.length > 0)
        expect(
          m.people.filter((p) => p.isMainContact),
          m.key,
        ).toHaveLength(1);
      for (const p of m.people) expect(p.email).toBe(p.email.toLowerCase());
    }
    const people = demo.members.flatMap((m) => m.people);
    const listedShare = people.filter((p) => p.listed).length / people.length;
    expect(listedShare).toBeGreaterThan(0.65);
    expect(listedShare).toBeLessThan(0.95);
  });

  it("keeps membership dates and dues consistent", () => {
    for (const m of demo.members) {
      if (m.status === "prospect") expect([m.joinedOn, m.leftOn, m.dues]).toEqual([null, null, []]);
      if (m.status === "former") {
        expect(m.leftOn! > m.joinedOn!, m.key).toBe(true);
        expect(m.leaveReason, m.key).toBeTruthy();
      }
      if (m.status === "member") expect(m.leftOn).toBeNull();
      for (const d of m.dues) {
        expect([2024, 2025, 2026]).toContain(d.year);
        expect(d.amountCents).toBeGreaterThanOrEqual(30_000);
        if (d.paidOn) expect(d.paidOn >= m.joinedOn! && (!m.leftOn || d.paidOn <= m.leftOn), m.key).toBe(true);
      }
    }
    const dues2026 = companies.flatMap((m) => m.dues.filter((d) => d.year === 2026));
    expect(dues2026.some((d) => d.paidOn === null)).toBe(true);
    expect(dues2026.filter((d) => d.paidOn !== null).length).toBeGreaterThan(dues2026.length / 2);
  });

  it("keeps turnover consistent with headcount", () => {
    for (const c of companies) {
      const perHead = c.turnoverEur! / c.headcount!;
      expect(perHead, c.key).toBeGreaterThanOrEqual(70_000);
      expect(perHead, c.key).toBeLessThanOrEqual(190_000);
    }
    expect(companies.filter((c) => c.headcount! >= 250).length).toBeGreaterThanOrEqual(3);
  });

  it("links member users to demo companies", () => {
    const keys = new Set(demo.members.map((m) => m.key));
    expect(demo.users.filter((u) => u.role === "staff")).toHaveLength(2);
    for (const u of demo.users) {
      expect(u.email.endsWith("@demo.grappe.test")).toBe(true);
      if (u.role === "member") expect(keys).toContain(u.memberKey);
    }
    for (const user of demo.users.filter((u) => u.memberKey)) {
      const company = demo.members.find((m) => m.key === user.memberKey)!;
      expect(company.people.map((p) => `${p.firstName} ${p.lastName}`)).toContain(user.name);
    }
  });

  it("writes descriptions that search can find", () => {
    const text = companies.map((c) => c.description).join("\n");
    for (const phrase of [
      "traitements thermiques sous vide",
      "usinage 5 axes",
      "chaudronnerie inox",
      "décolletage de précision",
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
