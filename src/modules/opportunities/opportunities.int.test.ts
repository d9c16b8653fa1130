import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../testing/app.js";
import { testDatabaseKind } from "../../testing/database.js";
import { multipart } from "../../testing/files.js";
import { SHOWCASE_LIMIT } from "./opportunities.rules.js";
import { createSuppliers, type TestSupplier } from "./opportunities.testing.js";

let t: TestApp;
let cluster: Awaited<ReturnType<TestApp["cluster"]>>;
let other: Awaited<ReturnType<TestApp["cluster"]>>;
let alpha: TestSupplier;
let beta: TestSupplier;
let gamma: TestSupplier;
let hidden: TestSupplier;
const base = () => `/api/clusters/${cluster.slug}`;
const fields = async (res: Response) =>
  ((await res.json()).error.fields as { field: string }[]).map((f) => f.field).sort();
const from = (address: string) => ({ "x-forwarded-for": address });
const need = {
  company: "Industries Relocalisées SA",
  contactName: "Claire Acheteuse",
  email: "claire@acheteur.example",
  title: "Sous-traitance d'un carter usiné, traité et revêtu",
  description: "Relocalisation d'une production de carters depuis l'Asie.",
  steps: ["machining", "heat-treatment", "surface-treatment"],
  certifications: ["ISO 9001"],
  volumes: "20 000 pièces par an",
  deadline: "2027-09-30",
  siteCommuneInsee: "42218",
};

beforeAll(async () => {
  t = await createTestApp();
  cluster = await t.cluster();
  other = await t.cluster();
  [alpha, beta, gamma, hidden] = await createSuppliers(t, cluster, [
    // The only one that may lead (an SME), and it machines and heat-treats in Saint-Étienne.
    {
      legalName: "Usinage Alpha",
      communeInsee: "42218",
      trades: ["machining", "heat-treatment"],
      certifications: ["ISO 9001"],
      headcount: 40,
    },
    // Surface treatment next door (Firminy), a micro-enterprise.
    {
      legalName: "Traitements Beta",
      communeInsee: "42095",
      trades: ["surface-treatment"],
      certifications: ["ISO 9001"],
      headcount: 6,
    },
    // Surface treatment farther away (Roanne).
    {
      legalName: "Surfaces Gamma",
      communeInsee: "42187",
      trades: ["surface-treatment"],
      certifications: ["ISO 9001"],
      headcount: 8,
    },
    // Keeps its profile (and so its certifications) from the public.
    {
      legalName: "Discrète Omega",
      communeInsee: "42218",
      trades: ["surface-treatment"],
      certifications: ["EN 9100"],
      headcount: 12,
      visibility: { profile: "members" },
    },
  ]);
  await createSuppliers(t, cluster, [
    { legalName: "Prospect Zeta", communeInsee: "42218", trades: ["machining"], status: "prospect" },
  ]);
});
afterAll(async () => t?.close());

