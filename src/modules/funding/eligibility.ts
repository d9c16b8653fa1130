import { getCommune } from "../../core/reference/communes.js";

/** Why a member is or is not eligible to a call: pure rules, no I/O (see eligibility.test.ts). */
export interface CallCriteria {
  sizeClasses: readonly string[];
  nafCodes: readonly string[];
  departments: readonly string[];
}

export interface CandidateMember {
  status: string;
  kind: string;
  sizeClass: string | null;
  nafCode: string | null;
  communeInsee: string | null;
  department: string | null;
}

export type IneligibleReason = "not_member" | "size_class" | "naf" | "department";

/** "25.62A", "2562a", "25.6" → "2562A", "256": the NAF code without separators, for prefix matching. */
export const compactNaf = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, "");

/** The member's department: its commune's (the register is the reference), else the one stored. */
export function departmentOf(member: Pick<CandidateMember, "communeInsee" | "department">): string | null {
  const commune = member.communeInsee ? getCommune(member.communeInsee) : undefined;
  return commune?.department ?? member.department ?? null;
}

/**
 * A current member (not a prospect, not a former member) matching every criterion the call sets; an empty
 * list sets none. A criterion the member's record cannot answer (no size class, no NAF code, no commune)
 * makes it ineligible: staff are told why, and complete the record.
 */
export function ineligibility(call: CallCriteria, member: CandidateMember): IneligibleReason[] {
  const reasons: IneligibleReason[] = [];
  if (member.status !== "member") reasons.push("not_member");
  if (call.sizeClasses.length && !(member.sizeClass && call.sizeClasses.includes(member.sizeClass)))
    reasons.push("size_class");
  if (call.nafCodes.length) {
    const naf = member.nafCode ? compactNaf(member.nafCode) : null;
    if (!naf || !call.nafCodes.some((prefix) => naf.startsWith(compactNaf(prefix)))) reasons.push("naf");
  }
  if (call.departments.length) {
    const department = departmentOf(member);
    if (!department || !call.departments.includes(department)) reasons.push("department");
  }
  return reasons;
}

export const isEligible = (call: CallCriteria, member: CandidateMember) => ineligibility(call, member).length === 0;

/** The call is open on `today` (YYYY-MM-DD): opened (or no opening date) and not closed. */
export const isOpen = (call: { opensOn: string | null; closesOn: string }, today: string) =>
  (!call.opensOn || call.opensOn <= today) && today <= call.closesOn;

/** The reminder is due: within `reminderDays` of the closing date, and the call is still open. */
export function reminderDue(call: { closesOn: string; reminderDays: number }, today: string): boolean {
  if (today > call.closesOn) return false;
  const close = Date.parse(`${call.closesOn}T00:00:00Z`);
  const now = Date.parse(`${today}T00:00:00Z`);
  return (close - now) / 86_400_000 <= call.reminderDays;
}
