import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { members, people } from "../members/members.schema.js";
import { fundingCalls } from "./funding.schema.js";

/** Titles of the cluster's funding calls by id (what a support case names), inside the caller's tenant tx. */
export async function fundingCallTitles(tx: Db, clusterId: string, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await tx
    .select({ id: fundingCalls.id, title: fundingCalls.title })
    .from(fundingCalls)
    .where(and(eq(fundingCalls.clusterId, clusterId), inArray(fundingCalls.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/**
 * The current members a call is matched against, and who a notice goes to: read-only over the members
 * module's tables inside the caller's tenant transaction (the members module exports no such list), the
 * way engagement reads them. Prospects and former members are never told about calls.
 */
export async function callCandidates(tx: Db, clusterId: string) {
  const rows = await tx
    .select({
      id: members.id,
      name: members.legalName,
      status: members.status,
      kind: members.kind,
      sizeClass: members.sizeClass,
      nafCode: members.nafCode,
      communeInsee: members.communeInsee,
      department: members.department,
      town: members.town,
    })
    .from(members)
    .where(and(eq(members.clusterId, clusterId), eq(members.status, "member")))
    .orderBy(asc(members.legalName));
  const contacts = await tx
    .select({
      memberId: people.memberId,
      firstName: people.firstName,
      lastName: people.lastName,
      email: people.email,
      isMainContact: people.isMainContact,
    })
    .from(people)
    .where(and(eq(people.clusterId, clusterId), isNotNull(people.email), isNull(people.erasedAt)))
    .orderBy(desc(people.isMainContact), asc(people.createdAt));
  const contactOf = new Map<string, { name: string | null; email: string }>();
  for (const p of contacts) {
    if (contactOf.has(p.memberId) || !p.email?.trim()) continue;
    contactOf.set(p.memberId, {
      name: [p.firstName, p.lastName].filter(Boolean).join(" ") || null,
      email: p.email.trim(),
    });
  }
  return rows.map((m) => ({ ...m, contact: contactOf.get(m.id) ?? null }));
}
export type CallCandidate = Awaited<ReturnType<typeof callCandidates>>[number];