describe(`the public showcase on ${testDatabaseKind}`, () => {
  it("stays offline (404) until staff put it online", async () => {
    expect((await t.request("GET", `${base()}/showcase`)).status).toBe(404);
    expect((await t.request("POST", `${base()}/showcase/needs`, { json: need })).status).toBe(404);
    const denied = await t.request("PUT", `${base()}/opportunities/settings`, {
      cookie: alpha.cookie,
      json: { showcaseEnabled: true },
    });
    expect(denied.status).toBe(403);
    const res = await t.request("PUT", `${base()}/opportunities/settings`, {
      cookie: cluster.staff,
      json: { showcaseEnabled: true },
    });
    expect(await res.json()).toEqual({ showcaseEnabled: true });
  });

  it("shows current members' public capabilities to anyone, searchable by trade, certification and place", async () => {
    const all = await (await t.request("GET", `${base()}/showcase`)).json();
    expect(all.items.map((m: { name: string }) => m.name).sort()).toEqual([
      "Discrète Omega",
      "Surfaces Gamma",
      "Traitements Beta",
      "Usinage Alpha",
    ]);
    const omega = all.items.find((m: { name: string }) => m.name === "Discrète Omega");
    expect(omega).toMatchObject({ certifications: [], description: null });
    expect(Object.keys(omega)).not.toContain("siren");
    expect(all.facets.certification).toEqual([{ value: "ISO 9001", label: "ISO 9001", count: 3 }]);

    const surface = await (await t.request("GET", `${base()}/showcase?trade=surface-treatment`)).json();
    expect(surface.total).toBe(3);
    // A certification kept from the public is never found by its filter.
    const hiddenCert = await (await t.request("GET", `${base()}/showcase?certification=EN%209100`)).json();
    expect(hiddenCert.total).toBe(0);
    const near = await (
      await t.request("GET", `${base()}/showcase?near=42218&within=30&trade=surface-treatment`)
    ).json();
    expect(near.items.map((m: { name: string }) => m.name).sort()).toEqual(["Discrète Omega", "Traitements Beta"]);
    expect(near.origin).toMatchObject({ insee: "42218" });
    const bad = await t.request("GET", `${base()}/showcase?near=abc`);
    expect(bad.status).toBe(422);
    const communes = await (await t.request("GET", `${base()}/showcase/communes?q=Firmi`)).json();
    expect(communes.communes[0]).toMatchObject({ insee: "42095", name: "Firminy" });
  });

  it("refuses a bad need with a French message naming each field", async () => {
    const res = await t.request("POST", `${base()}/showcase/needs`, {
      json: { ...need, email: "pas-un-email", title: "?", deadline: "30/09/2027", company: "" },
      headers: from("198.51.100.1"),
    });
    expect(res.status).toBe(422);
    const body = await res.clone().json();
    expect(await fields(res)).toEqual(["company", "deadline", "email", "title"]);
    expect(body.error.message).toContain("Adresse e-mail invalide");
    const unknownTrade = await t.request("POST", `${base()}/showcase/needs`, {
      json: { ...need, steps: ["levitation"] },
      headers: from("198.51.100.1"),
    });
    expect(unknownTrade.status).toBe(422);
    expect((await unknownTrade.json()).error.message).toContain("Métier inconnu du référentiel : levitation");
  });

  it("turns a need into a lead for the staff; a filled honeypot stores nothing", async () => {
    const bot = await t.request("POST", `${base()}/showcase/needs`, {
      json: { ...need, title: "Robot spam offer", website: "http://spam.example" },
      headers: from("198.51.100.2"),
    });
    expect(bot.status).toBe(201);
    const res = await t.request("POST", `${base()}/showcase/needs`, { json: need, headers: from("198.51.100.2") });
    expect(res.status).toBe(201);
    expect((await res.json()).reference).toMatch(/^[0-9A-F]{8}$/);
    const board = await (await t.request("GET", `${base()}/opportunities`, { cookie: cluster.staff })).json();
    expect(board.opportunities.map((o: { title: string }) => o.title)).toEqual([need.title]);
    expect(board.opportunities[0]).toMatchObject({
      stage: "lead",
      source: "showcase",
      buyer: { company: need.company, email: need.email },
      site: { insee: "42218", town: "Saint-Étienne" },
      steps: [
        { code: "machining", label: "Usinage" },
        { code: "heat-treatment", label: "Traitement thermique" },
        { code: "surface-treatment", label: "Traitement de surface" },
      ],
    });
    expect((await t.request("GET", `${base()}/opportunities`, { cookie: alpha.cookie })).status).toBe(403);
  });

  it(`limits a sender to ${SHOWCASE_LIMIT} needs an hour per cluster`, async () => {
    const sender = from("203.0.113.9");
    for (let i = 0; i < SHOWCASE_LIMIT; i++) {
      const res = await t.request("POST", `${base()}/showcase/needs`, {
        json: { ...need, title: `Besoin répété ${i}`, website: "x" },
        headers: sender,
      });
      expect(res.status).toBe(201);
    }
    const refused = await t.request("POST", `${base()}/showcase/needs`, { json: need, headers: sender });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toContain("réessayez plus tard");
    // Another sender is not held back.
    const fresh = await t.request("POST", `${base()}/showcase/needs`, {
      json: { ...need, website: "x" },
      headers: from("203.0.113.10"),
    });
    expect(fresh.status).toBe(201);
  });
});

