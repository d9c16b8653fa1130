import type { ClusterRole } from "../clusters/clusters.schema.js";

/**
 * What a route requires. Every API route declares one (see server/route.ts);
 * a snapshot test lists them all so an unguarded endpoint cannot slip in.
 */
export type Permission =
  | "public"
  | "signed-in"
  | "cluster.read"
  | "members.read"
  | "members.write"
  | "members.write-own"
  | "members.import"
  | "members.export"
  | "members.history"
  | "people.privacy"
  | "trades.write"
  | "users.manage"
  | "events.read"
  | "events.register"
  | "events.manage"
  | "events.checkin"
  | "outbox.read"
  | "groups.read"
  | "groups.manage"
  | "needs.read"
  | "needs.post"
  | "needs.manage"
  | "contacts.manage"
  | "engagement.read"
  | "meetings.take-part"
  | "meetings.manage"
  | "opportunities.take-part"
  | "opportunities.manage"
  | "programmes.manage"
  | "funding.manage"
  | "reports.read"
  | "reports.manage"
  | "platform.admin";

const staff: Permission[] = [
  "cluster.read",
  "members.read",
  "members.write",
  "members.write-own",
  "members.import",
  "members.export",
  "members.history",
  "people.privacy",
  "trades.write",
  "users.manage",
  "events.read",
  "events.register",
  "events.manage",
  "events.checkin",
  "outbox.read",
  "groups.read",
  "groups.manage",
  "needs.read",
  "needs.post",
  "needs.manage",
  "contacts.manage",
  "engagement.read",
  "meetings.take-part",
  "meetings.manage",
  "opportunities.take-part",
  "opportunities.manage",
  "programmes.manage",
  "funding.manage",
  "reports.read",
  "reports.manage",
];

export const rolePermissions: Record<ClusterRole, readonly Permission[]> = {
  staff,
  // A member company's person reads the directory (within visibility) and edits only its own company.
  // Record-level rules (a group's leader edits its action plan, a person cancels only their own seat) live in the services.
  member: [
    "cluster.read",
    "members.read",
    "members.write-own",
    "events.read",
    "events.register",
    "groups.read",
    "needs.read",
    "needs.post",
    "meetings.take-part",
    // Answer a consortium invitation, pass a lead, declare business done: for their own company only (service rules).
    "opportunities.take-part",
  ],
  // Funders read reports only; the directory is not theirs to browse.
  funder: ["cluster.read", "reports.read"],
};

export interface Actor {
  userId: string | null;
  /** Shown in the history: a person's name, or "import", "system". */
  label: string;
  role: ClusterRole | null;
  platformAdmin: boolean;
  /** For role "member": the company this person belongs to. */
  memberId: string | null;
}

export function can(actor: Actor, permission: Permission): boolean {
  if (permission === "public") return true;
  if (permission === "signed-in") return actor.userId !== null;
  if (actor.platformAdmin) return true;
  if (permission === "platform.admin") return false;
  return actor.role !== null && rolePermissions[actor.role].includes(permission);
}

export const systemActor = (label = "system"): Actor => ({
  userId: null,
  label,
  role: "staff",
  platformAdmin: false,
  memberId: null,
});
