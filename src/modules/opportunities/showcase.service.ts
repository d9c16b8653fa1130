import { createHash, randomUUID } from "node:crypto";
import { and, count, eq, gte, lt } from "drizzle-orm";
import { departmentName, searchCommunes } from "../../core/reference/communes.js";
import type { Actor } from "../../platform/permissions/permissions.js";
import type { ClusterContext } from "../../server/context.js";
import { AppError, notFound } from "../../server/errors.js";
import { searchDirectory } from "../members/directory.service.js";
import type { MemberJson } from "../members/members.presenter.js";
import { tradeLabelsOf } from "../members/members.service.js";
import { tenant } from "./opportunities.reads.js";
import { SHOWCASE_LIMIT, SHOWCASE_RETENTION_MS, SHOWCASE_WINDOW_MS } from "./opportunities.rules.js";
import { showcaseSubmissions } from "./opportunities.schema.js";
import { insertOpportunity } from "./opportunities.service.js";
import type { ShowcaseNeed, ShowcaseQuery } from "./showcase.contract.js";

/** Whoever looks at the showcase, signed in or not, sees the public audience's view. */
const visitor: Actor = { userId: null, label: "vitrine", role: null, platformAdmin: false, memberId: null };

/** Beyond this many matches the showcase pages through the first ones only (a cluster has tens to hundreds). */
const SCAN_LIMIT = 2000;

/** A member as the showcase shows it: what the members presenter gives the public audience, and no more. */
function showcaseCard(member: MemberJson) {
  return {
    id: member.id,
    name: member.tradeName ?? member.legalName,
    legalName: member.legalName,
    town: member.town,
    department: member.department,
    trades: member.trades,
    description: member.profile?.description ?? null,
    certifications: member.profile?.certifications ?? [],
    website: member.contact?.website ?? null,
    ...(member.roadMinutes !== undefined ? { roadMinutes: member.roadMinutes } : {}),
  };
}
type Card = ReturnType<typeof showcaseCard>;

function facetOf(cards: Card[], values: (c: Card) => { value: string; label: string }[]) {
  const counts = new Map<string, { value: string; label: string; count: number }>();
  for (const card of cards)
    for (const v of values(card)) {
      const entry = counts.get(v.value) ?? { ...v, count: 0 };
      entry.count += 1;
      counts.set(v.value, entry);
    }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
}

/**
 * The showcase: current members matching the query, presented by the members module for the public audience.
 * Certifications are part of a member's profile, which it may keep from the public: the certification filter
 * and its facet count only members whose profile is public, so that a hidden certification is never revealed
 * by a filter. Facets are counted from the cards themselves, i.e. from what is shown.
 */
export async function searchShowcase(
  ctx: ClusterContext,
  cluster: { name: string; description: string | null },
  query: ShowcaseQuery,
) {
  const publicCtx = { ...ctx, actor: visitor };
  const matching: Card[] = [];
  let origin: { insee: string; name: string } | null = null;
  for (let page = 1; matching.length < SCAN_LIMIT; page++) {
    const result = await searchDirectory(
      publicCtx,
      {
        q: query.q,
        trade: query.trade,
        certification: [],
        department: query.department,
        sizeClass: [],
        status: ["member"],
        kind: [],
        near: query.near,
        within: query.within,
        page,
        pageSize: 100,
      },
      "fr",
    );
    origin = result.origin ? { insee: result.origin.insee, name: result.origin.name } : null;
    matching.push(...result.items.map(showcaseCard));
    if (result.items.length < 100) break;
  }
  const wanted = query.certification;
  const shown = wanted.length ? matching.filter((c) => c.certifications.some((x) => wanted.includes(x))) : matching;
  const trades = await tenant(ctx, (tx) => tradeLabelsOf(tx, ctx.clusterId));
  const start = (query.page - 1) * query.pageSize;
  return {
    cluster,
    trades: [...trades].map(([code, label]) => ({ code, label })),
    items: shown.slice(start, start + query.pageSize),
    total: shown.length,
    page: query.page,
    pageSize: query.pageSize,
    facets: {
      trade: facetOf(shown, (c) => c.trades.map((t) => ({ value: t.code, label: t.label }))),
      // Disjunctive: the certification facet leaves its own filter out.
      certification: facetOf(matching, (c) => c.certifications.map((x) => ({ value: x, label: x }))),
      department: facetOf(shown, (c) =>
        c.department
          ? [{ value: c.department, label: `${c.department} ${departmentName(c.department) ?? ""}`.trim() }]
          : [],
      ),
    },
    origin,
  };
}

export function showcaseCommunes(q: string) {
  return searchCommunes(q, 10)
    .filter((c) => c.lat != null && c.lon != null)
    .map((c) => ({ insee: c.insee, name: c.name, department: c.department, postcodes: [...c.postcodes] }));
}

/** One sender in one cluster, hashed: the address itself is never stored. */
const senderKeyOf = (clusterId: string, address: string) =>
  createHash("sha256").update(`${clusterId}\n${address}`).digest("hex");

/**
 * A need from the showcase becomes a lead for the staff. At most SHOWCASE_LIMIT per sender (client address)
 * and cluster per SHOWCASE_WINDOW_MS (one hour), counted in the database so that it holds across restarts and
 * processes. A filled honeypot gets the same answer and nothing is stored (but counts towards the limit).
 */
export async function submitShowcaseNeed(ctx: ClusterContext, address: string, input: ShowcaseNeed) {
  const senderKey = senderKeyOf(ctx.clusterId, address);
  const actor: Actor = { ...visitor, label: `vitrine : ${input.email.toLowerCase()}` };
  return tenant({ ...ctx, actor }, async (tx) => {
    const now = Date.now();
    await tx
      .delete(showcaseSubmissions)
      .where(
        and(
          eq(showcaseSubmissions.clusterId, ctx.clusterId),
          lt(showcaseSubmissions.createdAt, new Date(now - SHOWCASE_RETENTION_MS)),
        ),
      );
    const [{ n }] = await tx
      .select({ n: count() })
      .from(showcaseSubmissions)
      .where(
        and(
          eq(showcaseSubmissions.clusterId, ctx.clusterId),
          eq(showcaseSubmissions.senderKey, senderKey),
          gte(showcaseSubmissions.createdAt, new Date(now - SHOWCASE_WINDOW_MS)),
        ),
      );
    if (Number(n) >= SHOWCASE_LIMIT)
      throw new AppError(
        429,
        "rate_limited",
        `Vous avez déjà envoyé ${SHOWCASE_LIMIT} besoins dans l'heure : réessayez plus tard ou écrivez-nous directement.`,
      );
    await tx.insert(showcaseSubmissions).values({ clusterId: ctx.clusterId, senderKey });
    if (input.website) return { received: true as const, reference: randomUUID().slice(0, 8).toUpperCase() };
    const row = await insertOpportunity(tx, { ...ctx, actor }, "showcase", {
      title: input.title,
      description: input.description,
      buyerCompany: input.company,
      buyerContact: input.contactName,
      buyerEmail: input.email,
      buyerPhone: input.phone,
      steps: input.steps ?? [],
      certifications: input.certifications ?? [],
      volumes: input.volumes,
      deadline: input.deadline,
      siteCommuneInsee: input.siteCommuneInsee,
    });
    return { received: true as const, reference: row.id.slice(0, 8).toUpperCase() };
  });
}

/** 404 while the cluster's showcase is offline (settings.showcaseEnabled), as for an unknown cluster. */
export function requireShowcase(enabled: boolean) {
  if (!enabled) throw notFound("Showcase");
}