describe(`joint bids on ${testDatabaseKind}`, () => {
  let opportunityId: string;
  const opp = (suffix = "") => `${base()}/opportunities/${opportunityId}${suffix}`;
  const invitationOf = async (supplier: TestSupplier) => {
    const mine = await (await t.request("GET", `${base()}/my-opportunities`, { cookie: supplier.cookie })).json();
    return mine.invitations.find(
      (i: { status: string; opportunity: { id: string } }) => i.opportunity.id === opportunityId,
    );
  };
  const answer = (cookie: string, invitationId: string, accept: boolean, slug = cluster.slug) =>
    t.request("POST", `/api/clusters/${slug}/consortium-invitations/${invitationId}/answer`, {
      cookie,
      json: { accept, comment: accept ? "Partants" : "Carnet de commandes plein" },
    });

  it("lets staff qualify a need: steps, certifications, site; not without them", async () => {
    const created = await t.request("POST", `${base()}/opportunities`, {
      cookie: cluster.staff,
      json: { title: "Carters pour un constructeur relocalisé", buyerCompany: "Constructeur X" },
    });
    expect(created.status).toBe(201);
    opportunityId = (await created.json()).id;
    const early = await t.request("POST", opp("/stage"), { cookie: cluster.staff, json: { stage: "qualified" } });
    expect(early.status).toBe(422);
    expect(await fields(early)).toEqual(["siteCommuneInsee", "steps"]);
    const noTeam = await t.request("POST", opp("/proposals"), { cookie: cluster.staff, json: {} });
    expect(noTeam.status).toBe(422);
    const badSite = await t.request("PATCH", opp(), { cookie: cluster.staff, json: { siteCommuneInsee: "99999" } });
    expect(badSite.status).toBe(422);
    const patched = await t.request("PATCH", opp(), {
      cookie: cluster.staff,
      json: {
        steps: need.steps,
        certifications: ["ISO 9001"],
        siteCommuneInsee: "42218",
        volumes: "20 000 pièces par an",
        deadline: "2027-09-30",
        amountCents: 48_000_000,
      },
    });
    expect(patched.status).toBe(200);
    const moved = await (
      await t.request("POST", opp("/stage"), { cookie: cluster.staff, json: { stage: "qualified" } })
    ).json();
    expect(moved).toMatchObject({ stage: "qualified", site: { town: "Saint-Étienne" }, amountCents: 48_000_000 });
    expect(moved.qualifiedAt).not.toBeNull();
    const upload = await t.request("POST", opp("/documents"), {
      cookie: cluster.staff,
      body: multipart({ file: { name: "cahier-des-charges.pdf", data: new TextEncoder().encode("%PDF cahier") } }),
    });
    expect(upload.status).toBe(201);
    const doc = await upload.json();
    const download = await t.request("GET", opp(`/documents/${doc.id}`), { cookie: cluster.staff });
    expect(await download.text()).toBe("%PDF cahier");
  });

  it("exports the need in the builder's format, members as companies with the leading rule", async () => {
    const res = await (await t.request("GET", opp("/consortium-need"), { cookie: cluster.staff })).json();
    expect(res).toMatchObject({
      steps: need.steps,
      certifications: ["ISO 9001"],
      maxTravelMinutes: 120,
      incompatible: [],
    });
    const byId = new Map(res.companies.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(alpha.id)).toMatchObject({ canLead: true, capabilities: ["machining", "heat-treatment"] });
    expect(byId.get(beta.id)).toMatchObject({ canLead: false });
    // The prospect is not a member yet.
    expect(res.companies).toHaveLength(4);
  });

  it("proposes the best team, staff pick it, its companies are invited", async () => {
    const res = await t.request("POST", opp("/proposals"), { cookie: cluster.staff, json: { top: 3 } });
    expect(res.status).toBe(200);
    const detail = await res.json();
    const best = detail.proposals[0];
    expect(best).toMatchObject({ rank: 1, status: "suggested", leader: { id: alpha.id }, optimal: true });
    expect(best.members.map((m: { id: string }) => m.id).sort()).toEqual([alpha.id, beta.id].sort());
    expect(
      best.members
        .find((m: { id: string }) => m.id === alpha.id)
        .steps.map((s: { code: string }) => s.code)
        .sort(),
    ).toEqual(["heat-treatment", "machining"]);
    const picked = await (await t.request("POST", opp(`/proposals/${best.id}/pick`), { cookie: cluster.staff })).json();
    expect(picked.proposals.find((p: { id: string }) => p.id === best.id).status).toBe("invited");
    expect(picked.team).toEqual({ invited: 2, accepted: 0 });
    const again = await t.request("POST", opp(`/proposals/${best.id}/pick`), { cookie: cluster.staff });
    expect(again.status).toBe(409);
    const invitation = await invitationOf(beta);
    expect(invitation).toMatchObject({ status: "invited", isLeader: false, leader: { id: alpha.id } });
    expect(invitation.opportunity).not.toHaveProperty("buyer");
  });

  it("lets a company answer only for itself; another cluster's people get 404", async () => {
    const alphaInvitation = await invitationOf(alpha);
    expect((await answer(beta.cookie, alphaInvitation.id, false)).status).toBe(403);
    expect((await answer(gamma.cookie, alphaInvitation.id, true)).status).toBe(403);
    expect((await answer(cluster.staff, alphaInvitation.id, true)).status).toBe(403);
    expect((await answer(cluster.funder, alphaInvitation.id, true)).status).toBe(403);
    expect((await answer(other.member, alphaInvitation.id, true)).status).toBe(404);
    expect((await answer(other.staff, alphaInvitation.id, true, other.slug)).status).toBe(404);
    expect((await t.request("GET", opp(), { cookie: other.staff })).status).toBe(404);
    expect(
      (await t.request("GET", `/api/clusters/${other.slug}/opportunities/${opportunityId}`, { cookie: other.staff }))
        .status,
    ).toBe(404);
    const bad = await t.request("POST", `${base()}/consortium-invitations/${alphaInvitation.id}/answer`, {
      cookie: alpha.cookie,
      json: { accept: "oui" },
    });
    expect(bad.status).toBe(422);
    expect(await fields(bad)).toEqual(["accept"]);
  });

  it("brings the next proposal when a company declines, keeping the others' acceptance", async () => {
    expect((await answer(alpha.cookie, (await invitationOf(alpha)).id, true)).status).toBe(200);
    const declined = await answer(beta.cookie, (await invitationOf(beta)).id, false);
    expect(declined.status).toBe(200);
    expect((await declined.json()).status).toBe("declined");
    const detail = await (await t.request("GET", opp(), { cookie: cluster.staff })).json();
    expect(detail.declined).toEqual([{ id: beta.id, name: "Traitements Beta" }]);
    const current = detail.proposals.find((p: { status: string }) => p.status === "invited");
    expect(current.members.map((m: { id: string }) => m.id).sort()).toEqual([alpha.id, gamma.id].sort());
    expect(current.round).toBe(2);
    const states = Object.fromEntries(
      current.members.map((m: { id: string; invitation: { status: string } }) => [m.id, m.invitation.status]),
    );
    expect(states).toEqual({ [alpha.id]: "accepted", [gamma.id]: "invited" });
    expect(detail.proposals.find((p: { status: string }) => p.status === "declined").members).toHaveLength(2);
    expect(detail.stage).toBe("qualified");
    // The refusing company is never proposed again for this bid.
    for (const p of detail.proposals.filter((x: { round: number }) => x.round === 2))
      expect(p.members.map((m: { id: string }) => m.id)).not.toContain(beta.id);
    expect((await answer(beta.cookie, (await invitationOf(beta)).id, true)).status).toBe(409);
  });

  it("confirms the team and its leader once everyone accepted, then follows the bid to the order", async () => {
    expect((await answer(gamma.cookie, (await invitationOf(gamma)).id, true)).status).toBe(200);
    const detail = await (await t.request("GET", opp(), { cookie: cluster.staff })).json();
    expect(detail).toMatchObject({ stage: "team_formed", leader: { id: alpha.id, name: "Usinage Alpha" } });
    expect(detail.proposals.find((p: { status: string }) => p.status === "confirmed").round).toBe(2);
    // A confirmed team no longer changes: a fresh proposal cannot be picked over it.
    const fresh = await (await t.request("POST", opp("/proposals"), { cookie: cluster.staff, json: {} })).json();
    const spare = fresh.proposals.find((p: { status: string }) => p.status === "suggested");
    expect((await t.request("POST", opp(`/proposals/${spare.id}/pick`), { cookie: cluster.staff })).status).toBe(409);
    const bid = await (
      await t.request("POST", opp("/stage"), {
        cookie: cluster.staff,
        json: { stage: "bid_sent", amountCents: 51_000_000, date: "2026-03-02" },
      })
    ).json();
    expect(bid).toMatchObject({ stage: "bid_sent", bidSentOn: "2026-03-02", amountCents: 51_000_000 });
    const won = await (
      await t.request("POST", opp("/stage"), { cookie: cluster.staff, json: { stage: "won", date: "2026-04-15" } })
    ).json();
    expect(won).toMatchObject({ stage: "won", closedOn: "2026-04-15" });
    expect((await t.request("POST", opp("/proposals"), { cookie: cluster.staff, json: {} })).status).toBe(409);
  });

  it("names the steps no member can take when no team exists", async () => {
    const created = await (
      await t.request("POST", `${base()}/opportunities`, {
        cookie: cluster.staff,
        json: { title: "Ressorts et fonderie", steps: ["springs", "machining"], siteCommuneInsee: "42218" },
      })
    ).json();
    const res = await (
      await t.request("POST", `${base()}/opportunities/${created.id}/proposals`, { cookie: cluster.staff, json: {} })
    ).json();
    expect(res.proposals).toEqual([]);
    expect(res.uncovered).toEqual([{ code: "springs", label: "Ressorts" }]);
  });
});

