import { analyze } from "../../core/similarity/analyze.js";
import type { Workstream } from "../groups/groups.schema.js";

/** "As soon as three members share a question, we start a working group." */
export const DEFAULT_NEED_THRESHOLD = 3;

/** The cluster's threshold (settings.needThreshold), the default when unset or unusable. */
export function needThresholdOf(settings: Record<string, unknown> | null | undefined): number {
  const value = Number(settings?.needThreshold);
  return Number.isInteger(value) && value >= 2 ? value : DEFAULT_NEED_THRESHOLD;
}

/** The distinct companies sharing a need: its author's and every "me too". */
export function companiesOf(need: { memberId: string | null }, supporterMemberIds: string[]): string[] {
  return [...new Set([...(need.memberId ? [need.memberId] : []), ...supporterMemberIds])];
}

/** Which workstream a need's words point to, to prefill the group staff open from it. */
const WORKSTREAM_CONCEPTS: [Workstream, string[]][] = [
  ["business_development", ["export", "germany", "english", "trade_show", "sales_rep", "tender", "aerospace"]],
  ["training", ["training", "apprenticeship", "internship", "hiring", "machinist", "employer_brand", "welding"]],
  ["innovation", ["cyber", "industry40", "robot", "erp", "cnc"]],
  [
    "internal_performance",
    [
      "energy",
      "group_purchasing",
      "steel",
      "quality_iso9001",
      "environment_iso14001",
      "carbon",
      "csr",
      "recycling",
      "chips",
      "transport",
      "maintenance",
      "compressed_air",
      "solar",
      "msd",
      "hse",
      "energy_saving",
      "waste_heat",
      "office_supplies",
      "insurance",
      "traceability",
    ],
  ],
  ["governance", ["funding", "handover"]],
];

export function suggestWorkstream(text: string): Workstream {
  const concepts = new Set(
    analyze(text)
      .filter((t) => t.term.startsWith("@"))
      .map((t) => t.term.slice(1)),
  );
  let best: Workstream = "other";
  let bestCount = 0;
  for (const [workstream, list] of WORKSTREAM_CONCEPTS) {
    const hits = list.filter((c) => concepts.has(c)).length;
    if (hits > bestCount) {
      best = workstream;
      bestCount = hits;
    }
  }
  return best;
}
