import type { programmeEnrolments, programmes, supportCases } from "./programmes.schema.js";

type ProgrammeRow = typeof programmes.$inferSelect;
type EnrolmentRow = typeof programmeEnrolments.$inferSelect;
type SupportCaseRow = typeof supportCases.$inferSelect;

const company = (id: string, names: Map<string, string>) => ({ id, name: names.get(id) ?? "—" });

/** The only place a programme, an enrolment or a support case becomes JSON. */
export function presentProgramme(row: ProgrammeRow, enrolments: number) {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    description: row.description,
    partnerBody: row.partnerBody,
    active: row.active,
    enrolments,
  };
}

export function presentEnrolment(row: EnrolmentRow, names: Map<string, string>) {
  return {
    id: row.id,
    programmeId: row.programmeId,
    member: company(row.memberId, names),
    enrolledOn: row.enrolledOn,
    endedOn: row.endedOn,
    status: row.status,
    outcome: row.outcome,
    partnerBody: row.partnerBody,
  };
}

export function presentSupportCase(row: SupportCaseRow, names: Map<string, string>, calls: Map<string, string>) {
  return {
    id: row.id,
    member: company(row.memberId, names),
    call: row.callId ? { id: row.callId, title: calls.get(row.callId) ?? "—" } : null,
    callLabel: row.callLabel,
    openedOn: row.openedOn,
    status: row.status,
    amountAskedCents: row.amountAskedCents,
    amountObtainedCents: row.amountObtainedCents,
    partnerBody: row.partnerBody,
    notes: row.notes,
  };
}
