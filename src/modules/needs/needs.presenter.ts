import type { Actor } from "../../platform/permissions/permissions.js";
import { canEditNeed, isOwnNeed } from "./needs.policy.js";
import { companiesOf } from "./needs.rules.js";
import type { needSupporters, needs } from "./needs.schema.js";

type NeedRow = typeof needs.$inferSelect;
type SupporterRow = typeof needSupporters.$inferSelect;

const company = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? "—" } : null);

/** The only place a need becomes JSON. */
export function presentNeed(row: NeedRow, supporters: SupporterRow[], names: Map<string, string>, actor: Actor) {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    status: row.status,
    author: { label: row.authorLabel, company: company(row.memberId, names) },
    supportCount: supporters.length,
    companyCount: companiesOf(
      row,
      supporters.map((s) => s.memberId),
    ).length,
    supportedByMe: actor.memberId !== null && supporters.some((s) => s.memberId === actor.memberId),
    mine: isOwnNeed(actor, row),
    canEdit: canEditNeed(actor, row),
    mergedIntoId: row.mergedIntoId,
    workingGroupId: row.workingGroupId,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentSupporter(row: SupporterRow, names: Map<string, string>) {
  return {
    company: { id: row.memberId, name: names.get(row.memberId) ?? "—" },
    label: row.authorLabel,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
  };
}