describe(`leads passed and business done between members on ${testDatabaseKind}`, () => {
  it("lets a member pass a lead to another, who sees it; staff see it on the board", async () => {
    const self = await t.request("POST", `${base()}/referrals`, {
      cookie: beta.cookie,
      json: { toMemberId: beta.id, title: "Un client pour moi-même" },
    });
    expect(self.status).toBe(422);
    expect(await fields(self)).toEqual(["toMemberId"]);
    const forOther = await t.request("POST", `${base()}/referrals`, {
      cookie: beta.cookie,
      json: { toMemberId: gamma.id, fromMemberId: alpha.id, title: "Au nom d'Alpha" },
    });
    expect(forOther.status).toBe(403);
    const res = await t.request("POST", `${base()}/referrals`, {
      cookie: beta.cookie,
      json: {
        toMemberId: gamma.id,
        title: "Un client cherche du zingage",
        buyerCompany: "Garage Y",
        amountCents: 1_200_000,
      },
    });
    expect(res.status).toBe(201);
    const received = await (await t.request("GET", `${base()}/my-opportunities`, { cookie: gamma.cookie })).json();
    expect(received.referralsReceived).toHaveLength(1);
    expect(received.referralsReceived[0]).toMatchObject({
      source: "referral",
      referredBy: { id: beta.id },
      buyer: { company: "Garage Y" },
    });
    const sent = await (await t.request("GET", `${base()}/my-opportunities`, { cookie: beta.cookie })).json();
    expect(sent.referralsSent.map((r: { title: string }) => r.title)).toEqual(["Un client cherche du zingage"]);
    expect(sent.referralsSent[0]).not.toHaveProperty("buyer");
    const board = await (await t.request("GET", `${base()}/opportunities`, { cookie: cluster.staff })).json();
    expect(board.opportunities.some((o: { source: string }) => o.source === "referral")).toBe(true);
  });

  it("counts business declared between members per year, for the funder report", async () => {
    const declare = (cookie: string, json: Record<string, unknown>) =>
      t.request("POST", `${base()}/business-deals`, { cookie, json });
    const bad = await declare(beta.cookie, { partnerMemberId: beta.id, amountCents: 0, doneOn: "15/05/2026" });
    expect(bad.status).toBe(422);
    expect(await fields(bad)).toEqual(["amountCents", "doneOn"]);
    expect(
      (await declare(beta.cookie, { partnerMemberId: beta.id, amountCents: 100, doneOn: "2026-05-15" })).status,
    ).toBe(422);
    expect(
      (
        await declare(beta.cookie, {
          partnerMemberId: gamma.id,
          memberId: alpha.id,
          amountCents: 100,
          doneOn: "2026-05-15",
        })
      ).status,
    ).toBe(403);
    const first = await declare(beta.cookie, {
      partnerMemberId: gamma.id,
      amountCents: 1_250_000,
      doneOn: "2026-05-15",
    });
    expect(first.status).toBe(201);
    const firstDeal = await first.json();
    expect(firstDeal).toMatchObject({ company: { id: beta.id }, partner: { id: gamma.id }, canDelete: true });
    await declare(cluster.staff, {
      memberId: alpha.id,
      partnerMemberId: gamma.id,
      amountCents: 300_000,
      doneOn: "2026-11-02",
    });
    await declare(alpha.cookie, { partnerMemberId: beta.id, amountCents: 999_900, doneOn: "2025-12-31" });
    const figures = await (
      await t.request("GET", `${base()}/opportunities/figures?year=2026`, { cookie: cluster.funder })
    ).json();
    expect(figures.businessBetweenMembers).toEqual({ count: 2, amountCents: 1_550_000, companies: 3 });
    expect(figures.opportunities).toMatchObject({ won: 1, wonAmountCents: 51_000_000, bidsSent: 1 });
    const gammaDeals = await (
      await t.request("GET", `${base()}/business-deals?year=2026`, { cookie: gamma.cookie })
    ).json();
    expect(gammaDeals.deals).toHaveLength(2);
    expect(gammaDeals.deals.every((d: { canDelete: boolean }) => !d.canDelete)).toBe(true);
    const hiddenDeals = await (await t.request("GET", `${base()}/business-deals`, { cookie: hidden.cookie })).json();
    expect(hiddenDeals.deals).toEqual([]);
    const id = firstDeal.id;
    expect((await t.request("DELETE", `${base()}/business-deals/${id}`, { cookie: gamma.cookie })).status).toBe(403);
    expect(
      (await t.request("DELETE", `/api/clusters/${other.slug}/business-deals/${id}`, { cookie: other.staff })).status,
    ).toBe(404);
    expect((await t.request("DELETE", `${base()}/business-deals/${id}`, { cookie: beta.cookie })).status).toBe(204);
    const after = await (
      await t.request("GET", `${base()}/opportunities/figures?year=2026`, { cookie: cluster.staff })
    ).json();
    expect(after.businessBetweenMembers).toEqual({ count: 1, amountCents: 300_000, companies: 2 });
    expect((await t.request("GET", `${base()}/opportunities/figures`, { cookie: beta.cookie })).status).toBe(403);
  });
});
