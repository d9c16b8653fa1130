import { isOpen } from "./eligibility.js";
import type { funders, fundingCalls, grantActions, grants, IndicatorFilter } from "./funding.schema.js";

type FunderRow = typeof funders.$inferSelect;
type CallRow = typeof fundingCalls.$inferSelect;
type GrantRow = typeof grants.$inferSelect;
type ActionRow = typeof grantActions.$inferSelect;

/** The only place funders, calls and grants become JSON. */
export function presentFunder(row: FunderRow, grantCount: number) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    grants: grantCount,
  };
}

export function callState(row: Pick<CallRow, "opensOn" | "closesOn">, today: string) {
  if (isOpen(row, today)) return "open" as const;
  return row.closesOn < today ? ("closed" as const) : ("upcoming" as const);
}

export function presentCall(
  row: CallRow,
  today: string,
  extra: { funderNames: Map<string, string>; notified: number; supportCases: number },
) {
  return {
    id: row.id,
    funder: row.funderId ? { id: row.funderId, name: extra.funderNames.get(row.funderId) ?? row.funderName } : null,
    funderName: row.funderName,
    title: row.title,
    description: row.description,
    topics: row.topics,
    sizeClasses: row.sizeClasses,
    nafCodes: row.nafCodes,
    departments: row.departments,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    url: row.url,
    reminderDays: row.reminderDays,
    state: callState(row, today),
    notified: extra.notified,
    notifiedAt: row.notifiedAt?.toISOString() ?? null,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    supportCases: extra.supportCases,
  };
}

export function presentAction(row: ActionRow) {
  return {
    id: row.id,
    grantId: row.grantId,
    title: row.title,
    indicator: row.indicator,
    filter: row.filter as IndicatorFilter,
    target: row.target,
    position: row.position,
  };
}

export function presentGrant(row: GrantRow, funder: FunderRow, actions: ActionRow[]) {
  return {
    id: row.id,
    funder: { id: funder.id, name: funder.name, kind: funder.kind },
    title: row.title,
    amountCents: row.amountCents,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    agreementRef: row.agreementRef,
    budgetLine: row.budgetLine,
    actions: actions.map(presentAction),
  };
}
