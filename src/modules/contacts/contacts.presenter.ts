import type { ContactKind, contacts, followUps } from "./contacts.schema.js";

type ContactRow = typeof contacts.$inferSelect;
type FollowUpRow = typeof followUps.$inferSelect;

export interface Names {
  members: Map<string, string>;
  people: Map<string, string>;
  users: Map<string, string>;
}

/** The only place a follow-up becomes JSON; `today` is the Paris day it is overdue from. */
export function presentFollowUp(row: FollowUpRow, names: Names, today: string) {
  return {
    id: row.id,
    member: { id: row.memberId, name: names.members.get(row.memberId) ?? "" },
    contactId: row.contactId,
    title: row.title,
    kind: row.kind as ContactKind,
    dueOn: row.dueOn,
    assignee: row.assigneeUserId
      ? { id: row.assigneeUserId, name: names.users.get(row.assigneeUserId) ?? row.assigneeUserId }
      : null,
    doneAt: row.doneAt?.toISOString() ?? null,
    overdue: row.doneAt === null && row.dueOn < today,
    createdAt: row.createdAt.toISOString(),
  };
}
export type FollowUpJson = ReturnType<typeof presentFollowUp>;

export function presentContact(row: ContactRow, names: Names, related: FollowUpJson[]) {
  return {
    id: row.id,
    memberId: row.memberId,
    kind: row.kind as ContactKind,
    happenedAt: row.happenedAt.toISOString(),
    summary: row.summary,
    person: row.personId ? { id: row.personId, name: names.people.get(row.personId) ?? "" } : null,
    staff: { userId: row.staffUserId, name: names.users.get(row.staffUserId ?? "") ?? row.staffLabel },
    followUps: related,
    createdAt: row.createdAt.toISOString(),
  };
}
