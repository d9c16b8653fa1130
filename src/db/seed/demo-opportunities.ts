import { answerInvitation, pickProposal, proposeTeams } from "../../modules/opportunities/consortium.service.js";
import { declareDeal, passLead } from "../../modules/opportunities/deals.service.js";
import type { OpportunityInput } from "../../modules/opportunities/opportunities.contract.js";
import {
  createOpportunity,
  moveOpportunity,
  setShowcaseEnabled,
  updateOpportunity,
} from "../../modules/opportunities/opportunities.service.js";
import { submitShowcaseNeed } from "../../modules/opportunities/showcase.service.js";
import type { Actor } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import type { Db } from "../client.js";
import type { DemoCluster } from "./demo-data.js";

interface Input {
  clusterId: string;
  demo: DemoCluster;
  memberIds: Map<string, string>;
  staff: Actor;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (now: Date, days: number) => iso(new Date(now.getTime() - days * 86_400_000));

/**
 * The joint-bids board as a cluster would have it after a few months: the showcase online, leads from it,
 * needs at every stage (teams built by the consortium builder and accepted by their companies), leads passed
 * between members and business they declared together this year and last.
 */
export async function loadDemoOpportunities(db: Db, input: Input, now = new Date()) {
  const staff: ClusterContext = { db, clusterId: input.clusterId, actor: input.staff };
  const companyActor = (memberId: string): ClusterContext => ({
    db,
    clusterId: input.clusterId,
    actor: { userId: null, label: "Démo", role: "member", platformAdmin: false, memberId },
  });
  await setShowcaseEnabled(staff, false, true);
  const companies = input.demo.members.filter((m) => m.kind === "company" && m.status === "member");
  const id = (key: string) => input.memberIds.get(key)!;
  // Steps that the demo's members can take: the trades of three companies of different trades.
  const chain = [...new Set(companies.flatMap((m) => m.trades.slice(0, 1)))];
  const steps = (offset: number, n: number) => chain.slice(offset, offset + n);

  const lead = async (need: OpportunityInput) => createOpportunity(staff, need);
  // Two buyers came through the public showcase (from "addresses" of their own, for the rate limit).
  await submitShowcaseNeed(staff, "demo-buyer-1", {
    title: "Pièces de rechange pour presses hydrauliques",
    company: "Papeteries du Forez",
    contactName: "Nadia Berthon",
    email: "achats@papeteries-forez.example",
    description: "Fabrication à la demande de pièces d'usure, petites séries.",
    steps: steps(0, 2),
    deadline: daysAgo(now, -60),
  });
  await submitShowcaseNeed(staff, "demo-buyer-2", {
    title: "Relocalisation d'une ligne de carters de pompes",
    company: "Hydrofluid Europe",
    contactName: "Marc Olivier",
    email: "m.olivier@hydrofluid.example",
    description: "Production aujourd'hui en Asie : 15 000 carters par an, usinés, traités et montés.",
    volumes: "15 000 pièces par an",
    siteCommuneInsee: "42218",
    steps: steps(1, 3),
  });

  /** A qualified need with its team built, picked and accepted by every company: a confirmed team. */
  async function withTeam(need: OpportunityInput, accept: boolean) {
    const created = await lead(need);
    await moveOpportunity(staff, created.id, { stage: "qualified" });
    const proposed = await proposeTeams(staff, created.id, { top: 3, fairness: true });
    const best = proposed.proposals[0];
    if (!best || !accept) return best ? created.id : null;
    const picked = await pickProposal(staff, created.id, best.id);
    for (const m of picked.proposals.find((p) => p.id === best.id)!.members)
      if (m.invitation?.status === "invited")
        await answerInvitation(companyActor(m.id), m.invitation.id, { accept: true, comment: "Partants" });
    return created.id;
  }

  await withTeam(
    {
      title: "Bâtis mécano-soudés pour lignes d'emballage",
      buyerCompany: "Emballages Rhône-Alpes",
      siteCommuneInsee: "42207",
      steps: steps(2, 3),
      amountCents: 18_500_000,
      deadline: daysAgo(now, -120),
    },
    false,
  );
  const formed = await withTeam(
    {
      title: "Outillages de presse pour un équipementier automobile",
      buyerCompany: "Autoparts Centre",
      siteCommuneInsee: "42218",
      steps: steps(0, 3),
      amountCents: 42_000_000,
    },
    true,
  );
  const sent = await withTeam(
    {
      title: "Châssis de convoyeurs pour un logisticien",
      buyerCompany: "LogiNord",
      siteCommuneInsee: "42095",
      steps: steps(3, 2),
      amountCents: 26_000_000,
    },
    true,
  );
  if (sent) await moveOpportunity(staff, sent, { stage: "bid_sent", date: daysAgo(now, 20) });
  const won = await withTeam(
    {
      title: "Sous-ensembles pour un fabricant de machines agricoles",
      buyerCompany: "Agrimeca",
      siteCommuneInsee: "42218",
      steps: steps(1, 2),
      amountCents: 63_000_000,
    },
    true,
  );
  if (won) {
    await moveOpportunity(staff, won, { stage: "bid_sent", date: daysAgo(now, 75) });
    await moveOpportunity(staff, won, { stage: "won", date: daysAgo(now, 30), amountCents: 61_500_000 });
  }
  const lost = await lead({ title: "Carénages inox pour l'agroalimentaire", buyerCompany: "Fromageries du Pilat" });
  await updateOpportunity(staff, lost.id, { steps: steps(0, 1), siteCommuneInsee: "42218" });
  await moveOpportunity(staff, lost.id, { stage: "lost", date: daysAgo(now, 45), lossReason: "Prix trop élevé" });
  void formed;

  // Leads passed between members and business declared together.
  const [a, b, c, d, e] = companies.slice(0, 5).map((m) => id(m.key));
  await passLead(companyActor(a), {
    toMemberId: b,
    title: "Un client cherche un traitement de surface sur 2 000 pièces",
    buyerCompany: "Cycles Manufrance",
    amountCents: 1_800_000,
  });
  await passLead(companyActor(c), {
    toMemberId: d,
    title: "Demande de maintenance de presses",
    buyerCompany: "Verrerie de Rive-de-Gier",
  });
  const deals: [string, string, number, number, string][] = [
    [a, b, 1_250_000, 40, "Sous-traitance d'usinage"],
    [b, c, 830_000, 95, "Traitement de surface d'une série"],
    [c, a, 2_400_000, 150, "Chaudronnerie pour une machine spéciale"],
    [d, e, 560_000, 200, "Prêt de capacité de découpe laser"],
    [e, a, 1_120_000, 400, "Montage de sous-ensembles"],
  ];
  for (const [from, partner, amountCents, ago, description] of deals)
    await declareDeal(companyActor(from), {
      partnerMemberId: partner,
      amountCents,
      doneOn: daysAgo(now, ago),
      description,
    });
}
